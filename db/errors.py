"""Errors a user can cause, each with a message key and parameters for the message catalog.

The command line prints them as one line; the app shows them as a notice. Neither shows a traceback.
"""

from __future__ import annotations


class HrplanError(Exception):
    """Base of every error a user can meet. ``key`` names a message in the catalog."""

    key = "error.generic"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(f"{self.key} {params}")

    def message(self) -> str:
        from i18n import t

        return t(self.key, **self.params)


class NotADatabaseError(HrplanError):
    key = "error.not_a_database"


class NewerDatabaseError(HrplanError):
    key = "error.newer_database"


class DatabaseLockedError(HrplanError):
    key = "error.database_locked"


class DatabaseUnavailableError(HrplanError):
    key = "error.database_unavailable"


class NotFoundError(HrplanError):
    key = "error.not_found"


class AmbiguousError(HrplanError):
    key = "error.ambiguous_plan"


class InvalidInputError(HrplanError):
    key = "error.invalid_input"


class ConflictError(HrplanError):
    """Somebody else changed the row since it was read; the caller should reload and show it."""

    key = "error.conflict"


class RoundClosedError(HrplanError):
    """A change to a closed follow-up round, which is read-only until reopened."""

    key = "error.round_closed"


class NoOpenRoundError(HrplanError):
    key = "error.no_open_round"


class BadStatusError(HrplanError):
    """A status that is not one of the codes; the message lists the valid ones."""

    key = "error.bad_status"
