"""The two documents as a format-free outline of headings, facts, tables and bars.

Each writer renders this outline in its own format, so that every format says the same thing in the
same order: ``summary_outline`` for a follow-up round, ``plan_outline`` for the plan document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from db.queries.export import ExportActivity, ExportData, ExportUnit
from i18n import t
from i18n.formatting import percent
from models.status import STATUS_ORDER

# Colours of the status bars (hex RGB, no '#'), in STATUS_ORDER.
STATUS_COLOURS = {
    "not_started": "9E9E9E",
    "in_progress": "1E88E5",
    "done": "43A047",
    "delayed": "FB8C00",
    "cancelled": "6D4C41",
}

PLAN_COLUMNS = (
    "col.goal",
    "col.description",
    "col.target",
    "col.responsible",
    "col.resources",
    "col.follow_up",
)
PLAN_WIDTHS = (3.0, 4.0, 1.4, 2.2, 1.8, 2.4)
SUMMARY_COLUMNS = (
    "export.col_activity", "col.responsible", "col.target", "col.status", "export.col_reviewed",
    "export.col_comment",
)  # fmt: skip
SUMMARY_WIDTHS = (4.5, 2.0, 1.4, 1.8, 1.1, 4.0)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 the document's title, 2 a part, 3 a sub-part
    text: str


@dataclass(frozen=True, slots=True)
class Facts:
    """Label–value lines: the plan's header, a unit's manager and date."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class AreaRow:
    """A row across the whole table naming the area of the rows below it, as in the template."""

    text: str


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...] | AreaRow, ...]
    widths: tuple[float, ...]  # relative
    activities: bool = False  # a table of activities, one per row (the CSV and sheet-per-unit take these)


@dataclass(frozen=True, slots=True)
class Bars:
    """A stacked bar per row: (label, ((status code, count), ...)) with status labels in ``legend``."""

    rows: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    legend: tuple[tuple[str, str], ...]


Block = Heading | Facts | Paragraph | Table | Bars


@dataclass(frozen=True, slots=True)
class Section:
    """One unit's part of the document (or the whole plan's): the XLSX writer gives it a sheet."""

    name: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Outline:
    title: str
    lang: str
    front: tuple[Block, ...]
    sections: tuple[Section, ...]
    columns: tuple[str, ...]  # the columns of the activity tables, also when there are none
    tail: tuple[Section, ...] = field(default=())  # after the units: overdue, changes

    page_per_section: bool = False  # each section but the first starts a new page when printed

    def blocks(self) -> list[Block]:
        """Every block in reading order."""
        return [block for block, _ in self.pages()]

    def pages(self) -> Iterator[tuple[Block, bool]]:
        """Every block in reading order, with whether it starts a new printed page."""
        for block in self.front:
            yield block, False
        for index, section in enumerate(self.sections):
            for position, block in enumerate(section.blocks):
                yield block, self.page_per_section and index > 0 and position == 0
        for section in self.tail:
            for block in section.blocks:
                yield block, False


def status_label(code: str | None, lang: str) -> str:
    return t(f"status.{code}", lang=lang) if code else ""


def unit_name(unit: ExportUnit, lang: str) -> str:
    return unit.name if unit.name is not None else t("whole_plan", lang=lang)


def _plan_facts(data: ExportData, lang: str) -> Facts:
    pairs = [(t("export.kind", lang=lang), t(f"kind.{data.kind}", lang=lang))]
    if data.organisation:
        pairs.append((t("export.organisation", lang=lang), data.organisation))
    pairs.append((t("col.period", lang=lang), f"{data.period[0]}–{data.period[1]}"))
    decision = ", ".join(
        part
        for part in (
            data.decision_body,
            data.decision_date.isoformat() if data.decision_date else "",
            data.decision_paragraph,
            data.diary_number,
        )
        if part
    )
    if decision:
        pairs.append((t("export.decision", lang=lang), decision))
    return Facts(tuple(pairs))


