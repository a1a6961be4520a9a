"""The last check before a value reaches a table: the same rules as the table's CHECK constraints.

Every write goes through ``ChangeSet``, and ``ChangeSet`` calls ``check_values`` first, so text from
any door (an editor, the command line, an importer, a script) that the database would refuse, or
that would make a broken row (NUL bytes and other control characters, text that cannot be stored as
UTF-8), is refused with a message naming the field, before anything is written. The rules are read
from the table's own constraints, so they cannot drift apart.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import ValidationError
from sqlalchemy import CheckConstraint, Table

from db.errors import InvalidInputError
from models.validation import CONTROL_CHARS

_MAX_LEN = re.compile(r"^length\((\w+)\) <= (\d+)$")
_NON_EMPTY = re.compile(r"^length\(trim\((\w+)\)\) > 0$")
_ONE_OF = re.compile(r"^(\w+) IN \((.*)\)$")
# Message keys of the fields whose label is not simply ``col.<field>``.
FIELD_KEYS = {
    "target_text": "col.target",
    "name": "guard.name",
    "comment": "guard.comment",
    "manager": "guard.manager",
    "organisation": "guard.organisation",
    "notes": "guard.notes",
    "period": "col.period",
}


@cache
def _rules(table: Table) -> tuple[dict[str, int], frozenset[str], dict[str, tuple[str, ...]]]:
    limits: dict[str, int] = {}
    required: set[str] = set()
    choices: dict[str, tuple[str, ...]] = {}
    for constraint in table.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        text = str(constraint.sqltext).strip()
        if match := _MAX_LEN.match(text):
            limits[match[1]] = int(match[2])
        elif match := _NON_EMPTY.match(text):
            required.add(match[1])
        elif match := _ONE_OF.match(text):
            choices[match[1]] = tuple(v.strip().strip("'") for v in match[2].split(","))
    return limits, frozenset(required), choices


def field_label(field: str) -> str:
    """The message key naming ``field``, or the field's own name when there is none."""
    from i18n import load_catalog

    key = FIELD_KEYS.get(field, f"col.{field}")
    return key if key in load_catalog() else field


def _refuse(field: str, reason_key: str, **params: object) -> InvalidInputError:
    return InvalidInputError(field=field_label(field), reason=reason_key, **params)


def check_values(table: Table, values: dict[str, Any]) -> None:
    """Raise ``InvalidInputError`` for the first value the table would refuse or store broken."""
    limits, required, choices = _rules(table)
    for field, value in values.items():
        if not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _refuse(field, "invalid.unencodable") from None
        if CONTROL_CHARS.search(value):
            raise _refuse(field, "invalid.control_chars")
        if field in limits and len(value) > limits[field]:
            raise _refuse(field, "invalid.too_long", limit=limits[field])
        if field in required and not value.strip():
            raise _refuse(field, "invalid.required")
        if field in choices and value not in choices[field]:
            raise _refuse(field, "invalid.choice", choices=", ".join(choices[field]))


def refusal_from(error: ValidationError) -> InvalidInputError:
    """Pydantic's refusal of a model as hrplan's: the first field, with a reason in both languages."""
    first = error.errors()[0]
    field = str(first["loc"][0]) if first.get("loc") else "?"
    kind = first.get("type", "")
    if kind == "string_too_short" or kind == "missing":
        return _refuse(field, "invalid.required")
    if kind == "string_too_long":
        return _refuse(field, "invalid.too_long", limit=first.get("ctx", {}).get("max_length", "?"))
    if kind in ("enum", "literal_error"):
        return _refuse(field, "invalid.choice", choices=first.get("ctx", {}).get("expected", ""))
    return _refuse(field, "invalid.value")


# Constraints over several columns, by name: the field to name and the reason.
_NAMED_CHECKS = {
    "ck_goal_or_description": ("goal", "invalid.goal_or_description"),
    "ck_period_order": ("period", "invalid.period_order"),
}


def _check_refusal(name: str) -> InvalidInputError:
    if name in _NAMED_CHECKS:
        field, key = _NAMED_CHECKS[name]
        return _refuse(field, key)
    if parts := re.match(r"ck_(\w+)_(len|set|nonempty)$", name):
        key = {"len": "invalid.value", "set": "invalid.value", "nonempty": "invalid.required"}[parts[2]]
        return _refuse(parts[1], key)
    return _refuse("?", "invalid.value")


def _unique_field(name: str) -> str:
    """``uq_area_plan_name`` → ``name``: the column a unique constraint is about is named last."""
    return name.rsplit("_", 1)[-1] if name else "?"


# SQLite's extended result codes and PostgreSQL's SQLSTATEs of constraint violations.
_SQLITE_KINDS = {
    "SQLITE_CONSTRAINT_CHECK": "check",
    "SQLITE_CONSTRAINT_UNIQUE": "unique",
    "SQLITE_CONSTRAINT_PRIMARYKEY": "unique",
    "SQLITE_CONSTRAINT_NOTNULL": "not_null",
}
_SQLSTATE_KINDS = {"23514": "check", "23505": "unique", "23502": "not_null"}


def refusal_from_integrity(error: Exception) -> InvalidInputError | None:
    """A refused constraint (CHECK, UNIQUE, NOT NULL) as a clear message; None if unknown.

    The kind is told by the driver's code: PostgreSQL's SQLSTATE (with the constraint or column in
    its diagnostics), SQLite's extended result code. SQLite names the constraint only in its
    message, so that name is read from there, to say which field.
    """
    orig = getattr(error, "orig", None) or error
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate is not None:
        kind = _SQLSTATE_KINDS.get(sqlstate)
        diag = getattr(orig, "diag", None)
        constraint = getattr(diag, "constraint_name", None) or ""
        column = getattr(diag, "column_name", None) or "?"
        if kind == "check":
            return _check_refusal(constraint)
        if kind == "unique":
            return _refuse(_unique_field(constraint), "invalid.duplicate")
        if kind == "not_null":
            return _refuse(column, "invalid.required")
        return None
    kind = _SQLITE_KINDS.get(getattr(orig, "sqlite_errorname", "") or "")
    if kind is None:
        return None
    named = re.search(r"constraint failed: ([\w.]+)", str(orig))
    name = named[1].split(".")[-1] if named else ""
    if kind == "check":
        return _check_refusal(name)
    if kind == "unique":
        return _refuse(name or "?", "invalid.duplicate")
    return _refuse(name or "?", "invalid.required")
