"""``hrplan round`` and ``hrplan tick``, run in-process through main()."""

import json
from pathlib import Path

import pytest

from tui.cli import main

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_round_new_list_tick_close(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, db_target, "demo")
    code, out, _ = run(capsys, db_target, "round", "new", "1", "--name", "T3 2025", "--date", "2025-12-01")
    assert code == 0 and "T3 2025" in out and "33" in out
    code, out, _ = run(capsys, db_target, "tick", "1", "7", "DELAYED", "--comment", "Vänta på budget")
    assert code == 0 and "Försenad" in out
    code, out, _ = run(capsys, db_target, "round", "list", "1", "--json")
    rounds = json.loads(out)
    assert [r["name"] for r in rounds] == ["T3 2025", "T2 2025", "T1 2025"]
    assert rounds[0]["closed"] is False and rounds[0]["reviewed"] == 1 and rounds[0]["date"] == "2025-12-01"
    _, out, _ = run(capsys, db_target, "show", "1", "--json")
    entries = {e["activity_id"]: e for e in json.loads(out)["rounds"][-1]["entries"]}
    assert entries[7] == {
        "activity_id": 7, "status": "delayed", "comment": "Vänta på budget", "reviewed": True,
    }  # fmt: skip
    code, out, _ = run(capsys, db_target, "round", "close", "1", "t3 2025")
    assert code == 0 and "stängd" in out
    code, out, err = run(capsys, db_target, "tick", "1", "7", "done", "--round", "T3 2025")
    assert code == 2 and out == "" and "stängd" in err and err.count("\n") == 1
    code, _, err = run(capsys, db_target, "--lang", "en", "tick", "1", "7", "done")
    assert code == 2 and "no open follow-up round" in err
    code, out, _ = run(capsys, db_target, "--lang", "en", "round", "list", "1")
    assert code == 0 and "Closed" in out and "T3 2025" in out
    code, _, _ = run(capsys, db_target, "round", "reopen", "1", "T3 2025")
    assert code == 0
    assert run(capsys, db_target, "tick", "1", "7", "done")[0] == 0


def test_tick_errors_are_one_clear_line(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, db_target, "demo")
    run(capsys, db_target, "round", "new", "1", "--name", "HT 2025")
    code, _, err = run(capsys, db_target, "--lang", "en", "tick", "1", "3", "klar")
    assert code == 2 and "Valid codes: not_started, in_progress, done, delayed, cancelled" in err
    for activity in ("999", "abc"):
        code, _, err = run(capsys, db_target, "tick", "1", activity, "done")
        assert code == 2 and activity in err and "Traceback" not in err
    code, _, err = run(capsys, db_target, "tick", "1", "3", "done", "--round", "VT 1999")
    assert code == 2 and "VT 1999" in err


def test_round_new_refuses_bad_input(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, db_target, "demo")
    code, _, err = run(capsys, db_target, "round", "new", "1", "--name", "T1 2025")
    assert code == 2 and "finns redan" in err
    code, _, err = run(capsys, db_target, "--lang", "en", "round", "new", "1", "--name", "X",
                       "--date", "2025-13-01")  # fmt: skip
    assert code == 2 and "YYYY-MM-DD" in err
    _, out, _ = run(capsys, db_target, "round", "list", "1", "--json")
    assert len(json.loads(out)) == 2


