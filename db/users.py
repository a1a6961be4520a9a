"""The people who may log in to ``hrplan serve``: adding, listing, changing passwords, removing, logging in.

Each change is one transaction. User rows stay out of the change log (see ``models.user``); only a
coordinator (the command line) may change them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlmodel import Session

from db.access import MANAGER, ROLES, Principal, check_coordinator
from db.errors import InvalidInputError, NotFoundError
from models.limits import NAME_MAX
from models.user import USER_NAME_MAX, User, UserUnit
from models.validation import Invalid, clean_text

# Letters (any alphabet), digits and . _ - @: a name that is safe in an environment variable and a log.
NAME_PATTERN = re.compile(r"^[\w.@-]+$")


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A user as stored. Two are equal only when nothing of the account changed: ``id`` tells a user
    removed and added again from the old one, ``version`` grows with every new password."""

    name: str
    role: str
    units: tuple[str, ...]
    id: int = 0
    version: int = 0

    @property
    def principal(self) -> Principal:
        return Principal(name=self.name, role=self.role, units=frozenset(self.units))


def check_user_name(name: str) -> str:
    cleaned = (name or "").strip()
    if not cleaned:
        raise InvalidInputError(field="field.user_name", reason="invalid.required")
    if len(cleaned) > USER_NAME_MAX:
        raise InvalidInputError(field="field.user_name", reason="invalid.too_long", limit=USER_NAME_MAX)
    if not NAME_PATTERN.match(cleaned):
        raise InvalidInputError(field="field.user_name", reason="invalid.user_name_chars")
    return cleaned


def _check_password(password: str) -> str:
    from models.passwords import check_new_password

    try:
        return check_new_password(password)
    except Invalid as exc:
        raise InvalidInputError(field="field.password", reason=exc.key, **exc.params) from None


def _check_role(role: str, units: list[str]) -> None:
    if role not in ROLES:
        raise InvalidInputError(field="field.role", reason="invalid.role", roles=", ".join(ROLES))
    if role == MANAGER and not units:
        raise InvalidInputError(field="field.units", reason="invalid.manager_needs_unit")
    if role != MANAGER and units:
        raise InvalidInputError(field="field.units", reason="invalid.units_only_manager")


def _check_units(units: list[str], *, session: Session) -> list[str]:
    """The names cleaned, each held by at least one plan (a typo would give a manager nothing)."""
    from models.unit import Unit

    cleaned = []
    for name in units:
        try:
            value = clean_text(name, limit=NAME_MAX, required=True, multiline=False)
        except Invalid as exc:
            raise InvalidInputError(field="field.units", reason=exc.key, **exc.params) from None
        if value not in cleaned:
            cleaned.append(value)
    known = set(session.execute(select(Unit.name).where(Unit.name.in_(cleaned))).scalars())
    for value in cleaned:
        if value not in known:
            raise InvalidInputError(field="field.units", reason="invalid.unknown_unit", unit=value)
    return cleaned


def _get(name: str, *, session: Session) -> User:
    user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
    if user is None:
        from i18n import t

        raise NotFoundError(what=t("what.user"), name=name)
    return user


def add_user(
    name: str, *, session: Session, role: str, password: str, units: list[str] | None = None
) -> UserInfo:
    """A new user; refuses a taken name, an unknown role or unit, a manager without units, a short password"""
    from models.passwords import hash_password

    check_coordinator(session)
    clean_name = check_user_name(name)
    units = list(units or [])
    _check_role(role, units)
    unit_names = _check_units(units, session=session)
    _check_password(password)
    taken = session.execute(select(func.count()).select_from(User).where(User.name == clean_name)).scalar()
    if taken:
        raise InvalidInputError(field="field.user_name", reason="invalid.user_taken", name=clean_name)
    user = User(name=clean_name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    session.add_all(UserUnit(user_id=user.id, unit_name=unit) for unit in unit_names)
    session.flush()
    return UserInfo(clean_name, role, tuple(unit_names), user.id, user.version)


def list_users(*, session: Session) -> list[UserInfo]:
    users = session.execute(select(User.id, User.name, User.role, User.version).order_by(User.name)).all()
    units: dict[int, list[str]] = {}
    for user_id, unit in session.execute(
        select(UserUnit.user_id, UserUnit.unit_name).order_by(UserUnit.unit_name)
    ):
        units.setdefault(user_id, []).append(unit)
    return [UserInfo(name, role, tuple(units.get(user_id, ())), user_id, version)
            for user_id, name, role, version in users]  # fmt: skip


def get_user(name: str, *, session: Session) -> UserInfo | None:
    user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
    if user is None:
        return None
    units = session.execute(
        select(UserUnit.unit_name).where(UserUnit.user_id == user.id).order_by(UserUnit.unit_name)
    ).scalars()
    return UserInfo(user.name, user.role, tuple(units), user.id, user.version)


def set_password(name: str, password: str, *, session: Session) -> None:
    from models.passwords import hash_password

    check_coordinator(session)
    user = _get(name, session=session)
    _check_password(password)
    user.password_hash = hash_password(password)
    user.version += 1
    session.add(user)
    session.flush()


def remove_user(name: str, *, session: Session) -> None:
    check_coordinator(session)
    user = _get(name, session=session)
    session.execute(delete(UserUnit).where(UserUnit.user_id == user.id))
    session.delete(user)
    session.flush()


def authenticate(name: str, password: str, *, session: Session) -> UserInfo | None:
    """The user when the password is theirs; None otherwise (an unknown name takes as long)."""
    from models.passwords import verify_password, waste_time_like_a_check

    user = session.execute(select(User).where(User.name == name.strip())).scalar_one_or_none()
    if user is None:
        waste_time_like_a_check(password)
        return None
    if not verify_password(password, user.password_hash):
        return None
    return get_user(user.name, session=session)

