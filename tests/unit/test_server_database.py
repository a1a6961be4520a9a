"""A shared database on a PostgreSQL server: the URL, transfer both ways, backups, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import InvalidPathError
from db.paths import ServerUrl, resolve_db
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ---- the URL ------------------------------------------------------------------------------------


def test_a_url_names_a_server_database_never_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = resolve_db("postgresql+psycopg://hr@db.example/hrplan")
    assert isinstance(target, ServerUrl) and target.database == "hrplan"
    assert resolve_db("postgresql://hr@db.example/hrplan").url == "postgresql+psycopg://hr@db.example/hrplan"
    assert isinstance(resolve_db(str(tmp_path / "plain.db")), Path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_password_in_the_url_is_refused_and_never_shown_or_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    monkeypatch.chdir(tmp_path)
    url = "postgresql+psycopg://hr:s3cretpw@localhost/hrplan"
    code, out, err = run(capsys, "--lang", lang, "--db", url, "demo")
    assert code == 2 and "s3cretpw" not in out + err
    assert (".pgpass" in err) and ("PGPASSWORD" in err) and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # no file, no folder named after the URL


def test_other_schemes_and_urls_without_a_database_are_refused() -> None:
    with pytest.raises(InvalidPathError):
        resolve_db("mysql://hr@localhost/hrplan")
    with pytest.raises(InvalidPathError):
        resolve_db("postgresql+psycopg://hr@localhost")


def test_the_sqlite_path_never_imports_psycopg(tmp_path: Path) -> None:
    path = str(tmp_path / "x.db")
    code = (
        "import sys; from tui.cli import main; "
        f"main(['--db', {path!r}, 'demo']); main(['--db', {path!r}, 'list']); "
        "print('psycopg' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_an_unreachable_server_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = f"postgresql+psycopg://hr@/hrplan?host={tmp_path}"  # a folder with no server's socket
    code, _, err = run(capsys, "--lang", "en", "--db", nowhere, "list")
    assert code == 2 and err.startswith("hrplan: ") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


# ---- transfer -----------------------------------------------------------------------------------


def _shape(document: dict) -> dict:
    """``show --json`` without the ids, which a transfer may change."""
    text = json.dumps(document, ensure_ascii=False)
    data = json.loads(text)
    data.pop("id")
    for key in ("units", "key_figures", "activities"):
        for item in data[key]:
            item.pop("id", None)
    for r in data["rounds"]:
        r.pop("id")
        for e in r["entries"]:
            e.pop("activity_id")
    return data


def test_transfer_from_a_file_to_the_server_and_back_keeps_everything_but_ids(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    local = str(tmp_path / "lokal.db")
    monkeypatch.setenv("HRPLAN_USER", "Karin")
    run(capsys, "--db", local, "demo")
    run(capsys, "--db", local, "round", "new", "1", "--name", "T3 2025", "--date", "2025-12-01")
    run(capsys, "--db", local, "tick", "1", "7", "delayed", "--comment", "Väntar på budget")
    _, before, _ = run(capsys, "--db", local, "show", "1", "--json")

    code, out, err = run(capsys, "--lang", "en", "--db", local, "transfer", pg_url)
    assert code == 0, err
    assert "Transferred 1 plans" in out and pg_url in out
    _, shared, _ = run(capsys, "--db", pg_url, "show", "1", "--json")
    assert _shape(json.loads(shared)) == _shape(json.loads(before))

    # A target that holds plans is refused unless asked.
    code, _, err = run(capsys, "--lang", "en", "--db", local, "transfer", pg_url)
    assert code == 2 and "--force" in err
    _, listed, _ = run(capsys, "--db", pg_url, "list", "--json")
    assert len(json.loads(listed)) == 1

    back = str(tmp_path / "tillbaka.db")
    assert run(capsys, "--db", pg_url, "transfer", back)[0] == 0
    _, again, _ = run(capsys, "--db", back, "show", "1", "--json")
    assert _shape(json.loads(again)) == _shape(json.loads(before))

    # The history came along, with who did it, and undo still works on it in the new place.
    from db.engine import Database
    from db.queries.rounds import activity_history

    shared_db = Database(resolve_db(pg_url))
    with shared_db.read() as session:
        activity_id = json.loads(shared)["activities"][6]["id"]
        assert activity_history(activity_id, session=session).items[0].by == "Karin"
    shared_db.dispose()
    code, _, err = run(capsys, "--db", pg_url, "--lang", "en", "transfer", back, "--force")
    assert code == 0, err
    _, listed, _ = run(capsys, "--db", back, "list", "--json")
    assert len(json.loads(listed)) == 2


# ---- backups ------------------------------------------------------------------------------------


@pytest.fixture
def server_tools(pg_cluster, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """pg_dump and pg_restore of the test server's own version first on the PATH."""
    monkeypatch.setenv("PATH", f"{pg_cluster.bin}{os.pathsep}{os.environ.get('PATH', '')}")


