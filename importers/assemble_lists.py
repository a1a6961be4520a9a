"""The assembler's reading of paragraphs that list activities (see ``importers.lists``): numbered or
bulleted items, label lines ("Ansvar:", "Tidplan:"), and the numbers and texts of a two-column PDF.

A part of ``importers.assemble.Assembler``, whose state (the current unit, area, heading, drafts) it
shares.
"""

from __future__ import annotations

from importers.areas import ubara_area
from importers.columns import DESCRIPTION, GOAL, NUMBER
from importers.drafts import Draft
from importers.lists import ITEM, LABELS, NUMBERS, line_kind
from importers.model import ImportWarning, SourceRef
from importers.stream import LIST, Paragraph


class ListBlock:
    """Paragraphs being read as a list of activities (see ``importers.lists``)."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.field = DESCRIPTION  # where a wrapped line goes
        self.pending: list[int] = []  # numbers of a two-column PDF waiting for their texts
        self.labelled = False
        self.paragraphs: list[Paragraph] = []
        self.heading: tuple[str, SourceRef] | None = None


class ListReading:
    # --- lists of activities -------------------------------------------------------------------

    def _list_line(self, p: Paragraph) -> bool:
        """Reads a paragraph as part of a list of activities; False when it is none."""
        kind, value = line_kind(p.text, listed=p.style == LIST)
        block = self.list
        if kind == NUMBERS:
            block = self._open_list()
            block.pending.extend(value)  # type: ignore[arg-type]
            block.current = None
            block.paragraphs.append(p)
            return True
        if kind == ITEM:
            number, body = value  # type: ignore[misc]
            if not body:
                return True
            self._new_item(number, body, p)
            return True
        if kind == LABELS:
            labels: list[tuple[str, str]] = value  # type: ignore[assignment]
            first = labels[0][0]
            starts = first in (DESCRIPTION, GOAL)
            if block is None or block.current is None or (starts and first in block.current.values):
                if not starts:
                    return False
                self._new_item(None, None, p)
                block = self.list
            assert block is not None and block.current is not None
            for field, text in labels:
                if text:
                    block.current.values.setdefault(field, []).append(text)
                block.field = field
            if block.current.where != p.where:
                block.current.joined_rows.append(p.where)
            block.labelled = block.labelled or any(f not in (DESCRIPTION, GOAL) for f, _ in labels)
            block.paragraphs.append(p)
            return True
        if block is None:
            return False
        if block.pending and (block.current is None or p.gap_before or p.text[:1].isupper()
                              or p.text[:1].isdigit()):  # fmt: skip
            self._new_item(block.pending.pop(0), p.text, p)
            return True
        if block.current is not None and p.where.line is not None and not p.gap_before:
            items = block.current.values.setdefault(block.field, [""])
            items[-1] = f"{items[-1]} {p.text}".strip()
            block.current.joined_rows.append(p.where)
            block.paragraphs.append(p)
            return True
        self._end_list()
        return False

    def _open_list(self) -> ListBlock:
        if self.list is None:
            self.list = ListBlock()
            # The heading just before the list names its area, if the list holds activities.
            self.list.heading = self.heading
        return self.list

    def _new_item(self, number: int | None, body: str | None, p: Paragraph) -> None:
        block = self._open_list()
        values: dict[str, list[str]] = {DESCRIPTION: [body]} if body else {}
        if number is not None:
            values[NUMBER] = [str(number)]
        draft = Draft(values, p.where, self.unit, self.area, self.sheet)
        block.drafts.append(draft)
        block.current = draft
        block.field = DESCRIPTION
        block.paragraphs.append(p)

    def _end_list(self) -> None:
        block, self.list = self.list, None
        if block is None:
            return
        under_area = self.area is not None or block.heading is not None
        if block.labelled or (not self.has_activity_table and under_area):
            if block.heading is not None:
                self._own_area_from_heading(*block.heading)
                for draft in block.drafts:
                    draft.area = self.area
            self.drafts.extend(block.drafts)
        else:
            # Bullets in prose: kept as the document's paragraphs.
            self.paragraphs.extend(block.paragraphs)
            self.recent.extend(block.paragraphs)

    def _own_area_from_heading(self, name: str, where: SourceRef) -> None:
        self.heading = None
        if ubara_area(name) is not None or name in self.own_areas:
            self._start_area(ubara_area(name) or name)
            return
        self.warnings.append(ImportWarning("import.warn.heading_area", where, (("name", name),)))
        self._start_area(name)
