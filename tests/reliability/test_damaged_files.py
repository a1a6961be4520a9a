"""Damaged and hostile files: one clear line with a way forward, and the file is never changed.

Each case runs through the command line (``hrplan list``) and through the start of the app (plain
``hrplan``), in Swedish and English. The app must not even start on such a file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import pytest

from db import engine
from db.engine import Database
from db.errors import DiskFullError
from db.paths import backup_dir
from tests.reliability.files import (
    corrupt_pages,
    count,
    digest,
    integrity,
    locked_by_another_process,
    read_only_folder,
    settle,
)
from tui.cli import main


@pytest.fixture(autouse=True)
def _short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A locked file is reported after 0.2 s instead of 5 s."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)


@pytest.fixture(autouse=True)
def _app_must_not_start(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.factory

    def refuse(**_kwargs: object) -> None:
        raise AssertionError("the app started on a file it should have refused")

    monkeypatch.setattr(tui.factory, "make_app", refuse)


def damaged(database: Database) -> AbstractContextManager[None]:
    settle(database)
    corrupt_pages(database.path)
    return nullcontext()


def not_sqlite(database: Database) -> AbstractContextManager[None]:
    database.dispose()
    database.path.unlink()
    database.path.write_text("Kompetensförsörjningsplan 2025–2027\tHemtjänsten\n" * 50)
    return nullcontext()


def newer(database: Database) -> AbstractContextManager[None]:
    with sqlite3.connect(database.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0042_framtid'")
    conn.close()
    settle(database)
    return nullcontext()


def locked(database: Database) -> AbstractContextManager[None]:
    settle(database)
    return locked_by_another_process(database.path)


def read_only(database: Database) -> AbstractContextManager[None]:
    settle(database)
    return read_only_folder(database.path.parent)


CASES: dict[str, tuple[Callable[[Database], AbstractContextManager[None]], dict[str, str]]] = {
    "damaged": (damaged, {"sv": "är skadad", "en": "hrplan restore"}),
    "not_sqlite": (not_sqlite, {"sv": "inte en hrplan-databas", "en": "not an hrplan database"}),
    "newer": (newer, {"sv": "nyare version", "en": "Update hrplan"}),
    "locked": (locked, {"sv": "låst av ett annat program", "en": "locked by another program"}),
    "read_only": (read_only, {"sv": "får inte skriva", "en": "--db"}),
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("start", ["list", "app"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_unusable_file_gives_one_line_and_stays_unchanged(
    demo_database: Database, capsys: pytest.CaptureFixture[str], case: str, start: str, lang: str
) -> None:
    prepare, needles = CASES[case]
    path = demo_database.path
    with prepare(demo_database):
        before = digest(path)
        args = ["--db", str(path), "--lang", lang] + (["list"] if start == "list" else [])
        code = main(args)
        out, err = capsys.readouterr()
        assert digest(path) == before
    assert code == 2 and out == ""
    assert err.startswith("hrplan: ") and err.count("\n") == 1, err
    assert needles[lang] in err and "Traceback" not in err


def test_damaged_file_names_the_folder_of_the_backups(demo_database: Database, capsys) -> None:
    path = demo_database.path
    damaged(demo_database)
    assert main(["--db", str(path), "--lang", "en", "list"]) == 2
    assert str(backup_dir(path)) in capsys.readouterr().err


def test_damage_found_after_todays_backup_is_reported_too(demo_database: Database, capsys) -> None:
    """The daily check has run already; the damage shows when the data is read."""
    from db.backup import make_backup

    make_backup(demo_database.path, "daily")
    damaged(demo_database)
    before = digest(demo_database.path)
    code = main(["--db", str(demo_database.path), "--lang", "en", "show", "1"])
    err = capsys.readouterr().err
    assert code == 2 and "is damaged" in err and err.count("\n") == 1
    assert digest(demo_database.path) == before


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection may not grow the file: SQLite answers "database or disk is full"."""
    configure = engine.configure_connection

    def cramped(conn: sqlite3.Connection) -> None:
        configure(conn)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

    monkeypatch.setattr(engine, "configure_connection", cramped)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_full_disk_refuses_the_change_and_keeps_the_data(
    database: Database, monkeypatch: pytest.MonkeyPatch, capsys, lang: str
) -> None:
    settle(database)
    full_disk(monkeypatch)
    code = main(["--db", str(database.path), "--lang", lang, "demo"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert ("Disken är full" if lang == "sv" else "disk is full") in err
    monkeypatch.undo()
    assert integrity(database.path) == ["ok"] and count(database.path, "SELECT count(*) FROM plan") == 0


def test_full_disk_during_a_save_is_a_clear_error(demo_database: Database, monkeypatch) -> None:
    from db.edits import update_row
    from models.activity import Activity

    settle(demo_database)
    full_disk(monkeypatch)
    with pytest.raises(DiskFullError), demo_database.write() as session:
        update_row(session, Activity, 1, {"follow_up": "x" * 15_000}, expected_version=None, plan_id=1)
    monkeypatch.undo()
    demo_database.dispose()
    assert integrity(demo_database.path) == ["ok"]
    assert count(demo_database.path, "SELECT count(*) FROM activity WHERE follow_up LIKE 'xxx%'") == 0


def test_full_disk_while_writing_a_backup_leaves_no_half_copy(
    demo_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from db import backup

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.os, "replace", no_space)
    with pytest.raises(DiskFullError):
        backup.make_backup(demo_database.path, "manual")
    monkeypatch.undo()
    assert os.listdir(backup_dir(demo_database.path)) == []


def test_a_folder_instead_of_a_file(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    assert main(["--db", str(folder), "--lang", "en", "list"]) == 2
    err = capsys.readouterr().err
    assert "is a folder, not a database file" in err and err.count("\n") == 1
