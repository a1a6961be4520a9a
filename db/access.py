"""Who may do what: the roles of people who reach hrplan through ``hrplan serve``, enforced on every write.

The terminal app and the command line run as a coordinator (everything allowed). The server starts the
app for a logged-in person with ``HRPLAN_ROLE`` (and ``HRPLAN_UNITS``) set; the app's ``Database`` then
carries that ``Principal`` into every session, and ``ChangeSet`` and ``undo_last`` ask this module before
they change anything. One place for the rules, so no screen can forget one:

- a coordinator may do everything;
- a manager sees the plans that hold one of their units (by unit name) and may set the status and the
  comment of their own units' activities in open rounds, nothing else;
- a viewer reads.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db.errors import AccessDeniedError

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlmodel import Session

COORDINATOR, MANAGER, VIEWER = "coordinator", "manager", "viewer"
ROLES = (COORDINATOR, MANAGER, VIEWER)

# What a manager may change in an entry of a round: the status, the comment, and the "gone through"
# mark that every status or comment change sets.
MANAGER_ENTRY_FIELDS = frozenset({"status", "comment", "reviewed"})
ENTRY_TABLE = "followup_entry"

ENV_USER, ENV_ROLE, ENV_UNITS = "HRPLAN_USER", "HRPLAN_ROLE", "HRPLAN_UNITS"


@dataclass(frozen=True, slots=True)
class Principal:
    """The person an app or a command acts for."""

    name: str | None = None  # None: whoever runs the terminal app or the command
    role: str = COORDINATOR
    units: frozenset[str] = frozenset()  # a manager's units, by name

    @property
    def is_coordinator(self) -> bool:
        return self.role == COORDINATOR

    @property
    def is_manager(self) -> bool:
        return self.role == MANAGER

    def environment(self) -> dict[str, str]:
        """The variables that hand this principal to a spawned app (see ``from_environment``)."""
        return {
            ENV_USER: self.name or "",
            ENV_ROLE: self.role,
            ENV_UNITS: json.dumps(sorted(self.units), ensure_ascii=False),
        }


TERMINAL = Principal()


def from_environment(environ: Mapping[str, str] | None = None) -> Principal:
    """The principal the server handed to this app; a coordinator when no role is set (the terminal).

    An unknown role reads as a viewer, never as more than what was meant.
    """
    environ = os.environ if environ is None else environ
    role = environ.get(ENV_ROLE, "").strip()
    if not role:
        return TERMINAL
    if role not in ROLES:
        role = VIEWER
    try:
        units = json.loads(environ.get(ENV_UNITS, "[]") or "[]")
    except ValueError:
        units = []
    names = frozenset(u for u in units if isinstance(u, str)) if isinstance(units, list) else frozenset()
    return Principal(name=environ.get(ENV_USER) or None, role=role, units=names)


def principal_of(session: Session) -> Principal:
    """The principal a session was opened for (``Database.read()`` / ``write()`` put it there).

    A plain sqlite3 connection (the terminal's start screen) carries none: the terminal's coordinator.
    """
    info = getattr(session, "info", None)
    return info.get("principal", TERMINAL) if isinstance(info, dict) else TERMINAL


# ---- writes ------------------------------------------------------------------------------------


def _refuse(reason: str, **params: Any) -> AccessDeniedError:
    return AccessDeniedError(reason=reason, **params)


def check_write(
    session: Session, table: Table, op: str, row: Mapping[str, Any], fields: Iterable[str] = ()
) -> None:
    """Raise ``AccessDeniedError`` unless the session's principal may make this change.

    ``op`` is ``insert``, ``update`` or ``delete``; ``row`` the row's values (before the change);
    ``fields`` the fields an update changes.
    """
    principal = principal_of(session)
    if principal.is_coordinator:
        return
    if not principal.is_manager:
        raise _refuse("access.reason_viewer")
    if table.name != ENTRY_TABLE or op == "delete":
        raise _refuse("access.reason_manager_entries")
    if op == "update" and not set(fields) <= MANAGER_ENTRY_FIELDS:
        raise _refuse("access.reason_manager_entries")
    _check_own_entry(session, principal, row)


def _check_own_entry(session: Session, principal: Principal, row: Mapping[str, Any]) -> None:
    from sqlalchemy import text

    found = session.execute(
        text(
            "SELECT u.name, r.closed FROM followup_round r JOIN activity a ON a.id = :activity "
            "LEFT JOIN unit u ON u.id = a.unit_id WHERE r.id = :round AND a.plan_id = r.plan_id"
        ),
        {"activity": row.get("activity_id"), "round": row.get("round_id")},
    ).first()
    if found is None:
        raise _refuse("access.reason_manager_entries")
    unit, closed = found
    if unit is None or unit not in principal.units:
        from i18n import t

        raise _refuse("access.reason_not_your_unit", unit=unit or t("whole_plan"))
    if closed:
        raise _refuse("access.reason_round_closed")


def check_bulk_insert(session: Session, table: Table) -> None:
    """Many rows at once (a round started, a plan imported or copied): a coordinator's work."""
    principal = principal_of(session)
    if principal.is_coordinator:
        return
    raise _refuse("access.reason_viewer" if not principal.is_manager else "access.reason_manager_entries")


def check_coordinator(session: Session) -> None:
    """For changes outside the plans (users and their roles)."""
    if not principal_of(session).is_coordinator:
        raise _refuse("access.reason_coordinator")


# ---- reads -------------------------------------------------------------------------------------


def visible_units(session: Session, units: Iterable[str] | None = None) -> frozenset[str] | None:
    """The unit names a read is limited to: None for all of them.

    A manager's reads of a round are limited to their units whatever the screen asks for.
    """
    principal = principal_of(session)
    asked = None if units is None else frozenset(units)
    if not principal.is_manager:
        return asked
    return principal.units if asked is None else principal.units & asked


def readable_plan_ids(session: Session) -> frozenset[int] | None:
    """The plans a manager may read (those holding one of their units); None: every plan."""
    principal = principal_of(session)
    if not principal.is_manager:
        return None
    from sqlalchemy import bindparam, text

    rows = session.execute(
        text("SELECT DISTINCT plan_id FROM unit WHERE name IN :names").bindparams(
            bindparam("names", expanding=True)
        ),
        {"names": sorted(principal.units) or [""]},
    )
    return frozenset(r[0] for r in rows)


def check_plan_readable(session: Session, plan_id: int) -> None:
    """A manager reads only the plans that hold one of their units; others read every plan."""
    principal = principal_of(session)
    if not principal.is_manager:
        return
    from sqlalchemy import bindparam, text

    held = session.execute(
        text("SELECT count(*) FROM unit WHERE plan_id = :plan AND name IN :names").bindparams(
            bindparam("names", expanding=True)
        ),
        {"plan": plan_id, "names": sorted(principal.units) or [""]},
    ).scalar()
    if not held:
        raise _refuse("access.reason_not_your_plan")
