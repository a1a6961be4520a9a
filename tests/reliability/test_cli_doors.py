"""Hostile text through the command line: tick comments, round names and files to import.

Every run ends in success or one clean line on stderr (exit 2), in Swedish and English, and the
file has no broken row afterwards. An import that is refused adds nothing.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.engine import Database
from tests.reliability.hostile import assert_database_sound, hostile_text
from tests.reliability.test_hostile_input import one_clear_line
from tui.cli import main

DOORS = settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER = ["Vad ska vi uppnå?", "Aktivitet – Hur gör vi det?", "Måldatum", "Ansvarig (Funktion)", "Resurser",
          "Uppföljning/Kommentar"]  # fmt: skip
langs = st.sampled_from(["sv", "en"])
Capture = pytest.CaptureFixture[str]


def run(database: Database, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["--db", str(database.path), *argv])
    out, err = capsys.readouterr()
    if code != 0:
        assert code == 2 and out == "", (code, out[:300])
        one_clear_line(err)
    return code, out


def count(database: Database, model: type) -> int:
    with database.read() as session:
        return session.execute(select(func.count()).select_from(model)).scalar()


@pytest.fixture
def with_round(demo_database: Database) -> Database:
    assert main(["--db", str(demo_database.path), "round", "new", "1", "--name", "Vår 2026",
                 "--date", "2026-05-04"]) == 0  # fmt: skip
    return demo_database


@DOORS
@given(comment=hostile_text(), lang=langs)
def test_tick_comment(with_round: Database, capsys: Capture, comment: str, lang: str) -> None:
    from db.queries.rounds import entry_state, find_round
    from models.validation import clean_text

    code, _ = run(with_round, capsys, "--lang", lang, "tick", "1", "1", "done", "--comment", comment)
    with with_round.read() as session:
        state = entry_state(find_round(1, "Vår 2026", session=session).id, 1, session=session)
    if code == 0:
        assert state.comment == clean_text(comment, limit=10**9) and state.status == "done"
    assert_database_sound(with_round.path)


@DOORS
@given(name=hostile_text(), lang=langs)
def test_round_new_name(demo_database: Database, capsys: Capture, name: str, lang: str) -> None:
    from models.followup import FollowUpRound

    before = count(demo_database, FollowUpRound)
    code, _ = run(demo_database, capsys, "--lang", lang, "round", "new", "1", "--name", name)
    assert count(demo_database, FollowUpRound) == before + (code == 0)
    assert_database_sound(demo_database.path)


def xml_safe(text: str) -> str:
    """What Word and Excel files can hold at all: their libraries refuse the rest when building."""
    return "".join(
        ch for ch in text
        if (ch in "\t\n\r" or " " <= ch) and not ("\ud800" <= ch <= "\udfff") and ch not in "\ufffe\uffff"
    )  # fmt: skip


def hostile_file(folder: Path, shape: str, cell: str, column: int) -> Path:
    row = ["Ett mål", "En aktivitet", "2026", "Enhetschef", "Tid", ""]
    row[column] = cell
    path = folder / f"hostile.{shape}"
    if shape == "txt":
        lines = ["Kompetensförsörjningsplan 2026", "Område: Utveckla", "\t".join(HEADER), "\t".join(row)]
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    elif shape == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerows([["Område", *HEADER], ["Utveckla", *row]])
        path.write_text(buffer.getvalue(), encoding="utf-8", errors="surrogatepass")
    elif shape == "docx":
        import docx

        document = docx.Document()
        document.add_paragraph("Kompetensförsörjningsplan 2026")
        table = document.add_table(rows=2, cols=len(HEADER))
        for c, (head, value) in enumerate(zip(HEADER, row, strict=True)):
            table.cell(0, c).text = head
            table.cell(1, c).text = xml_safe(value)
        document.save(str(path))
    else:
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["Kompetensförsörjningsplan 2026"])
        sheet.append(HEADER)
        sheet.append([xml_safe(value)[:32_767] for value in row])  # Excel's own limit per cell
        workbook.save(path)
    return path


@settings(deadline=None, max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=hostile_text(), shape=st.sampled_from(["txt", "csv", "docx", "xlsx"]),
       column=st.integers(0, len(HEADER) - 1), lang=langs)  # fmt: skip
def test_import_file(
    database: Database, tmp_path: Path, capsys: Capture, cell: str, shape: str, column: int,
    lang: str,
) -> None:  # fmt: skip
    from models.activity import Activity
    from models.plan import Plan

    path = hostile_file(tmp_path, shape, cell, column)
    plans, activities = count(database, Plan), count(database, Activity)
    code, _ = run(database, capsys, "--lang", lang, "import", str(path))
    if code == 0:
        assert count(database, Plan) == plans + 1
    else:
        assert (count(database, Plan), count(database, Activity)) == (plans, activities)
    assert_database_sound(database.path)


@pytest.mark.parametrize("shape", ["txt", "csv"])
def test_import_keeps_right_to_left_text_and_refuses_nul_clearly(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], shape: str
) -> None:
    from models.activity import Activity

    rtl = "\u200fتدريب الموظفين\u200f på svenska"
    code, _ = run(database, capsys, "import", str(hostile_file(tmp_path, shape, rtl, 1)))
    assert code == 0
    with database.read() as session:
        assert rtl in session.execute(select(Activity.description)).scalars().all()
    run(database, capsys, "import", str(hostile_file(tmp_path, shape, "Mål\x00\x1b[2J", 0)))
    assert_database_sound(database.path)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_megabyte_csv_cell_is_refused_in_the_users_language(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """The csv module's own English error text used to reach Swedish users."""
    from i18n import t

    path = hostile_file(tmp_path, "csv", "x" * 1_000_000, 1)
    assert main(["--db", str(database.path), "--lang", lang, "import", str(path)]) == 2
    err = capsys.readouterr().err
    one_clear_line(err)
    assert t("import.error.too_long", lang=lang, limit=20000) in err and "field limit" not in err
