"""From drafts to activities: splitting cells that list several activities, cleaning text, reading
the target date. Each rule that changes the shape of a row leaves a warning for the preview.

Decisions where a document is ambiguous:
- A cell listing several items (``<p>`` in a PDF copy, paragraphs in Word) gives one activity per
  item only when the *Aktivitet* cell and the *Måldatum* cell list the same number of items. Other
  cells are shared out item by item when they have that number too, else every activity gets the
  whole cell. Any other row stays one activity with its items as lines.
- In an "Område | Aktivitet" table a cell with a numbered list ("1. … 2. …") gives one activity
  per number, keeping the number.
"""

from __future__ import annotations

from importers.columns import (
    COMMENT,
    DESCRIPTION,
    FOLLOW_UP,
    GOAL,
    NUMBER,
    RESOURCES,
    RESPONSIBLE,
    STATUS,
    TARGET,
)
from importers.drafts import Draft
from importers.errors import ImportFileError
from importers.model import ImportedActivity, ImportWarning, SourceRef
from models.dates import read_target
from models.limits import NAME_MAX, SHORT_MAX, TEXT_MAX
from models.validation import Invalid, clean_text

TEXT_FIELDS = (GOAL, DESCRIPTION, RESOURCES, FOLLOW_UP, COMMENT)
ONE_LINE = {TARGET: SHORT_MAX, RESPONSIBLE: NAME_MAX}
SHARED = (GOAL, RESPONSIBLE, RESOURCES, FOLLOW_UP, STATUS, COMMENT)


def excerpt(text: str, width: int = 50) -> str:
    s = " ".join(text.split())
    return s if len(s) <= width else s[: width - 1].rstrip() + "…"


def column_label(name: str) -> str:
    from i18n import t

    return t({TARGET: "col.target", COMMENT: "col.follow_up", STATUS: "col.status"}.get(name, f"col.{name}"))


def _joined(name: str, items: list[str]) -> str:
    return (", " if name in ONE_LINE else "\n").join(i for i in items if i)


def split_draft(draft: Draft, warn: list[ImportWarning]) -> list[tuple[int | None, dict[str, str]]]:
    """One draft as (number, {field: text}) per activity it holds."""
    values = draft.values
    described = values.get(DESCRIPTION, [])
    if draft.numbered_list_shape and described:
        from importers.cells import numbered_items

        numbered = numbered_items("\n".join(described))
        if numbered:
            rest = {k: _joined(k, v) for k, v in values.items() if k != DESCRIPTION}
            return [(n, {**rest, DESCRIPTION: text}) for n, text in numbered]
    targets = values.get(TARGET, [])
    count = len(described)
    if count >= 2 and len(targets) == count and len(values.get(GOAL, [])) in (0, 1, count):
        uneven = [column_label(k) for k in SHARED if len(values.get(k, [])) not in (0, 1, count)]
        if uneven:
            warn.append(ImportWarning("import.warn.shared_cells", draft.where,
                                      (("count", str(count)), ("columns", ", ".join(uneven)))))  # fmt: skip
        else:
            warn.append(ImportWarning("import.warn.split_cell", draft.where, (("count", str(count)),)))
        rows = []
        for i in range(count):
            row = {}
            for name, items in values.items():
                row[name] = items[i] if len(items) == count else _joined(name, items)
            rows.append((None, row))
        return rows
    return [(None, {k: _joined(k, v) for k, v in values.items()})]


def _clean(text: str, limit: int, where: SourceRef, *, multiline: bool) -> str:
    try:
        return clean_text(text, limit=limit, multiline=multiline)
    except Invalid as exc:
        raise ImportFileError(f"import.error.{exc.key.split('.')[-1]}", where=where.describe(),
                              **{k: str(v) for k, v in exc.params.items()}) from None  # fmt: skip


def make_activity(
    number: int | None, row: dict[str, str], draft: Draft, area: str, warn: list[ImportWarning]
) -> ImportedActivity | None:
    where = draft.where
    values = {name: _clean(row.get(name, ""), TEXT_MAX, where, multiline=True) for name in TEXT_FIELDS}
    for name, limit in ONE_LINE.items():
        text = _clean(row.get(name, ""), TEXT_MAX, where, multiline=False)
        if len(text) > limit:
            # Too long for its column: the whole text goes to the follow-up, nothing is lost.
            warn.append(ImportWarning("import.warn.moved_long_text", where, (("text", excerpt(text)),)))
            values[FOLLOW_UP] = "\n".join(x for x in (values[FOLLOW_UP], text) if x)
            text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
        values[name] = text
    status, comment = _follow_up_entry(row, values, draft, warn)
    if len(values[FOLLOW_UP]) > TEXT_MAX:
        raise ImportFileError("import.error.too_long", where=where.describe(), limit=str(TEXT_MAX))
    if not values[GOAL] and not values[DESCRIPTION]:
        shown = next((v for v in values.values() if v), "")
        warn.append(ImportWarning("import.warn.no_goal_or_activity", where, (("text", excerpt(shown)),)))
        return None
    reading = read_target(values[TARGET])
    if number is None:
        number = _number(row.get(NUMBER, ""))
    return ImportedActivity(
        area=area, unit=draft.unit, number=number, goal=values[GOAL], description=values[DESCRIPTION],
        target_text=values[TARGET], target_date=reading.due_date, ongoing=reading.ongoing,
        responsible=values[RESPONSIBLE], resources=values[RESOURCES], follow_up=values[FOLLOW_UP],
        where=where, sources=(where, *draft.joined_rows), status=status, comment=comment,
    )  # fmt: skip


def _number(text: str) -> int | None:
    """The activity's number from a *Nr* column: "3", "3.", "A3" is no number."""
    s = text.strip().rstrip(".)")
    return int(s) if s.isdigit() and len(s) <= 6 else None


def _follow_up_entry(
    row: dict[str, str], values: dict[str, str], draft: Draft, warn: list[ImportWarning]
) -> tuple[str | None, str]:
    """The status and comment of the first round, from a status column and its comment column.
    Without a status column the comment is the activity's follow-up text, as in the template."""
    from importers.statuses import status_code

    comment = values.pop(COMMENT)
    if not draft.with_status and STATUS not in row:
        values[FOLLOW_UP] = "\n".join(x for x in (values[FOLLOW_UP], comment) if x)
        return None, ""
    text = _clean(row.get(STATUS, ""), TEXT_MAX, draft.where, multiline=False)
    status = status_code(text) if text else None
    if text and status is None:
        warn.append(ImportWarning("import.warn.status_unknown", draft.where, (("text", excerpt(text)),)))
        comment = "\n".join(x for x in (text, comment) if x)
    if len(comment) > TEXT_MAX:
        comment = comment[: TEXT_MAX - 1] + "…"
    return status, comment


def number_activities(activities: list[ImportedActivity]) -> list[ImportedActivity]:
    """Numbers as the document writes them; the others numbered on in document order."""
    from dataclasses import replace

    next_number = max((a.number for a in activities if a.number is not None), default=0)
    numbered = []
    for activity in activities:
        if activity.number is None:
            next_number += 1
            activity = replace(activity, number=next_number)
        numbered.append(activity)
    return numbered
