"""Fixtures shared by every test layer."""

from __future__ import annotations

import itertools
import os
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
    monkeypatch.delenv("HRPLAN_USER", raising=False)
    set_language("sv")


ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module with ``BOTH_ENGINES = True`` runs each of its database tests on SQLite and on a
    real PostgreSQL server."""
    if "engine_name" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_ENGINES", False):
        metafunc.parametrize("engine_name", ENGINES)


@pytest.fixture
def engine_name() -> str:
    return "sqlite"


@pytest.fixture(scope="session")
def pg_cluster():  # noqa: ANN201
    """One PostgreSQL server for the whole run, with a migrated template database. Under CI a
    server that cannot start fails the tests that need it; elsewhere they are skipped, saying why."""
    from db.paths import server_url
    from tests.pg_server import TEMPLATE, Cluster, ServerUnavailable

    cluster = None
    try:
        cluster = Cluster().start()
        cluster.admin(f"CREATE DATABASE {TEMPLATE}")
        template = Database(server_url(cluster.url(TEMPLATE)))
        upgrade(template)
        template.dispose()
    except (ServerUnavailable, ImportError, OSError) as exc:
        if cluster is not None:
            cluster.stop()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL could not be started: {exc}")
        pytest.skip(f"PostgreSQL could not be started: {exc}")
    yield cluster
    cluster.stop()


_databases = itertools.count()


@pytest.fixture
def pg_url(pg_cluster) -> str:  # noqa: ANN001
    """A fresh database at head, copied from the template (fast), dropped afterwards."""
    from tests.pg_server import TEMPLATE

    name = f"test_{os.getpid()}_{next(_databases)}"
    pg_cluster.admin(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE}')
    yield pg_cluster.url(name)
    pg_cluster.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "hrplan.db"


@pytest.fixture
def db_target(request: pytest.FixtureRequest, engine_name: str, db_path: Path) -> str:
    """What ``--db`` names: the file, or the URL of a fresh PostgreSQL database."""
    if engine_name == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(db_path)


@pytest.fixture
def database(db_target: str, engine_name: str) -> Database:
    from db.paths import resolve_db

    db = Database(resolve_db(db_target))
    upgrade(db)
    yield db
    db.dispose()


@pytest.fixture
def demo_database(database: Database) -> Database:
    from db.demo import add_demo_plan

    with database.write() as session:
        add_demo_plan(session=session)
    return database
