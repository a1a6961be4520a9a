"""What of a plan's export a reader may take: a manager gets their own units, nobody else's.

``gather_export`` (and so the summary, the plan document and the annual report, in every format,
from the terminal, the command line and the browser) passes its data through ``for_reader``: the
rule about who reads what stays in ``db.access``, and no screen has to remember it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from db.access import visible_units
from models.progress import progress_of

if TYPE_CHECKING:
    from sqlmodel import Session

    from db.queries.export import ExportData


def for_reader(data: ExportData, *, session: Session) -> ExportData:
    """``data`` limited to the units the session's principal may read (unchanged for a coordinator).

    A manager's copy holds their units with their activities and sections, the plan's progress
    counted from those activities only, and the key figures of their units and of the plan as a
    whole; the plan's own narrative stays, as in the published plan."""
    units = visible_units(session)
    if units is None:
        return data
    kept = tuple(unit for unit in data.units if unit.name in units)
    return replace(
        data,
        units=kept,
        progress=progress_of(a.status for unit in kept for a in unit.activities),
        key_figures=tuple(k for k in data.key_figures if k.unit is None or k.unit in units),
    )
