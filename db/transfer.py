"""Copying every plan from one hrplan database into another: a file into the shared server, and back.

Everything comes along: plans, units, areas, activities, key figures, rounds, entries and the change
log (with who made each change, when, and what was undone). Ids are given anew by the target, so
every reference is mapped to the new ids, also inside the change log's row snapshots; nothing else
changes. The target is written in one transaction: it gets all of it or nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select
from sqlmodel import Session, SQLModel

import models.tables  # noqa: F401  (every table known)
from db.changes import new_ids
from db.engine import Database
from db.errors import HrplanError
from models.changelog import WHOLE_ROW, ChangeBatch, ChangeLog
from models.plan import Plan

LOG_TABLES = ("change_log", "change_batch")


def data_tables() -> list[str]:
    """Every table of the plans, parents before children, so each reference points at a row
    already copied (a table added by a later migration comes along without a change here)."""
    return [t.name for t in SQLModel.metadata.sorted_tables if t.name not in LOG_TABLES]


class TransferError(HrplanError):
    key = "transfer.target_has_plans"


@dataclass(frozen=True, slots=True)
class TransferResult:
    plans: int
    rounds: int
    changes: int


def _references(table: Table) -> dict[str, str]:
    """Column → the table it refers to."""
    return {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}


class IdMap:
    def __init__(self) -> None:
        self.ids: dict[str, dict[int, int]] = {name: {} for name in data_tables()}

    def get(self, table: str, old: Any) -> Any:
        """The new id of ``old`` in ``table``; ``old`` itself when it is not a copied row."""
        return self.ids.get(table, {}).get(old, old) if isinstance(old, int) else old

    def row(self, table: Table, values: dict[str, Any]) -> dict[str, Any]:
        """A row's values with its id and every reference mapped."""
        mapped = dict(values)
        if "id" in mapped:
            mapped["id"] = self.get(table.name, mapped["id"])
        for column, target in _references(table).items():
            if column in mapped:
                mapped[column] = self.get(target, mapped[column])
        return mapped


def _copy_rows(src: Session, dst: Session, ids: IdMap) -> None:
    for name in data_tables():
        table = SQLModel.metadata.tables[name]
        rows = [dict(r) for r in src.execute(select(table).order_by(table.c.id)).mappings()]
        if not rows:
            continue
        olds = [r.pop("id") for r in rows]
        refs = _references(table)
        for r in rows:
            for column, target in refs.items():
                r[column] = ids.get(target, r[column])
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            new = new_ids(dst, table, chunk)
            ids.ids[name].update(zip(olds[start : start + 5000], new, strict=True))


def _snapshot(entity: str, field: str, text: str | None, ids: IdMap) -> str | None:
    """A change log value (JSON) with the ids it holds mapped to the target's."""
    if text is None:
        return None
    tables = SQLModel.metadata.tables
    value = json.loads(text)
    if field == WHOLE_ROW and isinstance(value, dict) and "rows" in value:  # a delete
        for row in value["rows"]:
            if row.get("table") in tables:
                row["values"] = ids.row(tables[row["table"]], row["values"])
    elif field == WHOLE_ROW and isinstance(value, dict) and entity in tables:  # an insert
        value = ids.row(tables[entity], value)
    elif entity in tables and field in _references(tables[entity]):  # a moved activity: unit_id, area_id
        value = ids.get(_references(tables[entity])[field], value)
    else:
        return text
    return json.dumps(value, ensure_ascii=False)


def _copy_log(src: Session, dst: Session, ids: IdMap) -> int:
    log = ChangeLog.__table__
    batch_table = ChangeBatch.__table__
    batches = {r.id: r for r in src.execute(select(batch_table))}
    entries = [dict(r) for r in src.execute(select(log).order_by(log.c.id)).mappings()]
    old_batches = sorted({e["batch"] for e in entries})
    fresh: list[dict[str, Any]] = []
    for old in old_batches:
        known = batches.get(old)
        at = known.at if known is not None else min(e["at"] for e in entries if e["batch"] == old)
        fresh.append({"actor": known.actor if known is not None else "", "at": at})
    batch_ids = dict(zip(old_batches, new_ids(dst, batch_table, fresh), strict=True))
    rows = []
    for e in entries:
        plan_id = e["plan_id"]
        rows.append({
            "batch": batch_ids[e["batch"]],
            # A plan that is gone (deleted) has no id in the target: its entries keep no plan.
            "plan_id": ids.ids["plan"].get(plan_id) if plan_id is not None else None,
            "entity": e["entity"], "entity_id": ids.get(e["entity"], e["entity_id"]), "field": e["field"],
            "old_value": _snapshot(e["entity"], e["field"], e["old_value"], ids),
            "new_value": _snapshot(e["entity"], e["field"], e["new_value"], ids),
            "at": e["at"], "undone": e["undone"], "actor": e["actor"],
        })  # fmt: skip
    for start in range(0, len(rows), 5000):
        new_ids(dst, log, rows[start : start + 5000])
    return len(rows)


def transfer(source: Database, target: Database, *, force: bool = False) -> TransferResult:
    """Copy every plan and its history from ``source`` into ``target`` (both at head), in one
    transaction of the target. A target that holds plans already is refused unless ``force``."""
    with source.read() as src, target.write() as dst:
        if src.get_bind().dialect.name == "postgresql":  # one consistent view of the source
            src.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        existing = dst.execute(select(func.count()).select_from(Plan)).scalar_one()
        if existing and not force:
            raise TransferError(target=target.label, count=existing)
        ids = IdMap()
        _copy_rows(src, dst, ids)
        changes = _copy_log(src, dst, ids)
    return TransferResult(
        plans=len(ids.ids["plan"]), rounds=len(ids.ids["followup_round"]), changes=changes
    )
