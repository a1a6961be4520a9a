"""Everything an export needs, gathered once as frozen data: the writers never touch the database.

The plan's parts come from ``plan_stream`` (the shape of ``hrplan show --json``); its activities are
read in one pass with their statuses as of the round. For a follow-up summary the status of
an activity is its status *as of the round*, by the one rule of ``db.queries.status``: the status in
the latest round up to and including the chosen one that has an entry for it, else not started. The
same rule, applied to the round before, gives "what changed since the round before". Whether an
activity was gone through in the round is its entry's mark; one that was not shows the status from
the round before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from sqlmodel import Session

from db.errors import NotFoundError
from db.heap import collection_paused
from db.queries.plans import resolve_plan
from models.dates import is_overdue
from models.progress import Progress, progress_of
from models.status import Status

NOT_STARTED = Status.NOT_STARTED.value

class ExportActivity(NamedTuple):
    """One activity as the export shows it. A named tuple: an export of 50,000 activities makes one
    per activity, and a tuple is made several times faster than a frozen dataclass."""

    id: int
    number: int | None
    area: str
    goal: str
    description: str
    target_text: str
    target_date: date | None
    responsible: str
    resources: str
    follow_up: str
    status: str  # as of the round (the current status when there is no round)
    comment: str  # the comment of the round's entry, "" without one
    previous_status: str | None  # as of the round before; None when there is none
    overdue: bool
    reviewed: bool | None = None  # gone through in the round; None without a round
    changed_by: str = ""  # who set the status in the round, when somebody did

    @property
    def title(self) -> str:
        """How an activity is named in lists: what it does, else what it aims for."""
        return self.description or self.goal

    @property
    def changed(self) -> bool:
        return self.previous_status is not None and self.previous_status != self.status


@dataclass(frozen=True, slots=True)
class ExportSection:
    """A narrative section: its kind, the heading to print (in the export's language) and its text."""

    kind: str
    title: str  # as stored: empty while it keeps its kind's name
    body: str

    def heading(self, lang: str) -> str:
        from i18n import t

        return self.title or t(f"section.{self.kind}", lang=lang)


@dataclass(frozen=True, slots=True)
class ExportKeyFigure:
    name: str
    unit: str | None  # None: the whole plan
    period: str
    count: int | None
    share: float | None  # percent, 0-100


@dataclass(frozen=True, slots=True)
class ExportUnit:
    """A unit of the plan, or the plan as a whole (``name`` None) for activities without a unit."""

    name: str | None
    manager: str
    date: date | None
    activities: tuple[ExportActivity, ...]
    progress: Progress
    sections: tuple[ExportSection, ...] = ()

    def areas(self) -> list[tuple[str, list[ExportActivity]]]:
        """The activities grouped by area, in plan order (they arrive sorted by area already)."""
        groups: list[tuple[str, list[ExportActivity]]] = []
        for activity in self.activities:
            if not groups or groups[-1][0] != activity.area:
                groups.append((activity.area, []))
            groups[-1][1].append(activity)
        return groups


@dataclass(frozen=True, slots=True)
class ExportRound:
    id: int
    name: str
    date: date
    notes: str


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What the annual follow-up report adds: the year's rounds, each activity's status before the
    year (as of the latest round before it; not started without one) and its latest comment up to the
    year's end."""

    year: int
    rounds: tuple[ExportRound, ...]
    before: dict[int, str]
    comments: dict[int, str]


@dataclass(frozen=True, slots=True)
class ExportData:
    plan_id: int
    title: str
    kind: str
    organisation: str
    period: tuple[int, int]
    decision_body: str
    decision_date: date | None
    decision_paragraph: str
    diary_number: str
    units: tuple[ExportUnit, ...]  # the whole-plan part first when it has activities
    round: ExportRound | None
    previous_round: ExportRound | None
    progress: Progress
    rounds: tuple[ExportRound, ...] = field(default=())
    sections: tuple[ExportSection, ...] = ()  # the plan's own, in order
    key_figures: tuple[ExportKeyFigure, ...] = ()  # in the plan's order
    report: ExportReport | None = None  # for the annual follow-up report

    @property
    def activities(self) -> list[ExportActivity]:
        return [a for unit in self.units for a in unit.activities]

    @property
    def reviewed(self) -> int:
        """Activities gone through in the round."""
        return sum(1 for a in self.activities if a.reviewed)

    @property
    def not_reviewed(self) -> int:
        """Activities not gone through in the round: they show the status from the round before."""
        return sum(1 for a in self.activities if a.reviewed is False)

    @property
    def overdue(self) -> list[tuple[ExportUnit, ExportActivity]]:
        return [(u, a) for u in self.units for a in u.activities if a.overdue]

    @property
    def changes(self) -> list[tuple[ExportUnit, ExportActivity]]:
        return [(u, a) for u in self.units for a in u.activities if a.changed]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _round(raw: dict[str, Any]) -> ExportRound:
    return ExportRound(
        id=raw["id"], name=raw["name"], date=date.fromisoformat(raw["date"]), notes=raw["notes"]
    )


def pick_round(rounds: list[dict[str, Any]], name: str | None) -> int | None:
    """Index of the round called ``name`` (case-insensitive), else of the latest; None without rounds."""
    if name is None:
        return len(rounds) - 1 if rounds else None
    wanted = name.strip().casefold()
    for index, raw in enumerate(rounds):
        if raw["name"].casefold() == wanted:
            return index
    from i18n import t

    raise NotFoundError(what=t("what.round"), name=name)


# The plan's activities in the plan's order (the plan as a whole first, then units, areas and
# activities by position), each with its status as of the round, its entry there (comment, gone
# through) and its status as of the round before: one pass over the activities, rows as the driver
# gives them. ``{status}`` and ``{previous}`` are the rule of ``db.queries.status`` as of each round.
_ACTIVITIES_SQL = """
SELECT a.id, a.unit_id, ar.name, a.number, a.goal, a.description, a.target_text, a.target_date,
       a.responsible, a.resources, a.follow_up, {status} AS status, e.comment, e.reviewed,
       {previous} AS previous_status
FROM activity a
JOIN area ar ON ar.id = a.area_id
LEFT JOIN unit u ON u.id = a.unit_id
LEFT JOIN followup_entry e ON e.activity_id = a.id AND e.round_id = :as_of_id{previous_join}
WHERE a.plan_id = :plan
ORDER BY CASE WHEN a.unit_id IS NULL THEN -1 ELSE u.position END, u.id, ar.position, ar.id, a.position, a.id
"""


_PREVIOUS_JOIN = "\nLEFT JOIN followup_entry p ON p.activity_id = a.id AND p.round_id = :prev_id"


def _previous_sql(rounds: list[dict[str, Any]], index: int | None) -> tuple[str, str, dict[str, Any]]:
    """The status as of the round before the chosen one as an SQL expression, the join of its entry
    there, and their parameters; NULL (and no join) when there is no round before it."""
    if not index:
        return "NULL", "", {}
    from db.queries.status import status_sql

    previous = rounds[index - 1]
    sql = status_sql(as_of=True, entry="p")
    sql = sql.replace(":as_of_date", ":prev_date").replace(":as_of_id", ":prev_id")
    return sql, _PREVIOUS_JOIN, {"prev_date": date.fromisoformat(previous["date"]), "prev_id": previous["id"]}


def _activity_rows(
    plan_id: int, rounds: list[dict[str, Any]], index: int | None, *, session: Session
) -> Iterator[tuple]:
    """The rows of ``_ACTIVITIES_SQL`` for the round ``rounds[index]`` (None: no round, current status)."""
    from db.queries.plain import fetch_iter
    from db.queries.status import as_of_params, status_sql

    if index is None:  # no round: every status by the general rule, no entry to join
        status, params = status_sql(), {"as_of_id": None}
    else:
        chosen = rounds[index]
        status = status_sql(as_of=True, entry="e")
        params = as_of_params(date.fromisoformat(chosen["date"]), chosen["id"])
    previous, previous_join, previous_params = _previous_sql(rounds, index)
    sql = _ACTIVITIES_SQL.format(status=status, previous=previous, previous_join=previous_join)
    return fetch_iter(session, sql, {**params, **previous_params, "plan": plan_id})


def gather_export(
    plan_ref: str | int, *, session: Session, round_name: str | None = None, round_id: int | None = None
) -> ExportData:
    """The plan (by id or unique title) with its activities as of a round (the latest by default)."""
    with collection_paused():
        return _gather_export(plan_ref, session=session, round_name=round_name, round_id=round_id)


def _gather_export(
    plan_ref: str | int, *, session: Session, round_name: str | None, round_id: int | None
) -> ExportData:
    from db.access import check_plan_readable
    from db.queries.document import plan_stream

    plan = resolve_plan(plan_ref, session=session)
    check_plan_readable(session, plan.id)
    # Everything but the activities, which are read below with their statuses as of the round.
    document = plan_stream(plan, session=session, with_entries=False)
    rounds = document["rounds"]  # sorted by date, then id
    if round_id is not None:
        index = next((i for i, r in enumerate(rounds) if r["id"] == round_id), None)
        if index is None:
            from i18n import t

            raise NotFoundError(what=t("what.round"), name=str(round_id))
    else:
        index = pick_round(rounds, round_name)
    actors: dict[int, str] = {}
    if index is None:
        reference_day = date.today()
    else:
        reference_day = date.fromisoformat(rounds[index]["date"])
        from db.queries.actors import entry_actors

        round_key = rounds[index]["id"]
        actors = {a: who for (_, a), who in entry_actors([round_key], session=session).items()}

    by_unit: dict[int | None, list[ExportActivity]] = {}
    make = ExportActivity
    fromisoformat = date.fromisoformat
    no_round = index is None
    for (aid, unit_id, area, number, goal, description, target_text, target, responsible, resources,
         follow_up, status, comment, reviewed, previous) in _activity_rows(
            document["id"], rounds, index, session=session):  # fmt: skip
        if target is not None and not isinstance(target, date):
            target = fromisoformat(target)
        activities = by_unit.get(unit_id)
        if activities is None:
            activities = by_unit[unit_id] = []
        activities.append(make(
            aid, number, area or "", goal, description, target_text, target, responsible, resources,
            follow_up, status, comment or "", previous, is_overdue(target, status, reference_day),
            None if no_round else bool(reviewed), actors.get(aid, "") if actors else "",
        ))  # fmt: skip
    sections = _sections(document["id"], session=session)
    units: list[ExportUnit] = []
    if by_unit.get(None):
        units.append(_unit(None, "", None, by_unit[None]))
    for raw in document["units"]:
        units.append(_unit(raw["name"], raw["manager"], _date(raw["date"]), by_unit.get(raw["id"], []),
                           sections.get(raw["id"], ())))  # fmt: skip
    figures = tuple(
        ExportKeyFigure(k["name"], k["unit"], k["period"], k["count"], k["share"])
        for k in document["key_figures"]
    )
    all_rounds = tuple(_round(r) for r in rounds)
    decision = document["decision"]
    data = ExportData(
        plan_id=document["id"],
        title=document["title"],
        kind=document["kind"],
        organisation=document["organisation"],
        period=(document["period"][0], document["period"][1]),
        decision_body=decision["body"],
        decision_date=_date(decision["date"]),
        decision_paragraph=decision["paragraph"],
        diary_number=decision["diary_number"],
        units=tuple(units),
        round=None if index is None else all_rounds[index],
        previous_round=all_rounds[index - 1] if index else None,
        progress=_sum_progress([u.progress for u in units]),
        rounds=all_rounds,
        sections=sections.get(None, ()),
        key_figures=figures,
    )
    from db.queries.export_scope import for_reader

    return for_reader(data, session=session)


def _sum_progress(parts: list[Progress]) -> Progress:
    """The progress of the whole from its parts' counts."""
    from models.status import STATUS_ORDER

    return Progress({s.value: sum(p.counts.get(s.value, 0) for p in parts) for s in STATUS_ORDER})


def _unit(
    name: str | None, manager: str, day: date | None, activities: list[ExportActivity],
    sections: tuple[ExportSection, ...] = (),
) -> ExportUnit:
    return ExportUnit(
        name=name, manager=manager, date=day, activities=tuple(activities),
        progress=progress_of(a.status for a in activities), sections=sections,
    )  # fmt: skip


def _sections(plan_id: int, *, session: Session) -> dict[int | None, tuple[ExportSection, ...]]:
    """Unit id (None for the plan) → its sections with text, in order."""
    from db.queries.sections import list_sections

    by_owner: dict[int | None, list[ExportSection]] = {}
    for row in list_sections(plan_id, session=session):
        if row.body.strip():
            by_owner.setdefault(row.unit_id, []).append(ExportSection(row.kind, row.title, row.body))
    return {owner: tuple(rows) for owner, rows in by_owner.items()}


def _latest_comments(round_ids: list[int], *, session: Session) -> dict[int, str]:
    """Activity id → its latest comment that is not empty, over the rounds given (oldest first): why it
    is delayed, how it ended."""
    from sqlalchemy import select

    from models.followup import FollowUpEntry

    entry = FollowUpEntry.__table__.c
    order = {round_id: index for index, round_id in enumerate(round_ids)}
    latest: dict[int, tuple[int, str]] = {}
    for start in range(0, len(round_ids), 500):
        chunk = round_ids[start : start + 500]
        query = select(entry.round_id, entry.activity_id, entry.comment).where(entry.round_id.in_(chunk))
        for round_id, activity_id, comment in session.execute(query):
            if comment.strip() and order[round_id] >= latest.get(activity_id, (-1, ""))[0]:
                latest[activity_id] = (order[round_id], comment)
    return {activity_id: comment for activity_id, (_, comment) in latest.items()}


def report_years(rounds: tuple[ExportRound, ...]) -> list[int]:
    """The years that have rounds, oldest first: the periods an annual report can cover."""
    return sorted({r.date.year for r in rounds})


def gather_report(plan_ref: str | int, *, session: Session, year: int | None = None) -> ExportData:
    """The plan as of its last round of ``year`` (the year of its latest round by default), with what
    the annual follow-up report needs: the year's rounds, the statuses before it, the year's comments."""
    with collection_paused():
        return _gather_report(plan_ref, session=session, year=year)


def _gather_report(plan_ref: str | int, *, session: Session, year: int | None) -> ExportData:
    import dataclasses

    choices = export_choices(plan_ref, session=session)  # the rounds, without reading the activities
    years = report_years(choices.rounds)
    if year is None:
        year = years[-1] if years else date.today().year
    in_year = tuple(r for r in choices.rounds if r.date.year == year)
    if not in_year:
        if choices.rounds:
            raise NotFoundError("export.report_no_year", year=year, years=", ".join(map(str, years)))
        data = gather_export(choices.plan_id, session=session)
        return dataclasses.replace(data, report=ExportReport(year, (), {}, {}))
    data = gather_export(choices.plan_id, session=session, round_id=in_year[-1].id)
    earlier = [r for r in choices.rounds if r.date.year < year]
    before: dict[int, str] = {}
    if earlier:
        from db.queries.status import statuses_as_of

        before = statuses_as_of(choices.plan_id, earlier[-1].date, earlier[-1].id, session=session)
    comments = _latest_comments([r.id for r in earlier + list(in_year)], session=session)
    return dataclasses.replace(data, report=ExportReport(year, in_year, before, comments))


@dataclass(frozen=True, slots=True)
class ExportChoices:
    """What the export dialog offers for a plan: its title and its rounds, latest last."""

    plan_id: int
    title: str
    rounds: tuple[ExportRound, ...]


def export_choices(plan_id: int, *, session: Session) -> ExportChoices:
    from sqlalchemy import select

    from db.access import check_plan_readable
    from models.followup import FollowUpRound

    plan = resolve_plan(plan_id, session=session)
    check_plan_readable(session, plan.id)
    rows = session.execute(
        select(FollowUpRound)
        .where(FollowUpRound.plan_id == plan.id)
        .order_by(FollowUpRound.date, FollowUpRound.id)
    ).scalars()
    return ExportChoices(
        plan_id=plan.id,
        title=plan.title,
        rounds=tuple(ExportRound(id=r.id, name=r.name, date=r.date, notes=r.notes) for r in rows),
    )
