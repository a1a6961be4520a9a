"""The meeting model: space toggle, tallies, filters, grouping, press/confirm/fail, reloads, pending."""

from datetime import date

import pytest

from models.activity_filter import (
    WHOLE_PLAN,
    ActivityFilter,
    Group,
    responsible_choices,
    responsible_functions,
)
from models.meeting import Entry, Item, Meeting, Tally, Write, toggle_done


def test_space_goes_to_done_and_back_to_the_status_before() -> None:
    assert toggle_done("delayed", None, None) == "done"
    assert toggle_done("done", "delayed", "in_progress") == "delayed"
    assert toggle_done("done", None, "not_started") == "not_started"  # already done when opened
    assert toggle_done("done", None, "done") == "in_progress"
    assert toggle_done("done", None, None) == "in_progress"


def test_tally_follows_each_change() -> None:
    tally = Tally()
    for unit, status in ((1, "done"), (1, "in_progress"), (2, "cancelled"), (WHOLE_PLAN, "not_started")):
        tally.add(unit, status, False)
    assert tally.overall.total == 4 and tally.overall.share_done == pytest.approx(1 / 3)
    tally.change(1, ("in_progress", False), ("done", True))
    assert tally.units[1].share_done == 1.0 and tally.units[1].share_reviewed == 0.5
    assert dict(tally.status_counts()) == {
        "not_started": 1, "in_progress": 0, "done": 2, "delayed": 0, "cancelled": 1,
    }  # fmt: skip
    assert tally.units[2].share_done == 0.0  # only cancelled: nothing left to do


def test_responsible_functions_are_split() -> None:
    assert responsible_functions("Enhetschef, HR-konsult") == ["Enhetschef", "HR-konsult"]
    assert responsible_functions("Avdelningschef, rektor och enhetschef") == [
        "Avdelningschef", "rektor", "enhetschef",
    ]  # fmt: skip
    assert responsible_functions("") == []


def _matches(f: ActivityFilter, **row: object) -> bool:
    base = dict(
        unit=1,
        area="Utveckla",
        responsible="Enhetschef, HR-konsult",
        status="in_progress",
        due=date(2025, 6, 30),
        texts=("Validering av undersköterskor",),
        today=date(2025, 12, 1),
    )
    return f.matches(**{**base, **row})  # fmt: skip


def test_filters() -> None:
    assert not ActivityFilter().active and ActivityFilter(search=" x").active
    assert _matches(ActivityFilter())
    assert _matches(ActivityFilter(unit=1, area="Utveckla", responsible="hr-konsult", status="in_progress"))
    assert not _matches(ActivityFilter(unit=WHOLE_PLAN))
    assert not _matches(ActivityFilter(responsible="HR"))  # a whole function, not a part of one
    assert _matches(ActivityFilter(overdue=True))
    assert not _matches(ActivityFilter(overdue=True), status="done")
    assert not _matches(ActivityFilter(overdue=True), due=None)
    assert _matches(ActivityFilter(search="UNDERSKÖTERSK"))
    assert not _matches(ActivityFilter(search="rekrytering"))


def test_tally_counted_in_groups_equals_one_by_one() -> None:
    from collections import Counter

    entries = [(WHOLE_PLAN, "done", True), (3, "delayed", False), (3, "done", True), (5, "in_progress", True),
               (3, "done", False), (WHOLE_PLAN, "cancelled", False)]  # fmt: skip
    one_by_one = Tally()
    for unit, status, reviewed in entries:
        one_by_one.add(unit, status, reviewed)
    grouped = Tally.counted(Counter(entries).items())
    assert list(grouped.units) == list(one_by_one.units) == [WHOLE_PLAN, 3, 5]
    for mine, theirs in [(grouped.overall, one_by_one.overall)] + [
        (grouped.units[u], one_by_one.units[u]) for u in one_by_one.units
    ]:
        assert (+mine.counts, mine.reviewed) == (+theirs.counts, theirs.reviewed)
    assert grouped.status_counts() == one_by_one.status_counts()


# ---- the meeting ---------------------------------------------------------------------------------

TODAY = date(2025, 12, 1)


