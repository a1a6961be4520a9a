"""The assembler's reading of narrative sections ("Uppgifter", "Analys", "Riskanalys", ... see
``importers.sections``): each read up to the next heading, and the unit it is about found from the
heading before a department's first section.

A part of ``importers.assemble.Assembler``, whose state it shares.
"""

from __future__ import annotations

from importers.areas import own_area_name
from importers.model import ImportedNarrative, ImportWarning, SourceRef
from importers.sections import PLAN_KINDS
from importers.stream import Paragraph
from importers.unit_names import unit_named
from models.limits import SECTION_MAX
from models.validation import Invalid, clean_text


class NarrativeBlock:
    """A narrative section being read: its kind, the unit it names, its paragraphs."""

    def __init__(self, kind: str, unit: str | None, where: SourceRef, heading: str) -> None:
        self.kind, self.unit, self.where, self.heading = kind, unit, where, heading
        self.paragraphs: list[Paragraph] = []


class NarrativeReading:
    # --- narrative sections --------------------------------------------------------------------

    def _start_narrative(self, kind: str, named: str | None, heading: Paragraph) -> None:
        previous = self.narrative
        self._end_narrative()
        if kind in PLAN_KINDS:
            unit: str | None = None  # the plan's own section, whatever unit came before
        elif named is not None:
            unit = named or None  # "Riskanalys förskoleavdelningen"; "" for the chapter
        else:
            if self.department is None or kind in self.department_kinds:
                self._new_department(previous)
            self.department_kinds.add(kind)
            unit = self.department
        self.heading = None
        self.narrative = NarrativeBlock(kind, unit, heading.where, heading.text)

    def _new_department(self, previous: NarrativeBlock | None) -> None:
        """A unit's sections start again: its name is the last heading before them, at the end of
        the previous section or among the paragraphs since."""
        self.department_kinds = set()
        pool = self.recent if previous is None or self.recent else previous.paragraphs
        for index in range(len(pool) - 1, -1, -1):
            p = pool[index]
            if self._heading_line(p) and len(p.text) <= 60 and own_area_name(p.text):
                self.department = own_area_name(p.text)
                if pool is not self.recent:
                    self._cut_narrative(previous, index)
                break
        else:
            self.department = None
        self.recent = []

    def _cut_narrative(self, previous: NarrativeBlock | None, index: int) -> None:
        if previous is not None:
            del previous.paragraphs[index:]

    def _end_narrative(self) -> None:
        if self.narrative is not None:
            self.narratives.append(self.narrative)
            self.narrative = None
            self.recent = []

    def _narrative_in(self, names: list[str]) -> tuple[ImportedNarrative, ...]:
        found = []
        for section in self.narratives:
            text = "\n".join(p.text for p in section.paragraphs)
            try:
                text = clean_text(text, limit=2 * SECTION_MAX, multiline=True)
            except Invalid:
                text = ""
            if not text:
                continue
            if len(text) > SECTION_MAX:
                self.warnings.append(ImportWarning("import.warn.narrative_cut", section.where,
                                                   (("limit", str(SECTION_MAX)),)))  # fmt: skip
                text = text[: SECTION_MAX - 1].rstrip() + "…"
            unit = section.unit
            if section.kind not in PLAN_KINDS:  # a plan's own section keeps no unit
                if unit is None and len(names) == 1 and not self.narratives_have_departments():
                    unit = names[0]
                elif unit is not None:
                    unit = unit_named(unit, names, add=True)
            found.append(ImportedNarrative(unit, section.kind, text, section.where, section.heading))
        return tuple(found)

    def narratives_have_departments(self) -> bool:
        return any(n.unit for n in self.narratives)
