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

    def describe(self) -> str:
        """"plan.docx, tabell 2, rad 5" in the current language."""
        from i18n import t

        parts = [self.file]
        if self.sheet is not None:
            parts.append(t("import.where.sheet", sheet=self.sheet))
        if self.table is not None:
            parts.append(t("import.where.table", table=self.table))
        if self.row is not None:
            parts.append(t("import.where.row", row=self.row))
        if self.line is not None:
            parts.append(t("import.where.line", line=self.line))
        return ", ".join(parts)


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


@dataclass(frozen=True, slots=True)
class ImportedPlan:
    """A whole plan read from one file. ``areas`` is every area the plan gets, in order."""

    source: str
    details: PlanDetails
    units: tuple[ImportedUnit, ...] = ()
    areas: tuple[str, ...] = ()
    activities: tuple[ImportedActivity, ...] = ()
    warnings: tuple[ImportWarning, ...] = field(default=())

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
