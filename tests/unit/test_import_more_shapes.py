"""The shapes of issue "import the plans people really have": lists, headings outside tables, other
header words, page furniture, a follow-up kept in Excel, key figures and narrative sections."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from importers.columns import WORDINGS, field_of, read_header
from importers.files import read_plan_file
from importers.furniture import is_page_number, is_running_header, is_running_values
from importers.model import ImportedPlan
from importers.statuses import status_code
from tests.unit.import_shapes_fixtures import (
    KEY_FIGURES_AND_NARRATIVE_TEXT,
    LIST_TEXT,
    NUMBERED_TEXT,
    RUNNING_HEADER_TEXT,
    TWO_COLUMN_TEXT,
    write_followup_xlsx,
    write_heading_docx,
)


def read_text(tmp_path: Path, text: str, name: str = "plan.txt") -> ImportedPlan:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_plan_file(path)


def per_unit_and_area(plan: ImportedPlan) -> dict[tuple[str | None, str], int]:
    return dict(Counter((a.unit, a.area) for a in plan.activities))


def fields(plan: ImportedPlan) -> list[tuple]:
    return [(a.number, a.description, a.responsible, a.target_text) for a in plan.activities]


@pytest.mark.parametrize(("field", "wording"), [(f, w) for f, ws in WORDINGS for w in ws])
def test_every_header_wording_in_any_case_and_punctuation(field: str, wording: str) -> None:
    assert field_of(wording) == field
    assert field_of(wording.upper() + ":") == field
    assert field_of(f" *{wording.capitalize()}* ") == field


def test_a_header_with_area_number_and_assignment_is_read() -> None:
    header = read_header(["Område", "Nr", "Uppdrag"])
    assert header is not None and [f for _, f in header.fields] == ["area", "number", "description"]


def test_unknown_columns_of_a_header_are_kept_as_a_warning(tmp_path: Path) -> None:
    plan = read_text(tmp_path, "Åtgärd;Ansvar;Prioritet\nKurs;HR;Hög\n", "plan.csv")
    assert [(a.description, a.responsible) for a in plan.activities] == [("Kurs", "HR")]
    warning = next(w for w in plan.warnings if w.key == "import.warn.unknown_columns")
    assert "Prioritet" in warning.message()


def test_bullets_with_label_lines_wrapped_lines_and_page_furniture(tmp_path: Path) -> None:
    plan = read_text(tmp_path, LIST_TEXT)
    assert per_unit_and_area(plan) == {("Biblioteken", "Utveckla"): 2, ("Biblioteken", "Behålla"): 1,
                                       ("Biblioteken", "Rekrytera"): 1}  # fmt: skip
    assert fields(plan) == [
        (1, "Utbildning i digital delaktighet för all personal", "Bibliotekschef", "HT 2025"),
        (2, "Studiecirklar om källkritik som hålls av bibliotekarierna själva", "Bibliotekarie",
         "2026-06-30"),
        (3, "Friskvårdsbidrag höjs", "HR", "Löpande"),
        (4, "Praktikplatser för studenter", "Bibliotekschef", "2026"),
    ]
    assert [r.line for r in plan.activities[1].sources] == [10, 11, 12]
    assert not any("Sida" in a.description or "Dnr" in a.target_text for a in plan.activities)


def test_numbered_items_under_headings_of_own_areas(tmp_path: Path) -> None:
    plan = read_text(tmp_path, NUMBERED_TEXT)
    assert per_unit_and_area(plan) == {(None, "Lärande och utbildning"): 2, (None, "Arbetsmiljö"): 2}
    assert [(a.number, a.description) for a in plan.activities][-1] == (
        4, "Översyn av scheman så att ensamarbete undviks")
    assert plan.areas[7:] == ("Lärande och utbildning", "Arbetsmiljö")
    assert [w.key for w in plan.warnings].count("import.warn.heading_area") == 2


def test_two_column_pdf_order_numbers_first_then_texts(tmp_path: Path) -> None:
    plan = read_text(tmp_path, TWO_COLUMN_TEXT)
    assert [(a.area, a.number, a.description) for a in plan.activities] == [
        ("Attrahera", 1, "Synas på gymnasiemässan"),
        ("Attrahera", 2, "Filmer om yrkena på webben"),
        ("Attrahera", 3, "Ambassadörer bland medarbetarna som berättar om sitt arbete"),
        ("Introducera", 1, "Introduktionsdag för alla nyanställda"),
        ("Introducera", 2, "Mentor första halvåret"),
    ]


def test_running_header_after_a_numbered_table_is_skipped(tmp_path: Path) -> None:
    plan = read_text(tmp_path, RUNNING_HEADER_TEXT)
    assert [(a.area, a.number, a.description) for a in plan.activities] == [
        ("Utveckla", 1, "Inspektörer går fördjupningskurs i livsmedelskontroll"),
        ("Utveckla", 2, "Handledning för nya inspektörer"),
        ("Rekrytera", 3, "Traineeprogram tillsammans med grannkommunerna"),
    ]
    assert not [w for w in plan.warnings if "Beslutsdatum" in w.message() or "§" in w.message()]


def test_page_furniture_rules() -> None:
    assert all(is_page_number(t) for t in ("Sida 3 av 12", "sida 3", "Page 2 of 9", "3 (12)", "- 4 -", "7"))
    assert not any(is_page_number(t) for t in ("3.", "2)", "Sida vid sida", "2025"))
    assert is_running_header(["Beslutsdatum", "Paragraf", "Sida"])
    assert not is_running_header(["Område", "Nr", "Uppdrag"])
    assert is_running_values(["Kommunfullmäktige", "2024-12-12", "§ 146", "5"])
    assert not is_running_values(["Utveckla", "Kurs i ledarskap för alla nya chefer under hösten"])


def test_word_areas_from_heading_styles_bold_paragraphs_and_a_word_list(tmp_path: Path) -> None:
    plan = read_plan_file(write_heading_docx(tmp_path / "plan.docx"))
    assert per_unit_and_area(plan) == {("Gatuenheten", "Attrahera"): 2,
                                       ("Gatuenheten", "Lärande och utbildning"): 1,
                                       ("Gatuenheten", "Behålla"): 2}  # fmt: skip
    assert fields(plan) == [
        (1, "Yrkesdag för gymnasieelever", "Enhetschef", "2025-10-01"),
        (2, "Annonser på sociala medier", "Kommunikatör", "Löpande"),
        (3, "Kurs i arbete på väg", "Arbetsledare", "VT 2026"),
        (4, "Medarbetarsamtal med alla varje år", "Enhetschef", "Årligen"),
        (5, "Lönekartläggning", "HR", ""),
    ]
    assert plan.activities[3].source_text() == "stycke 6; stycke 7; stycke 8"


def test_excel_follow_up_with_statuses_and_traffic_lights_is_a_first_round(tmp_path: Path) -> None:
    plan = read_plan_file(write_followup_xlsx(tmp_path / "uppfoljning.xlsx"))
    found = [(a.area, a.goal, a.description, a.target_text, a.responsible, a.status, a.comment)
             for a in plan.activities]  # fmt: skip
    assert found == [
        ("Utveckla", "Alla kan HLR", "HLR-utbildning", "2025", "Styrkeledare", "done", "Alla gick"),
        ("Utveckla", "Säkra rökdykare", "Rökdykarövning", "Löpande", "Instruktör", "done", ""),
        ("Behålla", "Färre slutar", "Avgångssamtal", "2025", "HR", "in_progress", "Hälften gjorda"),
        ("Rekrytera", "Fler deltidsbrandmän", "Rekryteringskampanj", "VT 2025", "Chef", "delayed",
         "Ingen budget"),
        ("Rekrytera", "Fler kvinnor", "Prova-på-dag", "2026", "Chef", "not_started", ""),
        ("Övrigt", "Nya lokaler", "Utredning", "2026", "Chef", None, "Väntar på beslut"),
    ]
    assert plan.round_name is not None
    assert plan.round_statuses() == {"done": 2, "in_progress": 1, "delayed": 1, "not_started": 1}
    assert "import.warn.status_unknown" in [w.key for w in plan.warnings]


@pytest.mark.parametrize(("text", "code"), [
    ("Klar", "done"), ("GRÖN", "done"), ("Pågår", "in_progress"), ("gul", "in_progress"),
    ("Ej påbörjad", "not_started"), ("Försenad", "delayed"), ("röd – saknar budget", "delayed"),
    ("Avbruten", "cancelled"), ("Klar 2025-03-01", "done"), ("Väntar", None),
])  # fmt: skip
def test_status_words(text: str, code: str | None) -> None:
    assert status_code(text) == code


def test_key_figures_and_narrative_sections_per_unit(tmp_path: Path) -> None:
    plan = read_text(tmp_path, KEY_FIGURES_AND_NARRATIVE_TEXT)
    figures = [(k.unit, k.name, k.period, k.count, k.share) for k in plan.key_figures]
    period = "2023-01-01 – 2023-12-31"
    assert figures == [("Förskoleavdelningen", "personalomsättning", period, 40, 12.5),
                       ("Äldreomsorgsavdelningen", "personalomsättning", period, 31, 9.8),
                       (None, "personalomsättning", period, 71, 11.0)]  # fmt: skip
    sections = {(n.unit, n.kind): n.text for n in plan.narrative}
    assert sections == {
        ("Förskoleavdelningen", "tasks"): "Avdelningen ansvarar för:\n- Kommunala förskolor\n"
                                          "- Öppen förskola",
        ("Förskoleavdelningen", "follow_up"): "Alla rektorer har gått ledarskapsutbildningen.",
        ("Förskoleavdelningen", "analysis"): "Barnen blir färre och förskolor slås ihop.",
        ("Förskoleavdelningen", "future_needs"): "Fler förskollärare med specialpedagogisk kompetens.",
        ("Äldreomsorgsavdelningen", "tasks"): "Hemtjänst och särskilt boende.",
        ("Äldreomsorgsavdelningen", "analysis"): "Fler äldre över 80 år.",
        ("Förskoleavdelningen", "risks"): "Risk att erfarna förskollärare går i pension samtidigt.",
        (None, "conclusion"): "Planen bygger på avdelningarnas analyser.",  # the appendix heading ends it
    }
    assert per_unit_and_area(plan) == {("Förskoleavdelningen", "Utveckla"): 1,
                                       ("Äldreomsorgsavdelningen", "Behålla"): 1}  # fmt: skip
    assert {n.heading for n in plan.narrative if n.kind == "risks"} == {"Riskanalys förskoleavdelningen"}


def test_bullets_in_prose_of_a_plan_with_tables_are_not_activities(tmp_path: Path) -> None:
    text = "\n".join(["Plan 2025-2026", "", "Vår vision", "- Att vara en bra arbetsgivare",
                      "- Att alla trivs", "", "Vad ska vi uppnå?\tAktivitet", "Utveckla\t",
                      "Kunniga chefer\tLedarskapsprogram"])  # fmt: skip
    plan = read_text(tmp_path, text)
    assert [(a.area, a.goal) for a in plan.activities] == [("Utveckla", "Kunniga chefer")]


def test_narrative_sections_under_word_headings(tmp_path: Path) -> None:
    from tests.unit.import_shapes_fixtures import write_narrative_docx

    plan = read_plan_file(write_narrative_docx(tmp_path / "plan.docx"))
    assert {(n.unit, n.kind): n.text for n in plan.narrative} == {
        ("Förskoleavdelningen", "tasks"): "Avdelningen ansvarar för:\n- Kommunala förskolor\n"
                                          "- Öppen förskola",
        ("Förskoleavdelningen", "analysis"): "Barnen blir färre.",
        ("Förskoleavdelningen", "risks"): "Många går i pension samtidigt.",
        ("Äldreomsorgen", "tasks"): "Hemtjänst och boenden.",
    }
    assert [(a.unit, a.area, a.goal) for a in plan.activities] == [
        ("Förskoleavdelningen", "Utveckla", "Fler behöriga")]
    assert [u.name for u in plan.units] == ["Förskoleavdelningen", "Äldreomsorgen"]


def test_a_heading_about_the_plan_names_no_area(tmp_path: Path) -> None:
    text = "\n".join(["Aktivitetsplan", "", "Vad ska vi uppnå?\tAktivitet",
                      "Kunniga chefer\tLedarskapsprogram"])  # fmt: skip
    plan = read_text(tmp_path, text, "plan 2025-2026.txt")
    assert [(a.area, a.goal) for a in plan.activities] == [("Övrigt", "Kunniga chefer")]
    assert "import.warn.no_area" in [w.key for w in plan.warnings]
