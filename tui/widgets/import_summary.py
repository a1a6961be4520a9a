"""What an import found, readable: the plan's details, its units, activities per area, the warnings.

``summary_renderable`` is shared by the preview dialog and ``hrplan import`` without ``--json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from i18n import t, tn
from i18n.formatting import number

if TYPE_CHECKING:
    from importers.model import ImportedPlan


def _details(imported: ImportedPlan) -> Text:
    d = imported.details
    text = Text()
    text.append(d.title, style="bold")
    period = f"{d.period_start}–{d.period_end}"
    text.append(f"  {period}\n" if period not in d.title else "\n")
    text.append(f"{t('kind.' + d.kind)} · {t('cadence.' + d.cadence)}")
    if d.organisation:
        text.append(f" · {d.organisation}")
    decision = [x for x in (d.decision_body, d.decision_date and d.decision_date.isoformat(),
                            d.decision_paragraph, d.diary_number) if x]  # fmt: skip
    if decision:
        text.append(f"\n{t('import.summary.decision')}: {', '.join(decision)}")
    return text


def _units(imported: ImportedPlan) -> Table:
    counts = imported.count_by_unit()
    table = Table(title=t("import.summary.units"), title_justify="left", expand=True)
    table.add_column(t("col.unit"), ratio=3)
    table.add_column(t("import.summary.manager"), ratio=2)
    table.add_column(t("import.summary.date"), no_wrap=True)
    table.add_column(t("col.activities"), justify="right", no_wrap=True)
    if None in counts:
        table.add_row(t("whole_plan"), "", "", str(counts[None]))
    for unit in imported.units:
        table.add_row(unit.name, unit.manager, unit.date.isoformat() if unit.date else "",
                      str(counts.get(unit.name, 0)))  # fmt: skip
    return table


def _areas(imported: ImportedPlan) -> Table:
    """Areas down, units across: how many activities each unit has in each area."""
    units: list[str | None] = list(imported.count_by_unit())
    table = Table(title=t("import.summary.per_area"), title_justify="left", expand=True)
    table.add_column(t("col.area"), no_wrap=True)
    for unit in units:
        table.add_column(unit or t("whole_plan"), justify="right", no_wrap=True, overflow="ellipsis")
    table.add_column(t("import.summary.total"), justify="right", style="bold")
    cells: dict[tuple[str | None, str], int] = {}
    for a in imported.activities:
        cells[(a.unit, a.area)] = cells.get((a.unit, a.area), 0) + 1
    for area, total in imported.count_by_area().items():
        row = [str(cells.get((unit, area), 0) or "·") for unit in units]
        table.add_row(area, *row, str(total))
    table.add_row(t("import.summary.total"), *(str(n) for n in imported.count_by_unit().values()),
                  str(len(imported.activities)), style="bold")  # fmt: skip
    return table


def _warnings(imported: ImportedPlan) -> Text:
    text = Text()
    if not imported.warnings:
        text.append(t("import.summary.no_warnings"), style="green")
        return text
    count = number(len(imported.warnings))
    text.append(t("import.summary.warnings", count=count) + "\n", style="bold yellow")
    for warning in imported.warnings:
        text.append(f"• {warning.message()}\n")
    return text


def _round(imported: ImportedPlan, *, existing: bool = False) -> Text:
    if imported.round_name is None:
        return Text("")
    from models.status import STATUS_ORDER

    statuses = imported.round_statuses()
    counts = ", ".join(f"{statuses[s.value]} {t('status.' + s.value)}"
                       for s in STATUS_ORDER if s.value in statuses)  # fmt: skip
    key = "import.summary.existing_round" if existing else "import.summary.round"
    text = Text(t(key, name=imported.round_name, counts=counts or "0"), style="bold")
    return text


def _key_figures(imported: ImportedPlan) -> Group:
    """One table per key figure ("personalomsättning"): unit, period, count and share."""
    tables = []
    for name in dict.fromkeys(k.name for k in imported.key_figures):
        table = Table(title=f"{t('import.summary.key_figures')}: {name}", title_justify="left", expand=True)
        table.add_column(t("col.unit"), ratio=3)
        table.add_column(t("col.period"), ratio=3, min_width=12)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("%", justify="right", no_wrap=True)
        for k in imported.key_figures:
            if k.name == name:
                table.add_row(k.unit or t("whole_plan"), k.period, "" if k.count is None else str(k.count),
                              "" if k.share is None else f"{k.share:g}")  # fmt: skip
        tables += [table, Text("")]
    return Group(*tables)


def _narrative(imported: ImportedPlan) -> Text:
    if not imported.narrative:
        return Text("")
    text = Text(t("import.summary.narrative") + "\n", style="bold")
    for n in imported.narrative:
        heading = t("section." + n.kind) if n.unit is not None else n.heading
        text.append(f"• {n.unit or t('whole_plan')} · {heading}"
                    f" ({tn('import.summary.chars', len(n.text))}): ")  # fmt: skip
        first = " ".join(n.text.split())
        text.append((first[:70] + "…" if len(first) > 70 else first) + "\n", style="dim")
    return text


def summary_renderable(imported: ImportedPlan) -> Group:
    return Group(_details(imported), Text(""), _units(imported), Text(""), _areas(imported), Text(""),
                 _round(imported), _key_figures(imported), _narrative(imported),
                 _warnings(imported))  # fmt: skip


def into_renderable(into) -> Group:  # noqa: ANN001 - an importers.into.IntoPlan
    """What adding a file to an existing plan adds: what is new, then the same summary parts."""
    imported = into.imported
    head = Text(t("import.summary.into", title=into.target.title) + "\n", style="bold")
    if into.new_units:
        head.append(t("import.summary.new_units", names=", ".join(into.new_units)) + "\n", style="green")
    if into.new_areas:
        head.append(t("import.summary.new_areas", names=", ".join(into.new_areas)) + "\n", style="green")
    if not into.new_units and not into.new_areas:
        head.append(t("import.summary.nothing_new") + "\n")
    return Group(head, _units(imported), Text(""), _areas(imported), Text(""),
                 _round(imported, existing=not into.round_is_new), _key_figures(imported),
                 _narrative(imported), _warnings(imported))  # fmt: skip


class ImportSummary(Static):
    """The summary of one import, for the preview dialog."""

    DEFAULT_CSS = """
    ImportSummary { height: auto; }
    """

    def __init__(self, imported: ImportedPlan, into=None, **kwargs) -> None:  # noqa: ANN001, ANN003
        super().__init__(summary_renderable(imported) if into is None else into_renderable(into), **kwargs)
