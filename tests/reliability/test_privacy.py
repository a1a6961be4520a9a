"""The database, its WAL files and its backups are the owner's alone; errors carry no user data."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from db.backup import make_backup
from db.engine import Database
from db.paths import backup_dir
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def open_umask() -> None:
    """A permissive umask (group and others may read), as many systems have."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_database_wal_shm_and_backups_are_private(open_umask: None, tmp_path: Path, capsys) -> None:
    path = tmp_path / "nytt" / "hrplan.db"
    assert main(["--db", str(path), "demo"]) == 0
    database = Database(path)
    with database.read() as session:  # an open reader keeps the WAL files in place
        from sqlalchemy import text

        session.execute(text("SELECT count(*) FROM plan")).scalar()
        assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
        for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            assert mode(file) == 0o600, file
        assert mode(path.parent) == 0o700
    copy = make_backup(path, "manual")
    assert mode(copy) == 0o600 and mode(backup_dir(path)) == 0o700
    out = tmp_path / "ut.db"
    assert main(["--db", str(path), "backup", "--output", str(out)]) == 0
    assert mode(out) == 0o600
    database.dispose()


def test_a_restored_database_is_private(open_umask: None, demo_database: Database, tmp_path: Path) -> None:
    from db.backup import restore

    copy = make_backup(demo_database.path, "manual")
    demo_database.dispose()
    demo_database.path.unlink()
    restore(demo_database.path, copy)
    assert mode(demo_database.path) == 0o600


def test_errors_carry_keys_not_user_data(demo_database: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    from db.errors import NotFoundError
    from models.activity import Activity

    assert "Karin" not in str(NotFoundError(what="plan", name="Karin Åberg"))
    with pytest.raises(IntegrityError) as caught, demo_database.write() as session:
        # A foreign key to nothing: a programming error, not the user's. Its text must still not
        # carry what the user typed.
        session.add(Activity(plan_id=1, area_id=999, goal="Samtal med Karin Åberg om hennes sjukskrivning"))
    assert "Karin" not in str(caught.value)


def test_nothing_writes_a_log() -> None:
    """No module of hrplan logs: nothing personal can end up in a log file."""
    pattern = re.compile(r"^\s*(import logging|from logging|.*logging\.basicConfig|.*FileHandler)", re.M)
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("db", "models", "tui", "i18n", "importers", "exporters")
        for path in (ROOT / folder).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_refused_model_value_is_one_line_without_the_value(
    monkeypatch: pytest.MonkeyPatch, db_path: Path, capsys
) -> None:
    """A command that builds a model from what the user typed: pydantic's refusal, told briefly."""
    from models.plan import PlanCreate
    from tui.cli import plans

    def build_from_arguments(_args: object) -> int:
        PlanCreate(title="Karin Åberg " * 50, period_start=2025, period_end=2026)
        return 0

    monkeypatch.setattr(plans, "cmd_list", build_from_arguments)
    assert main(["--db", str(db_path), "--lang", "en", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Karin" not in err and "at most 200 characters" in err


async def test_a_crash_of_the_app_shows_no_local_variables(database: Database, capsys) -> None:
    """A bug in a handler ends the app the way Textual ends it, through hrplan's crash report."""
    from tui.factory import make_app

    app = make_app(db_path=database.path, lang="en")

    def a_bug() -> None:
        secret = "Samtal med " + "K" + "arin"  # noqa: F841  (a local the traceback must not show)
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError, match="a bug"):
        async with app.run_test() as pilot:
            app.call_later(a_bug)
            await pilot.pause()
    shown = "".join(capsys.readouterr())
    assert "RuntimeError" in shown and "a_bug" in shown and "Karin" not in shown
