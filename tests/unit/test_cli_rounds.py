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
