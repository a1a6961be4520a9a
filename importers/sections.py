"""Headings that start something other than activities: a unit's narrative sections, and tables of
key figures ("Avdelning | antal | andel" under a period heading)."""

from __future__ import annotations

import re

from models.limits import SHORT_MAX

# A unit's section kind (``models.section.SectionKind``) and the headings that start it.
_NARRATIVE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tasks", ("uppgifter", "avdelningens uppgifter", "enhetens uppgifter", "verksamhetens uppgifter",
               "uppdrag och uppgifter", "tasks", "responsibilities")),
    ("follow_up", ("uppföljning av genomförda aktiviteter och dess resultat",
                   "uppföljning av genomförda aktiviteter och deras resultat",
                   "uppföljning av genomförda aktiviteter", "uppföljning av föregående plan",
                   "uppföljning av förra årets aktiviteter", "follow-up of activities and their results",
                   "follow-up of completed activities")),
    ("analysis", ("analys", "nulägesanalys", "analys av nuläget", "analysis", "current situation")),
    ("future_needs", ("framtida kompetensbehov och strategisk inriktning", "framtida kompetensbehov",
                      "strategisk inriktning", "framtida behov", "future competence needs and strategic "
                      "direction", "future competence needs", "strategic direction")),
    ("risks", ("riskanalys", "riskanalyser", "risicanalys", "risk analysis", "risk analyses",
                       "risker")),
    # The plan's own conclusion (a section of the plan, not of a unit).
    ("conclusion", ("slutsats", "slutsatser", "avslutning", "sammanfattning och slutsatser", "conclusion",
                    "conclusions")),
)  # fmt: skip
PLAN_KINDS = {"conclusion"}
_ENDS = re.compile(r"^(?:bilaga|bilagor|appendix|annex)\b", re.IGNORECASE)
_PLAN_TITLE = re.compile(r"kompetensförsörjningsplan|handlingsplan|aktivitetsplan|personalstrategi|"
                         r"competence supply plan|action plan|plan of action", re.IGNORECASE)
_BY_HEADING = {h: kind for kind, headings in _NARRATIVE for h in headings}
_RISK_OF = re.compile(r"^(?:riskanalys|risicanalys|risk analysis)(?:\s+(?:för|of|for))?\s+(.{2,60})$")
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+")


def _norm(text: str) -> str:
    s = " ".join(text.lower().split())
    s = _NUMBERED.sub("", s)
    return s.strip(" .:;–-")


def narrative_heading(text: str) -> tuple[str, str | None] | None:
    """("analysis", None) for "Analys", ("risks", "förskoleavdelningen") for "Riskanalys
    förskoleavdelningen"; None when the text starts no narrative section."""
    if len(text) > 90:
        return None
    s = _norm(text)
    if s in _BY_HEADING:
        return _BY_HEADING[s], None
    if m := _RISK_OF.match(s):
        return "risks", " ".join(text.split())[-len(m.group(1)):].strip(" .:;–-")
    return None


def names_a_plan(text: str) -> bool:
    """"Aktivitetsplan", "Handlingsplan 2025": a heading about the plan, never an area's name."""
    return bool(_PLAN_TITLE.search(text))


def ends_narrative(text: str) -> bool:
    """A line that is no part of the section before it: an appendix heading ("Bilaga 1 – …"), or a
    short heading naming a plan ("Kompetensförsörjningsplan för verksamheten")."""
    s = " ".join(text.split())
    if _ENDS.match(s):
        return True
    return len(s) <= 60 and bool(_PLAN_TITLE.search(s)) and not s.endswith((".", ":", ";", ",", "?", "!"))


# --- key figures ---------------------------------------------------------------------------------

_FIRST = {"avdelning", "avdelning/enhet", "enhet", "verksamhet", "förvaltning", "nyckeltal",
          "personalnyckeltal", "unit", "department"}  # fmt: skip
_COUNT = {"antal", "antal (st)", "antal personer", "st", "count", "number", "n"}
_SHARE = {"andel", "andel (%)", "andel %", "%", "procent", "share", "share (%)", "percent", "percentage"}
_PERIOD = re.compile(
    r"\d{4}-\d{2}-\d{2}\s*[-–—]\s*\d{4}-\d{2}-\d{2}|(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)\d\d|"
    r"(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)\w*\s+(?:19|20)\d\d\s*[-–—]\s*"
    r"(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)\w*\s+(?:19|20)\d\d|"
    r"(?<![\d/\-])(?:19|20)\d\d(?![\d/\-])",
    re.IGNORECASE,
)
SICK_WORDS = re.compile(r"sjukfrånvaro|sick", re.IGNORECASE)
TURNOVER_WORDS = re.compile(r"omsättning|turnover", re.IGNORECASE)


def _cell(text: str) -> str:
    return " ".join(text.lower().split()).strip(" :*")


def key_figure_columns(texts: list[str]) -> tuple[int | None, int | None] | None:
    """For "Avdelning | antal | andel": the index of the count and of the share column; None when the
    row is no key-figure header."""
    filled = [(i, _cell(t)) for i, t in enumerate(texts) if t.strip()]
    if len(filled) < 2 or filled[0][0] != 0 or filled[0][1] not in _FIRST:
        return None
    count = share = None
    for index, text in filled[1:]:
        if text in _COUNT and count is None:
            count = index
        elif text in _SHARE and share is None:
            share = index
        else:
            return None
    return count, share


def period_in(text: str) -> str | None:
    """The period a heading names ("2022-10-01 – 2023-09-31", "Personalnyckeltal 2023"), as written;
    None for a sentence or a line that only mentions a year."""
    if len(text) > 60 or re.search(r"\b(?:dnr|diarienummer|§)", text, re.IGNORECASE):
        return None
    m = _PERIOD.search(text)
    if not m:
        return None
    found = " ".join(m.group(0).split())
    return found[:SHORT_MAX]


def read_count(text: str) -> int | None:
    s = re.sub(r"[\s\u00a0]", "", text)
    return int(s) if s.isdigit() and len(s) <= 9 else None


def read_share(text: str) -> float | None:
    s = re.sub(r"[\s\u00a0%]", "", text).replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None
