"""Reading a plan out of a stream of paragraphs and rows, whatever file it came from.

The assembler walks the stream once: a header row names the columns of the rows after it (a header
repeated after a page break changes nothing); unit headings start a unit; a row whose only text is
an area name starts that area; every other row of an activity table is an activity, or in text
copied out of a PDF, the second part of the row before it. Rows outside any activity table are
reported as warnings, one per table.

Beside the tables: paragraphs that list activities (``importers.lists``) under an area heading (an
area's name, a Word heading, a bold paragraph); a unit's narrative sections ("Uppgifter", "Analys",
... see ``importers.sections``), each read up to the next heading; key-figure tables ("Avdelning |
antal | andel" under a period); and page furniture (``importers.furniture``), skipped wherever it
comes.

A list of paragraphs holds activities when its items have label lines ("Ansvar:", "Tidplan:"), or
when the document has no activity table and the list stands under an area heading: bullets in the
prose of a plan that keeps its activities in tables are prose.
"""

from __future__ import annotations

from datetime import date

from importers import furniture
from importers.areas import UBARA, heading_like, own_area_name, ubara_area
from importers.assemble_key_figures import KeyFigureReading
from importers.assemble_lists import ListBlock, ListReading
from importers.assemble_narrative import NarrativeBlock, NarrativeReading
from importers.build import excerpt, make_activity, number_activities, split_draft
from importers.columns import AREA, STATUS, UNIT, Header, read_header
from importers.details import DATE, MANAGER, marker_of, read_date
from importers.drafts import Draft, UnitDraft
from importers.errors import ImportFileError
from importers.lists import ITEM, LABELS, line_kind
from importers.model import (
    ImportedKeyFigure,
    ImportedPlan,
    ImportedUnit,
    ImportWarning,
    SourceRef,
)
from importers.plan_details import plan_details
from importers.sections import (
    ends_narrative,
    key_figure_columns,
    names_a_plan,
    narrative_heading,
)
from importers.stream import BOLD, HEADING, LIST, Event, Paragraph, Row, TableStart
from models.limits import NAME_MAX
from models.validation import Invalid, clean_text

HEADING_REACH = 3  # paragraphs between a heading and the table or list whose area it names