def _item(aid: int, unit: int = 1, area: str = "Utveckla", **kw: object) -> Item:
    base = dict(
        number=aid,
        unit_name=None if unit == WHOLE_PLAN else f"Enhet {unit}",
        goal=f"Mål {aid}",
        description=f"Aktivitet {aid}",
        target_text="2025",
        target_date=date(2025, 12, 31),
        ongoing=False,
        responsible="Enhetschef",
        previous_status="in_progress",
    )
    return Item(activity_id=aid, unit=unit, area=area, **{**base, **kw})  # fmt: skip


def _meeting(n: int = 4) -> Meeting:
    meeting = Meeting(today=TODAY)
    items = [_item(1, WHOLE_PLAN), _item(2, 1), _item(3, 1, "Behålla"), _item(4, 2)][:n]
    meeting.reloaded(items, {i.activity_id: Entry("in_progress", "", False, 1) for i in items})
    return meeting


def _counts(meeting: Meeting) -> dict:
    return {k: v for k, v in meeting.tally.status_counts() if v}


def test_press_shows_at_once_pending_until_confirmed() -> None:
    m = _meeting()
    write = m.press(2, "done")
    assert write == Write(2, status="done")
    assert m.shown(2) == Entry("done", "", True, 1) and m.stored[2].status == "in_progress"
    assert m.is_pending(2) and m.has_unsaved and m.unsaved == 1
    assert _counts(m) == {"in_progress": 3, "done": 1} and m.not_reviewed == 3
    assert m.confirmed(2, Entry("done", "", True, 2))
    assert not m.is_pending(2) and not m.has_unsaved
    assert m.shown(2) == m.stored[2] == Entry("done", "", True, 2)
    assert m.press(2, "done") is None  # nothing to change


def test_two_presses_in_flight_show_the_last_and_settle_in_order() -> None:
    m = _meeting()
    m.press(2, "done")
    m.press(2, "delayed")
    assert m.shown(2).status == "delayed" and m.unsaved == 2
    m.confirmed(2, Entry("done", "", True, 2))
    assert m.shown(2).status == "delayed" and m.is_pending(2)
    m.confirmed(2, Entry("delayed", "", True, 3))
    assert m.shown(2).status == "delayed" and not m.is_pending(2)
    assert _counts(m) == {"in_progress": 3, "delayed": 1}


def test_a_failed_write_drops_out_and_the_row_shows_what_is_stored() -> None:
    m = _meeting()
    m.press(3, "cancelled")
    m.press(3, "delayed")
    assert m.failed(3)  # the first one was refused: the second still shows
    assert m.shown(3).status == "delayed"
    assert m.failed(3)
    assert m.shown(3) == Entry("in_progress", "", False, 1) and not m.has_unsaved
    assert _counts(m) == {"in_progress": 4} and m.not_reviewed == 4
    assert not m.failed(3)  # nothing was in flight


def test_space_goes_to_done_and_back_within_the_meeting() -> None:
    m = _meeting()
    m.press(2, "delayed")
    m.toggle(2)
    assert m.shown(2).status == "done"
    m.toggle(2)
    assert m.shown(2).status == "delayed"
    m.toggle(1)  # in progress when opened: done, then back to in progress
    m.toggle(1)
    assert m.shown(1).status == "in_progress"


def test_a_reload_keeps_key_presses_not_yet_stored() -> None:
    m = _meeting()
    m.press(2, "done")
    since = m.reads
    # Another instance changed activity 4 and (older) activity 2; the read sees both.
    changed = m.reloaded([_item(1, WHOLE_PLAN), _item(2, 1), _item(3, 1, "Behålla"), _item(4, 2)],
                         {1: Entry("in_progress", "", False, 1), 2: Entry("delayed", "x", True, 2),
                          3: Entry("in_progress", "", False, 1), 4: Entry("cancelled", "", True, 2)},
                         since=since)  # fmt: skip
    assert changed == {2, 4}
    assert m.shown(2).status == "done" and m.shown(2).comment == "x"  # the key press stays on top
    assert m.shown(4).status == "cancelled"
    assert _counts(m) == {"in_progress": 2, "done": 1, "cancelled": 1}
    m.confirmed(2, Entry("done", "x", True, 3))
    assert m.shown(2).status == "done" and not m.has_unsaved


