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
    from tests.pg_server import DEMO_TEMPLATE, TEMPLATE, Cluster, ServerUnavailable

    cluster = None
    try:
        cluster = Cluster().start()
        cluster.admin(f"CREATE DATABASE {TEMPLATE}")
        template = Database(server_url(cluster.url(TEMPLATE)))
        upgrade(template)
        template.dispose()
        cluster.admin(f"CREATE DATABASE {DEMO_TEMPLATE} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        demo = Database(server_url(cluster.url(DEMO_TEMPLATE)))
        from db.demo import add_demo_plan

        with demo.write() as session:
            add_demo_plan(session=session)
        demo.dispose()
    except (ServerUnavailable, ImportError, OSError) as exc:
        if cluster is not None:
            cluster.stop()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL could not be started: {exc}")
        pytest.skip(f"PostgreSQL could not be started: {exc}")
    yield cluster
    cluster.stop()


_databases = itertools.count()


def _fresh_database(cluster, template: str):  # noqa: ANN001, ANN202
    name = f"test_{os.getpid()}_{next(_databases)}"
    cluster.admin(f'CREATE DATABASE "{name}" TEMPLATE {template} STRATEGY FILE_COPY')
    yield cluster.url(name)
    cluster.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_cluster) -> str:  # noqa: ANN001
    """A fresh database at head, copied from the template (fast), dropped afterwards."""
    from tests.pg_server import TEMPLATE

    yield from _fresh_database(pg_cluster, TEMPLATE)


@pytest.fixture
def pg_demo_url(pg_cluster) -> str:  # noqa: ANN001
    """A fresh database at head holding the demo plan, copied from its template."""
    from tests.pg_server import DEMO_TEMPLATE

    yield from _fresh_database(pg_cluster, DEMO_TEMPLATE)


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
def demo_database(request: pytest.FixtureRequest, engine_name: str) -> Database:
    from db.demo import add_demo_plan

    if engine_name == "postgresql":  # copied with the demo already in it: much faster than adding it
        from db.paths import resolve_db

        db = Database(resolve_db(request.getfixturevalue("pg_demo_url")))
        yield db
        db.dispose()
        return
    database = request.getfixturevalue("database")
    with database.write() as session:
        add_demo_plan(session=session)
    yield database
