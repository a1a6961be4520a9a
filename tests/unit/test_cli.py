"""The hrplan command, run in-process through its main()."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_is_added_once(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db_target, "demo")
    assert code == 0 and "id 1" in out
    code, out, _ = run(capsys, "--db", db_target, "demo")
    assert code == 0 and "finns redan" in out
    code, out, _ = run(capsys, "--db", db_target, "list", "--json")
    plans = json.loads(out)
    assert len(plans) == 1
    assert plans[0]["activity_count"] >= 30


def test_status_counts_what_show_lists(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The overview's numbers agree with the plan in full, counted here from ``show --json``."""
    from datetime import date

    run(capsys, "--db", db_target, "demo")
    code, out, _ = run(capsys, "--db", db_target, "--lang", "en", "status", "--json")
    assert code == 0
    status = json.loads(out)
    [plan] = status["plans"]
    _, shown, _ = run(capsys, "--db", db_target, "show", "1", "--json")
    doc = json.loads(shown)
    today = date.today().isoformat()
    late = [a for a in doc["activities"] if a["target_date"] and a["target_date"] < today
            and a["status"] not in ("done", "cancelled")]  # fmt: skip
    assert plan["overdue"] == len(late)
    assert plan["activities"] == len(doc["activities"])
    assert plan["done"] == sum(a["status"] == "done" for a in doc["activities"])
    assert plan["open_round"] is None  # the demo's rounds are closed
    latest = max(r["date"] for r in doc["rounds"])
    assert plan["next_round"]["due"] > latest and plan["needs_attention"] == (
        bool(late) or plan["next_round"]["state"] != "later"
    )
    if late:
        assert status["attention"].startswith(f"{len(late)} activit")
    code, text, _ = run(capsys, "--db", db_target, "status")
    assert code == 0 and text.split()[0] == (str(len(late)) if late else "Inget") and "Sena" in text


