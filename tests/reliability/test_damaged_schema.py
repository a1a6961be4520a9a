"""A database that lost part of its schema, or its record of its revision, is refused at open.

One line naming what is wrong and the newest whole backup; no traceback, no daily backup of the
damaged file, the file unchanged. ``restore`` refuses such a file too. Each unusable kind of path
(a folder, a dangling link, a ``-wal`` file of another database) gets its own line.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from db.backup import list_backups, make_backup
from db.engine import Database
from db.paths import backup_dir
from tests.reliability.files import corrupt_pages, digest, settle
from tui.cli import main


def _sql(*statements: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = OFF")
            for statement in statements:
                conn.execute(statement)
        finally:
            conn.close()

    return damage


def _drop_column(table: str, column: str) -> Callable[[Path], None]:
    """Rebuild ``table`` without ``column``, as a broken tool or a hand edit might leave it."""

    def damage(path: Path) -> None:
        conn = sqlite3.connect(path)
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != column]
        conn.close()
        kept = ", ".join(columns)
        # As an old tool renames: without checking the triggers of other tables that name the table.
        _sql("PRAGMA legacy_alter_table = ON", f"CREATE TABLE tmp_{table} AS SELECT {kept} FROM {table}",
             f"DROP TABLE {table}",
             f"ALTER TABLE tmp_{table} RENAME TO {table}")(path)  # fmt: skip

    return damage


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "no revision row": (_sql("DELETE FROM alembic_version"), "lacks the record of its format's revision"),
    "empty revision": (_sql("UPDATE alembic_version SET version_num = ''"),
                       "lacks the record of its format's revision"),  # fmt: skip
    "no revision table": (_sql("DROP TABLE alembic_version"), "lacks the record of its format's revision"),
    "unknown revision": (_sql("UPDATE alembic_version SET version_num = 'zz9'"),
                         "names a format revision (zz9) that no hrplan has made"),  # fmt: skip
    "lost column": (_drop_column("activity", "responsible"),
                    "parts of it are missing (activity.responsible)"),  # fmt: skip
    "lost table": (_sql("DROP TABLE followup_entry"), "parts of it are missing (followup_entry)"),
    "lost trigger": (_sql("DROP TRIGGER activity_tally_update"),
                     "parts of it are missing (trigger activity_tally_update)"),  # fmt: skip
}


@pytest.fixture
def with_backups(demo_database: Database) -> Database:
    """A good backup, then a newer one that is itself damaged: the message must name the good one."""
    settle(demo_database)
    good = make_backup(demo_database.path, "manual")
    bad = make_backup(demo_database.path, "manual")
    corrupt_pages(bad)
    assert list_backups(demo_database.path) == [good, bad]
    return demo_database


@pytest.mark.parametrize("command", [["list"], ["show", "1"], ["tick", "1", "1", "done"], []])
@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_a_damaged_schema_is_refused_with_the_newest_whole_backup(
    with_backups: Database, monkeypatch: pytest.MonkeyPatch, capsys, case: str, command: list[str]
) -> None:
    import tui.factory

    monkeypatch.setattr(tui.factory, "make_app", lambda **_: pytest.fail("the app started"))
    path = with_backups.path
    damage, words = DAMAGE[case]
    damage(path)
    good = list_backups(path)[0]
    before, backups = digest(path), list_backups(path)
    code = main(["--db", str(path), "--lang", "en", *command])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert words in err and f"hrplan restore {good}" in err, err
    assert digest(path) == before and list_backups(path) == backups  # no daily backup of it


def test_swedish_too(with_backups: Database, capsys) -> None:
    _drop_column("plan", "cadence")(with_backups.path)
    assert main(["--db", str(with_backups.path), "list"]) == 2
    err = capsys.readouterr().err
    assert "är skadad: delar av den saknas (plan.cadence)" in err and "hrplan restore" in err


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_restore_refuses_a_damaged_schema(demo_database: Database, tmp_path: Path, capsys, case: str) -> None:
    settle(demo_database)
    source = tmp_path / "kopia.db"
    shutil.copyfile(demo_database.path, source)
    DAMAGE[case][0](source)
    before = digest(demo_database.path)
    assert main(["--db", str(demo_database.path), "--lang", "en", "restore", str(source)]) == 2
    err = capsys.readouterr().err
    assert "Nothing was restored" in err and "newer" not in err and err.count("\n") == 1, err
    assert digest(demo_database.path) == before


def test_a_newer_revision_is_still_called_newer(demo_database: Database, capsys) -> None:
    _sql("UPDATE alembic_version SET version_num = '0099_framtid'")(demo_database.path)
    assert main(["--db", str(demo_database.path), "--lang", "en", "list"]) == 2
    assert "comes from a newer hrplan (schema 0099_framtid)" in capsys.readouterr().err


def test_a_wal_file_of_another_database(demo_database: Database, tmp_path: Path, capsys) -> None:
    """A -wal file left beside the database by another one: said so, and neither file is changed."""
    settle(demo_database)
    other = tmp_path / "annan.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE anteckning (text)")
    conn.executemany("INSERT INTO anteckning VALUES (?)", [("x" * i,) for i in range(300)])
    conn.commit()
    wal = Path(f"{demo_database.path}-wal")
    shutil.copyfile(f"{other}-wal", wal)
    conn.close()
    before = (digest(demo_database.path), digest(wal))
    assert main(["--db", str(demo_database.path), "--lang", "en", "list"]) == 2
    err = capsys.readouterr().err
    assert f"{wal} beside the database belongs to another database" in err and err.count("\n") == 1
    assert (digest(demo_database.path), digest(wal)) == before
    assert not backup_dir(demo_database.path).exists()


def test_a_folder_as_the_database(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "planer"
    folder.mkdir()
    assert main(["--db", str(folder), "--lang", "en", "list"]) == 2
    err = capsys.readouterr().err
    assert "is a folder, not a database file" in err and str(folder / "hrplan.db") in err
    assert list(folder.iterdir()) == []


def test_restoring_a_folder(demo_database: Database, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "kopior"
    folder.mkdir()
    assert main(["--db", str(demo_database.path), "--lang", "en", "restore", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "is a folder; give a backup (a file) to restore" in err and "does not exist" not in err


@pytest.mark.parametrize("where", ["missing folder", "missing file"])
def test_a_dangling_link_as_the_database(tmp_path: Path, capsys, where: str) -> None:
    target = tmp_path / "usb" / "hrplan.db" if where == "missing folder" else tmp_path / "borta.db"
    link = tmp_path / "hrplan.db"
    link.symlink_to(target)
    assert main(["--db", str(link), "--lang", "en", "list"]) == 2
    err = capsys.readouterr().err
    assert f"is a link to {target}, which does not exist" in err and "sqlite3" not in err, err
    assert not target.exists()


def test_restoring_a_dangling_link(demo_database: Database, tmp_path: Path, capsys) -> None:
    link = tmp_path / "kopia.db"
    link.symlink_to(tmp_path / "borta.db")
    assert main(["--db", str(demo_database.path), "--lang", "en", "restore", str(link)]) == 2
    assert "which does not exist. Nothing was restored" in capsys.readouterr().err


def test_the_schema_list_matches_the_models_and_the_migrations(database: Database) -> None:
    """db/schema.py lists every table and column the models have, and the migrations make."""
    from sqlmodel import SQLModel

    import models.tables  # noqa: F401
    from db.schema import KEPT_BY_TRIGGERS, TABLES

    models = {t.name: {c.name for c in t.columns} for t in SQLModel.metadata.sorted_tables}
    unmodelled = ("alembic_version", *KEPT_BY_TRIGGERS)
    listed = {name: set(columns) for name, columns in TABLES.items() if name not in unmodelled}
    hint = "update db/schema.py TABLES: " + repr({n: tuple(sorted(c)) for n, c in models.items()})
    assert listed == models, hint
    conn = sqlite3.connect(database.path)
    try:
        from db.schema import missing_parts

        assert missing_parts(conn) == []
    finally:
        conn.close()
