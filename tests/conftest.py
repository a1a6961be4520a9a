"""Fixtures shared by every test layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import Database
from db.migrate import upgrade
from i18n import set_language

REFERENCE_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "reference"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test touches the user's real data folder, and every test starts in Swedish."""
    monkeypatch.setenv("HRPLAN_DB", str(tmp_path / "env-default.db"))
    monkeypatch.setenv("HRPLAN_LANG", "sv")
    set_language("sv")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "hrplan.db"


@pytest.fixture
def database(db_path: Path) -> Database:
    db = Database(db_path)
    upgrade(db)
    yield db
    db.dispose()


@pytest.fixture
def demo_database(database: Database) -> Database:
    from db.demo import add_demo_plan

    with database.write() as session:
        add_demo_plan(session=session)
    return database