def _entries(db: Path) -> dict[int, tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        latest = conn.execute("SELECT id FROM followup_round ORDER BY date DESC, id DESC").fetchone()[0]
        sql = "SELECT activity_id, status, comment FROM followup_entry WHERE round_id = ?"
        rows = conn.execute(sql, (latest,))
        return {a: (s, c) for a, s, c in rows}


def test_tick_from_a_file_is_one_change_undone_whole(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.changes import undo_last
    from db.engine import Database

    run(capsys, db_path, "demo")
    run(capsys, db_path, "round", "new", "1", "--name", "HT 2025", "--date", "2025-12-01")
    before = _entries(db_path)
    source = tmp_path / "ticks.txt"
    text = "# activity status comment\n3 done Klar i tid\n\n4\tdelayed\tVäntar  på budget \n5 CANCELLED\n"
    source.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, db_path, "tick", "1", "--from", str(source))
    assert code == 0 and out.startswith("3 aktiviteter markerade i HT 2025")
    after = _entries(db_path)
    assert after[3] == ("done", "Klar i tid") and after[4] == ("delayed", "Väntar  på budget")
    assert after[5] == ("cancelled", before[5][1])
    assert {a: v for a, v in after.items() if a not in (3, 4, 5)} == {
        a: v for a, v in before.items() if a not in (3, 4, 5)
    }
    database = Database(db_path)
    with database.write() as session:
        undo_last(session, plan_id=1)
    database.dispose()
    assert _entries(db_path) == before
    source.write_text("3 done\n", encoding="utf-8")
    code, out, _ = run(capsys, db_path, "tick", "1", "--from", str(source))
    assert code == 0 and out.startswith("1 aktivitet markerad i HT 2025")
    code, out, _ = run(capsys, db_path, "--lang", "en", "tick", "1", "--from", str(source))
    assert code == 0 and out.startswith("1 activity ticked in HT 2025")


def test_tick_from_a_file_with_one_bad_line_saves_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, db_path, "demo")
    run(capsys, db_path, "round", "new", "1", "--name", "HT 2025", "--date", "2025-12-01")
    before = _entries(db_path)
    for text, wrong in (("3 done\n4 klar\n", "Line 2"), ("3 done\n\n999 done\n", "Line 3"),
                        ("3 done\n4\n", "Line 2"), ("x done\n", "Line 1")):  # fmt: skip
        source = tmp_path / "ticks.txt"
        source.write_text(text, encoding="utf-8")
        code, out, err = run(capsys, db_path, "--lang", "en", "tick", "1", "--from", str(source))
        assert code == 2 and out == "" and err.startswith(f"hrplan: {wrong}:") and err.count("\n") == 1
        assert _entries(db_path) == before
    code, _, err = run(capsys, db_path, "--lang", "en", "tick", "1", "--from", str(tmp_path / "missing.txt"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, db_path, "--lang", "en", "tick", "1")
    assert code == 2 and "--from" in err


def test_round_delete_asks_at_a_terminal_takes_yes_in_scripts_and_is_undone_whole(
    db_target: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.changes import undo_last
    from db.engine import Database
    from db.paths import resolve_db

    run(capsys, db_target, "demo")
    run(capsys, db_target, "tick", "1", "7", "delayed", "--comment", "Vänta")
    before = json.loads(run(capsys, db_target, "show", "1", "--json")[1])["rounds"]
    # A script without --yes: refused, nothing gone.
    code, out, err = run(capsys, db_target, "round", "delete", "1", "T2 2025")
    assert code == 2 and out == "" and "--yes" in err and err.count("\n") == 1
    # At a terminal: asked, and a no keeps the round.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda q: asked.append(q) or "n")
    code, _, err = run(capsys, db_target, "--lang", "en", "round", "delete", "1", "t2 2025")
    assert code == 2 and "not deleted" in err
    assert asked[0].startswith("Delete the round T2 2025? With it go 33 follow-up entries")
    assert asked[0].rstrip().endswith("33 of them gone through, and 4 comments. [y/N]")
    monkeypatch.setattr("builtins.input", lambda q: "j")
    code, out, _ = run(capsys, db_target, "round", "delete", "1", "T2 2025")
    assert code == 0 and "Uppföljningen T2 2025 är borttagen" in out
    rounds = json.loads(run(capsys, db_target, "round", "list", "1", "--json")[1])
    assert [r["name"] for r in rounds] == ["T1 2025"]
    code, _, err = run(capsys, db_target, "round", "delete", "1", "T2 2025", "--yes")
    assert code == 2 and "T2 2025" in err
    # One change: undone whole, the entries and their comments back.
    database = Database(resolve_db(db_target))
    with database.write() as session:
        undo_last(session, plan_id=1)
    database.dispose()
    assert json.loads(run(capsys, db_target, "show", "1", "--json")[1])["rounds"] == before
    code, out, _ = run(capsys, db_target, "round", "delete", "1", "T1 2025", "--yes")
    assert code == 0 and "T1 2025" in out
