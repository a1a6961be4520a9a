"""Plan details and unit headings read from the paragraphs of a document.

A unit is introduced by "Avdelning/Enhet:", "Datum:" and "Ansvarig chef:" (in the template, above
its table). The plan's title, organisation, period, decision, diary number and follow-up cadence are
read from wherever the document states them; what is not there keeps hrplan's default.
"""

from __future__ import annotations

import re
from datetime import date

# The codes of models.plan.Cadence and PlanKind (not imported: that module pulls in SQLModel).
HALF_YEAR, TERTIAL, QUARTER, YEAR = "half_year", "tertial", "quarter", "year"
COMPETENCE, STRATEGY = "competence_supply", "personnel_strategy"

UNIT, DATE, MANAGER = "unit", "date", "manager"

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (UNIT, re.compile(r"^(?:avdelning\s*/\s*enhet|avdelning|enhet|förvaltning\s*/\s*enhet|unit|"
                      r"department(?:\s*/\s*unit)?)$")),
    (DATE, re.compile(r"^(?:datum|date)$")),
    (MANAGER, re.compile(r"^(?:ansvarig chef|chef|enhetschef|avdelningschef|manager|"
                         r"responsible manager)$")),
)  # fmt: skip
_LABELLED = re.compile(r"^\s*([^:\t]{2,40}?)\s*:\s*(.*)$", re.DOTALL)

_MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10,
}  # fmt: skip
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_WORD_DATE = re.compile(r"(?<!\d)(\d{1,2})\s+([a-zåäö]+)\s+(\d{4})(?!\d)", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"(?<![\d\-/])((?:19|20|21)\d\d)\s*[-–—]\s*((?:19|20|21)\d\d)(?![\d\-/])")
_PLAN_WORDS = re.compile(
    r"kompetensförsörjningsplan|personalstrategi|handlingsplan|kompetensplan|"
    r"competence supply plan|personnel strategy|kompetensförsörjning",
    re.IGNORECASE,
)
_ORG_END = r"(?:förvaltning(?:en)?|kommun|stad|region|nämnd(?:en)?|landsting|bolag(?:et)?|administration)"
_ORG_LABEL = re.compile(r"^(?:organisation|förvaltning|kommun|nämnd|organization)\s*:\s*(.+)$", re.I)
_WORD = r"[\w\-åäöÅÄÖ]"
_ORG_AFTER_FOR = re.compile(rf"\b(?:för|vid|inom|for)\s+((?:{_WORD}+\s+){{0,4}}?{_WORD}*{_ORG_END})\b")
_ORG_ALONE = re.compile(rf"^(?:[\w\-åäöÅÄÖ]+\s+){{1,5}}[\w\-åäöÅÄÖ]*{_ORG_END}$", re.IGNORECASE)
_DECIDED = re.compile(
    r"\b(?:beslutad|beslutat|beslutades|fastställd|fastställt|fastställdes|antagen|antaget|antogs|"
    r"godkänd|godkänt|godkändes|adopted|approved|decided)\b",
    re.IGNORECASE,
)
_BODY_AFTER = re.compile(
    r"\b(?:av|i|by|in)\s+((?:[A-ZÅÄÖa-zåäö][\w\-åäöÅÄÖ]*(?:\s+och\s+|\s+|-\s*)?){1,6}?)"
    r"(?=\s*(?:den\s+)?\d|\s*§|\s*,|\s*\.|\s*$)"
)
_BODY_LABEL = re.compile(r"^(?:beslutsinstans|beslutande organ|beslutad av|fastställd av|antagen av|"
                         r"decided by|approved by)\s*:\s*(.+)$", re.IGNORECASE)  # fmt: skip
_PARAGRAPH = re.compile(r"§\s*(\d+[a-z]?)")
_DIARY = re.compile(r"\b(?:dnr|diarienummer|diarienr|diarie-nr|reg\.?\s*nr)\.?\s*:?\s*(\S.*)$", re.IGNORECASE)
_FOLLOW_UP = re.compile(r"uppfölj|följ\w*\s+upp|utvärder|follow|review", re.IGNORECASE)
_CADENCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (HALF_YEAR, re.compile(r"två gånger (?:per|om|varje|i) år|halvår|twice a year|half[- ]year|"
                                   r"semi-?annual", re.IGNORECASE)),
    (TERTIAL, re.compile(r"tertial", re.IGNORECASE)),
    (QUARTER, re.compile(r"kvartal|quarter", re.IGNORECASE)),
    (YEAR, re.compile(r"en gång (?:per|om|varje|i) år|årligen|årsvis|varje år|once a year|"
                              r"annual|yearly", re.IGNORECASE)),
)  # fmt: skip

