"""What an import found, readable: the plan's details, its units, activities per area, the warnings.

``summary_renderable`` is shared by the preview dialog and ``hrplan import`` without ``--json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from i18n import t
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


def summary_renderable(imported: ImportedPlan) -> Group:
    return Group(_details(imported), Text(""), _units(imported), Text(""), _areas(imported), Text(""),
                 _warnings(imported))  # fmt: skip


class ImportSummary(Static):
    """The summary of one import, for the preview dialog."""

    DEFAULT_CSS = """
    ImportSummary { height: auto; }
    """

    def __init__(self, imported: ImportedPlan, **kwargs) -> None:  # noqa: ANN003
        super().__init__(summary_renderable(imported), **kwargs)
