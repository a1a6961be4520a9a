"""Errors a user can cause, each with a message key and parameters for the message catalog.

The command line prints them as one line; the app shows them as a notice. Neither shows a traceback.
"""

from __future__ import annotations

import re

# C0 and C1 control characters, the bidirectional overrides that can disguise what is shown, and
# lone surrogates (undecodable bytes of a command line), which cannot even be printed.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
PARAM_MAX = 300


def printable(value: object) -> object:
    """A message parameter safe to print on a terminal: controls escaped, at most ``PARAM_MAX`` long.

    A name typed on the command line may hold escape sequences or a megabyte of text; echoing it back
    raw could rewrite the terminal or flood it.
    """
    if not isinstance(value, str):
        return value
    text = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
    return text if len(text) <= PARAM_MAX else text[: PARAM_MAX - 1] + "…"


class HrplanError(Exception):
    """Base of every error a user can meet. ``key`` names a message in the catalog."""

    key = "error.generic"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = {name: printable(value) for name, value in params.items()}
        # Only the key: user data (names, titles, paths) never ends up in a traceback or a log.
        super().__init__(self.key)

    def message(self, lang: str | None = None) -> str:
        """The message in the language; a count given as ``n`` chooses its plural form."""
        from i18n import t, tn

        if isinstance(self.params.get("n"), int):
            params = {k: v for k, v in self.params.items() if k != "n"}
            return tn(self.key, self.params["n"], lang=lang, **params)
        return t(self.key, lang=lang, **self.params)


class NotADatabaseError(HrplanError):
    key = "error.not_a_database"


class NewerDatabaseError(HrplanError):
    key = "error.newer_database"


class DatabaseLockedError(HrplanError):
    key = "error.database_locked"


class DatabaseUnavailableError(HrplanError):
    key = "error.database_unavailable"


class ServerSchemaError(HrplanError):
    """The server's tables are not as hrplan's migrations made them (changed by hand, say)."""

    key = "error.server_schema"


class ServerError(HrplanError):
    """An error the database server reported that hrplan has no message of its own for."""

    key = "error.server_failed"


class NotFoundError(HrplanError):
    key = "error.not_found"


class AmbiguousError(HrplanError):
    key = "error.ambiguous_plan"


class InvalidInputError(HrplanError):
    """``field`` and ``reason`` may be message keys (``col.goal``, ``invalid.too_long``); they are
    translated when the message is shown, with the other parameters (``limit=200``)."""

    key = "error.invalid_input"

    def message(self, lang: str | None = None) -> str:
        from i18n import load_catalog, t

        catalog = load_catalog()
        params = dict(self.params)
        for name in ("field", "reason"):
            value = params.get(name)
            if isinstance(value, str) and value in catalog:
                params[name] = t(value, lang=lang, **self.params)
        return t(self.key, lang=lang, **params)


class ConflictError(HrplanError):
    """Somebody else changed the row since it was read; the caller should reload and show it.

    ``current`` holds the row as it is now (column: value), when the raiser had it.
    """

    key = "error.conflict"
    current: dict[str, object] | None = None


# What a table's row is called in messages ("Somebody else changed the activity meanwhile").
WHAT_KEYS = {
    "plan": "what.plan",
    "activity": "what.activity",
    "unit": "what.unit",
    "area": "what.area",
    "followup_round": "what.round",
    "followup_entry": "what.entry",
    "section": "what.section",
}


def what_of(table_name: str) -> str:
    from i18n import t

    key = WHAT_KEYS.get(table_name)
    return t(key) if key else table_name


class CorruptDatabaseError(HrplanError):
    """The file is an SQLite database, but its pages are damaged."""

    key = "error.corrupt_database"


class DiskFullError(HrplanError):
    key = "error.disk_full"


class ReadOnlyError(HrplanError):
    """The file or its folder cannot be written (SQLite needs the folder for its WAL files)."""

    key = "error.read_only"


class InvalidPathError(HrplanError):
    key = "error.invalid_path"


class BackupError(HrplanError):
    """A backup or restore that cannot be done; the key says why."""

    key = "error.backup_failed"


class RoundClosedError(HrplanError):
    """A change to a closed follow-up round, which is read-only until reopened."""

    key = "error.round_closed"


class NoOpenRoundError(HrplanError):
    key = "error.no_open_round"


class AccessDeniedError(HrplanError):
    """A change (or a read) the person's role does not allow; ``reason`` is a message key saying why."""

    key = "error.access_denied"

    def message(self, lang: str | None = None) -> str:
        from i18n import t

        reason = t(str(self.params.get("reason", "access.reason_viewer")), lang=lang, **self.params)
        return t(self.key, lang=lang, reason=reason)


class BadStatusError(HrplanError):
    """A status that is not one of the codes; the message lists the valid ones."""

    key = "error.bad_status"


class StrayWalError(HrplanError):
    """A ``-wal`` file beside the database that belongs to another database and makes it unreadable."""

    key = "error.stray_wal"


class OwnFileError(HrplanError):
    """A file about to be written is hrplan's own: the database, its -wal and -shm files, its backups."""

    key = "error.own_file"


class LineError(HrplanError):
    """A mistake on one line of a file of many (``hrplan tick --from``): the line, then what is wrong."""

    key = "error.at_line"

    def __init__(self, line: int, error: HrplanError) -> None:
        super().__init__(line=line, message=error.message())
