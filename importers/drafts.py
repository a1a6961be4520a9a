"""Rows of an activity table as read, before they become activities.

A draft keeps each cell as a list of items, so that the rules of ``importers.build`` can split a
cell that lists several activities. A PDF row split by a page break is joined here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from importers.model import SourceRef


@dataclass
class Draft:
    values: dict[str, list[str]]
    where: SourceRef
    unit: str | None
    area: str | None
    sheet: str | None = None
    numbered_list_shape: bool = False
    with_status: bool = False  # a status column: the comment column goes to the first round
    joined_rows: list[SourceRef] = field(default_factory=list)

    def continue_with(self, values: dict[str, list[str]], where: SourceRef) -> None:
        """The cells of a row's second part continue the cells of its first part."""
        for name, items in values.items():
            mine = self.values.setdefault(name, [])
            if mine and items:
                mine[-1] = f"{mine[-1]} {items[0]}".strip()
                mine.extend(items[1:])
            else:
                mine.extend(items)
        self.joined_rows.append(where)


@dataclass
class UnitDraft:
    name: str
    where: SourceRef
    manager: str = ""
    date_text: str = ""
