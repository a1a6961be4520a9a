"""The assembler's reading of key-figure tables ("Avdelning | antal | andel" under a period): staff
turnover or sick leave per unit.

A part of ``importers.assemble.Assembler``, whose state it shares.
"""

from __future__ import annotations

from importers.model import ImportedKeyFigure, ImportWarning, SourceRef
from importers.sections import SICK_WORDS, TURNOVER_WORDS, period_in, read_count, read_share
from importers.stream import Row
from importers.unit_names import unit_named
from models.limits import NAME_MAX

_TOTAL = {"totalt", "total", "summa", "sum", "hela förvaltningen", "förvaltningen totalt", "samtliga"}


class KeyFigureReading:
    # --- key figures -----------------------------------------------------------------------------

    def _key_table(self, columns: tuple[int | None, int | None], where: SourceRef) -> None:
        self._flush_skipped()
        self.header = None
        period = None
        for p in reversed(self.recent[-2:]):
            period = period or period_in(p.text)
        # Turnover unless the text above names sick leave and not turnover.
        above = " ".join(p.text for p in self.recent[-3:])
        sick = SICK_WORDS.search(above) and not TURNOVER_WORDS.search(above)
        name = "sjukfrånvaro" if sick else "personalomsättning"
        if period is None:
            self.warnings.append(ImportWarning("import.warn.key_figures_no_period", where))
        self.key_table = (*columns, period, name, where)

    def _key_figure(self, row: Row, texts: list[str]) -> bool:
        assert self.key_table is not None
        count_at, share_at, period, name, _ = self.key_table
        label = " ".join(texts[0].split()) if texts else ""
        count = read_count(texts[count_at]) if count_at is not None and count_at < len(texts) else None
        share = read_share(texts[share_at]) if share_at is not None and share_at < len(texts) else None
        if not label or (count is None and share is None) or len(label) > NAME_MAX:
            self.key_table = None
            return False
        unit = None if label.lower().strip(" :") in _TOTAL else label
        self.key_figures.append(ImportedKeyFigure(unit, name, period or "", count, share, row.where))
        return True

    def _key_figures_in(self, names: list[str], details) -> tuple[ImportedKeyFigure, ...]:  # noqa: ANN001
        """The key figures, each in the unit its row names (a new unit when no unit matches)."""
        from dataclasses import replace

        found = []
        plan_period = f"{details.period_start}–{details.period_end}"
        for figure in self.key_figures:
            unit = None if figure.unit is None else unit_named(figure.unit, names, add=True)
            found.append(replace(figure, unit=unit, period=figure.period or plan_period))
        return tuple(found)
