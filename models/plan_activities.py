"""A plan's activities as the plan screen holds them, and the views it shows of them.

Plain Python, no Textual and no database. The activities are kept as read: one tuple per activity
in the order of ``ActivityRow``'s fields, in the plan's order (units, the plan as a whole first,
then areas, then position). An ``ActivityRow`` is made only for the activity a screen asks about
(the highlighted one); a view (``PlanActivities.view``) is the activity ids to show with a
``Group`` before each run of one unit and area, by the rule of ``models.activity_filter``.

Opening a plan of 50,000 activities therefore makes no object per activity beyond the tuple the
database driver hands over: the view of the whole plan is slices of one list of ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import groupby
from operator import itemgetter

from models.activity_filter import ActivityFilter, Group, responsible_choices, unit_key
from models.activity_rules import ActivityFields
from models.dates import is_overdue


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """One activity with what the plan screen shows of it: every column, names and its status."""

    id: int
    plan_id: int
    unit_id: int | None
    unit_name: str | None
    area_id: int
    area_name: str
    number: int | None
    goal: str
    description: str
    target_text: str
    target_date: date | None
    ongoing: bool
    responsible: str
    resources: str
    follow_up: str
    status: str
    position: int
    version: int
    unit_position: int  # -1 for the plan as a whole
    area_position: int

    @classmethod
    def from_values(cls, values: Sequence) -> ActivityRow:
        """The row of one tuple as read (a date may come as ISO text, a flag as 0/1)."""
        values = list(values)
        values[TARGET_DATE] = as_date(values[TARGET_DATE])
        values[ONGOING] = bool(values[ONGOING])
        return cls(*values)

    def searchable(self) -> str:
        """Every text field in one string, case-folded, for search."""
        return searchable(self.goal, self.description, self.target_text, self.responsible, self.resources,
                          self.follow_up, self.number)  # fmt: skip

    def fields(self) -> ActivityFields:
        return ActivityFields(
            area_id=self.area_id, unit_id=self.unit_id, goal=self.goal, description=self.description,
            target_text=self.target_text, responsible=self.responsible, resources=self.resources,
            follow_up=self.follow_up, number=self.number,
        )  # fmt: skip


# Where each field sits in a tuple as read: the order of ActivityRow's fields.
(ID, PLAN_ID, UNIT_ID, UNIT_NAME, AREA_ID, AREA_NAME, NUMBER, GOAL, DESCRIPTION, TARGET_TEXT, TARGET_DATE,
 ONGOING, RESPONSIBLE, RESOURCES, FOLLOW_UP, STATUS, POSITION, VERSION, UNIT_POSITION,
 AREA_POSITION) = range(20)  # fmt: skip

# A text longer than this weighs as much as this when the columns share the width.
CAP = 80
# The column widths are measured over at most this many activities.
WEIGHT_SAMPLE = 5_000

# The flexible columns of the plan screen, by the field each shows.
FLEX_FIELDS = {"goal": GOAL, "description": DESCRIPTION, "responsible": RESPONSIBLE, "resources": RESOURCES,
               "follow_up": FOLLOW_UP}  # fmt: skip


def as_date(value: object) -> date | None:
    """A stored date: SQLite's driver hands over ISO text, PostgreSQL's a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def searchable(goal: str, description: str, target_text: str, responsible: str, resources: str,
               follow_up: str, number: int | None) -> str:  # fmt: skip
    """What a search of the plan looks through: every text field in one string, case-folded."""
    parts = (goal, description, target_text, responsible, resources, follow_up, str(number or ""))
    return "\n".join(parts).casefold()


_SEARCHED = itemgetter(GOAL, DESCRIPTION, TARGET_TEXT, RESPONSIBLE, RESOURCES, FOLLOW_UP, NUMBER)


def owners_in_order(units: Iterable[tuple[int, int]], counts: Mapping[int | None, int]) -> list[int | None]:
    """Who the plan's activities belong to, in the plan's order, leaving out those without any: the
    plan as a whole (None, position -1) and the units, by position and then id. ``units``: (id,
    position) of each unit; ``counts``: activities per owner."""
    owners: list[tuple[int, bool, int, int | None]] = [(-1, False, 0, None)]
    owners += [(position, True, unit, unit) for unit, position in units]
    return [owner for *_, owner in sorted(owners) if counts.get(owner, 0)]


class PlaceCounts:
    """How many activities each unit and each area of a plan has, from the counts per place
    (unit id or None for the plan as a whole, area id)."""

    def __init__(self, by_place: dict[tuple[int | None, int], int]) -> None:
        self.by_unit: dict[int | None, int] = {}
        self.by_area: dict[int, int] = {}
        for (unit, area), n in by_place.items():
            self.by_unit[unit] = self.by_unit.get(unit, 0) + n
            self.by_area[area] = self.by_area.get(area, 0) + n

    @property
    def total(self) -> int:
        return sum(self.by_unit.values())


@dataclass(frozen=True, slots=True)
class _Run:
    """Consecutive activities of one unit and area (by name, as ``grouped`` tells them apart)."""

    start: int
    end: int
    unit: int  # unit key
    unit_name: str | None
    area: str


@dataclass(frozen=True, slots=True)
class PlanView:
    """What a filter shows: activity ids with a ``Group`` before each run of one unit and area (or
    area), where each id sits in ``entries``, and how many activities show."""

    filter: ActivityFilter
    entries: list  # activity ids and Group headings, in the order shown
    headings: list[int]  # where the Groups are in ``entries``
    positions: dict[int, int]  # activity id → its index in ``entries``

    @property
    def shown(self) -> int:
        return len(self.positions)

    def groups(self) -> Iterator[tuple[int, Group]]:
        return ((i, self.entries[i]) for i in self.headings)


