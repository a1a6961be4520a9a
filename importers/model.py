"""What an import found in a file, as plain frozen data: shown in the preview, then written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where something was found: a table and row (Word), a sheet and row (Excel), or a line."""

    file: str
    table: int | None = None
    sheet: str | None = None
    row: int | None = None
    line: int | None = None
    paragraph: int | None = None  # Word: the body paragraph's number

    def describe(self) -> str:
        """"plan.docx, tabell 2, rad 5" in the current language."""
        return ", ".join([self.file, *self.place()]) if self.file else ", ".join(self.place())

    def place(self) -> list[str]:
        """The parts after the file name: "tabell 2", "rad 5"."""
        from i18n import t

        parts = []
        if self.sheet is not None:
            parts.append(t("import.where.sheet", sheet=self.sheet))
        if self.table is not None:
            parts.append(t("import.where.table", table=self.table))
        if self.row is not None:
            parts.append(t("import.where.row", row=self.row))
        if self.line is not None:
            parts.append(t("import.where.line", line=self.line))
        if self.paragraph is not None:
            parts.append(t("import.where.paragraph", paragraph=self.paragraph))
        return parts

    def short(self) -> str:
        """Without the file name: "tabell 2, rad 5", for a list of source rows."""
        return ", ".join(self.place()) or self.file


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """Something the importer could not place or chose for the user: shown, never silent."""

    key: str
    where: SourceRef
    params: tuple[tuple[str, str], ...] = ()

    def message(self) -> str:
        """Where, and what; a count given as the parameter ``n`` chooses the message's plural form."""
        from i18n import t, tn

        params = dict(self.params)
        if "n" in params:
            count = params.pop("n")
            return f"{self.where.describe()}: {tn(self.key, int(count), **params)}"
        return f"{self.where.describe()}: {t(self.key, **params)}"


@dataclass(frozen=True, slots=True)
class PlanDetails:
    title: str = ""
    kind: str = "competence_supply"
    organisation: str = ""
    period_start: int | None = None
    period_end: int | None = None
    decision_body: str = ""
    decision_date: date | None = None
    decision_paragraph: str = ""
    diary_number: str = ""
    cadence: str = "tertial"


@dataclass(frozen=True, slots=True)
class ImportedUnit:
    name: str
    manager: str = ""
    date: date | None = None
    where: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class ImportedActivity:
    area: str
    unit: str | None = None
    number: int | None = None
    goal: str = ""
    description: str = ""
    target_text: str = ""
    target_date: date | None = None
    ongoing: bool = False
    responsible: str = ""
    resources: str = ""
    follow_up: str = ""
    where: SourceRef | None = None
    # Every row, line or paragraph the activity was read from, in order (the first is ``where``).
    sources: tuple[SourceRef, ...] = ()
    # From a status column (a status code) and its comment: the activity's entry in the first round.
    status: str | None = None
    comment: str = ""

    def source_text(self) -> str:
        """"tabell 2, rad 5–6" style: where the activity came from, for the preview."""
        return "; ".join(ref.short() for ref in self.sources)


@dataclass(frozen=True, slots=True)
class ImportedKeyFigure:
    """A row of a key-figure table: "Förskolan | 88 | 13,0 %" under a period."""

    unit: str
    name: str
    period: str
    count: int | None
    share: float | None
    where: SourceRef


@dataclass(frozen=True, slots=True)
class ImportedNarrative:
    """One narrative section ("Analys") of a unit, or of the whole plan when ``unit`` is None.

    ``kind`` is a unit's section kind of ``models.section.SectionKind`` ("tasks", "follow_up",
    "analysis", "future_needs", "risks"); ``heading`` is the heading as the document writes it (the
    title of a section of the whole plan, which has no such kind).
    """

    unit: str | None
    kind: str
    text: str
    where: SourceRef
    heading: str = ""


@dataclass(frozen=True, slots=True)
class ImportedPlan:
    """A whole plan read from one file. ``areas`` is every area the plan gets, in order."""

    source: str
    details: PlanDetails
    units: tuple[ImportedUnit, ...] = ()
    areas: tuple[str, ...] = ()
    activities: tuple[ImportedActivity, ...] = ()
    warnings: tuple[ImportWarning, ...] = field(default=())
    key_figures: tuple[ImportedKeyFigure, ...] = ()
    narrative: tuple[ImportedNarrative, ...] = ()
    # A status column was read: the name of the first follow-up round its statuses go into.
    round_name: str | None = None

    def round_statuses(self) -> dict[str, int]:
        """Status code → how many activities have it in the first round."""
        counts: dict[str, int] = {}
        for activity in self.activities:
            if activity.status is not None:
                counts[activity.status] = counts.get(activity.status, 0) + 1
        return counts

    def count_by_area(self) -> dict[str, int]:
        counts = {name: 0 for name in self.areas}
        for activity in self.activities:
            counts[activity.area] = counts.get(activity.area, 0) + 1
        return counts

    def count_by_unit(self) -> dict[str | None, int]:
        counts: dict[str | None, int] = {}
        for activity in self.activities:
            counts[activity.unit] = counts.get(activity.unit, 0) + 1
        return counts
