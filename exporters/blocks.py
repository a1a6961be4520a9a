"""The two documents as a format-free outline of headings, facts, tables and bars.

Each writer renders this outline in its own format, so that every format says the same thing in the
same order: ``summary_outline`` for a follow-up round, ``plan_outline`` for the plan document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from db.queries.export import ExportActivity, ExportData, ExportSection, ExportUnit
from exporters.markup import MdBlock, parse
from i18n import t
from models.progress import progress_of
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
SUMMARY_COLUMNS = ("export.col_number", "col.goal", "export.col_activity", "col.responsible", "col.target",
                   "col.status", "export.col_reviewed", "export.col_comment")  # fmt: skip
SUMMARY_WIDTHS = (0.6, 2.8, 3.2, 1.7, 1.2, 1.6, 1.4, 3.3)
REPORT_COLUMNS = ("export.col_number", "export.col_activity", "col.target", "col.responsible", "col.status",
                  "export.col_comment")  # fmt: skip
REPORT_WIDTHS = (0.6, 4.5, 1.4, 2.0, 1.2, 4.5)


class Percent(float):
    """A share in percent (16.4 is 16.4 %): a number in Excel with a percent format, text elsewhere."""


Cell = str | int | float | date


def cell_text(value: Cell | None, lang: str) -> str:
    """A table cell as text, the way the reader's language writes numbers."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Percent):
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        return (text.replace(".", ",") + " %") if lang == "sv" else text + "%"
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if lang == "sv" else text
    return str(value)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 the document's title, 2 a part, 3 a sub-part
    text: str


@dataclass(frozen=True, slots=True)
class Facts:
    """Label–value lines: the plan's header, a unit's manager and date."""

    pairs: tuple[tuple[str, Cell], ...]


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
    rows: tuple[tuple[Cell, ...] | AreaRow, ...]
    widths: tuple[float, ...]  # relative
    activities: bool = False  # a table of activities, one per row (the CSV and sheet-per-unit take these)


@dataclass(frozen=True, slots=True)
class Bars:
    """A stacked bar per row: (label, ((status code, count), ...)) with status labels in ``legend``."""

    rows: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    legend: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class TitlePage:
    """The document's first page: its title, a line under it, and the plan's details."""

    title: str
    subtitle: str
    pairs: tuple[tuple[str, Cell], ...]


@dataclass(frozen=True, slots=True)
class Contents:
    """The table of contents: the headings of levels 2 and 3 that follow it."""

    title: str