def test_a_read_made_before_a_write_was_stored_does_not_hide_it() -> None:
    m = _meeting()
    since = m.reads  # a reload starts reading ...
    m.press(2, "done")
    m.confirmed(2, Entry("done", "", True, 2))  # ... the write is stored meanwhile ...
    m.reloaded(
        [_item(1, WHOLE_PLAN), _item(2, 1), _item(3, 1, "Behålla"), _item(4, 2)],
        {a: Entry("in_progress", "", False, 1) for a in (1, 2, 3, 4)},
        since=since,
    )
    assert m.shown(2).status == "done"  # ... and its older read does not take it back
    # A read that started after the write shows what is stored, even an older version (an undo
    # elsewhere that removed the entry, a restore).
    m.reloaded([_item(1, WHOLE_PLAN), _item(2, 1)], {1: Entry("in_progress", "", False, 1),
               2: Entry("not_started", "", False, 0)}, since=m.reads)  # fmt: skip
    assert m.shown(2).status == "not_started" and m.order == [1, 2]
    assert _counts(m) == {"in_progress": 1, "not_started": 1}


def test_comment_write_names_the_comment_it_started_from() -> None:
    m = _meeting()
    m.reloaded([_item(2, 1)], {2: Entry("in_progress", "Gammal", False, 4)})
    write = m.comment(2, "Ny", started_from="Gammal")
    assert write == Write(2, comment="Ny", expected_comment="Gammal")
    assert m.shown(2).comment == "Ny" and m.shown(2).reviewed
    # Meanwhile another instance stored its comment; a reload keeps ours on top until it is settled.
    m.reloaded([_item(2, 1)], {2: Entry("in_progress", "Deras", True, 5)})
    assert m.shown(2).comment == "Ny" and m.stored[2].comment == "Deras"
    m.failed(2)  # the store refused it (a conflict): the screen asks which to keep
    assert m.shown(2).comment == "Deras"
    assert m.comment(2, "Deras") is None  # the same text: nothing to store


def test_applied_shows_an_undone_entry() -> None:
    m = _meeting()
    m.press(3, "done")
    m.confirmed(3, Entry("done", "", True, 2))
    assert m.applied(3, Entry("in_progress", "", False, 3))
    assert m.shown(3).status == "in_progress" and _counts(m) == {"in_progress": 4}


def test_first_screenful_then_the_rest() -> None:
    m = Meeting(today=TODAY)
    items = [_item(a, 1) for a in range(1, 7)]
    entries = {a: Entry("not_started", "", False, 1) for a in range(1, 7)}
    whole = Tally.counted([((1, "not_started", False), 6)])
    m.reloaded(items[:2], {1: entries[1], 2: entries[2]}, complete=False, tally=whole)
    assert not m.complete and m.order == [1, 2] and m.tally.overall.total == 6
    m.press(1, "delayed")
    assert m.tally.overall.counts["delayed"] == 1
    m.reloaded(items, entries)
    assert m.complete and m.order == list(range(1, 7))
    assert m.shown(1).status == "delayed" and _counts(m) == {"not_started": 5, "delayed": 1}


def test_filter_grouping_and_not_gone_through() -> None:
    m = _meeting()
    assert [g.key if isinstance(g, Group) else g for g in m.grouped()] == [
        ("group", WHOLE_PLAN, "Utveckla"), 1, ("group", 1, "Utveckla"), 2, ("group", 1, "Behålla"), 3,
        ("group", 2, "Utveckla"), 4,
    ]  # fmt: skip
    m.press(1, "done")
    m.press(2, "done")
    assert m.next_not_reviewed(1) == 3 and m.next_not_reviewed(4) == 3 and m.next_not_reviewed(3, -1) == 4
    m.filter = ActivityFilter(unit=1)
    assert m.visible() == [2, 3]
    assert m.next_not_reviewed(2) == 3
    m.filter = ActivityFilter(status="done")
    assert m.visible() == [1, 2] and m.next_not_reviewed(1) is None
    m.filter = ActivityFilter(search="aktivitet 4")
    assert m.visible() == [4]


