"""Finding a plan by what a user types (an id, or a title only one plan has), without the ORM.

``hrplan tick`` and the other commands name a plan this way; reading it with one plain statement
keeps the plan model (and every table it pulls in) out of a command that does not need it.
"""

from __future__ import annotations

from typing import Any

from db.errors import AmbiguousError, NotFoundError
from db.queries.plain import fetch_all


def resolve_plan_id(ref: str | int, *, session: Any) -> int:
    """A plan's id from its id or from a title that only one plan has (case-insensitive)."""
    text = str(ref).strip()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes from the command line: no title has them
        raise _missing(text) from None
    if text.isascii() and text.isdigit() and len(text) <= 18:  # an id SQLite can hold
        if fetch_all(session, "SELECT id FROM plan WHERE id = ?", (int(text),)):
            return int(text)
    matches = [row[0] for row in fetch_all(session, "SELECT id FROM plan WHERE lower(title) = ? ORDER BY id",
                                           (text.lower(),))]  # fmt: skip
    if not matches:
        raise _missing(text)
    if len(matches) > 1:
        raise AmbiguousError(name=text, ids=", ".join(str(plan_id) for plan_id in matches))
    return matches[0]


def _missing(text: str) -> NotFoundError:
    from i18n import t

    return NotFoundError(what=t("what.plan"), name=text)
