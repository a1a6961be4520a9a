"""Changing rows with a record in the change log, and undoing the latest change.

Every write of the app and the command line goes through a ``ChangeSet``: it applies the change,
bumps the row's version (so that a second writer cannot overwrite it in silence) and logs what it
did. All changes of one ChangeSet share a batch, and ``undo_last`` reverts a whole batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, func, insert, select
from sqlmodel import Session, SQLModel

from db.errors import ConflictError, what_of
from db.guard import check_values
from models.base import now
from models.changelog import WHOLE_ROW, ChangeLog


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _dumps(value: Any) -> str:
    return json.dumps(_encode(value), ensure_ascii=False)


def _decode(table: Table, column: str, value: Any) -> Any:
    if value is None:
        return None
    col_type = table.c[column].type
    if isinstance(getattr(col_type, "impl", col_type), DateTime):
        return datetime.fromisoformat(value)
    if isinstance(col_type, Date):
        return date.fromisoformat(value)
    if isinstance(col_type, Boolean):
        return bool(value)
    return value


def row_snapshot(table: Table, row: Any) -> dict[str, Any]:
    mapping = row._mapping if hasattr(row, "_mapping") else None
    if mapping is not None:
        return {c.name: _encode(mapping[c.name]) for c in table.columns}
    return {c.name: _encode(getattr(row, c.name)) for c in table.columns}


def _cascading_children(table: Table) -> list[tuple[Table, str]]:
    """Tables whose rows go when a row of ``table`` goes (ON DELETE CASCADE)."""
    found = []
    for child in SQLModel.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table and (fk.ondelete or "").upper() == "CASCADE":
                found.append((child, fk.parent.name))
    return found


def collect_cascade(session: Session, table: Table, row_id: int) -> list[dict[str, Any]]:
    """The row and everything that cascades from it, parents before children."""
    row = session.execute(select(table).where(table.c.id == row_id)).first()
    if row is None:
        return []
    rows = [{"table": table.name, "values": row_snapshot(table, row)}]
    seen = {(table.name, row_id)}
    frontier = [(table, row_id)]
    while frontier:
        parent, parent_id = frontier.pop(0)
        for child, column in _cascading_children(parent):
            for child_row in session.execute(select(child).where(child.c[column] == parent_id)):
                key = (child.name, child_row._mapping["id"])
                if key in seen:
                    continue
                seen.add(key)
                rows.append({"table": child.name, "values": row_snapshot(child, child_row)})
                frontier.append((child, key[1]))
    return rows


def next_batch(session: Session) -> int:
    return (session.execute(select(func.max(ChangeLog.batch))).scalar() or 0) + 1


class ChangeSet:
    """Changes that belong together: one editor save, one delete, one tick."""

    def __init__(self, session: Session, *, plan_id: int | None) -> None:
        self.session = session
        self.plan_id = plan_id
        self.batch = next_batch(session)
        self.count = 0

    def _log(self, entity: str, entity_id: int, field: str, old: str | None, new: str | None) -> None:
        self.session.add(
            ChangeLog(
                batch=self.batch,
                plan_id=self.plan_id if self.plan_id is not None or entity != "plan" else entity_id,
                entity=entity,
                entity_id=entity_id,
                field=field,
                old_value=old,
                new_value=new,
            )
        )
        self.count += 1

    def insert(self, obj: SQLModel) -> SQLModel:
        table = type(obj).__table__
        check_values(table, {c.name: getattr(obj, c.name, None) for c in table.columns})
        self.session.add(obj)
        self.session.flush()
        self._log(table.name, obj.id, WHOLE_ROW, None, _dumps(row_snapshot(table, obj)))
        return obj

    def insert_all(self, objs: list[SQLModel]) -> list[SQLModel]:
        """Insert many rows with one flush (an import of a whole plan); each is logged as by ``insert``."""
        self.session.add_all(objs)
        self.session.flush()
        for obj in objs:
            table = type(obj).__table__
            self._log(table.name, obj.id, WHOLE_ROW, None, _dumps(row_snapshot(table, obj)))
        return objs

    def insert_rows(self, table: Table, rows: list[dict[str, Any]]) -> list[int]:
        """Insert many rows of one table, each logged as by ``insert``; returns their ids in order.

        Two statements whatever the number of rows (the rows, then their log entries), without ORM
        objects: starting a round of 5,000 entries one ``insert`` at a time takes seconds. Every row
        gives every column but ``id``, so that the logged snapshot is the row as stored.
        """
        if not rows:
            return []
        columns = [c.name for c in table.columns]
        missing = set(columns) - {"id"} - set(rows[0])
        if missing:
            raise ValueError(f"insert_rows into {table.name} without {sorted(missing)}")
        for values in rows:
            check_values(table, values)
        # Ids given here, after the highest one, under the write lock that ``database.write()`` holds:
        # RETURNING would make SQLAlchemy send the rows to SQLite one by one to keep their order.
        first = (self.session.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        ids = list(range(first, first + len(rows)))
        with_ids = [{**values, "id": row_id} for row_id, values in zip(ids, rows, strict=True)]
        self.session.execute(insert(table), with_ids)
        at = now()
        plan_id = self.plan_id if self.plan_id is not None or table.name != "plan" else None
        log = [
            {
                "batch": self.batch, "plan_id": plan_id if plan_id is not None else row_id,
                "entity": table.name, "entity_id": row_id, "field": WHOLE_ROW, "old_value": None,
                "new_value": json.dumps({c: values[c] for c in columns}, ensure_ascii=False, default=_encode),
                "at": at, "undone": False,
            }  # fmt: skip
            for row_id, values in zip(ids, with_ids, strict=True)
        ]
        self.session.execute(insert(ChangeLog.__table__), log)
        self.count += len(rows)
        return ids

    def update(
        self,
        obj: SQLModel,
        values: dict[str, Any],
        *,
        expected_version: int | None = None,
        flush: bool = True,
    ) -> dict[str, tuple[Any, Any]]:
        """Apply ``values``; returns the fields that really changed as ``{field: (old, new)}``.

        ``flush=False``: the caller flushes once after many updates (a thousand ticks from a file).

        ``expected_version`` is only a safe compare-and-set when ``obj`` was read in this write
        session; ``db.edits.update_row`` does that for editors and scripts.
        """
        table = type(obj).__table__
        if expected_version is not None and getattr(obj, "version", None) != expected_version:
            error = ConflictError(what=what_of(table.name))
            error.current = row_snapshot(table, obj)
            raise error
        check_values(table, values)
        changed: dict[str, tuple[Any, Any]] = {}
        for field, new in values.items():
            old = getattr(obj, field)
            if old == new:
                continue
            changed[field] = (old, new)
            setattr(obj, field, new)
            self._log(table.name, obj.id, field, _dumps(old), _dumps(new))
        if changed:
            if "version" in table.c:
                obj.version = (obj.version or 0) + 1
            if "updated_at" in table.c:
                obj.updated_at = now()
            self.session.add(obj)
            if flush:
                self.session.flush()
        return changed

    def delete(self, obj: SQLModel) -> list[dict[str, Any]]:
        """Delete the row and what cascades from it; the log keeps all of it for undo."""
        table = type(obj).__table__
        rows = collect_cascade(self.session, table, obj.id)
        self._log(table.name, obj.id, WHOLE_ROW, _dumps({"rows": rows}), None)
        self.session.delete(obj)
        self.session.flush()
        return rows


@dataclass(frozen=True, slots=True)
class UndoResult:
    batch: int
    entity: str
    entity_id: int
    changes: int


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _revert(session: Session, entry: ChangeLog) -> None:
    table = _table(entry.entity)
    if entry.field == WHOLE_ROW and entry.old_value is None:  # an insert: remove the row
        session.execute(table.delete().where(table.c.id == entry.entity_id))
    elif entry.field == WHOLE_ROW:  # a delete: put every row back, parents first
        for row in json.loads(entry.old_value)["rows"]:
            t = _table(row["table"])
            values = {k: _decode(t, k, v) for k, v in row["values"].items()}
            exists = session.execute(select(t.c.id).where(t.c.id == values["id"])).first()
            if exists is None:
                session.execute(t.insert().values(**values))
    else:  # one field
        values = {entry.field: _decode(table, entry.field, json.loads(entry.old_value))}
        if "version" in table.c:
            values["version"] = table.c.version + 1
        session.execute(table.update().where(table.c.id == entry.entity_id).values(**values))


def _revert_all(session: Session, entries: list[Any]) -> None:
    """Revert log entries in the order given. Runs of inserts into one table (a round's entries, an
    imported plan) go as one DELETE per chunk of ids instead of one statement per row."""
    run: list[int] = []
    run_table = ""

    def delete_run() -> None:
        table = _table(run_table) if run else None
        for start in range(0, len(run), 500):
            session.execute(table.delete().where(table.c.id.in_(run[start : start + 500])))
        run.clear()

    for entry in entries:
        if entry.field == WHOLE_ROW and entry.old_value is None:
            if entry.entity != run_table:
                delete_run()
                run_table = entry.entity
            run.append(entry.entity_id)
            continue
        delete_run()
        _revert(session, entry)
    delete_run()


def latest_batch(session: Session, *, plan_id: int | None = None) -> int | None:
    """The latest batch not yet undone (of one plan, when given); None when there is none."""
    query = select(func.max(ChangeLog.batch)).where(ChangeLog.undone == False)  # noqa: E712
    if plan_id is not None:
        query = query.where(ChangeLog.plan_id == plan_id)
    return session.execute(query).scalar()


def undo_last(session: Session, *, plan_id: int | None = None) -> UndoResult | None:
    """Revert the latest batch not yet undone (of one plan, when given). None: nothing to undo."""
    batch = latest_batch(session, plan_id=plan_id)
    if batch is None:
        return None
    log = ChangeLog.__table__
    entries = session.execute(
        select(log.c.entity, log.c.entity_id, log.c.field, log.c.old_value)
        .where(log.c.batch == batch)
        .order_by(log.c.id.desc())
    ).all()
    session.flush()
    with session.no_autoflush:
        _revert_all(session, entries)
    session.execute(log.update().where(log.c.batch == batch).values(undone=True))
    session.expire_all()
    first = entries[-1]
    return UndoResult(batch=batch, entity=first.entity, entity_id=first.entity_id, changes=len(entries))


def redo_batch(session: Session, *, plan_id: int | None = None) -> int | None:
    """The batch a redo would make again: the latest undo still standing (undone batches after the
    latest batch in force; the lowest of them was undone last). None: nothing to redo, also after
    any new change since the undo."""
    log = ChangeLog.__table__
    in_force = select(func.max(log.c.batch)).where(log.c.undone == False)  # noqa: E712
    undone = select(func.min(log.c.batch)).where(log.c.undone == True)  # noqa: E712
    if plan_id is not None:
        in_force = in_force.where(log.c.plan_id == plan_id)
        undone = undone.where(log.c.plan_id == plan_id)
    latest = session.execute(in_force).scalar()
    if latest is not None:
        undone = undone.where(log.c.batch > latest)
    return session.execute(undone).scalar()


def _reapply(session: Session, entry: Any) -> None:
    table = _table(entry.entity)
    if entry.field == WHOLE_ROW and entry.old_value is None:  # an insert: put the row back
        raw = json.loads(entry.new_value)
        values = {k: _decode(table, k, v) for k, v in raw.items() if k in table.c}
        exists = session.execute(select(table.c.id).where(table.c.id == values["id"])).first()
        if exists is None:
            session.execute(table.insert().values(**values))
    elif entry.field == WHOLE_ROW:  # a delete: remove the rows again, children first
        for row in reversed(json.loads(entry.old_value)["rows"]):
            t = _table(row["table"])
            session.execute(t.delete().where(t.c.id == row["values"]["id"]))
    else:
        values = {entry.field: _decode(table, entry.field, json.loads(entry.new_value))}
        if "version" in table.c:
            values["version"] = table.c.version + 1
        session.execute(table.update().where(table.c.id == entry.entity_id).values(**values))


def redo_last(session: Session, *, plan_id: int | None = None) -> UndoResult | None:
    """Make the latest undone change again (of one plan, when given). None: nothing to redo."""
    batch = redo_batch(session, plan_id=plan_id)
    if batch is None:
        return None
    log = ChangeLog.__table__
    entries = session.execute(
        select(log.c.entity, log.c.entity_id, log.c.field, log.c.old_value, log.c.new_value)
        .where(log.c.batch == batch)
        .order_by(log.c.id)
    ).all()
    session.flush()
    with session.no_autoflush:
        for entry in entries:
            _reapply(session, entry)
    session.execute(log.update().where(log.c.batch == batch).values(undone=False))
    session.expire_all()
    first = entries[0]
    return UndoResult(batch=batch, entity=first.entity, entity_id=first.entity_id, changes=len(entries))
