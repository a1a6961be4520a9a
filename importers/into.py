"""A department's own file added to a plan that already exists (``hrplan import FILE --into PLAN``).

``fit_into`` is a plain rule on names: the file's activities go into one unit (the unit named with
``--unit``, else the unit the file names, else one named after the file), the file's areas are
matched to the plan's own by name (any wording of a UBARA area, any case), and what the plan does
not have yet is listed as new, for the preview. ``importers.writer.write_into`` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from importers.areas import ubara_area
from importers.model import ImportedPlan, ImportedUnit, ImportWarning, SourceRef
from importers.sections import PLAN_KINDS
from importers.unit_names import unit_named
from models.limits import NAME_MAX
from models.validation import Invalid, clean_text


@dataclass(frozen=True, slots=True)
class Target:
    """What the existing plan has, read before the preview."""

    plan_id: int
    title: str
    cadence: str
    units: tuple[str, ...]
    areas: tuple[str, ...]
    open_round: str | None = None  # the latest open round, where a status column's statuses go
    round_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IntoPlan:
    """The file fitted into the plan: ``imported`` with the plan's unit and area names."""

    target: Target
    imported: ImportedPlan
    new_units: tuple[str, ...]
    new_areas: tuple[str, ...]
    round_is_new: bool = False
    original: ImportedPlan | None = None  # the file as read, to fit again into another unit


def _area_in(name: str, areas: list[str]) -> str:
    folded = {a.casefold(): a for a in areas}
    if name.casefold() in folded:
        return folded[name.casefold()]
    wanted = ubara_area(name)
    if wanted is not None:
        for area in areas:
            if ubara_area(area) == wanted:
                return area
    return name


def _unit_name(text: str, where: str) -> str:
    from importers.errors import ImportFileError

    try:
        return clean_text(text, limit=NAME_MAX, required=True, multiline=False)
    except Invalid as exc:
        raise ImportFileError(f"import.error.unit_{exc.key.split('.')[-1]}", where=where,
                              name=text[:40], limit=str(NAME_MAX)) from None  # fmt: skip


def fit_into(imported: ImportedPlan, target: Target, *, unit: str | None = None) -> IntoPlan:
    warnings = list(imported.warnings)
    plan_units = list(target.units)
    file_units = [u.name for u in imported.units]
    if unit is not None:
        one: str | None = _unit_name(unit, imported.source)
        folded = {u.casefold(): u for u in plan_units}
        one = folded.get(one.casefold(), one)
    elif len(file_units) <= 1:
        one = file_units[0] if file_units else None
        if one is None:
            one = _unit_name(Path(imported.source).stem[:NAME_MAX], imported.source)
            warnings.append(ImportWarning("import.warn.unit_from_file_name", SourceRef(imported.source),
                                          (("name", one),)))  # fmt: skip
        one = unit_named(one, plan_units, add=False)
    else:
        one = None  # several units in the file: each its own, matched by name

    def unit_of(name: str | None) -> str | None:
        """The plan's unit for a unit of the file; the whole plan stays the whole plan when the
        file names several units."""
        if one is not None:
            return one
        return None if name is None else unit_named(name, plan_units, add=False)

    areas = list(target.areas)
    activities = []
    for a in imported.activities:
        area = _area_in(a.area, areas)
        if area not in areas:
            areas.append(area)
        activities.append(replace(a, unit=unit_of(a.unit), area=area))
    by_name = {u.name: u for u in imported.units}
    units: dict[str, ImportedUnit] = {}
    for a in activities:
        if a.unit is not None:
            units.setdefault(a.unit, ImportedUnit(a.unit))
    for u in imported.units:
        name = unit_of(u.name)
        units[name] = replace(by_name[u.name], name=name)
    key_figures = tuple(replace(k, unit=unit_of(k.unit)) for k in imported.key_figures)
    narrative = tuple(n if n.kind in PLAN_KINDS else replace(n, unit=unit_of(n.unit))
                      for n in imported.narrative)  # fmt: skip
    for k in key_figures:
        if k.unit is not None:
            units.setdefault(k.unit, ImportedUnit(k.unit))
    for n in narrative:
        if n.unit is not None:
            units.setdefault(n.unit, ImportedUnit(n.unit))
    round_name, round_is_new = None, False
    if imported.round_name is not None:
        if target.open_round is not None:
            round_name = target.open_round
        else:
            from models.rounds import propose_round_name, unique_round_name

            proposed = propose_round_name(target.cadence, date.today())
            round_name = unique_round_name(proposed, target.round_names)
            round_is_new = True
    folded_units = {u.casefold() for u in target.units}
    fitted = replace(
        imported, units=tuple(units.values()), areas=tuple(areas), activities=tuple(activities),
        key_figures=key_figures, narrative=narrative, round_name=round_name, warnings=tuple(warnings),
    )  # fmt: skip
    return IntoPlan(
        target=target,
        imported=fitted,
        new_units=tuple(n for n in units if n.casefold() not in folded_units),
        new_areas=tuple(areas[len(target.areas):]),
        round_is_new=round_is_new,
        original=imported,
    )