# Only the top of a document says what the plan is called and which years it covers.
TOP_PARAGRAPHS = 60


def marker_of(label: str, value: str | None = None) -> tuple[str, str] | None:
    """("unit", "Hemtjänsten") for "Avdelning/Enhet: Hemtjänsten", or for a label cell and a value
    cell; None when the text is no unit heading."""
    if value is None:
        m = _LABELLED.match(label)
        if not m:
            return None
        label, value = m.group(1), m.group(2)
    key = " ".join(label.lower().split()).strip(" :")
    for kind, pattern in _MARKERS:
        if pattern.match(key):
            return kind, " ".join(value.split())
    return None


def read_date(text: str) -> date | None:
    """An ISO date ("2023-10-25") or a Swedish or English one ("25 oktober 2023") in the text."""
    if m := _ISO_DATE.search(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if (m := _WORD_DATE.search(text)) and m[2].lower() in _MONTHS:
        try:
            return date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
        except ValueError:
            return None
    return None


def year_range(text: str) -> tuple[int, int] | None:
    """The first plausible span of years: "2024-2026", "2008 - 2010"."""
    for m in _YEAR_RANGE.finditer(text):
        start, end = int(m[1]), int(m[2])
        if start <= end <= start + 10:
            return start, end
    return None


def plan_kind(title: str) -> str:
    lowered = title.lower()
    if "personalstrategi" in lowered or "personnel strategy" in lowered:
        return STRATEGY
    return COMPETENCE


def find_title(texts: list[str], titled: list[str]) -> str | None:
    """The paragraph styled as the title, else the first naming the plan, else the first heading."""
    for text in titled:
        if text.strip() and len(text) <= 150:
            return text
    for text in texts[:TOP_PARAGRAPHS]:
        if _PLAN_WORDS.search(text) and len(text) <= 150 and marker_of(text) is None:
            return text
    return None


def find_organisation(texts: list[str]) -> str:
    top = texts[:TOP_PARAGRAPHS]
    for text in top:
        if m := _ORG_LABEL.match(text):
            return m.group(1).strip()
    for text in top:
        if _PLAN_WORDS.search(text) and (m := _ORG_AFTER_FOR.search(text)):
            return m.group(1).strip()
    for text in top:
        if len(text) <= 80 and _ORG_ALONE.match(text.strip()):
            return text.strip()
    return ""


def find_decision(texts: list[str]) -> tuple[str, date | None, str]:
    """(body, date, paragraph) from the first sentence saying the plan was decided, or labels."""
    body, day, paragraph = "", None, ""
    for text in texts:
        if m := _BODY_LABEL.match(text):
            body = body or m.group(1).strip()
            day = day or read_date(text)
        elif re.match(r"^(?:beslutsdatum|datum för beslut|decision date)\s*:", text, re.IGNORECASE):
            day = day or read_date(text)
        elif _DECIDED.search(text) and len(text) <= 300:
            if not body and (m := _BODY_AFTER.search(text[_DECIDED.search(text).end():])):
                body = m.group(1).strip()
            day = day or read_date(text)
        else:
            continue
        if not paragraph and (m := _PARAGRAPH.search(text)):
            paragraph = f"§ {m.group(1)}"
    return body, day, paragraph


def find_diary_number(texts: list[str]) -> str:
    for text in texts:
        for line in text.split("\n"):
            if m := _DIARY.search(line):
                kept = []
                for token in m.group(1).split():
                    token = token.strip(",;")
                    if any(ch.isdigit() for ch in token) or (token.isupper() and len(token) <= 8):
                        kept.append(token)
                    else:
                        break
                if kept:
                    return "Dnr " + " ".join(kept).rstrip(".")
    return ""


def find_cadence(texts: list[str]) -> str | None:
    for text in texts:
        if not _FOLLOW_UP.search(text):
            continue
        for cadence, pattern in _CADENCES:
            if pattern.search(text):
                return cadence
    return None