class PlanActivities:
    """The activities of one plan as read, and the views of them.

    ``values``: one tuple per activity in the order of ``ActivityRow``'s fields, sorted as
    ``list_activities`` sorts them. Nothing is made per activity up front: the ids are one list,
    the runs of one unit and area are found in one pass in C (``groupby``), where an id sits is
    looked up in a dict made when first asked for, and search texts when a search first looks.
    """

    def __init__(self, values: Sequence[tuple], today: date) -> None:
        self.values = values if isinstance(values, list) else list(values)
        self.today = today
        self.ids: list[int] = list(map(itemgetter(ID), self.values))
        self._runs: list[_Run] = []
        start = 0
        for (unit_id, area), run in groupby(self.values, itemgetter(UNIT_ID, AREA_NAME)):
            end = start + len(list(run))
            self._runs.append(_Run(start, end, unit_key(unit_id), self.values[start][UNIT_NAME], area))
            start = end
        self._index = dict(zip(self.ids, range(len(self.ids)), strict=True))
        self._search: list[str] | None = None
        self._dates: dict[object, date | None] = {}
        self._last: ActivityRow | None = None

    def __len__(self) -> int:
        return len(self.values)

    # ---- one activity ------------------------------------------------------------------------
    def index_of(self, activity_id: object) -> int | None:
        return self._index.get(activity_id)  # type: ignore[arg-type]

    def values_of(self, activity_id: object) -> tuple | None:
        i = self.index_of(activity_id)
        return None if i is None else self.values[i]

    def row(self, activity_id: object) -> ActivityRow | None:
        """The activity as an ``ActivityRow`` (None when the plan has no such activity); the last one
        asked for is kept, as a screen asks about the highlighted activity again and again."""
        if self._last is not None and self._last.id == activity_id:
            return self._last
        values = self.values_of(activity_id)
        if values is None:
            return None
        self._last = ActivityRow.from_values(values)
        return self._last

    def due(self, values: tuple) -> date | None:
        """The activity's target date (dates repeat: each text is read once)."""
        raw = values[TARGET_DATE]
        if raw is None or isinstance(raw, date):
            return raw
        found = self._dates.get(raw)
        if found is None:
            found = self._dates[raw] = as_date(raw)
        return found

    def overdue(self, values: tuple) -> bool:
        return is_overdue(self.due(values), values[STATUS], self.today)

    # ---- the plan as a whole -----------------------------------------------------------------
    def responsible_choices(self) -> list[str]:
        """Every function named in an *Ansvarig* cell of the plan, once: what the filter offers."""
        return responsible_choices(dict.fromkeys(map(itemgetter(RESPONSIBLE), self.values)))

    def column_weights(self) -> dict[str, int]:
        """How wide each flexible column should be next to the others: the mean length of its texts
        (a longer text wraps in the detail pane anyway, so a few long ones do not take the width).

        Over every activity up to ``WEIGHT_SAMPLE`` of them; in a larger plan over that many spread
        evenly through it, which gives the same widths to within a character at a fraction of the work.
        """
        if not self.values:
            return {}
        step = -(-len(self.values) // WEIGHT_SAMPLE)  # ceiling: at most WEIGHT_SAMPLE rows
        sample = self.values[::step]
        n = len(sample)
        weights = {}
        for name, field in FLEX_FIELDS.items():
            lengths = list(map(len, map(itemgetter(field), sample)))
            longer = list(filter(CAP.__lt__, lengths))  # each counts as CAP
            total = sum(lengths) - sum(longer) + CAP * len(longer)
            weights[name] = max(4, min(60, total // n))
        return weights

    def _search_texts(self) -> list[str]:
        if self._search is None:
            self._search = [searchable(*fields) for fields in map(_SEARCHED, self.values)]
        return self._search

    # ---- views -------------------------------------------------------------------------------
    def view(self, view: ActivityFilter) -> PlanView:
        """The activities ``view`` shows, grouped: a heading per area (per unit and area when several
        units show). A search looks through every activity of the plan, whatever unit is selected.

        The same rows and headings as ``grouped`` over the activities ``view.matches``: a run of one
        unit and area is taken whole when nothing but the unit or area narrows the view."""
        asked = view
        searching = bool(view.search.strip())
        if searching:
            view = replace(view, unit=None)
        by_unit = searching or view.unit is None
        each = view.responsible is not None or view.status is not None or view.overdue or searching
        texts = self._search_texts() if searching else None
        ids = self.ids
        entries: list = []
        headings: list[int] = []
        positions: dict[int, int] = {}
        current: tuple | None = None
        for run in self._runs:
            if view.unit is not None and run.unit != view.unit:
                continue
            if view.area is not None and run.area != view.area:
                continue
            found = self._matching(run, view, texts) if each else ids[run.start : run.end]
            if not found:
                continue
            key = (run.unit, run.area) if by_unit else (run.area,)
            if key != current:
                current = key
                headings.append(len(entries))
                entries.append(Group(key=("group", *key), unit_name=run.unit_name, area=run.area,
                                     by_unit=by_unit))  # fmt: skip
            positions.update(zip(found, range(len(entries), len(entries) + len(found)), strict=True))
            entries += found
        return PlanView(asked, entries, headings, positions)

    def _matching(self, run: _Run, view: ActivityFilter, texts: list[str] | None) -> list[int]:
        """The ids of the run's activities that ``view`` shows, by ``ActivityFilter.matches``."""
        values, today = self.values, self.today
        return [
            values[i][ID]
            for i in range(run.start, run.end)
            if view.matches(unit=run.unit, area=run.area, responsible=values[i][RESPONSIBLE],
                            status=values[i][STATUS], due=self.due(values[i]),
                            texts=texts[i] if texts is not None else "", today=today)  # fmt: skip
        ]
