"""Follow-up status codes.

The codes are the stable vocabulary used in the database, in JSON and on the command line; labels
in Swedish and English live in the message catalog under ``status.<code>``.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
    CANCELLED = "cancelled"


STATUS_CODES: tuple[str, ...] = tuple(s.value for s in Status)

# Order used by the 1-5 keys of the checklist and by every status listing.
STATUS_ORDER: tuple[Status, ...] = (
    Status.NOT_STARTED,
    Status.IN_PROGRESS,
    Status.DONE,
    Status.DELAYED,
    Status.CANCELLED,
)


def parse_status(value: str) -> Status:
    """Return the status for a code, raising ``ValueError`` with the valid codes listed."""
    try:
        return Status(value.strip().lower())
    except ValueError:
        raise ValueError(f"{value!r} is not one of {', '.join(STATUS_CODES)}") from None
