"""``hrplan export``: writes without asking, refuses to overwrite without --force, picks the latest round."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import Database
from tests.export_fixtures import add_tricky_plan
from tests.unit.test_cli import run


@pytest.fixture
def plan_db(database: Database) -> Path:
    with database.write() as session:
        add_tricky_plan(session)
    database.dispose()
    return database.path


def test_export_writes_the_latest_round_by_default(plan_db: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    target = tmp_path / "uppföljning.md"
    code, out, err = run(capsys, "--db", str(plan_db), "export", "1", "--what", "summary", "--format", "md",
                         "--output", str(target))  # fmt: skip
    assert code == 0, err
    assert str(target) in out
    assert "**Uppföljning:** T3 2024 (2024-12-10)" in target.read_text(encoding="utf-8")


def test_export_by_title_and_round_in_english(plan_db: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    target = tmp_path / "summary.html"
    title = "kompetensförsörjningsplan 2024–2026"
    code, out, err = run(capsys, "--db", str(plan_db), "--lang", "en", "export", title, "--what", "summary",
                         "--format", "html", "--round", "T1 2024", "--output", str(target))  # fmt: skip
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert "T1 2024" in html and "Overdue activities" in html and 'lang="en"' in html
    assert out.startswith("Wrote ")


def test_an_existing_file_needs_force(plan_db: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"keep me")
    args = [
        "--db",
        str(plan_db),
        "export",
        "1",
        "--what",
        "plan",
        "--format",
        "xlsx",
        "--output",
        str(target),
    ]
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "finns redan" in err and "--force" in err
    assert target.read_bytes() == b"keep me"
    code, _, err = run(capsys, *args, "--force")
    assert code == 0, err
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["--round", "T9"], "Hittar ingen uppföljning som heter T9."),
        (["--output-dir"], None),
    ],
)
def test_mistakes_are_one_line(plan_db: Path, tmp_path: Path, capsys, extra, expected) -> None:  # noqa: ANN001
    args = ["--db", str(plan_db), "export", "1", "--what", "plan", "--format", "csv",
            "--output", str(tmp_path / "x.csv"), *extra]  # fmt: skip
    if expected is None:  # an argument argparse does not know: one line, exit 2
        code, _, err = run(capsys, *args)
        assert code == 2 and err.count("\n") == 1 and "--output-dir" in err
        return
    code, _, err = run(capsys, *args)
    assert code == 2 and err.strip() == f"hrplan: {expected}"
    assert not (tmp_path / "x.csv").exists()


def test_no_such_folder_writes_nothing(plan_db: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    code, _, err = run(capsys, "--db", str(plan_db), "--lang", "en", "export", "1", "--what", "plan",
                       "--format", "docx", "--output", str(tmp_path / "no" / "plan.docx"))  # fmt: skip
    assert code == 2 and "does not exist" in err
