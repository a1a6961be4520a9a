"""Finding the header row of an activity table: the template's columns in any wording and order."""

from __future__ import annotations

import re
from dataclasses import dataclass

GOAL, DESCRIPTION, TARGET, RESPONSIBLE = "goal", "description", "target_text", "responsible"
RESOURCES, FOLLOW_UP, AREA, UNIT, NUMBER = "resources", "follow_up", "area", "unit", "number"
STATUS, COMMENT = "status", "comment"

# The header vocabulary: each field and the wordings a header cell starts with, Swedish and English,
# compared in lower case without punctuation around them (see ``header_text``). Tested in this
# order, so that "Måldatum" is a target before "mål" is a goal. A test names every wording.
WORDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (TARGET, ("måldatum", "när ska det vara klart", "klart när", "klart senast", "klart till", "klart",
              "tidplan", "tidsplan", "tidpunkt", "när", "slutdatum", "target date", "target",
              "deadline", "due date", "due", "by when", "when", "timeline", "time plan", "timetable")),
    (GOAL, ("vad ska vi uppnå", "vad vill vi uppnå", "mål", "målsättning", "syfte", "önskat läge",
            "förväntat resultat", "förväntade resultat", "effektmål", "what do we want to achieve",
            "goal", "objective", "aim", "purpose", "expected result", "expected outcome", "outcome")),
    (DESCRIPTION, ("aktivitet", "aktiviteter", "hur gör vi det", "åtgärd", "åtgärder", "insats",
                   "insatser", "uppdrag", "activity", "activities", "action", "actions", "measure",
                   "measures", "task", "tasks", "initiative", "initiatives")),
    (RESPONSIBLE, ("ansvarig", "ansvar", "vem", "(funktion)", "responsible", "responsibility", "owner",
                   "who")),
    (RESOURCES, ("resurser", "resurs", "(timmar", "kostnad", "budget", "resources", "cost")),
    (FOLLOW_UP, ("uppföljning", "follow-up", "follow up", "followup")),
    (STATUS, ("status", "läge", "lägesbedömning", "trafikljus", "klar/pågår", "grön/gul/röd", "state",
              "progress", "traffic light")),
    (COMMENT, ("kommentar", "kommentarer", "notering", "noteringar", "anteckning", "anteckningar",
               "comment", "comments", "note", "notes", "remarks")),
    (AREA, ("område", "områden", "fokusområde", "ubara", "area", "focus area")),
    (UNIT, ("avdelning/enhet", "avdelning", "enhet", "verksamhet", "unit", "department")),
    (NUMBER, ("nr", "nummer", "löpnummer", "#", "no", "number")),
)  # fmt: skip

_TAG = re.compile(r"<[^<>]*>")


_EDGE = " :;.,!?*•–—-_=\"'`´’”“"


def header_text(text: str) -> str:
    """A header cell as the vocabulary spells it: lower case, spaces collapsed, no HTML, no
    punctuation around it ("MÅL:", "*Ansvarig*", "Tidplan." all read alike)."""
    s = _TAG.sub(" ", text).lower().replace("\u00a0", " ")
    return " ".join(s.split()).strip(_EDGE)


def field_of(text: str) -> str | None:
    """The field a header cell names, or None."""
    s = header_text(text)
    if not s or len(s) > 80:
        return None
    for field, wordings in WORDINGS:
        for wording in wordings:
            if s == wording or (s.startswith(wording) and _hint(s[len(wording):], wordings)):
                return field
    return None


def _hint(rest: str, wordings: tuple[str, ...]) -> bool:
    """What may follow a column's name in its header cell: a hint in brackets or after a dash or a
    slash ("Ansvarig (funktion)", "Uppföljning / Kommentar"), or another name of the same column
    ("Aktivitet Hur gör vi det?"), never the rest of a sentence ("Mål för ledarna")."""
    if rest and rest[0].isalnum():
        return False
    rest = rest.strip()
    return not rest or rest[0] in "([/–—-:?" or any(w in rest for w in wordings)


@dataclass(frozen=True, slots=True)
class Header:
    """Column index → field; the texts of the columns it does not know."""

    fields: tuple[tuple[int, str], ...]
    unknown: tuple[tuple[int, str], ...]

    def field_at(self, index: int) -> str | None:
        return dict(self.fields).get(index)

    def has(self, field: str) -> bool:
        return any(f == field for _, f in self.fields)

    @property
    def numbered_list_shape(self) -> bool:
        """"Område | Aktivitet": a cell may list several numbered activities."""
        return self.has(DESCRIPTION) and not self.has(GOAL) and not self.has(TARGET)


def read_header(texts: list[str]) -> Header | None:
    """A header when at least two cells name known columns, one of them the goal or the activity,
    and most of the filled cells are known."""
    fields: list[tuple[int, str]] = []
    unknown: list[tuple[int, str]] = []
    taken: set[str] = set()
    for index, text in enumerate(texts):
        if not text.strip():
            continue
        field = field_of(text)
        if field is None or field in taken:
            if any(ch.isdigit() for ch in text):
                return None  # figures in a cell: a row of data, not of column names
            unknown.append((index, " ".join(_TAG.sub(" ", text).split())))
        else:
            taken.add(field)
            fields.append((index, field))
    if len(fields) < 2 or not ({GOAL, DESCRIPTION} & taken) or len(unknown) > len(fields):
        return None
    return Header(tuple(fields), tuple(unknown))