def test_backup_and_restore_on_the_server(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], server_tools: None
) -> None:
    run(capsys, "--db", pg_url, "demo")
    output = tmp_path / "delad.dump"
    code, out, err = run(capsys, "--lang", "en", "--db", pg_url, "backup", "--output", str(output))
    assert code == 0, err
    assert output.read_bytes()[:5] == b"PGDMP" and output.stat().st_mode & 0o777 == 0o600
    run(capsys, "--db", pg_url, "round", "new", "1", "--name", "Efter kopian")
    code, out, err = run(capsys, "--lang", "en", "--db", pg_url, "restore", str(output))
    assert code == 0, err
    _, rounds, _ = run(capsys, "--db", pg_url, "round", "list", "1", "--json")
    assert "Efter kopian" not in rounds  # the database is as it was at the backup
    # An SQLite file is no backup of a server database: a clear line, nothing changed.
    sqlite_file = tmp_path / "fil.db"
    run(capsys, "--db", str(sqlite_file), "demo")
    code, _, err = run(capsys, "--lang", "en", "--db", pg_url, "restore", str(sqlite_file))
    assert code == 2 and "transfer" in err


def test_without_pg_dump_backup_says_the_servers_backups_apply(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--db", pg_url, "demo")
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump, no pg_restore
    code, _, err = run(capsys, "--lang", "en", "--db", pg_url, "backup", "--output", str(tmp_path / "x.dump"))
    assert code == 2 and "server's own backups" in err
    (tmp_path / "x.dump").write_bytes(b"PGDMP fake")
    code, _, err = run(capsys, "--lang", "en", "--db", pg_url, "restore", str(tmp_path / "x.dump"))
    assert code == 2 and "pg_restore" in err


def test_a_duplicate_name_on_the_server_is_a_clear_refusal(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The database's own UNIQUE constraint, told by SQLSTATE and constraint name."""
    from sqlalchemy import text

    from db.engine import Database
    from db.errors import InvalidInputError

    run(capsys, "--db", pg_url, "demo")
    database = Database(resolve_db(pg_url))
    with pytest.raises(InvalidInputError) as caught, database.write() as session:
        session.execute(
            text("INSERT INTO area (name, plan_id, position) SELECT name, plan_id, 99 FROM area LIMIT 1")
        )
    assert caught.value.params["field"] in ("guard.name", "name")
    database.dispose()


def test_the_readme_setup_one_owner_and_a_login_role_per_coordinator(
    pg_cluster, capsys: pytest.CaptureFixture[str]  # noqa: ANN001
) -> None:
    """What the README tells the IT department, step by step: the owner creates the tables, the
    coordinators' roles read and write them, and their changes carry their role's name."""
    pg_cluster.admin(
        "CREATE ROLE hrplan_owner LOGIN",
        "CREATE ROLE hrplan_users",
        "CREATE ROLE anna LOGIN IN ROLE hrplan_users",
        "CREATE ROLE bertil LOGIN IN ROLE hrplan_users",
        "CREATE DATABASE shared_setup OWNER hrplan_owner",
    )
    try:
        import psycopg

        with psycopg.connect(host=str(pg_cluster.folder), user="postgres", dbname="shared_setup",
                             autocommit=True) as conn:  # fmt: skip
            conn.execute("ALTER DEFAULT PRIVILEGES FOR ROLE hrplan_owner IN SCHEMA public "
                         "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hrplan_users")  # fmt: skip
            conn.execute("ALTER DEFAULT PRIVILEGES FOR ROLE hrplan_owner IN SCHEMA public "
                         "GRANT USAGE, SELECT ON SEQUENCES TO hrplan_users")  # fmt: skip
        assert run(capsys, "--db", pg_cluster.url("shared_setup", "hrplan_owner"), "list")[0] == 0
        anna, bertil = (pg_cluster.url("shared_setup", name) for name in ("anna", "bertil"))
        assert run(capsys, "--db", anna, "demo")[0] == 0
        assert run(capsys, "--db", anna, "round", "new", "1", "--name", "T3 2025")[0] == 0
        assert run(capsys, "--db", bertil, "tick", "1", "3", "delayed")[0] == 0
        from db.engine import Database
        from db.queries.rounds import activity_history

        database = Database(resolve_db(anna))
        with database.read() as session:
            assert activity_history(3, session=session).items[0].by == "bertil"
        database.dispose()
        # An older schema (as after installing a newer hrplan) is upgraded by the owner, not by anna.
        with psycopg.connect(host=str(pg_cluster.folder), user="postgres", dbname="shared_setup",
                             autocommit=True) as conn:  # fmt: skip
            conn.execute("UPDATE alembic_version SET version_num = '0003_narrative_sections'")
            conn.execute("DROP TABLE change_batch")
            conn.execute("DROP INDEX ix_change_log_entity")
            conn.execute("ALTER TABLE change_log DROP COLUMN actor")
            conn.execute("DROP FUNCTION hrplan_notify() CASCADE")  # and its triggers
            conn.execute("DROP TABLE app_user_unit")  # what 0005 adds, after 0004
            conn.execute("DROP TABLE app_user")
            conn.execute("DROP INDEX ix_followup_entry_round_status")  # 0007
            conn.execute("DROP TABLE round_tally, plan_tally")  # 0008, with the functions of its triggers
            conn.execute("DROP INDEX ix_change_log_plan_batch")  # 0009, and the index it replaced
            conn.execute("CREATE INDEX ix_change_log_plan_id ON change_log (plan_id)")
            for table in ("entry", "activity"):
                for event in ("insert", "update", "delete"):
                    conn.execute(f"DROP FUNCTION hrplan_{table}_tally_{event}() CASCADE")
        code, _, err = run(capsys, "--lang", "en", "--db", anna, "list")
        assert code == 2 and "only its owner" in err and len(err.strip().splitlines()) == 1
        assert run(capsys, "--db", pg_cluster.url("shared_setup", "hrplan_owner"), "list")[0] == 0
        assert run(capsys, "--db", anna, "list")[0] == 0
        # A coordinator's role may not change what is not theirs to change: one clear line.
        code, _, err = run(capsys, "--lang", "en", "--db", bertil, "restore", "/nonexistent.dump")
        assert code == 2 and len(err.strip().splitlines()) == 1
    finally:
        pg_cluster.admin('DROP DATABASE IF EXISTS "shared_setup" WITH (FORCE)',
                         "DROP ROLE IF EXISTS anna", "DROP ROLE IF EXISTS bertil",
                         "DROP ROLE IF EXISTS hrplan_users", "DROP ROLE IF EXISTS hrplan_owner")  # fmt: skip


def test_a_database_of_a_newer_hrplan_or_another_program_is_refused_untouched(
    pg_url: str, pg_cluster, capsys: pytest.CaptureFixture[str]  # noqa: ANN001
) -> None:
    import psycopg

    from db.server import conninfo

    with psycopg.connect(conninfo(resolve_db(pg_url)), autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    code, _, err = run(capsys, "--lang", "en", "--db", pg_url, "list")
    assert code == 2 and "newer hrplan" in err and "9999_future" in err
    pg_cluster.admin("CREATE DATABASE other_program")
    try:
        other = pg_cluster.url("other_program")
        with psycopg.connect(conninfo(resolve_db(other)), autocommit=True) as conn:
            conn.execute("CREATE TABLE invoices (id integer)")
        code, _, err = run(capsys, "--lang", "en", "--db", other, "list")
        assert code == 2 and "other tables than hrplan's" in err
        with psycopg.connect(conninfo(resolve_db(other)), autocommit=True) as conn:
            tables = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
        assert tables == [("invoices",)]
    finally:
        pg_cluster.admin('DROP DATABASE IF EXISTS "other_program" WITH (FORCE)')


def test_a_table_changed_by_hand_on_the_server_is_one_clear_line_and_changes_nothing(
    pg_demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import psycopg

    from db.server import conninfo

    code, _, _ = run(capsys, "--db", pg_demo_url, "round", "new", "1", "--name", "HT 2025")
    assert code == 0
    with psycopg.connect(conninfo(resolve_db(pg_demo_url)), autocommit=True) as conn:
        conn.execute("ALTER TABLE followup_entry RENAME COLUMN comment TO note")
        before = conn.execute("SELECT count(*) FROM change_log").fetchone()
    for lang, words in (("en", "not as hrplan expects"), ("sv", "inte som hrplan väntar sig")):
        tick = ("tick", "1", "3", "done", "--comment", "x")
        code, out, err = run(capsys, "--lang", lang, "--db", pg_demo_url, *tick)
        assert code == 2 and out == "" and words in err and "42703" in err
        assert "Traceback" not in err and err.count("\n") == 1
    with psycopg.connect(conninfo(resolve_db(pg_demo_url)), autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM change_log").fetchone() == before