@dataclass(frozen=True, slots=True)
class Narrative:
    """A section's text with its light Markdown; its own headings sit below ``level``."""

    level: int
    blocks: tuple[MdBlock, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A horizontal bar per row: (label, value); ``percent`` when the values are shares."""

    title: str
    rows: tuple[tuple[str, float], ...]
    percent: bool


def chart_value(chart: Chart, value: float, lang: str) -> str:
    """A bar's value as text: a share with its percent sign, a count as a whole number."""
    if chart.percent:
        return cell_text(Percent(value), lang)
    return cell_text(int(value) if float(value).is_integer() else value, lang)


Block = Heading | Facts | Paragraph | Table | Bars | TitlePage | Contents | Narrative | Chart


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
    date: str = ""  # the document's date, in the running header

    def blocks(self) -> list[Block]:
        """Every block in reading order."""
        return [block for block, _ in self.pages()]

    def pages(self) -> Iterator[tuple[Block, bool]]:
        """Every block in reading order, with whether it starts a new printed page."""
        for block in self.front:
            yield block, False
        # The title page and the contents end their own pages; after other text a unit starts a new one.
        text_before = any(not isinstance(b, (TitlePage, Contents)) for b in self.front)
        for index, section in enumerate(self.sections):
            for position, block in enumerate(section.blocks):
                yield block, self.page_per_section and (index > 0 or text_before) and position == 0
        for section in self.tail:
            for position, block in enumerate(section.blocks):
                yield block, self.page_per_section and position == 0

    def contents(self) -> list[Heading]:
        """The headings a table of contents lists: levels 2 and 3."""
        return [b for b in self.blocks() if isinstance(b, Heading) and b.level in (2, 3)]


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
        pairs.append((t("export.date", lang=lang), unit.date))
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


def today() -> date:
    return date.today()


def _title_page(data: ExportData, lang: str, title: str, subtitle: str) -> TitlePage:
    pairs = []
    if data.organisation:
        pairs.append((t("export.organisation", lang=lang), data.organisation))
    pairs.append((t("col.period", lang=lang), f"{data.period[0]}–{data.period[1]}"))
    for key, value in (
        ("export.decision_body", data.decision_body),
        ("export.decision_date", data.decision_date),
        ("export.paragraph", data.decision_paragraph),
        ("export.diary_number", data.diary_number),
    ):
        if value:
            pairs.append((t(key, lang=lang), value))
    return TitlePage(title, subtitle, tuple(pairs))


def section_blocks(section: ExportSection, level: int, lang: str) -> list[Block]:
    """A narrative section: its heading and its text, whose own headings sit below it."""
    return [Heading(level, section.heading(lang)), Narrative(level, tuple(parse(section.body)))]


def key_figure_blocks(data: ExportData, lang: str) -> list[Block]:
    """Per key figure: a table of every unit and period with count and share, and a chart of it."""
    if not data.key_figures:
        return []
    blocks: list[Block] = [Heading(2, t("export.key_figures", lang=lang))]
    names = list(dict.fromkeys(k.name for k in data.key_figures))
    whole = t("whole_plan", lang=lang)
    for name in names:
        rows = sorted((k for k in data.key_figures if k.name == name), key=lambda k: k.period)
        blocks.append(Heading(3, name[:1].upper() + name[1:]))
        blocks.append(
            Table(
                (t("col.unit", lang=lang), t("col.period", lang=lang), t("export.col_count", lang=lang),
                 t("export.col_share", lang=lang)),
                tuple((k.unit or whole, k.period, k.count if k.count is not None else "",
                       Percent(k.share) if k.share is not None else "") for k in rows),
                (3.0, 3.0, 1.0, 1.0),
            )
        )  # fmt: skip
        percent = any(k.share is not None for k in rows)
        points = tuple(
            (f"{k.unit or whole} {k.period}", float(k.share if percent else k.count))
            for k in rows
            if (k.share if percent else k.count) is not None
        )
        if points:
            label = t("export.chart_share" if percent else "export.chart_count", lang=lang, name=name)
            blocks.append(Chart(label, points, percent))
    return blocks


def plan_outline(data: ExportData, lang: str, *, tables_only: bool = False) -> Outline:
    """The plan document: title page, contents, the plan's sections, key figures with charts, per unit
    its sections and its activity plan in the template's six columns with area rows, the conclusion.

    ``tables_only``: each unit's table of activities and nothing else (what a CSV file holds).
    """
    day = (data.decision_date or today()).isoformat()
    if tables_only:
        columns = tuple(t(key, lang=lang) for key in PLAN_COLUMNS)
        sections = [Section(unit_name(u, lang), (Table(columns, _activity_rows(u, plan_row), PLAN_WIDTHS,
                                                       activities=True),) if u.activities else ())
                    for u in data.units]  # fmt: skip
        return Outline(data.title, lang, (), tuple(sections), columns, date=day)
    front: list[Block] = [
        _title_page(data, lang, data.title, t(f"kind.{data.kind}", lang=lang)),
        Contents(t("export.contents", lang=lang)),
    ]
    closing: list[Block] = []
    conclusion_seen = False
    for section in data.sections:
        conclusion_seen = conclusion_seen or section.kind == "conclusion"
        (closing if conclusion_seen else front).extend(section_blocks(section, 2, lang))
    front += key_figure_blocks(data, lang)
    columns = tuple(t(key, lang=lang) for key in PLAN_COLUMNS)
    sections = []
    for unit in data.units:
        name = unit_name(unit, lang)
        blocks: list[Block] = [Heading(2, name)]
        if facts := _unit_facts(unit, lang):
            blocks.append(facts)
        for section in unit.sections:
            blocks += section_blocks(section, 3, lang)
        blocks.append(Heading(3, t("export.activity_plan", lang=lang, unit=name)))
        if unit.activities:
            blocks.append(Table(columns, _activity_rows(unit, plan_row), PLAN_WIDTHS, activities=True))
        else:
            blocks.append(Paragraph(t("export.no_activities", lang=lang)))
        sections.append(Section(name, tuple(blocks)))
    if not data.units or not any(u.activities for u in data.units):
        front.append(Paragraph(t("export.plan_empty", lang=lang)))
    tail = (Section(t("section.conclusion", lang=lang), tuple(closing)),) if closing else ()
    # Each unit on pages of its own, like the departments and appendices of a published plan.
    return Outline(data.title, lang, tuple(front), tuple(sections), columns, tail, page_per_section=True,
                   date=day)  # fmt: skip


def _count_row(
    label: str, progress, lang: str, activities: list[ExportActivity] | None = None  # noqa: ANN001
) -> tuple[Cell, ...]:
    """Counts per status, the total and the share done; with ``activities``, how many were gone through."""
    row: tuple[Cell, ...] = (
        label,
        *(progress.counts.get(s.value, 0) for s in STATUS_ORDER),
        progress.total,
        Percent(round(progress.share_done * 100, 1)),
    )
    if activities is not None:
        row += (f"{sum(1 for a in activities if a.reviewed)}/{len(activities)}",)
    return row


def reviewed_label(a: ExportActivity, lang: str) -> str:
    """Gone through in the round: yes, or no (its status is the one from the round before)."""
    return t("export.yes" if a.reviewed else "export.no", lang=lang)


def summary_status(a: ExportActivity, lang: str) -> str:
    """The status as of the round; for one not gone through, said to come from the round before."""
    return summary_status_text(a.status, a.reviewed, lang)


def summary_status_text(code: str, reviewed: bool | None, lang: str) -> str:
    label = status_label(code, lang)
    if reviewed is False:
        return t("export.status_from_before", lang=lang, status=label)
    return label


def _memo(make: Callable[..., str]) -> Callable[..., str]:
    """``make`` called once per distinct arguments: the same few labels go on thousands of rows."""
    made: dict[tuple, str] = {}

    def get(*key: object) -> str:
        text = made.get(key)
        if text is None:
            text = made[key] = make(*key)
        return text

    return get


def summary_outline(data: ExportData, lang: str, *, tables_only: bool = False) -> Outline:
    """The follow-up summary of ``data.round``: counts, per unit and area the activities, overdue, changes.

    ``tables_only``: each unit's table of activities and nothing else (what a CSV file holds).
    """
    label = _memo(lambda code: status_label(code, lang))
    status_text = _memo(lambda code, reviewed: summary_status_text(code, reviewed, lang))
    yes, no = t("export.yes", lang=lang), t("export.no", lang=lang)
    columns = tuple(t(key, lang=lang) for key in SUMMARY_COLUMNS)
    title = t("export.summary_title", lang=lang, title=data.title)
    day = data.round.date.isoformat() if data.round else today().isoformat()

    def row(a: ExportActivity) -> tuple[Cell, ...]:  # as summary_status and reviewed_label say
        return (a.number if a.number is not None else "", a.goal, a.description, a.responsible,
                a.target_text, status_text(a.status, a.reviewed), yes if a.reviewed else no,
                a.comment)  # fmt: skip

    if tables_only:
        sections = _unit_sections(data, lang, lambda name: name, columns, row, SUMMARY_WIDTHS)
        return Outline(title, lang, (), tuple(sections), columns, date=day)
    front: list[Block] = [Heading(1, title), _plan_facts(data, lang)]
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

    sections = _unit_sections(data, lang, lambda name: name, columns, row, SUMMARY_WIDTHS)

    overdue_blocks: list[Block] = [Heading(2, t("export.overdue", lang=lang))]
    overdue = data.overdue
    if overdue:
        overdue_blocks.append(
            Table(
                (t("col.unit", lang=lang), t("export.col_activity", lang=lang), t("col.target", lang=lang),
                 t("col.status", lang=lang), t("col.responsible", lang=lang)),
                tuple((unit_name(u, lang), a.title, a.target_text, label(a.status), a.responsible)
                      for u, a in overdue),
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
                    tuple((unit_name(u, lang), a.title, label(a.previous_status), label(a.status),
                           a.changed_by or "—") for u, a in changes),
                    (2.0, 5.0, 1.5, 1.5, 1.5),
                )
            )  # fmt: skip
        else:
            change_blocks.append(Paragraph(t("export.no_changes", lang=lang)))
    tail = (
        Section(t("export.sheet_overdue", lang=lang), tuple(overdue_blocks)),
        Section(t("export.sheet_changes", lang=lang), tuple(change_blocks)),
    )
    return Outline(title, lang, tuple(front), tuple(sections), columns, tail, date=day)


def _report_row(a: ExportActivity, comment: str, lang: str) -> tuple[Cell, ...]:
    return (a.number if a.number is not None else "", a.title, a.target_text, a.responsible,
            status_label(a.status, lang), comment)  # fmt: skip


def _grouped(activities: list[ExportActivity], row: Callable[[ExportActivity], tuple[Cell, ...]]) -> tuple:
    rows: list = []
    area = None
    for a in activities:
        if a.area != area:
            area = a.area
            rows.append(AreaRow(area))
        rows.append(row(a))
    return tuple(rows)


def _figure_changes(data: ExportData, unit: str | None, lang: str) -> Table | None:
    """Per key figure of the unit: its two latest periods and the change between them."""
    rows = []
    for name in dict.fromkeys(k.name for k in data.key_figures if k.unit == unit):
        values = sorted(
            (k for k in data.key_figures if k.name == name and k.unit == unit), key=lambda k: k.period
        )
        last = values[-1]
        prior = values[-2] if len(values) > 1 else None
        def value(k):  # noqa: ANN001, ANN202, E306
            return Percent(k.share) if k.share is not None else (k.count if k.count is not None else "")
        change: Cell = ""
        if prior is not None and last.share is not None and prior.share is not None:
            change = round(last.share - prior.share, 1)
        elif prior is not None and last.count is not None and prior.count is not None:
            change = last.count - prior.count
        rows.append((name, prior.period if prior else "", value(prior) if prior else "", last.period,
                     value(last), change))  # fmt: skip
    if not rows:
        return None
    columns = (t("export.col_key_figure", lang=lang), t("export.col_period_before", lang=lang),
               t("export.col_value", lang=lang), t("export.col_period_now", lang=lang),
               t("export.col_value", lang=lang), t("export.col_change", lang=lang))  # fmt: skip
    return Table(columns, tuple(rows), (2.5, 2.5, 1.0, 2.5, 1.0, 1.0))


def report_outline(data: ExportData, lang: str) -> Outline:
    """The annual follow-up report: per unit what became done (with comments), what is delayed and why,
    what was cancelled, progress per area and the key figures' change, over the rounds of a year."""
    report = data.report
    year = report.year if report else today().year
    title = t("export.report_title", lang=lang, year=year)
    rounds = ", ".join(f"{r.name} ({r.date.isoformat()})" for r in report.rounds) if report else ""
    front: list[Block] = [
        _title_page(data, lang, title, data.title),
        Contents(t("export.contents", lang=lang)),
        Heading(2, t("export.report_overview", lang=lang)),
        Facts(((t("export.report_rounds", lang=lang), rounds or t("export.report_no_rounds", lang=lang)),)),
    ]
    before = report.before if report else {}
    comments = report.comments if report else {}

    def became(a: ExportActivity, status: str) -> bool:
        return a.status == status and before.get(a.id, "not_started") != status

    overview_rows = []
    sections = []
    columns = tuple(t(key, lang=lang) for key in REPORT_COLUMNS)
    for unit in data.units:
        name = unit_name(unit, lang)
        done = [a for a in unit.activities if became(a, "done")]
        delayed = [a for a in unit.activities if a.status == "delayed"]
        cancelled = [a for a in unit.activities if became(a, "cancelled")]
        overview_rows.append((name, len(done), len(delayed), len(cancelled), unit.progress.total,
                              Percent(round(unit.progress.share_done * 100, 1))))  # fmt: skip
        blocks: list[Block] = [Heading(2, name)]
        for key, chosen in (("export.report_done", done), ("export.report_delayed", delayed),
                            ("export.report_cancelled", cancelled)):  # fmt: skip
            blocks.append(Heading(3, t(key, lang=lang)))
            if chosen:
                rows = _grouped(chosen, lambda a: _report_row(a, comments.get(a.id, ""), lang))
                blocks.append(Table(columns, rows, REPORT_WIDTHS, activities=True))
            else:
                blocks.append(Paragraph(t("export.report_none", lang=lang)))
        blocks.append(Heading(3, t("export.report_areas", lang=lang)))
        area_rows = []
        for area, activities in unit.areas():
            area_rows.append(_count_row(area, progress_of(a.status for a in activities), lang))
        if area_rows:
            blocks.append(Table(
                (t("col.area", lang=lang), *(status_label(s.value, lang) for s in STATUS_ORDER),
                 t("export.total", lang=lang), t("export.share_done", lang=lang)),
                tuple(area_rows), (3.0, *(1.0,) * len(STATUS_ORDER), 1.0, 1.0)))  # fmt: skip
        else:
            blocks.append(Paragraph(t("export.no_activities", lang=lang)))
        figures = _figure_changes(data, unit.name, lang)
        if figures is not None:
            blocks.append(Heading(3, t("export.report_figures", lang=lang)))
            blocks.append(figures)
        sections.append(Section(name, tuple(blocks)))
    front.append(Table(
        (t("col.unit", lang=lang), t("export.report_col_done", lang=lang),
         t("export.report_col_delayed", lang=lang), t("export.report_col_cancelled", lang=lang),
         t("export.total", lang=lang),
         t("export.share_done", lang=lang)),
        tuple(overview_rows), (3.0, 1.2, 1.2, 1.2, 1.0, 1.0)))  # fmt: skip
    if all(u.name is not None for u in data.units):  # no whole-plan part: its key figures go here
        whole_figures = _figure_changes(data, None, lang)
        if whole_figures is not None:
            front += [Heading(3, t("export.report_figures", lang=lang)), whole_figures]
    day = report.rounds[-1].date.isoformat() if report and report.rounds else today().isoformat()
    return Outline(title, lang, tuple(front), tuple(sections), columns, page_per_section=True, date=day)