def _unit_facts(unit: ExportUnit, lang: str) -> Facts | None:
    pairs = []
    if unit.manager:
        pairs.append((t("export.manager", lang=lang), unit.manager))
    if unit.date:
        pairs.append((t("export.date", lang=lang), unit.date.isoformat()))
    return Facts(tuple(pairs)) if pairs else None


def _activity_rows(
    unit: ExportUnit, row: Callable[[ExportActivity], tuple[str, ...]]
) -> tuple[tuple[str, ...] | AreaRow, ...]:
    rows: list[tuple[str, ...] | AreaRow] = []
    for area, activities in unit.areas():
        rows.append(AreaRow(area))
        rows.extend(row(a) for a in activities)
    return tuple(rows)


def _unit_sections(
    data: ExportData,
    lang: str,
    heading: Callable[[str], str],
    columns: tuple[str, ...],
    row: Callable[[ExportActivity], tuple[str, ...]],
    widths: tuple[float, ...],
) -> list[Section]:
    """Per unit: a heading, its manager and date, and its activities in ``columns`` with area rows."""
    sections = []
    for unit in data.units:
        name = unit_name(unit, lang)
        blocks: list[Block] = [Heading(2, heading(name))]
        if facts := _unit_facts(unit, lang):
            blocks.append(facts)
        if unit.activities:
            blocks.append(Table(columns, _activity_rows(unit, row), widths, activities=True))
        else:
            blocks.append(Paragraph(t("export.no_activities", lang=lang)))
        sections.append(Section(name, tuple(blocks)))
    return sections


def plan_row(a: ExportActivity) -> tuple[str, ...]:
    return (a.goal, a.description, a.target_text, a.responsible, a.resources, a.follow_up)


def plan_outline(data: ExportData, lang: str) -> Outline:
    """The plan document: per unit, with manager and date, the template's six columns with area rows."""
    front: list[Block] = [Heading(1, data.title), _plan_facts(data, lang)]
    columns = tuple(t(key, lang=lang) for key in PLAN_COLUMNS)
    sections = _unit_sections(
        data,
        lang,
        lambda name: t("export.activity_plan", lang=lang, unit=name),
        columns,
        plan_row,
        PLAN_WIDTHS,
    )
    if not sections:
        front.append(Paragraph(t("export.plan_empty", lang=lang)))
    # Each unit's activity plan on pages of its own, like the appendices of a published plan.
    return Outline(data.title, lang, tuple(front), tuple(sections), columns, page_per_section=True)


def _count_row(label: str, progress, lang: str, activities: list[ExportActivity]) -> tuple[str, ...]:  # noqa: ANN001
    return (
        label,
        *(str(progress.counts.get(s.value, 0)) for s in STATUS_ORDER),
        str(progress.total),
        percent(progress.share_done, lang),
        f"{sum(1 for a in activities if a.reviewed)}/{len(activities)}",
    )


def reviewed_label(a: ExportActivity, lang: str) -> str:
    """Gone through in the round: yes, or no (its status is the one from the round before)."""
    return t("export.yes" if a.reviewed else "export.no", lang=lang)


def summary_status(a: ExportActivity, lang: str) -> str:
    """The status as of the round; for one not gone through, said to come from the round before."""
    label = status_label(a.status, lang)
    if a.reviewed is False:
        return t("export.status_from_before", lang=lang, status=label)
    return label


