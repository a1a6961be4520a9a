"""The follow-up meeting as plain Python: what is stored, what is shown and what is still being
written, per activity of a round.

No Textual and no database: the checklist screen maps a key to a method here, hands the ``Write`` it
returns to its writing thread, and tells the model how the write ended (``confirmed`` / ``failed``);
a read of the round (opening, a change elsewhere, an undo) arrives as ``reloaded``. Every method
says which activities look different afterwards, so the screen redraws only those lines.

What is shown is what is stored with the writes still in flight laid over it, in the order they
were made: a failed write drops out and the row shows what is stored again; a reload never takes
back a key press that is not stored yet, and a reload read before a write was stored never hides it
(entries carry their version in the database).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter
from typing import NamedTuple

from models.activity_filter import WHOLE_PLAN, ActivityFilter, Group, grouped
from models.status import STATUS_ORDER, Status

__all__ = ["WHOLE_PLAN", "Entry", "Item", "Meeting", "Tally", "UnitTally", "Write", "toggle_done"]


# Entry and Item are named tuples, not dataclasses: a round of 50,000 activities makes 100,000 of
# them while it opens, and a tuple of plain values is made several times faster than a frozen
# dataclass and is left alone by the garbage collector. Both are immutable all the same.


class Entry(NamedTuple):
    """An activity's entry in the round: status, comment, gone through. ``version`` is the row's
    version in the database (0: no row yet)."""

    status: str
    comment: str = ""
    reviewed: bool = False
    version: int = 0


class Item(NamedTuple):
    """An activity as the meeting reads it (what does not change during the meeting)."""

    activity_id: int
    number: int | None
    unit: int  # unit key: the unit's id or WHOLE_PLAN
    unit_name: str | None  # None: the plan as a whole
    area: str
    goal: str
    description: str
    target_text: str
    target_date: date | None
    ongoing: bool
    responsible: str
    resources: str = ""
    previous_status: str | None = None  # None: no round before, or no entry in it
    previous_comment: str = ""

    @property
    def title(self) -> str:
        """How the activity is named in the list: what it does, else what it aims for (several
        activities often share one goal; the goal is in the detail pane)."""
        return self.description.strip() or self.goal.strip()

    def search_text(self) -> str:
        """What a search looks through (besides this round's comment): every text, case-folded."""
        return "\n".join((self.goal, self.description, self.responsible, self.target_text, self.resources,
                          self.previous_comment, self.unit_name or "", self.area)).casefold()  # fmt: skip


@dataclass(frozen=True, slots=True)
class Write:
    """One change to store: the status and/or the comment of one activity.

    ``expected_comment``: for a comment, the stored comment the edit started from; the store refuses
    the write when another instance changed the comment meanwhile (statuses are last writer wins).
    """

    activity_id: int
    status: str | None = None
    comment: str | None = None
    expected_comment: str | None = None


# ---- the tally ---------------------------------------------------------------------------------


@dataclass(slots=True)
class UnitTally:
    counts: Counter = field(default_factory=Counter)
    reviewed: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def not_reviewed(self) -> int:
        return self.total - self.reviewed

    @property
    def share_done(self) -> float:
        """Done of those not cancelled, like ``models.progress``."""
        countable = self.total - self.counts[Status.CANCELLED.value]
        return self.counts[Status.DONE.value] / countable if countable else 0.0

    @property
    def share_reviewed(self) -> float:
        return self.reviewed / self.total if self.total else 0.0


class Tally:
    """Counts per status and gone-through entries, per unit and overall, changed one entry at a time."""

    def __init__(self) -> None:
        self.overall = UnitTally()
        self.units: dict[int, UnitTally] = {}

    def add(self, unit: int, status: str, reviewed: bool, sign: int = 1) -> None:
        for tally in (self.overall, self.units.setdefault(unit, UnitTally())):
            tally.counts[str(status)] += sign
            tally.reviewed += sign if reviewed else 0

    @classmethod
    def counted(cls, counts: Iterable[tuple[tuple[int, str, bool], int]]) -> Tally:
        """A tally from ``((unit, status, reviewed), number)`` pairs: opening a round of 5,000
        entries adds a few dozen groups instead of every entry one by one."""
        tally = cls()
        for (unit, status, reviewed), n in counts:
            for part in (tally.overall, tally.units.setdefault(unit, UnitTally())):
                part.counts[str(status)] += n
                part.reviewed += n if reviewed else 0
        return tally

    def change(self, unit: int, old: tuple[str, bool], new: tuple[str, bool]) -> None:
        if old != new:
            self.add(unit, *old, sign=-1)
            self.add(unit, *new)

    def status_counts(self) -> list[tuple[str, int]]:
        return [(s.value, self.overall.counts[s.value]) for s in STATUS_ORDER]


def toggle_done(current: str, remembered: str | None, previous_round: str | None) -> str:
    """Space: to Klar, and from Klar back to the status before.

    The status before is the one remembered from this meeting; when the row was already done when
    the checklist opened, the previous round's status, unless that was done too: then in progress.
    """
    if current != Status.DONE.value:
        return Status.DONE.value
    for candidate in (remembered, previous_round):
        if candidate and candidate != Status.DONE.value:
            return candidate
    return Status.IN_PROGRESS.value


# ---- the meeting -------------------------------------------------------------------------------


def _narrows(before: ActivityFilter, after: ActivityFilter) -> bool:
    """True when ``after`` shows a subset of what ``before`` shows: the same filter with the search
    typed further (a longer text that holds the shorter one)."""
    old, new = before.search.strip().casefold(), after.search.strip().casefold()
    return old in new and replace(before, search=after.search) == after


def _overlay(entry: Entry, write: Write) -> Entry:
    return entry._replace(
        status=write.status if write.status is not None else entry.status,
        comment=write.comment if write.comment is not None else entry.comment,
        reviewed=True,
    )


_UNIT, _UNIT_NAME, _AREA = attrgetter("unit"), attrgetter("unit_name"), attrgetter("area")


class Meeting:
    """One round's activities with their entries, as the meeting goes on."""

    def __init__(self, *, today: date) -> None:
        self.today = today
        self.items: dict[int, Item] = {}
        self.order: list[int] = []
        self.stored: dict[int, Entry] = {}
        self.pending: dict[int, list[Write]] = {}
        self.tally = Tally()
        self.filter = ActivityFilter()
        self.complete = False  # every row read, not only the first screenful
        self.reads = 0  # entries stored by this meeting so far: a read started earlier may be older
        self._before_done: dict[int, str] = {}
        self._shown: dict[int, Entry] = {}
        self._folded: dict[int, str] | None = None  # search texts, made when a search first looks
        self._revision = 0  # moves whenever a shown entry changes
        self._last_view: tuple[ActivityFilter, int, list[int]] | None = None  # filter, revision, rows

    # ---- reading --------------------------------------------------------------------------
    def shown(self, aid: int) -> Entry:
        """The entry as the screen shows it: stored, with the writes in flight laid over it."""
        return self._shown[aid]

    def _overlaid(self, aid: int) -> Entry:
        entry = self.stored[aid]
        for write in self.pending.get(aid, ()):
            entry = _overlay(entry, write)
        return entry

    def _recompute(self, aid: int) -> bool:
        """Work out the shown entry again; True when it changed (the tally follows)."""
        entry = self._overlaid(aid)
        old = self._shown.get(aid)
        self._shown[aid] = entry
        if old != entry:
            self._revision += 1
        if old is None:
            return True
        self.tally.change(self.items[aid].unit, (old.status, old.reviewed), (entry.status, entry.reviewed))
        return (old.status, old.comment, old.reviewed) != (entry.status, entry.comment, entry.reviewed)

    def is_pending(self, aid: int) -> bool:
        return bool(self.pending.get(aid))

    @property
    def has_unsaved(self) -> bool:
        """Something is shown that is not stored yet."""
        return any(self.pending.values())

    @property
    def unsaved(self) -> int:
        return sum(len(w) for w in self.pending.values())

    def reloaded(self, items: Iterable[Item] | Mapping[int, Item], entries: dict[int, Entry], *,
                 complete: bool = True, tally: Tally | None = None,
                 since: int | None = None) -> set[int]:  # fmt: skip
        """The round as read; returns the activities whose line looks different (all new ones).

        ``items``: in the round's order, or already keyed by activity (in that order).
        ``complete`` False: the first rows only, with ``tally`` counting every row of the round.
        ``since``: the value of ``reads`` when the read started. When this meeting stored something
        after that, an entry read with an older version than the one held is kept as held.
        """
        new_items = dict(items) if isinstance(items, Mapping) else {i.activity_id: i for i in items}
        stale = since is not None and since != self.reads
        stored = self.stored
        if not stored or not stale:  # nothing held, or nothing stored here since the read began
            stored.update(entries)
        else:
            for aid, entry in entries.items():
                held = stored.get(aid)
                if held is not None and stale and entry.version < held.version:
                    continue  # read before this meeting's own write was stored
                stored[aid] = entry
        if self.items:
            for aid in self.items.keys() - new_items.keys():
                self.pending.pop(aid, None)
                self._before_done.pop(aid, None)
                stored.pop(aid, None)
        if new_items != self.items:
            self._folded = None
        self._revision += 1
        self.items, self.order = new_items, list(new_items)
        old_shown, self._shown = self._shown, {aid: stored[aid] for aid in self.order}
        for aid in self.pending:  # the writes in flight, laid over what was read
            if aid in self._shown:
                self._shown[aid] = self._overlaid(aid)
        self.tally = tally if (tally is not None and not complete) else self._count()
        self.complete = complete
        if not old_shown:
            return set(self.order)
        return {aid for aid, entry in self._shown.items() if old_shown.get(aid) != entry}

    def _count(self) -> Tally:
        items = self.items
        counts = Counter((items[aid].unit, e.status, e.reviewed) for aid, e in self._shown.items())
        return Tally.counted(counts.items())

    # ---- changing ---------------------------------------------------------------------------
    def _write(self, write: Write) -> Write | None:
        aid = write.activity_id
        shown = self._shown[aid]
        if _overlay(shown, write) == shown:
            return None
        self.pending.setdefault(aid, []).append(write)
        self._recompute(aid)
        return write

    def press(self, aid: int, status: str) -> Write | None:
        """A status key (1-5). None: nothing changes (the row already shows it, gone through)."""
        current = self._shown[aid].status
        if status == Status.DONE.value and current != Status.DONE.value:
            self._before_done[aid] = current
        return self._write(Write(aid, status=str(Status(status))))

    def toggle(self, aid: int) -> Write | None:
        """Space: Klar, and back to the status before."""
        current = self._shown[aid].status
        target = toggle_done(current, self._before_done.get(aid), self.items[aid].previous_status)
        return self.press(aid, target)

    def comment(self, aid: int, text: str, *, started_from: str | None = None) -> Write | None:
        """A comment kept. ``started_from``: the stored comment the edit began with."""
        base = self.stored[aid].comment if started_from is None else started_from
        return self._write(Write(aid, comment=text, expected_comment=base))

    def confirmed(self, aid: int, entry: Entry) -> bool:
        """The oldest write in flight for ``aid`` is stored as ``entry``. True: the line changed."""
        if aid not in self.items:
            return False
        queue = self.pending.get(aid)
        if queue:
            queue.pop(0)
            if not queue:
                del self.pending[aid]
        self.reads += 1
        self._store(aid, entry)
        self._recompute(aid)
        return True  # the pending mark went at least

    def failed(self, aid: int) -> bool:
        """The oldest write in flight for ``aid`` was refused: it drops out. True: the line changed."""
        queue = self.pending.get(aid)
        if not queue:
            return False
        queue.pop(0)
        if not queue:
            del self.pending[aid]
        self._recompute(aid)
        return True

    def applied(self, aid: int, entry: Entry) -> bool:
        """The entry as stored after a change not made by a key here (an undo, a redo)."""
        if aid not in self.items:
            return False
        self.reads += 1
        self._store(aid, entry)
        return self._recompute(aid)

    def _store(self, aid: int, entry: Entry) -> None:
        held = self.stored.get(aid)
        if held is None or entry.version >= held.version:
            self.stored[aid] = entry

    # ---- looking at the rows ------------------------------------------------------------------
    def matches(self, aid: int, f: ActivityFilter | None = None) -> bool:
        f = f or self.filter
        item, entry = self.items[aid], self._shown[aid]
        texts = ""
        if f.search.strip():
            folded = self._search_texts()
            texts = folded[aid] + "\n" + entry.comment.casefold() if entry.comment else folded[aid]
        return f.matches(
            unit=item.unit, area=item.area, responsible=item.responsible, status=entry.status,
            due=item.target_date, today=self.today, texts=texts,
        )  # fmt: skip

    def _search_texts(self) -> dict[int, str]:
        if self._folded is None:
            self._folded = {aid: item.search_text() for aid, item in self.items.items()}
        return self._folded

    def visible(self) -> list[int]:
        """The activities the filter shows, in the round's order.

        Worked out once per filter and state of the entries (the screen asks several times a key).
        A search typed further, nothing else changed, looks only through what the shorter one
        found: typing in a search of 50,000 rows does not go through every row at every key."""
        f = self.filter
        if not f.active:
            return self.order
        last = self._last_view
        if last is not None and last[1] == self._revision:
            if last[0] == f:
                return last[2]
            if _narrows(last[0], f):
                found = [aid for aid in last[2] if self.matches(aid, f)]
                self._last_view = (f, self._revision, found)
                return found
        found = [aid for aid in self.order if self.matches(aid, f)]
        self._last_view = (f, self._revision, found)
        return found

    def grouped(self) -> list[Group | int]:
        """The visible activities, each run of one unit and area after its heading."""
        items = self.items
        parts = grouped(map(items.__getitem__, self.visible()), unit=_UNIT, unit_name=_UNIT_NAME, area=_AREA)
        return [part if type(part) is Group else part.activity_id for part in parts]

    @property
    def not_reviewed(self) -> int:
        """Activities not gone through in this round yet."""
        return self.tally.overall.not_reviewed

    def next_not_reviewed(self, cursor: int | None, step: int = 1) -> int | None:
        """The next visible activity after ``cursor`` (before, with step -1) not gone through yet,
        wrapping around; None when every visible one is."""
        visible = self.visible()
        if not visible:
            return None
        start = visible.index(cursor) if cursor in visible else -step if step > 0 else 0
        n = len(visible)
        for i in range(1, n + 1):
            aid = visible[(start + step * i) % n]
            if not self._shown[aid].reviewed:
                return aid
        return None