class Assembler(ListReading, NarrativeReading, KeyFigureReading):
    """Walks the stream of one file (see the module's docstring) and gives the plan it holds."""


    def __init__(self, file_name: str) -> None:
        self.file = file_name
        self.paragraphs: list[Paragraph] = []
        self.header: Header | None = None
        self.headers_seen = 0
        self.area: str | None = None
        self.unit: str | None = None
        self.sheet: str | None = None
        self.units: dict[str, UnitDraft] = {}
        self.pending: dict[str, tuple[str, SourceRef]] = {}  # a date or manager before its unit
        self.own_areas: list[str] = []
        self.drafts: list[Draft] = []
        self.open_draft: Draft | None = None
        self.warnings: list[ImportWarning] = []
        self.unknown_warned: set[tuple[str, ...]] = set()
        self.skipped: list[Row] = []
        self.first_headerless: SourceRef | None = None
        # Set before feeding by ``prepare``: running headers and footers, and whether any table
        # holds activities (then lists need label lines to count as activities).
        self.repeated: set[str] = set()
        self.has_activity_table = False
        self.after_running_header = False
        self.heading: tuple[str, SourceRef] | None = None  # a heading that may name the next area
        self.heading_age = 0  # paragraphs since that heading
        self.after_rows = False
        self.recent: list[Paragraph] = []  # paragraphs since the last table, section or heading
        self.list: ListBlock | None = None
        self.narrative: NarrativeBlock | None = None
        self.department: str | None = None  # the unit the narrative sections are about
        self.department_kinds: set[str] = set()
        self.narratives: list[NarrativeBlock] = []
        self.key_table: tuple[int | None, int | None, str | None, str, SourceRef] | None = None
        self.key_figures: list[ImportedKeyFigure] = []

    def prepare(self, events: list[Event]) -> None:
        """Looks at the whole file once before reading it: which lines repeat on every page."""
        texts = []
        for event in events:
            if isinstance(event, Paragraph):
                if line_kind(event.text)[0] not in (LABELS, ITEM):
                    texts.append(event.text)
            elif isinstance(event, Row) and not self.has_activity_table:
                header = read_header([cell.text for cell in event.cells])
                self.has_activity_table = header is not None
        self.repeated = furniture.repeated(texts)

    # --- the stream -------------------------------------------------------------------------

    def feed(self, event: Event) -> None:
        if isinstance(event, TableStart):
            self._end_list()
            self._end_narrative()
            self.key_table = None
            self._flush_skipped()
            if not event.keep_header:
                self.header = None
                self.open_draft = None
            if event.sheet is not None:
                self.sheet, self.area, self.unit = event.sheet, None, None
        elif isinstance(event, Paragraph):
            self._paragraph(event)
        else:
            self._row(event)

    # --- paragraphs --------------------------------------------------------------------------

    def _paragraph(self, event: Paragraph, *, in_table: bool = False) -> None:
        text = " ".join(event.text.split())
        if not text:
            return
        if self.after_rows and not in_table:
            # The first paragraph after a table: what came before the table is no heading of what
            # comes next.
            self.after_rows = False
            self.recent = []
        where = event.where
        if self._furniture(text, [text]):
            return
        if (marker := marker_of(text)) is not None:
            self._end_list()
            self._end_narrative()
            self._marker(*marker, where)
            return
        paragraph = Paragraph(text, where, event.titled, event.style, event.gap_before)
        if event.style != LIST and (section := narrative_heading(text)) is not None and not in_table:
            self._end_list()
            self.paragraphs.append(paragraph)
            self._start_narrative(*section, paragraph)
            return
        if (area := ubara_area(text)) is not None and len(text) <= 40:
            self._end_list()
            self._end_narrative()
            self.paragraphs.append(paragraph)
            self.recent = []
            self._start_area(area)
            return
        if self.narrative is not None:
            if event.style == HEADING or ends_narrative(text):
                self._end_narrative()
            else:
                # A Word list item keeps its bullet in the text, as a list copied out of a PDF has it.
                shown = paragraph if event.style != LIST else Paragraph(f"- {text}", where, style=LIST)
                self.narrative.paragraphs.append(shown)
                self.paragraphs.append(paragraph)
                return
        if not in_table and self._list_line(paragraph):
            return
        self.paragraphs.append(paragraph)
        self.recent.append(paragraph)
        if (self._heading_line(paragraph) and heading_like(text) and own_area_name(text)
                and not names_a_plan(text)):  # fmt: skip
            self.heading = (own_area_name(text), where)
            self.heading_age = 0
        elif self.heading is not None:
            # A heading names the area of a table or list just after it, not of one pages later.
            self.heading_age += 1
            if self.heading_age > HEADING_REACH:
                self.heading = None

    @staticmethod
    def _heading_line(p: Paragraph) -> bool:
        """Looks like a heading: a Word heading or a bold paragraph, or in text a short line with
        a capital and no sentence punctuation."""
        if p.style in (HEADING, BOLD):
            return True
        if p.style == LIST or p.where.line is None:
            return False
        text = p.text
        return (len(text) <= 60 and len(text.split()) <= 6 and text[:1].isupper()
                and not text.endswith((".", ":", ";", ",", "?", "!")))  # fmt: skip

    def _furniture(self, text: str, texts: list[str]) -> bool:
        """Skips page furniture: a running header and the line under it, a page number, a line
        repeated on every page."""
        if furniture.is_running_header(texts):
            self.after_running_header = True
            return True
        if self.after_running_header:
            self.after_running_header = False
            if furniture.is_running_values(texts):
                return True
        if len(texts) == 1 and furniture.is_page_number(text):
            return True
        return bool(self.repeated) and furniture.key(text) in self.repeated

    def _marker(self, kind: str, value: str, where: SourceRef) -> None:
        self.open_draft = None
        self.heading = None
        if kind == "unit":
            if not value:
                self.warnings.append(ImportWarning("import.warn.unit_without_name", where))
                return
            self.unit = self._unit_name(value, where)
            self.area = None
            unit = self.units.setdefault(self.unit, UnitDraft(self.unit, where))
            for pending_kind, (pending_value, _) in self.pending.items():
                self._unit_detail(unit, pending_kind, pending_value)
            self.pending.clear()
        elif self.unit is None or any(d.unit == self.unit for d in self.drafts[-1:]):
            self.pending[kind] = (value, where)  # before the unit it belongs to
        else:
            self._unit_detail(self.units[self.unit], kind, value)

    @staticmethod
    def _unit_detail(unit: UnitDraft, kind: str, value: str) -> None:
        if kind == DATE:
            unit.date_text = value
        elif kind == MANAGER:
            unit.manager = value

    def _unit_name(self, value: str, where: SourceRef) -> str:
        try:
            return clean_text(value, limit=NAME_MAX, required=True, multiline=False)
        except Invalid as exc:
            raise ImportFileError(f"import.error.unit_{exc.key.split('.')[-1]}", where=where.describe(),
                                  name=excerpt(value), limit=str(NAME_MAX)) from None  # fmt: skip

    def _start_area(self, name: str) -> None:
        if not name:  # "-" in an Område cell: no name, the area goes on
            return
        self.area = name
        self.heading = None
        self.open_draft = None
        if name not in UBARA and name not in self.own_areas:
            self.own_areas.append(name)

    def _row(self, row: Row) -> None:
        texts = [cell.text for cell in row.cells]
        filled = [(i, text) for i, text in enumerate(texts) if text.strip()]
        if not filled:
            return
        self._end_list()
        self._end_narrative()
        self.after_rows = True
        if self._furniture(filled[0][1], [t for _, t in filled]):
            return
        if self.key_table is not None and self._key_figure(row, texts):
            return
        if (columns := key_figure_columns(texts)) is not None:
            self._key_table(columns, row.where)
            return
        header = read_header(texts)
        if header is not None:
            self._header(header, row.where)
            return
        if len(filled) <= 2 and filled[0][0] == 0:
            label, value = filled[0][1], filled[1][1] if len(filled) == 2 else None
            if value is None or len(label) <= 25:
                if (marker := marker_of(label, value)) is not None:
                    self._marker(*marker, row.where)
                    return
        if self.header is None:
            if len(filled) == 1:
                self._paragraph(Paragraph(filled[0][1], row.where), in_table=True)
            else:
                self.first_headerless = self.first_headerless or row.where
                self.skipped.append(row)
            return
        if len(filled) == 1 and not self.header.has(AREA) and self._area_row(row, *filled[0]):
            return
        if row.may_continue and row.cells[0].empty and self.open_draft is not None:
            self.open_draft.continue_with(self._values(row), row.where)
            return
        self._activity_row(row)

    # --- tables of activities ---------------------------------------------------------------------

    def _header(self, header: Header, where: SourceRef) -> None:
        self._flush_skipped()
        self.headers_seen += 1
        if header != self.header:
            names = tuple(name for _, name in header.unknown)
            if names and names not in self.unknown_warned:
                self.unknown_warned.add(names)
                self.warnings.append(
                    ImportWarning("import.warn.unknown_columns", where, (("columns", " | ".join(names)),))
                )
            self.header = header

    def _area_row(self, row: Row, index: int, text: str) -> bool:
        assert self.header is not None
        name = ubara_area(text)
        if name is None and row.cells[index].spans_row:
            name = own_area_name(text)
        elif name is None and index == 0 and self.header.field_at(0) and heading_like(text):
            # A short heading alone in the first column: the plan's own area, or a goal without
            # anything else. Read as an area, and said so.
            name = own_area_name(text)
            if name not in self.own_areas:
                self.warnings.append(ImportWarning("import.warn.own_area", row.where, (("name", name),)))
        if not name:
            return False
        self._start_area(name)
        return True

    def _values(self, row: Row) -> dict[str, list[str]]:
        assert self.header is not None
        values: dict[str, list[str]] = {}
        for index, name in self.header.fields:
            if index < len(row.cells) and not row.cells[index].empty:
                values[name] = [item for item in row.cells[index].items if item.strip()]
        return values

    def _activity_row(self, row: Row) -> None:
        assert self.header is not None
        width = max((i for i, _ in self.header.fields + self.header.unknown), default=0)
        for index in range(width + 1, len(row.cells)):
            if not row.cells[index].empty:
                self.warnings.append(ImportWarning("import.warn.text_outside_columns", row.where,
                                                   (("text", excerpt(row.cells[index].text)),)))  # fmt: skip
        values = self._values(row)
        if AREA in values:
            text = " ".join(values.pop(AREA))
            self._start_area(ubara_area(text) or own_area_name(text))
        if UNIT in values:
            text = " ".join(values.pop(UNIT))
            self.unit = self._unit_name(text, row.where)
            self.units.setdefault(self.unit, UnitDraft(self.unit, row.where))
        if not values:
            if not self.header.has(AREA) and not self.header.has(UNIT):
                shown = next(c.text for c in row.cells if not c.empty)
                self.warnings.append(ImportWarning("import.warn.row_not_read", row.where,
                                                   (("text", excerpt(shown)),)))  # fmt: skip
            self.open_draft = None
            return
        if self.heading is not None and not self.header.has(AREA):
            self._own_area_from_heading(*self.heading)
        draft = Draft(values, row.where, self.unit, self.area, self.sheet, self.header.numbered_list_shape,
                      with_status=self.header.has(STATUS))  # fmt: skip
        self.drafts.append(draft)
        self.open_draft = draft

    def _flush_skipped(self) -> None:
        if not self.skipped:
            return
        first = self.skipped[0]
        sample = " | ".join(c.text for c in first.cells if not c.empty)
        params = (("text", excerpt(sample, 60)), ("rows", str(len(self.skipped))))
        self.warnings.append(ImportWarning("import.warn.table_skipped", first.where, params))
        self.skipped = []

    # --- the result --------------------------------------------------------------------------

    def finish(self, *, title: str | None = None) -> ImportedPlan:
        self._end_list()
        self._end_narrative()
        self._flush_skipped()
        if not self.drafts:
            if self.headers_seen:
                raise ImportFileError("import.error.no_activities", where=self.file)
            where = self.first_headerless.describe() if self.first_headerless else self.file
            raise ImportFileError("import.error.no_table", where=where)
        self._units_from_sheets()
        activities = []
        without_area: list[SourceRef] = []
        for draft in self.drafts:
            if draft.area is None:
                without_area.append(draft.where)
            area = draft.area or "Övrigt"
            for number, row in split_draft(draft, self.warnings):
                activity = make_activity(number, row, draft, area, self.warnings)
                if activity is not None:
                    activities.append(activity)
        if without_area:
            self.warnings.append(ImportWarning("import.warn.no_area", without_area[0],
                                               (("n", str(len(without_area))),)))  # fmt: skip
        if not activities:
            raise ImportFileError("import.error.no_activities", where=self.file)
        activities = number_activities(activities)
        titled = [p.text for p in self.paragraphs if p.titled]
        details = plan_details(self.paragraphs, self.file, activities, self.warnings, title=title,
                               titled=titled)  # fmt: skip
        used_units = {a.unit for a in activities}
        kept = [u for u in self.units.values() if u.name in used_units or u.manager or u.date_text]
        names = [u.name for u in kept]
        key_figures = self._key_figures_in(names, details)
        narrative = self._narrative_in(names)
        for name in names[len(kept):]:
            kept.append(self.units.get(name) or UnitDraft(name, SourceRef(self.file)))
        units = tuple(self._unit(u) for u in kept)
        with_status = any(a.status is not None or a.comment for a in activities)
        round_name = None
        if with_status:
            from models.rounds import propose_round_name

            round_name = propose_round_name(details.cadence, date.today())
        return ImportedPlan(
            source=self.file,
            details=details,
            units=units,
            areas=UBARA + tuple(self.own_areas),
            activities=tuple(activities),
            warnings=tuple(self.warnings),
            key_figures=key_figures,
            narrative=narrative,
            round_name=round_name,
        )

    def _unit(self, draft: UnitDraft) -> ImportedUnit:
        day: date | None = None
        if draft.date_text:
            day = read_date(draft.date_text)
            if day is None:
                self.warnings.append(ImportWarning("import.warn.unit_date", draft.where,
                                                   (("text", excerpt(draft.date_text)),)))  # fmt: skip
        manager = draft.manager
        if len(manager) > NAME_MAX:
            self.warnings.append(ImportWarning("import.warn.moved_long_text", draft.where,
                                               (("text", excerpt(manager)),)))  # fmt: skip
            manager = manager[: NAME_MAX - 1] + "…"
        return ImportedUnit(name=draft.name, manager=manager, date=day, where=draft.where)

    def _units_from_sheets(self) -> None:
        """One sheet per unit: when two or more sheets hold activities without a unit."""
        sheets = list(dict.fromkeys(d.sheet for d in self.drafts if d.unit is None and d.sheet))
        if len(sheets) < 2:
            return
        for draft in self.drafts:
            if draft.unit is None and draft.sheet:
                name = self._unit_name(draft.sheet, draft.where)
                self.units.setdefault(name, UnitDraft(name, draft.where))
                draft.unit = name
