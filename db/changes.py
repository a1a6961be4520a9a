"""Changing rows with a record in the change log, and undoing the latest change.

Every write of the app and the command line goes through a ``ChangeSet``: it applies the change,
bumps the row's version (so that a second writer cannot overwrite it in silence) and logs what it
did. All changes of one ChangeSet share a batch, and ``undo_last`` reverts a whole batch.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, bindparam, func, insert, select, text
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, SQLModel

from db.access import check_bulk_insert, check_write
from db.errors import ConflictError, what_of
from db.guard import check_values
from models.base import now
from models.changelog import WHOLE_ROW, ChangeBatch, ChangeLog


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


def session_actor(session: Session) -> str:
    """Who this session's changes are by: set by ``Database.write()``; the OS user otherwise."""
    actor = session.info.get("actor")
    if actor is None:
        from db.engine import os_user

        actor = session.info["actor"] = os_user()
    return actor


def next_batch(session: Session, actor: str = "") -> int:
    """A new undo batch, numbered by the database (two writers at once never share one)."""
    table = ChangeBatch.__table__
    return session.execute(insert(table).values(actor=actor, at=now()).returning(table.c.id)).scalar_one()


def new_ids(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` into ``table`` in one statement; returns their ids, given by the database.

    On PostgreSQL the ids are drawn from the table's sequence first; on SQLite the rows are inserted
    under the write lock that ``database.write()`` holds, so their ids run up to the last one.
    """
    if not rows:
        return []
    if session.get_bind().dialect.name == "postgresql":
        ids = list(
            session.execute(
                text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
                {"t": f'"{table.name}"', "n": len(rows)},
            ).scalars()
        )
        session.execute(insert(table), [{**values, "id": i} for i, values in zip(ids, rows, strict=True)])
        return ids
    session.execute(insert(table), rows)
    last = session.execute(text("SELECT last_insert_rowid()")).scalar_one()
    return list(range(last - len(rows) + 1, last + 1))


class ChangeSet:
    """Changes that belong together: one editor save, one delete, one tick."""

    def __init__(self, session: Session, *, plan_id: int | None, defer_log: bool = False) -> None:
        """``defer_log``: the log entries are kept and written with one statement by ``write_log``,
        which the caller must call before the transaction ends (many changes at once: ``hrplan
        tick --from``); otherwise each change is logged as it is made."""
        self.session = session
        self.plan_id = plan_id
        self.actor = session_actor(session)
        self._batch: int | None = None
        self.count = 0
        self._deferred: list[dict[str, Any]] | None = [] if defer_log else None
        self._statements: dict[tuple[str, tuple[str, ...], bool], Any] = {}

    @property
    def batch(self) -> int:
        """The undo batch, taken from the database at the first change (a save that changes
        nothing takes none)."""
        if self._batch is None:
            self._batch = next_batch(self.session, self.actor)
        return self._batch

    def _log(self, entity: str, entity_id: int, field: str, old: str | None, new: str | None) -> None:
        values = {
            "batch": self.batch,
            "plan_id": self.plan_id if self.plan_id is not None or entity != "plan" else entity_id,
            "entity": entity,
            "entity_id": entity_id,
            "field": field,
            "old_value": old,
            "new_value": new,
            "actor": self.actor,
        }
        if self._deferred is not None:
            self._deferred.append({**values, "at": now(), "undone": False})
        else:
            self.session.add(ChangeLog(**values))
        self.count += 1

    def write_log(self) -> None:
        """Write the log entries kept by ``defer_log`` (one statement for all of them)."""
        if self._deferred:
            self.session.execute(insert(ChangeLog.__table__), self._deferred)
            self._deferred = []

    def insert(self, obj: SQLModel) -> SQLModel:
        table = type(obj).__table__
        values = {c.name: getattr(obj, c.name, None) for c in table.columns}
        check_write(self.session, table, "insert", values)
        check_values(table, values)
        self.session.add(obj)
        self.session.flush()
        self._log(table.name, obj.id, WHOLE_ROW, None, _dumps(row_snapshot(table, obj)))
        return obj

    def insert_all(self, objs: list[SQLModel]) -> list[SQLModel]:
        """Insert many rows with one flush (an import of a whole plan); each is logged as by ``insert``."""
        for table in {type(obj).__table__ for obj in objs}:
            check_bulk_insert(self.session, table)
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
        check_bulk_insert(self.session, table)
        columns = [c.name for c in table.columns]
        missing = set(columns) - {"id"} - set(rows[0])
        if missing:
            raise ValueError(f"insert_rows into {table.name} without {sorted(missing)}")
        for values in rows:
            check_values(table, values)
        # Ids given by the database (RETURNING would make SQLAlchemy send the rows to SQLite one by one).
        ids = new_ids(self.session, table, rows)
        with_ids = [{**values, "id": row_id} for row_id, values in zip(ids, rows, strict=True)]
        at = now()
        plan_id = self.plan_id if self.plan_id is not None or table.name != "plan" else None
        log = [
            {
                "batch": self.batch, "plan_id": plan_id if plan_id is not None else row_id,
                "entity": table.name, "entity_id": row_id, "field": WHOLE_ROW, "old_value": None,
                "new_value": json.dumps({c: values[c] for c in columns}, ensure_ascii=False, default=_encode),
                "at": at, "undone": False, "actor": self.actor,
            }  # fmt: skip
            for row_id, values in zip(ids, with_ids, strict=True)
        ]
        self.session.execute(insert(ChangeLog.__table__), log)
        self.count += len(rows)
        return ids

    def update(
        self, obj: SQLModel, values: dict[str, Any], *, expected_version: int | None = None
    ) -> dict[str, tuple[Any, Any]]:
        """Apply ``values``; returns the fields that really changed as ``{field: (old, new)}``.

        ``expected_version`` is only a safe compare-and-set when ``obj`` was read in this write
        session; ``db.edits.update_row`` does that for editors and scripts.
        """
        table = type(obj).__table__
        if expected_version is not None and getattr(obj, "version", None) != expected_version:
            error = ConflictError(what=what_of(table.name))
            error.current = row_snapshot(table, obj)
            raise error
        fields = [f for f, new in values.items() if getattr(obj, f) != new]
        if fields:
            check_write(self.session, table, "update", row_snapshot(table, obj), fields)
        check_values(table, values)
        changed: dict[str, tuple[Any, Any]] = {}
        for field, new in values.items():
            old = getattr(obj, field)
            if old != new:
                changed[field] = (old, new)
        if not changed:
            return changed
        stored = {field: new for field, (_, new) in changed.items()}
        versioned = "version" in table.c
        if versioned:
            # Compare-and-set in the statement itself: a writer that changed the row since it was
            # read (on a server, one that committed while this UPDATE waited) leaves no row to match.
            stored["version"] = (obj.version or 0) + 1
        if "updated_at" in table.c:
            stored["updated_at"] = now()
        params = {f"new_{field}": value for field, value in stored.items()}
        params["row_id"] = obj.id
        if versioned:
            params["row_version"] = obj.version
        if versioned and obj.version is None:  # (compared with IS NULL, as SQL needs)
            condition = (table.c.id == obj.id) & (table.c.version.is_(None))
            result = self.session.execute(table.update().where(condition).values(**stored))
        else:
            result = self.session.execute(self._update_statement(table, tuple(stored), versioned), params)
        if result.rowcount != 1:
            error = ConflictError(what=what_of(table.name))
            current = self.session.execute(select(table).where(table.c.id == obj.id)).first()
            error.current = row_snapshot(table, current) if current is not None else None
            raise error
        for field, value in stored.items():
            set_committed_value(obj, field, value)
        for field, (old, new) in changed.items():
            self._log(table.name, obj.id, field, _dumps(old), _dumps(new))
        return changed

    def _update_statement(self, table: Table, fields: tuple[str, ...], versioned: bool) -> Any:
        """The UPDATE of ``fields`` of one row by id (and version), with bound parameters: made
        once per table and set of fields, so that many changes (a thousand ticks) reuse it."""
        key = (table.name, fields, versioned)
        statement = self._statements.get(key)
        if statement is None:
            condition = table.c.id == bindparam("row_id")
            if versioned:
                condition = condition & (table.c.version == bindparam("row_version"))
            values = {field: bindparam(f"new_{field}", type_=table.c[field].type) for field in fields}
            statement = self._statements[key] = table.update().where(condition).values(values)
        return statement

    def delete(self, obj: SQLModel) -> list[dict[str, Any]]:
        """Delete the row and what cascades from it; the log keeps all of it for undo."""
        table = type(obj).__table__
        check_write(self.session, table, "delete", row_snapshot(table, obj))
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
        current = session.execute(select(table.c[entry.field]).where(table.c.id == entry.entity_id)).first()
        logged = json.loads(entry.new_value) if entry.new_value is not None else None
        if current is not None and entry.new_value is not None and _encode(current[0]) != logged:
            # Somebody changed it since (a colleague on a shared database): theirs is not undone.
            raise ConflictError(what=what_of(table.name))
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


def latest_batch(session: Session, *, plan_id: int | None = None, actor: str | None = None) -> int | None:
    """The latest batch not yet undone of ``actor`` (this session's by default; of one plan, when
    given); None when there is none. A colleague's changes are never undone by this one."""
    actor = session_actor(session) if actor is None else actor
    # Changes logged before actors were recorded (actor "") are anybody's.
    query = select(func.max(ChangeLog.batch)).where(
        ChangeLog.undone == False, ChangeLog.actor.in_((actor, ""))  # noqa: E712
    )
    if plan_id is not None:
        query = query.where(ChangeLog.plan_id == plan_id)
    return session.execute(query).scalar()


def _check_undo(session: Session, entries: list[Any]) -> None:
    """Undoing is changing: each reverted entry must be a change the principal could make."""
    from db.access import principal_of

    if principal_of(session).is_coordinator:
        return
    for entry in entries:
        table = _table(entry.entity)
        row = session.execute(select(table).where(table.c.id == entry.entity_id)).first()
        if entry.field == WHOLE_ROW or row is None:  # an insert or a delete taken back
            check_write(session, table, "delete", {})
        else:
            check_write(session, table, "update", row._mapping, [entry.field])


def undo_last(session: Session, *, plan_id: int | None = None) -> UndoResult | None:
    """Revert this actor's latest batch not yet undone (of one plan, when given). None: nothing."""
    batch = latest_batch(session, plan_id=plan_id)
    if batch is None:
        return None
    entries = _batch_entries(session, batch, newest_first=True)
    _check_undo(session, entries)
    return _apply_batch(session, batch, entries, lambda: _revert_all(session, entries), undone=True)


def _batch_entries(session: Session, batch: int, *, newest_first: bool) -> list[Any]:
    """A batch's logged changes: newest first to take them back, oldest first to make them again."""
    log = ChangeLog.__table__
    return session.execute(
        select(log.c.entity, log.c.entity_id, log.c.field, log.c.old_value, log.c.new_value)
        .where(log.c.batch == batch)
        .order_by(log.c.id.desc() if newest_first else log.c.id)
    ).all()


def _apply_batch(
    session: Session, batch: int, entries: list[Any], apply: Callable[[], None], *, undone: bool
) -> UndoResult:
    """Undo and redo alike: ``apply`` the entries with the session flushed first, then mark the
    batch undone or in force again, in the caller's transaction."""
    log = ChangeLog.__table__
    session.flush()
    with session.no_autoflush:
        apply()
    session.execute(log.update().where(log.c.batch == batch).values(undone=undone))
    session.expire_all()
    first = entries[-1] if undone else entries[0]  # the batch's oldest change names it
    return UndoResult(batch=batch, entity=first.entity, entity_id=first.entity_id, changes=len(entries))


def redo_batch(session: Session, *, plan_id: int | None = None) -> int | None:
    """The batch a redo would make again: the latest undo still standing (undone batches after the
    latest batch in force; the lowest of them was undone last). None: nothing to redo, also after
    any new change since the undo. Only this session's actor's own (as for undo)."""
    log = ChangeLog.__table__
    mine = log.c.actor.in_((session_actor(session), ""))
    in_force = select(func.max(log.c.batch)).where(log.c.undone == False, mine)  # noqa: E712
    undone = select(func.min(log.c.batch)).where(log.c.undone == True, mine)  # noqa: E712
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
        current = session.execute(select(table.c[entry.field]).where(table.c.id == entry.entity_id)).first()
        logged = json.loads(entry.old_value) if entry.old_value is not None else None
        if current is not None and entry.old_value is not None and _encode(current[0]) != logged:
            raise ConflictError(what=what_of(table.name))  # changed by somebody else since the undo
        values = {entry.field: _decode(table, entry.field, json.loads(entry.new_value))}
        if "version" in table.c:
            values["version"] = table.c.version + 1
        session.execute(table.update().where(table.c.id == entry.entity_id).values(**values))


def redo_last(session: Session, *, plan_id: int | None = None) -> UndoResult | None:
    """Make the latest undone change again (of one plan, when given). None: nothing to redo."""
    batch = redo_batch(session, plan_id=plan_id)
    if batch is None:
        return None
    entries = _batch_entries(session, batch, newest_first=False)

    def reapply_all() -> None:
        for entry in entries:
            _reapply(session, entry)

    return _apply_batch(session, batch, entries, reapply_all, undone=False)