def test_responsible_choices_name_each_function_once() -> None:
    assert responsible_choices(["Enhetschef, HR-konsult", "enhetschef och rektor", ""]) == [
        "Enhetschef", "HR-konsult", "rektor",
    ]  # fmt: skip


def test_undo_and_redo_show_what_the_store_answers() -> None:
    m = _meeting()
    m.press(2, "cancelled")
    m.confirmed(2, Entry("cancelled", "", True, 2))
    assert m.applied(2, Entry("in_progress", "", False, 3))  # undo
    assert m.shown(2).status == "in_progress" and m.not_reviewed == 4
    assert m.applied(2, Entry("cancelled", "", True, 4))  # redo
    assert m.shown(2).status == "cancelled" and m.not_reviewed == 3
    assert _counts(m) == {"in_progress": 3, "cancelled": 1}


def test_a_reload_while_a_comment_is_open_keeps_what_the_edit_started_from() -> None:
    m = _meeting()
    started_from = m.shown(3).comment  # the editor opens on ""
    m.reloaded([_item(1, WHOLE_PLAN), _item(2, 1), _item(3, 1, "Behålla"), _item(4, 2)],
               {1: Entry("in_progress", "", False, 1), 2: Entry("in_progress", "", False, 1),
                3: Entry("delayed", "Deras", True, 2), 4: Entry("in_progress", "", False, 1)})  # fmt: skip
    assert m.shown(3) == Entry("delayed", "Deras", True, 2)  # shown at once, the editor keeps its text
    write = m.comment(3, "Min", started_from=started_from)
    assert write == Write(3, comment="Min", expected_comment="")  # the store will see the conflict


def _search(m: Meeting, text: str, **kw: object) -> list[int]:
    m.filter = ActivityFilter(search=text, **kw)
    return m.visible()


def test_a_search_looks_through_every_text_and_this_rounds_comment() -> None:
    m = _meeting()
    m.reloaded([_item(1, WHOLE_PLAN), _item(2, 1, resources="Budget HR"), _item(3, 1, "Behålla"),
                _item(4, 2, previous_comment="Försenad")],
               {aid: Entry("in_progress", "", False, 1) for aid in (1, 2, 3, 4)})  # fmt: skip
    assert _search(m, "BUDGET") == [2]
    assert _search(m, "försenad") == [4]
    assert _search(m, "behålla") == [3]
    assert _search(m, "enhet 2") == [4]
    m.comment(3, "Klart i Maj")
    assert _search(m, "maj") == [3]


def test_a_search_typed_further_looks_only_through_what_the_shorter_found() -> None:
    m = _meeting()
    assert _search(m, "a") == [1, 2, 3, 4]
    assert _search(m, "aktivitet") == [1, 2, 3, 4]
    looked_at: list[int] = []
    matches = m.matches
    m.matches = lambda aid, f=None: looked_at.append(aid) or matches(aid, f)  # type: ignore[method-assign]
    assert _search(m, "aktivitet 3") == [3]
    assert looked_at == [1, 2, 3, 4]
    looked_at.clear()
    assert _search(m, "Aktivitet 3 ") == [3] and looked_at == [3]  # the same search: only what it found
    looked_at.clear()
    assert _search(m, "aktivitet 3", unit=1) == [3] and looked_at == [1, 2, 3, 4]  # another filter: all


def test_a_search_typed_further_still_finds_a_row_changed_meanwhile() -> None:
    m = _meeting()
    assert _search(m, "aktivitet") == [1, 2, 3, 4]
    assert _search(m, "aktivitet 2") == [2]
    m.comment(4, "se aktivitet 2x")  # now row 4 matches a longer search too
    assert _search(m, "aktivitet 2x") == [4]
    m.reloaded([_item(1, WHOLE_PLAN), _item(2, 1, description="Ny text")], {
        1: Entry("in_progress", "", False, 1), 2: Entry("in_progress", "", False, 1)})  # fmt: skip
    assert _search(m, "ny text") == [2]
