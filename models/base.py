"""Shared pieces of the table models."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint


def now() -> datetime:
    """The current time, aware and in UTC, to the second. Screens show it in local time."""
    return datetime.now(UTC).replace(microsecond=0)


def max_len(column: str, limit: int) -> CheckConstraint:
    return CheckConstraint(f"length({column}) <= {limit}", name=f"ck_{column}_len")


def one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=f"ck_{column}_set")
