"""Reading plans from text copied out of a PDF, Word, Excel and CSV, with fixtures written here."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from importers.files import read_plan_file
from importers.model import ImportedPlan
from tests.unit.import_fixtures import CSV_TEXT, PDF_TEXT, PDF_TEXT_COUNTS, write_docx, write_xlsx


def per_unit_and_area(plan: ImportedPlan) -> dict[tuple[str | None, str], int]:
    return dict(Counter((a.unit, a.area) for a in plan.activities))


def by_description(plan: ImportedPlan, start: str):  # noqa: ANN201
    return next(a for a in plan.activities if a.description.startswith(start))


def warning_keys(plan: ImportedPlan) -> list[str]:
    return [w.key for w in plan.warnings]


@pytest.fixture
def pdf_plan(tmp_path: Path) -> ImportedPlan:
    path = tmp_path / "plan.txt"
    path.write_text(PDF_TEXT, encoding="utf-8")
    return read_plan_file(path)


def test_pdf_text_details(pdf_plan: ImportedPlan) -> None:
    d = pdf_plan.details
    assert d.title == "Personalstrategi med handlingsplan 2008–2010"
    assert d.kind == "personnel_strategy"
    assert d.organisation == "Björkå kommun"
    assert (d.period_start, d.period_end) == (2008, 2010)
    assert (d.decision_body, d.decision_date, d.decision_paragraph) == (
        "Socialnämnden", date(2007, 11, 20), "§ 87")
    assert d.diary_number == "Dnr SN 2007/45"
    assert d.cadence == "half_year"


def test_pdf_text_units_areas_and_counts(pdf_plan: ImportedPlan) -> None:
    units = {u.name: u for u in pdf_plan.units}
    assert list(units) == ["Hemvården", "Boendet", "Dagverksamheten"]
    assert (units["Hemvården"].manager, units["Hemvården"].date) == ("Anna Berg", date(2007, 10, 1))
    assert (units["Boendet"].manager, units["Boendet"].date) == ("Per Ek", None)
    assert per_unit_and_area(pdf_plan) == PDF_TEXT_COUNTS
    assert pdf_plan.areas[:7] == ("Utveckla", "Behålla", "Attrahera", "Rekrytera", "Introducera",
                                  "Avsluta/Avveckla", "Övrigt")  # fmt: skip


def test_pdf_text_split_row_is_joined_and_tags_removed(pdf_plan: ImportedPlan) -> None:
    joined = by_description(pdf_plan, "Delegeringsutbildning")
    assert joined.goal == "Säker läkemedelshantering"
    assert joined.description == "Delegeringsutbildning med sjuksköterska, repeteras varje år & vid behov"
    assert (joined.target_text, joined.target_date) == ("våren 2009", date(2009, 6, 30))
    assert (joined.responsible, joined.resources) == ("Sjuksköterska", "2 timmar")
    assert by_description(pdf_plan, "Friskvårdstimme").ongoing


def test_pdf_text_cell_listing_two_activities_gives_two(pdf_plan: ImportedPlan) -> None:
    first = by_description(pdf_plan, "Kompetensbaserade")
    second = by_description(pdf_plan, "Referenser")
    assert first.goal == second.goal == "Rätt kompetens"
    assert (first.target_text, first.target_date) == ("T2 2009", date(2009, 8, 31))
    assert (second.target_text, second.responsible) == ("2010", "HR")
    assert first.follow_up == second.follow_up == "Klart i tid"
    assert "import.warn.split_cell" in warning_keys(pdf_plan)


def test_pdf_text_numbered_two_column_table(pdf_plan: ImportedPlan) -> None:
    numbered = [(a.area, a.number, a.description) for a in pdf_plan.activities if a.unit == "Dagverksamheten"]
    assert numbered == [
        ("Utveckla", 1, "Studiebesök hos andra kommuner"),
        ("Utveckla", 2, "Handledning varannan vecka"),
        ("Introducera", 1, "Introduktionspärm"),
        ("Introducera", 2, "Fadder första månaden"),
        ("Introducera", 3, "Uppföljningssamtal"),
    ]
    others = [a.number for a in pdf_plan.activities if a.unit != "Dagverksamheten"]
    assert others == list(range(4, 4 + len(others)))


def test_pdf_text_key_figure_table_without_period_takes_the_plans(pdf_plan: ImportedPlan) -> None:
    [figure] = pdf_plan.key_figures
    found = (figure.unit, figure.name, figure.count, figure.share)
    assert found == ("Hemvården", "personalomsättning", 12, 8.0)
    assert figure.period == "2008–2010" and figure.where.line == 12
    assert "import.warn.key_figures_no_period" in warning_keys(pdf_plan)
    assert "import.warn.table_skipped" not in warning_keys(pdf_plan)


def test_docx_plan(tmp_path: Path) -> None:
    plan = read_plan_file(write_docx(tmp_path / "plan.docx"))
    d = plan.details
    assert d.title == "Kompetensförsörjningsplan för Vård- och omsorgsförvaltningen 2024–2026"
    assert d.organisation == "Vård- och omsorgsförvaltningen"
    assert (d.period_start, d.period_end, d.cadence) == (2024, 2026, "tertial")
    assert d.diary_number == "Dnr VON 2023/112"
    norr = plan.units[0]
    assert (norr.name, norr.manager, norr.date) == ("Hemtjänsten Norr", "Karin Åberg", date(2023, 10, 14))
    assert per_unit_and_area(plan) == {
        ("Hemtjänsten Norr", "Utveckla"): 2,
        ("Hemtjänsten Norr", "Ledarskap i vardagen"): 1,
        ("Hemtjänsten Norr", "Avsluta/Avveckla"): 1,
        ("Hemtjänsten Söder", "Rekrytera"): 2,
        ("Hemtjänsten Söder", "Behålla"): 1,
    }
    assert plan.areas[7:] == ("Ledarskap i vardagen",)
    merged_down = by_description(plan, "Reflektionsträffar")
    assert (merged_down.goal, merged_down.follow_up) == ("Demenskunskap", "Varannan månad")
    first = by_description(plan, "Webbutbildning")
    assert (first.goal, first.responsible, first.target_date) == ("Demenskunskap", "Enhetschef",
                                                                  date(2025, 12, 31))  # fmt: skip
    assert [(a.number, a.description) for a in plan.activities if a.area == "Rekrytera"] == [
        (1, "Gemensam annons"), (2, "Snabbare referenser")]
    # The Status column is a follow-up: "Pågår" is the first round's status, the others have none.
    assert (first.status, merged_down.status) == ("in_progress", None)
    assert plan.round_name is not None and plan.round_statuses() == {"in_progress": 1}
    assert "import.warn.unknown_columns" not in warning_keys(plan)


def test_xlsx_one_sheet_per_unit(tmp_path: Path) -> None:
    plan = read_plan_file(write_xlsx(tmp_path / "plan.xlsx"))
    assert plan.details.title == "Kompetensförsörjningsplan 2025–2027, Barn- och utbildningsförvaltningen"
    assert (plan.details.period_start, plan.details.period_end) == (2025, 2027)
    assert per_unit_and_area(plan) == {
        ("Förskolan", "Utveckla"): 2, ("Förskolan", "Rekrytera"): 1, ("Skolan", "Behålla"): 1}
    workshop = by_description(plan, "Workshop")
    assert (workshop.target_text, workshop.target_date, workshop.resources) == (
        "2025-06-30", date(2025, 6, 30), "3 timmar")
    assert by_description(plan, "Kurs").target_text == "2026"
    assert by_description(plan, "Lärarlyftet").where.sheet == "Skolan"


def test_csv_with_unit_and_area_columns_in_windows_encoding(tmp_path: Path) -> None:
    path = tmp_path / "kostplan.csv"
    path.write_bytes(CSV_TEXT.encode("cp1252"))
    plan = read_plan_file(path, title="Kost och städ")
    assert plan.details.title == "Kost och städ"
    assert per_unit_and_area(plan) == {
        ("Kostenheten", "Utveckla"): 1, ("Kostenheten", "Övrigt"): 1, ("Städenheten", "Attrahera"): 1}
    assert by_description(plan, "Mäta svinn").follow_up == "Pågår; mäts i kg"
    # No period in the file: read from the target dates, and said so.
    assert (plan.details.period_start, plan.details.period_end) == (2025, 2025)
    assert "import.warn.period_guessed" in warning_keys(plan)


def test_rows_before_any_area_go_to_ovrigt_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "plan 2024-2025.txt"
    path.write_text("Mål\tAktivitet\tMåldatum\nNöjda medarbetare\tEnkät\t2024\n", encoding="utf-8")
    plan = read_plan_file(path)
    assert [a.area for a in plan.activities] == ["Övrigt"]
    assert set(warning_keys(plan)) >= {"import.warn.no_area", "import.warn.period_from_file_name"}
    assert plan.details.title == "plan 2024-2025"


def test_area_wordings() -> None:
    from importers.areas import UBARA, ubara_area
    from models.area import UBARA_AREAS

    assert UBARA == UBARA_AREAS
    assert [ubara_area(x) for x in ("UTVECKLA", "3. Rekrytering", "Avsluta / avveckla:", "Avveckla",
                                    "Område: Övriga", "Behålla – friska medarbetare")] == [
        "Utveckla", "Rekrytera", "Avsluta/Avveckla", "Avsluta/Avveckla", "Övrigt", "Behålla"]  # fmt: skip
    assert ubara_area("Utvecklande ledarskap") is None and ubara_area("Avslutningssamtal") is None


def test_rows_it_cannot_place_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "plan 2025-2026.txt"
    path.write_text("\n".join([
        "Avdelning/Enhet: Kansliet",
        "Datum: i höstas",
        "Vad ska vi uppnå?\tAktivitet\tAnsvarig\tPrioritet",
        "Utveckla\t\t\t",
        "Ledarskap\t\t\t",
        "Bättre möten\tMötesmall\tChef\t\tkvarglömd text",
        "\t\tHR\t",
        "\t\t\tHög",
    ]), encoding="utf-8")  # fmt: skip
    plan = read_plan_file(path)
    found = [(a.area, a.goal, a.responsible) for a in plan.activities]
    assert found == [("Ledarskap", "Bättre möten", "Chef HR")]
    keys = warning_keys(plan)
    expected = {"import.warn.unknown_columns", "import.warn.text_outside_columns", "import.warn.unit_date",
                "import.warn.own_area"}  # fmt: skip
    assert expected <= set(keys)
    assert plan.units[0].date is None


def test_a_row_with_text_only_in_unknown_columns_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Prioritet;Vad ska vi uppnå?;Aktivitet\n;Mål;Gör\nHög;;\n", encoding="utf-8")
    plan = read_plan_file(path)
    assert len(plan.activities) == 1
    assert [w.where.row for w in plan.warnings if w.key == "import.warn.row_not_read"] == [3]


def test_a_row_with_neither_goal_nor_activity_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Vad ska vi uppnå?;Aktivitet;Ansvarig\nMål;Gör;HR\n;;Ekonom\n", encoding="utf-8")
    plan = read_plan_file(path)
    assert len(plan.activities) == 1
    warning = next(w for w in plan.warnings if w.key == "import.warn.no_goal_or_activity")
    assert warning.where.row == 3 and "Ekonom" in warning.message()


def test_every_import_message_key_in_the_code_is_in_the_catalog() -> None:
    """Warning keys are passed around as data, so the catalog test of t() calls does not see them."""
    import re

    from i18n import load_catalog

    root = Path(__file__).resolve().parents[2] / "importers"
    pattern = re.compile(r'"(import\.[a-z_.]+)"')
    used = {key for path in root.glob("*.py") for key in pattern.findall(path.read_text())}
    assert {k for k in used if k.startswith("import.warn.")}, "no warning keys found"
    assert used - set(load_catalog()) == set()