def summary_outline(data: ExportData, lang: str) -> Outline:
    """The follow-up summary of ``data.round``: counts, per unit and area the activities, overdue, changes."""
    front: list[Block] = [
        Heading(1, t("export.summary_title", lang=lang, title=data.title)),
        _plan_facts(data, lang),
    ]
    if data.round is None:
        front.append(Paragraph(t("export.no_rounds", lang=lang)))
    else:
        round_facts = [(t("export.round", lang=lang), f"{data.round.name} ({data.round.date.isoformat()})")]
        if data.round.notes:
            round_facts.append((t("export.round_notes", lang=lang), data.round.notes))
        front.append(Facts(tuple(round_facts)))
        left = data.not_reviewed
        total = len(data.activities)
        front.append(Paragraph(
            t("export.reviewed_all", lang=lang, n=total) if not left
            else t("export.reviewed_some", lang=lang, n=total - left, total=total, left=left)
        ))  # fmt: skip

    front.append(Heading(2, t("export.counts", lang=lang)))
    count_columns = (
        t("col.unit", lang=lang),
        *(status_label(s.value, lang) for s in STATUS_ORDER),
        t("export.total", lang=lang),
        t("export.share_done", lang=lang),
        t("export.col_reviewed", lang=lang),
    )
    count_rows = [_count_row(unit_name(u, lang), u.progress, lang, list(u.activities)) for u in data.units]
    count_rows.append(_count_row(t("export.all_units", lang=lang), data.progress, lang, data.activities))
    front.append(Table(count_columns, tuple(count_rows), (3.0, *(1.0,) * len(STATUS_ORDER), 1.0, 1.0, 1.2)))
    legend = tuple((s.value, status_label(s.value, lang)) for s in STATUS_ORDER)
    front.append(
        Bars(
            tuple(
                (
                    unit_name(u, lang),
                    tuple((s.value, u.progress.counts.get(s.value, 0)) for s in STATUS_ORDER),
                )
                for u in data.units
            ),
            legend,
        )
    )

    columns = tuple(t(key, lang=lang) for key in SUMMARY_COLUMNS)

    def row(a: ExportActivity) -> tuple[str, ...]:
        return (a.title, a.responsible, a.target_text, summary_status(a, lang), reviewed_label(a, lang),
                a.comment)  # fmt: skip

    sections = _unit_sections(data, lang, lambda name: name, columns, row, SUMMARY_WIDTHS)

    overdue_blocks: list[Block] = [Heading(2, t("export.overdue", lang=lang))]
    overdue = data.overdue
    if overdue:
        overdue_blocks.append(
            Table(
                (t("col.unit", lang=lang), t("export.col_activity", lang=lang), t("col.target", lang=lang),
                 t("col.status", lang=lang), t("col.responsible", lang=lang)),
                tuple((unit_name(u, lang), a.title, a.target_text, status_label(a.status, lang),
                       a.responsible) for u, a in overdue),
                (2.0, 5.0, 1.4, 1.3, 2.0),
            )
        )  # fmt: skip
    else:
        overdue_blocks.append(Paragraph(t("export.none_overdue", lang=lang)))

    change_blocks: list[Block] = [Heading(2, t("export.changes", lang=lang))]
    if data.previous_round is None:
        change_blocks.append(Paragraph(t("export.no_previous_round", lang=lang)))
    else:
        change_blocks.append(Paragraph(t("export.changes_since", lang=lang, name=data.previous_round.name)))
        changes = data.changes
        if changes:
            change_blocks.append(
                Table(
                    (t("col.unit", lang=lang), t("export.col_activity", lang=lang),
                     t("export.col_before", lang=lang), t("export.col_now", lang=lang),
                     t("summary.changed_by", lang=lang)),
                    tuple((unit_name(u, lang), a.title, status_label(a.previous_status, lang),
                           status_label(a.status, lang), a.changed_by or "—") for u, a in changes),
                    (2.0, 5.0, 1.5, 1.5, 1.5),
                )
            )  # fmt: skip
        else:
            change_blocks.append(Paragraph(t("export.no_changes", lang=lang)))
    tail = (
        Section(t("export.sheet_overdue", lang=lang), tuple(overdue_blocks)),
        Section(t("export.sheet_changes", lang=lang), tuple(change_blocks)),
    )
    return Outline(front[0].text, lang, tuple(front), tuple(sections), columns, tail)