def test_show_json_has_the_promised_shape(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", db_target, "demo")
    code, out, _ = run(capsys, "--db", db_target, "show", "1", "--json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) >= {
        "id", "title", "kind", "organisation", "period", "decision", "cadence", "status",
        "units", "areas", "activities", "key_figures", "rounds",
    }  # fmt: skip
    assert doc["period"] == [2025, 2027]
    assert set(doc["decision"]) >= {"body", "date", "paragraph", "diary_number"}
    assert len(doc["units"]) == 3
    assert set(doc["units"][0]) >= {"id", "name", "manager", "date"}
    assert doc["areas"][:3] == ["Utveckla", "Behålla", "Attrahera"]
    activity = doc["activities"][0]
    assert set(activity) >= {
        "id", "unit", "area", "number", "goal", "description", "target_text", "target_date",
        "ongoing", "responsible", "resources", "follow_up", "status",
    }  # fmt: skip
    assert any(a["unit"] is None for a in doc["activities"])
    assert any(a["ongoing"] for a in doc["activities"])
    assert any(a["target_date"] is None and not a["ongoing"] for a in doc["activities"])
    assert {a["area"] for a in doc["activities"]} >= {"Utveckla", "Behålla", "Avsluta/Avveckla"}
    assert len(doc["rounds"]) == 2
    entry = doc["rounds"][1]["entries"][0]
    assert set(entry) >= {"activity_id", "status", "comment"}
    statuses = {e["status"] for r in doc["rounds"] for e in r["entries"]}
    assert statuses <= {"not_started", "in_progress", "done", "delayed", "cancelled"}
    # The current status is the latest round's.
    latest = {e["activity_id"]: e["status"] for e in doc["rounds"][1]["entries"]}
    assert all(a["status"] == latest[a["id"]] for a in doc["activities"])
    assert len({(k["unit"], k["period"], k["name"]) for k in doc["key_figures"]}) >= 6
    # The narrative: the plan's own sections and each unit's, in their order, as the editor keeps them.
    from db.engine import Database
    from db.paths import resolve_db
    from db.queries.sections import sections_of

    database = Database(resolve_db(db_target))
    with database.read() as session:
        for owner, listed in [(None, doc["sections"])] + [(u["id"], u["sections"]) for u in doc["units"]]:
            stored = [{"kind": x.kind, "title": x.title, "body": x.body}
                      for x in sections_of(1, owner, session=session)]  # fmt: skip
            assert listed == stored
    database.dispose()
    assert any(u["sections"] for u in doc["units"])
    for unit in doc["units"]:
        risks = [x["body"] for x in unit["sections"] if x["kind"] == "risks"]
        assert unit["risk_analysis"] == (risks[0] if risks else "")


def test_show_by_title_and_text_output(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", db_target, "demo")
    title = "kompetensförsörjningsplan 2025–2027"
    code, out, _ = run(capsys, "--db", db_target, "--lang", "en", "show", title)
    assert code == 0
    assert "Hemtjänsten" in out and "Whole plan" in out
    _, doc, _ = run(capsys, "--db", db_target, "show", "1", "--json")
    section = next(x for u in json.loads(doc)["units"] for x in u["sections"] if x["body"])
    assert section["body"].split("\n")[0][:40] in out


def test_no_such_plan_is_one_clear_line(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db_target, "show", "42")
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "42" in err and "Traceback" not in err


def test_not_a_database_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("inte en databas")
    code, _, err = run(capsys, "--db", str(path), "--lang", "en", "list")
    assert code == 2 and "is not an hrplan database" in err
    assert path.read_text() == "inte en databas"


def test_newer_database_is_refused(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", str(db_path), "demo")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_framtid'")
    code, _, err = run(capsys, "--db", str(db_path), "list")
    assert code == 2 and "nyare version" in err


def test_env_variable_picks_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("HRPLAN_DB", str(path))
    assert run(capsys, "demo")[0] == 0
    assert path.exists()


def test_python_dash_m_tui_works(db_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db_path), "--lang", "en", "list"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "No plans yet" in done.stdout


def test_output_cut_short_by_the_reader_is_no_error(db_path: Path) -> None:
    """`hrplan show 1 --json | head`: a closed pipe ends quietly, without a traceback."""
    from benchmarks.generate import generate

    generate(db_path)  # megabytes of JSON: far more than a pipe holds
    shown = subprocess.Popen([sys.executable, "-m", "tui", "--db", str(db_path), "show", "1", "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    shown.stdout.read(10)
    shown.stdout.close()  # the reader stops, as `head` does
    _, err = shown.communicate(timeout=60)
    assert shown.returncode == 0 and b"Traceback" not in err


def test_a_tick_in_its_own_process_writes_the_first_entry_of_a_new_activity(db_path: Path) -> None:
    """A tick imports only the tables it writes; the first entry of an activity added after the round
    started needs the activity's table too (its foreign key), in a process that has nothing else. The
    command's process closes its connections before it ends: no WAL file is left behind."""
    from db.engine import close_pools

    assert main(["--db", str(db_path), "demo"]) == 0
    assert main(["--db", str(db_path), "round", "new", "1", "--name", "T3 2099"]) == 0
    conn = sqlite3.connect(db_path)
    with conn:
        columns = ("plan_id, unit_id, area_id, number, goal, description, target_text, target_date, ongoing, "
                   "responsible, resources, follow_up, position, created_at, updated_at, version")
        new = [conn.execute(f"INSERT INTO activity ({columns}) SELECT {columns} FROM activity "
                            "ORDER BY id LIMIT 1").lastrowid for _ in range(2)]  # fmt: skip
    conn.close()
    close_pools()  # this process's own connections, from the commands above
    many = db_path.parent / "ticks.txt"
    many.write_text(f"{new[1]}\tdone\tKlar\n", encoding="utf-8")
    for args in (["1", str(new[0]), "delayed"], ["1", "--from", str(many)]):
        done = subprocess.run([sys.executable, "-m", "tui", "--db", str(db_path), "tick", *args],
                              capture_output=True, text=True, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert not Path(f"{db_path}-wal").exists()
    conn = sqlite3.connect(db_path)
    stored = conn.execute("SELECT activity_id, status FROM followup_entry WHERE activity_id IN (?, ?) "
                          "ORDER BY activity_id", new).fetchall()  # fmt: skip
    conn.close()
    assert stored == [(new[0], "delayed"), (new[1], "done")]


def test_reading_commands_leave_no_log_files_and_write_nothing(db_path: Path) -> None:
    """``list``, ``status`` and ``show`` read plainly: closing last, they fold SQLite's write-ahead
    log back (a read-only connection left ``-wal`` and ``-shm`` beside the file)."""
    from db.engine import close_pools

    assert main(["--db", str(db_path), "demo"]) == 0
    close_pools()  # as the command does when its process ends
    for command in (["list"], ["status"], ["show", "1"], ["show", "1", "--json"]):
        assert main(["--db", str(db_path), *command]) == 0
        close_pools()
        assert not Path(f"{db_path}-wal").exists() and not Path(f"{db_path}-shm").exists(), command


def test_a_plain_read_refuses_to_write(db_path: Path) -> None:
    from db.engine import Database
    from db.errors import HrplanError

    assert main(["--db", str(db_path), "demo"]) == 0
    database = Database(db_path)
    with pytest.raises((sqlite3.OperationalError, HrplanError)), database.plain_read() as conn:
        conn.execute("DELETE FROM activity")
    with database.plain_read() as conn:
        assert conn.execute("SELECT count(*) FROM activity").fetchone()[0] > 0
    database.dispose()
