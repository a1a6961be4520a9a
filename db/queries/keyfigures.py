"""Staff key figures of a plan (turnover, sick leave, ...): per unit and period, count and share."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from db.changes import ChangeSet
from db.errors import ConflictError, NotFoundError
from db.queries.ordering import next_in_plan, refuse, refuse_invalid
from models.keyfigure import KeyFigure
from models.limits import SHORT_MAX
from models.unit import Unit
from models.validation import Invalid, clean_text


@dataclass(frozen=True, slots=True)
class KeyFigureRow:
    id: int
    plan_id: int
    unit_id: int | None
    unit_name: str | None
    name: str
    period_label: str
    count: int | None
    share: float | None
    position: int

    def fields(self) -> KeyFigureFields:
        """What the editor shows and, passed back as ``expected``, what it was read as."""
        return KeyFigureFields(self.unit_id, self.name, self.period_label, self.count, self.share)


@dataclass(frozen=True, slots=True)
class KeyFigureFields:
    unit_id: int | None
    name: str
    period_label: str
    count: int | None = None
    share: float | None = None


def check_key_figure(data: KeyFigureFields) -> tuple[KeyFigureFields, dict[str, Invalid]]:
    errors: dict[str, Invalid] = {}
    values: dict[str, str] = {}
    for name in ("name", "period_label"):
        try:
            values[name] = clean_text(getattr(data, name), limit=SHORT_MAX, required=True, multiline=False)
        except Invalid as exc:
            errors[name] = exc
            values[name] = getattr(data, name)
    if data.count is not None and data.count < 0:
        errors["count"] = Invalid("keyfig.invalid_count")
    if data.share is not None and not 0 <= data.share <= 100:
        errors["share"] = Invalid("keyfig.invalid_share")
    return KeyFigureFields(unit_id=data.unit_id, count=data.count, share=data.share, **values), errors


_LABELS = {"name": "keyfig.col_name", "period_label": "keyfig.col_period", "count": "keyfig.col_count",
           "share": "keyfig.col_share"}  # fmt: skip


def list_key_figures(plan_id: int, *, session: Session) -> list[KeyFigureRow]:
    rows = session.execute(
        select(KeyFigure, Unit.name)
        .outerjoin(Unit, Unit.id == KeyFigure.unit_id)
        .where(KeyFigure.plan_id == plan_id)
        .order_by(KeyFigure.name, KeyFigure.period_label, Unit.position, KeyFigure.position, KeyFigure.id)
    ).all()
    return [
        KeyFigureRow(k.id, k.plan_id, k.unit_id, unit_name, k.name, k.period_label, k.count, k.share,
                     k.position)
        for k, unit_name in rows
    ]  # fmt: skip


def _checked(plan_id: int, data: KeyFigureFields, session: Session) -> dict:
    cleaned, errors = check_key_figure(data)
    if errors:
        name, error = next(iter(errors.items()))
        raise refuse_invalid(_LABELS[name], error)
    if cleaned.unit_id is not None:
        unit = session.get(Unit, cleaned.unit_id)
        if unit is None or unit.plan_id != plan_id:
            raise refuse("col.unit", "plan.invalid_unit")
    return {"unit_id": cleaned.unit_id, "name": cleaned.name, "period_label": cleaned.period_label,
            "count": cleaned.count, "share": cleaned.share}  # fmt: skip


def _load(figure_id: int, session: Session) -> KeyFigure:
    figure = session.get(KeyFigure, figure_id)
    if figure is None:
        from i18n import t

        raise NotFoundError(what=t("keyfig.what"), name=str(figure_id))
    return figure


def add_key_figure(plan_id: int, data: KeyFigureFields, *, session: Session) -> int:
    values = _checked(plan_id, data, session)
    same_plan = KeyFigure.plan_id == plan_id
    position = next_in_plan(KeyFigure.position, same_plan, plan_id=plan_id, session=session)
    figure = KeyFigure(plan_id=plan_id, position=position, **values)
    return ChangeSet(session, plan_id=plan_id).insert(figure).id


def _check_unchanged(figure: KeyFigure, expected: KeyFigureFields | None) -> None:
    """Compare-and-set without a version column: the row must still hold what the editor read.

    Called inside ``database.write()`` (``BEGIN IMMEDIATE``) right after the row was read there, so
    no other instance can change it between this check and the update.
    """
    if expected is None:
        return
    now = KeyFigureFields(figure.unit_id, figure.name, figure.period_label, figure.count, figure.share)
    if now != expected:
        from db.changes import row_snapshot
        from i18n import t

        error = ConflictError(what=t("keyfig.what"))
        error.current = row_snapshot(KeyFigure.__table__, figure)
        raise error


def update_key_figure(
    figure_id: int, data: KeyFigureFields, *, session: Session, expected: KeyFigureFields | None = None
) -> bool:
    """Save the editor's fields; ``expected`` (the fields as read) makes it refuse a changed row."""
    figure = _load(figure_id, session)
    _check_unchanged(figure, expected)
    values = _checked(figure.plan_id, data, session)
    return bool(ChangeSet(session, plan_id=figure.plan_id).update(figure, values))


def delete_key_figure(figure_id: int, *, session: Session, expected: KeyFigureFields | None = None) -> None:
    figure = _load(figure_id, session)
    _check_unchanged(figure, expected)
    ChangeSet(session, plan_id=figure.plan_id).delete(figure)


@dataclass(frozen=True, slots=True)
class Trend:
    """One key figure of one unit over the periods, oldest first: the data of one small chart."""

    name: str
    unit_name: str | None
    periods: tuple[str, ...]
    shares: tuple[float | None, ...]
    counts: tuple[int | None, ...]


def trends(rows: list[KeyFigureRow]) -> list[Trend]:
    """Per key figure and unit, its values over the periods sorted by label (ISO dates and years sort)."""
    grouped: dict[tuple[str, str | None], list[KeyFigureRow]] = {}
    for row in rows:
        grouped.setdefault((row.name, row.unit_name), []).append(row)
    result = []
    for (name, unit_name), group in grouped.items():
        group.sort(key=lambda r: r.period_label)
        result.append(
            Trend(name, unit_name, tuple(r.period_label for r in group), tuple(r.share for r in group),
                  tuple(r.count for r in group))
        )  # fmt: skip
    return result
