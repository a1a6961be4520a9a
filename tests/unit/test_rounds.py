"""Round queries: start with statuses carried forward, tick as one undoable change, compare, history."""

from datetime import date

import pytest
from sqlalchemy import func, select

from db.changes import undo_last
from db.engine import Database
from db.errors import BadStatusError, InvalidInputError, NoOpenRoundError, NotFoundError, RoundClosedError
from db.queries import rounds as q
from models.changelog import ChangeLog
from models.followup import FollowUpEntry

BOTH_ENGINES = True  # run on SQLite and on a PostgreSQL server


PLAN = 1


def _start(database: Database, name: str = "T3 2025", day: date = date(2025, 12, 10)) -> q.RoundSummary:
    with database.write() as s:
        return q.start_round(PLAN, session=s, name=name, day=day)


def _entries(database: Database, round_id: int) -> dict[int, FollowUpEntry]:
    with database.read() as s:
        rows = s.execute(select(FollowUpEntry).where(FollowUpEntry.round_id == round_id)).scalars()
        return {e.activity_id: e for e in rows}


def test_demo_rounds_are_listed_newest_first(demo_database: Database) -> None:
    with demo_database.read() as s:
        rounds = q.list_rounds(PLAN, session=s)
        assert [r.name for r in rounds] == ["T2 2025", "T1 2025"]
        assert all(r.closed for r in rounds) and rounds[0].entries == 33 == rounds[0].reviewed
        assert q.latest_open_round(PLAN, session=s) is None


def test_new_round_carries_statuses_forward_not_reviewed(demo_database: Database) -> None:
    before = _entries(demo_database, 2)
    started = _start(demo_database)
    assert (started.name, started.date, started.closed) == ("T3 2025", date(2025, 12, 10), False)
    after = _entries(demo_database, started.id)
    assert {a: e.status for a, e in after.items()} == {a: e.status for a, e in before.items()}
    assert not any(e.reviewed or e.comment for e in after.values())
    with demo_database.read() as s:
        assert q.latest_open_round(PLAN, session=s).id == started.id
    # One change: undo removes the round and all its entries.
    with demo_database.write() as s:
        undo_last(s, plan_id=PLAN)
    assert _entries(demo_database, started.id) == {}


def test_latest_open_round_is_the_first_open_one_of_the_list_with_its_counts(demo_database: Database) -> None:
    _start(demo_database, "Extra", date(2025, 6, 1))
    newest = _start(demo_database, "T3 2025", date(2025, 12, 10))
    same_day = _start(demo_database, "T3 2025 b", date(2025, 12, 10))  # same date, created later
    with demo_database.read() as s:
        found = q.latest_open_round(PLAN, session=s)
        listed = next(r for r in q.list_rounds(PLAN, session=s) if not r.closed)
    assert found == listed and found.id == same_day.id != newest.id and found.entries == 33
    with demo_database.write() as s:
        q.set_round_closed(same_day.id, True, session=s)
    with demo_database.read() as s:
        assert q.latest_open_round(PLAN, session=s).id == newest.id


def test_round_dated_between_others_carries_from_the_one_before_it(demo_database: Database) -> None:
    first = _entries(demo_database, 1)
    started = _start(demo_database, "Extra", date(2025, 6, 1))  # after T1 (May), before T2 (Sept)
    assert {a: e.status for a, e in _entries(demo_database, started.id).items()} == {
        a: e.status for a, e in first.items()
    }


def test_round_name_is_checked(demo_database: Database) -> None:
    with pytest.raises(InvalidInputError) as err:
        _start(demo_database, name="t2 2025")
    assert "finns redan" in err.value.message()
    with pytest.raises(InvalidInputError):
        _start(demo_database, name="   ")


def test_status_is_one_update_that_marks_reviewed_and_undoes_in_one_step(demo_database: Database) -> None:
    started = _start(demo_database)
    with demo_database.read() as s:
        batches = s.execute(select(func.count(func.distinct(ChangeLog.batch)))).scalar()
    with demo_database.write() as s:
        state = q.set_entry_status(started.id, 2, "delayed", session=s)
    assert (state.status, state.reviewed, state.comment) == ("delayed", True, "")
    with demo_database.read() as s:
        log = s.execute(select(ChangeLog).order_by(ChangeLog.id.desc()).limit(2)).scalars().all()
        assert s.execute(select(func.count(func.distinct(ChangeLog.batch)))).scalar() == batches + 1
    assert {c.field for c in log} == {"status", "reviewed"} and log[0].batch == log[1].batch
    entry = _entries(demo_database, started.id)[2]
    assert (entry.status, entry.reviewed, entry.version) == ("delayed", True, 2)
    with demo_database.write() as s:
        undo_last(s, plan_id=PLAN)
    entry = _entries(demo_database, started.id)[2]
    assert (entry.status, entry.reviewed) == (_entries(demo_database, 2)[2].status, False)


def test_a_rehearsed_tick_stores_nothing_and_the_real_one_follows(demo_database: Database) -> None:
    """The checklist rehearses a tick before the first key press (to have its SQL built): rolled
    back whole, on SQLite and on PostgreSQL; a rehearsal that is refused leaves nothing either."""
    from functools import partial

    started = _start(demo_database)

    def state() -> tuple[object, ...]:
        with demo_database.read() as s:
            logged = s.execute(select(func.count()).select_from(ChangeLog)).scalar()
            counted = [(r.entries, r.reviewed) for r in q.list_rounds(PLAN, session=s)]
        entries = _entries(demo_database, started.id)
        return logged, counted, {a: (e.status, e.reviewed, e.version) for a, e in entries.items()}

    before = state()
    demo_database.warm_writer(partial(q.update_entry, started.id, 2, status="delayed", comment="x"))
    assert state() == before
    with demo_database.write() as s:
        q.set_round_closed(started.id, True, session=s)
    closed = state()
    with pytest.raises(RoundClosedError):
        demo_database.warm_writer(partial(q.update_entry, started.id, 2, status="delayed"))
    assert state() == closed
    with demo_database.write() as s:
        q.set_round_closed(started.id, False, session=s)
        assert q.set_entry_status(started.id, 2, "delayed", session=s).version == 2


def test_comment_is_cleaned_and_stored(demo_database: Database) -> None:
    started = _start(demo_database)
    with demo_database.write() as s:
        state = q.set_entry_comment(started.id, 3, "  Klart i maj\r\nNästa steg i höst ", session=s)
    assert state.comment == "Klart i maj\nNästa steg i höst" and state.reviewed
    with pytest.raises(InvalidInputError):
        with demo_database.write() as s:
            q.set_entry_comment(started.id, 3, "x" * 20_001, session=s)
    assert _entries(demo_database, started.id)[3].comment == "Klart i maj\nNästa steg i höst"


def test_closed_round_refuses_changes_and_reopens(demo_database: Database) -> None:
    started = _start(demo_database)
    with demo_database.write() as s:
        assert q.set_round_closed(started.id, True, session=s).closed
    with pytest.raises(RoundClosedError) as err:
        with demo_database.write() as s:
            q.set_entry_status(started.id, 1, "done", session=s)
    assert "T3 2025" in err.value.message()
    with demo_database.write() as s:
        assert not q.set_round_closed(started.id, False, session=s).closed
        assert q.set_entry_status(started.id, 1, "done", session=s).status == "done"


def test_bad_status_and_foreign_activity_are_refused(demo_database: Database) -> None:
    started = _start(demo_database)
    with pytest.raises(BadStatusError) as err:
        with demo_database.write() as s:
            q.set_entry_status(started.id, 1, "klar", session=s)
    assert "not_started, in_progress, done, delayed, cancelled" in err.value.message()
    with pytest.raises(NotFoundError):
        with demo_database.write() as s:
            q.set_entry_status(started.id, 9999, "done", session=s)


def test_activity_added_after_the_start_gets_an_entry_on_first_tick(demo_database: Database) -> None:
    from db.changes import ChangeSet
    from models.activity import Activity

    started = _start(demo_database)
    with demo_database.write() as s:
        new = ChangeSet(s, plan_id=PLAN).insert(Activity(plan_id=PLAN, area_id=1, goal="Nytt mål"))
        new_id = new.id
    with demo_database.read() as s:
        row = next(r for r in q.checklist(started.id, session=s).rows if r.activity_id == new_id)
    assert (row.status, row.reviewed, row.previous_status) == ("not_started", False, None)
    with demo_database.write() as s:
        assert q.set_entry_comment(started.id, new_id, "Ny i år", session=s).status == "not_started"
    assert _entries(demo_database, started.id)[new_id].comment == "Ny i år"


def test_checklist_rows_in_plan_order_with_previous_comment(demo_database: Database) -> None:
    started = _start(demo_database)
    with demo_database.read() as s:
        view = q.checklist(started.id, session=s)
    assert view.previous_round == "T2 2025" and view.round.name == "T3 2025"
    assert len(view.rows) == 33
    assert view.rows[0].unit is None  # the plan as a whole comes first
    units = [r.unit for r in view.rows]
    assert units.index("Hemtjänsten") < units.index("Särskilt boende") < units.index("Myndighetsenheten")
    commented = next(r for r in view.rows if r.previous_comment == "Alla anmälda; sex klara.")
    assert commented.comment == "" and commented.previous_status == commented.status
    hemtjanst = [r.area for r in view.rows if r.unit == "Hemtjänsten"]
    assert hemtjanst[0] == "Utveckla" and hemtjanst[-1] == "Övrigt"


def test_compare_lists_status_changes_and_new_comments(demo_database: Database) -> None:
    with demo_database.read() as s:
        diff = q.compare_rounds(2, 1, session=s)  # given in either order
    assert (diff.older.name, diff.newer.name) == ("T1 2025", "T2 2025")
    first, second = _entries(demo_database, 1), _entries(demo_database, 2)
    changed = {a for a in second if first[a].status != second[a].status}
    assert {c.activity_id for c in diff.status_changes} == changed
    assert all(c.before == first[c.activity_id].status for c in diff.status_changes)
    assert {c.comment for c in diff.new_comments} == {
        "Alla anmälda; sex klara.", "Klart, nytt schema från 1 september.",
        "Ersätts av förvaltningens gemensamma satsning.", "Utbildningen flyttad till oktober.",
    }  # fmt: skip


def test_history_newest_first(demo_database: Database) -> None:
    started = _start(demo_database)
    with demo_database.write() as s:
        q.update_entry(started.id, 1, session=s, status="done", comment="Programmet är igång")
    with demo_database.read() as s:
        history = q.activity_history(1, session=s)
    assert [i.round_name for i in history.items] == ["T3 2025", "T2 2025", "T1 2025"]
    assert (history.items[0].status, history.items[0].comment) == ("done", "Programmet är igång")
    assert history.items[2].comment == "Tolv av trettio har börjat; resten i höst."
    assert history.unit is None and history.area == "Utveckla"


def test_proposal_avoids_taken_names(demo_database: Database) -> None:
    with demo_database.read() as s:
        proposal = q.propose_round(PLAN, session=s, today=date(2025, 9, 1))
    assert proposal.name == "T3 2025"
    _start(demo_database)
    with demo_database.read() as s:
        assert q.propose_round(PLAN, session=s, today=date(2025, 9, 1)).name == "T3 2025 (2)"
        assert q.propose_round(PLAN, session=s, today=date(2025, 5, 2)).name == "T2 2025 (2)"


def test_find_round_by_name_or_latest_open(demo_database: Database) -> None:
    with demo_database.read() as s:
        assert q.find_round(PLAN, "t1 2025", session=s).id == 1
        with pytest.raises(NoOpenRoundError):
            q.find_round(PLAN, None, session=s)
        with pytest.raises(NotFoundError):
            q.find_round(PLAN, "T9 2030", session=s)


def test_round_start_is_one_bulk_change_logged_row_by_row_and_undone_whole(demo_database: Database) -> None:
    import json

    carried = {a: e.status for a, e in _entries(demo_database, 2).items()}
    started = _start(demo_database)
    stored = _entries(demo_database, started.id)
    assert {a: e.status for a, e in stored.items()} == carried
    with demo_database.read() as s:
        log = s.execute(select(ChangeLog).where(ChangeLog.entity == "followup_entry")
                        .order_by(ChangeLog.id.desc()).limit(len(stored))).scalars().all()  # fmt: skip
        batches = {e.batch for e in log}
        first_of_batch = s.execute(select(ChangeLog).where(ChangeLog.batch.in_(batches))
                                   .order_by(ChangeLog.id)).scalars().first()  # fmt: skip
    assert len(batches) == 1 and first_of_batch.entity == "followup_round"
    for change in log:  # each entry's snapshot is the row as stored, as ChangeSet.insert logs it
        entry = next(e for e in stored.values() if e.id == change.entity_id)
        snapshot = json.loads(change.new_value)
        assert snapshot["status"] == str(entry.status) and snapshot["round_id"] == started.id
        assert snapshot["id"] == entry.id and snapshot["version"] == 1 and change.plan_id == PLAN
    with demo_database.write() as s:
        result = undo_last(s, plan_id=PLAN)
    assert result.changes == len(stored) + 1
    assert _entries(demo_database, started.id) == {}
    with demo_database.read() as s:
        assert started.name not in [r.name for r in q.list_rounds(PLAN, session=s)]
        assert not s.execute(select(ChangeLog).where(ChangeLog.batch.in_(batches),
                                                     ChangeLog.undone == False)).first()  # noqa: E712  # fmt: skip
    assert _start(demo_database).entries == len(stored)  # the name is free again


def test_the_meetings_rows_are_the_checklists_rows(demo_database: Database) -> None:
    """What the follow-up meeting reads (items and entries, the first rows unit by unit) is the
    checklist's rows, in its order, on either engine."""
    from models.activity_filter import WHOLE_PLAN
    from models.meeting import Entry, Item

    started = _start(demo_database)
    with demo_database.write() as s:
        q.update_entry(started.id, 2, session=s, status="delayed", comment="Flyttad")
    with demo_database.read() as s:
        rows = q.checklist(started.id, session=s).rows
        info, pairs = q.meeting_rows(started.id, session=s)
        pairs = list(pairs)
        head_info, head = q.meeting_head(started.id, session=s, limit=7)
        _, whole = q.meeting_head(started.id, session=s, limit=1000)
    assert info == head_info and (info.round.name, info.previous_round) == ("T3 2025", "T2 2025")
    assert [i.activity_id for i, _ in pairs] == [r.activity_id for r in rows]
    assert head == pairs[:7] and whole == pairs
    for (item, entry), row in zip(pairs, rows, strict=True):
        assert (type(item), len(item)) == (Item, len(Item._fields))  # every field made
        assert (type(entry), len(entry)) == (Entry, len(Entry._fields))
        assert item.unit == (row.unit_id if row.unit_id is not None else WHOLE_PLAN)
        assert (item.unit_name, item.area, item.goal, item.description, item.target_text, item.target_date,
                item.ongoing, item.responsible, item.resources, item.previous_status,
                item.previous_comment) == (row.unit, row.area, row.goal, row.description, row.target_text,
                                           row.target_date, row.ongoing, row.responsible, row.resources,
                                           row.previous_status, row.previous_comment)  # fmt: skip
        assert tuple(entry) == (row.status, row.comment, row.reviewed, row.version)
    assert pairs[[i.activity_id for i, _ in pairs].index(2)][1][:3] == ("delayed", "Flyttad", True)


def test_status_counts_follow_the_checklist_rows(demo_database: Database) -> None:
    from collections import Counter

    started = _start(demo_database)
    with demo_database.write() as s:
        q.update_entry(started.id, next(iter(_entries(demo_database, started.id))), session=s, status="done")
    with demo_database.read() as s:
        rows = q.checklist(started.id, session=s).rows
        head = q.checklist(started.id, session=s, limit=5).rows
        counts = q.status_counts(started.id, session=s)
    assert head == rows[:5]
    expected = Counter((r.unit_id, r.unit, r.status, r.reviewed) for r in rows)
    assert {(c.unit_id, c.unit, c.status, c.reviewed): c.count for c in counts} == expected
    units = list(dict.fromkeys(c.unit_id for c in counts))
    assert units == list(dict.fromkeys(r.unit_id for r in rows))  # in the plan's order


# ---- one status rule, comments checked, rounds deleted, redo ------------------------------------


def test_one_rule_for_the_status_latest_round_with_an_entry_as_of_a_round(demo_database: Database) -> None:
    from db.queries.status import current_statuses, statuses_as_of

    t1, t2 = 1, 2  # T1 2025 (May), T2 2025 (September)
    extra = _start(demo_database, "Extra", date(2025, 9, 16))  # the same date as T2, created after it
    with demo_database.write() as s:
        q.update_entry(extra.id, 1, session=s, status="cancelled")
        # An entry removed from the newest round: the status falls back to the round before.
        gone = select(FollowUpEntry).where(FollowUpEntry.round_id == extra.id, FollowUpEntry.activity_id == 2)
        s.delete(s.execute(gone).scalar_one())
    t1_entries, t2_entries = _entries(demo_database, t1), _entries(demo_database, t2)
    with demo_database.read() as s:
        now = current_statuses(PLAN, session=s)
        as_of_t1 = statuses_as_of(PLAN, date(2025, 5, 20), t1, session=s)
        as_of_t2 = statuses_as_of(PLAN, date(2025, 9, 16), t2, session=s)
        rows = {r.activity_id: r for r in q.checklist(extra.id, session=s).rows}
        counts = q.status_counts(extra.id, session=s)
    assert now[1] == "cancelled"  # the later of two rounds on one date
    assert now[2] == t2_entries[2].status  # no entry in the newest round: the one before it
    assert as_of_t1 == {a: e.status for a, e in t1_entries.items()}
    assert as_of_t2 == {a: e.status for a, e in t2_entries.items()}
    assert {a: r.status for a, r in rows.items()} == now  # the checklist by the same rule
    cancelled = sum(1 for v in now.values() if v == "cancelled")
    assert sum(c.count for c in counts if c.status == "cancelled") == cancelled


def test_a_comment_saved_elsewhere_meanwhile_is_a_conflict_a_status_is_not(demo_database: Database) -> None:
    from db.errors import ConflictError

    started = _start(demo_database)
    with demo_database.write() as s:
        q.update_entry(started.id, 3, session=s, comment="Deras")
    with demo_database.write() as s, pytest.raises(ConflictError) as raised:
        q.update_entry(started.id, 3, session=s, comment="Min", expected_comment="")
    assert raised.value.current["comment"] == "Deras"
    assert _entries(demo_database, started.id)[3].comment == "Deras"
    with demo_database.write() as s:  # started from theirs: stored
        state = q.update_entry(started.id, 3, session=s, comment="Min", expected_comment="Deras")
    assert state.comment == "Min" and state.version == _entries(demo_database, started.id)[3].version
    with demo_database.write() as s:  # a status alone: last writer wins
        q.update_entry(started.id, 3, session=s, status="delayed")
    assert _entries(demo_database, started.id)[3].status == "delayed"


def test_a_deleted_round_comes_back_with_undo_and_goes_again_with_redo(demo_database: Database) -> None:
    from db.changes import redo_last

    started = _start(demo_database)
    with demo_database.write() as s:
        q.update_entry(started.id, 1, session=s, status="done", comment="Klart")
    with demo_database.read() as s:
        contents = q.round_contents(started.id, session=s)
    assert (contents.entries, contents.reviewed, contents.comments) == (33, 1, 1)
    with demo_database.write() as s:
        q.delete_round(started.id, session=s)
    assert _entries(demo_database, started.id) == {}
    with demo_database.write() as s:
        undo_last(s, plan_id=PLAN)
    back = _entries(demo_database, started.id)
    assert len(back) == 33 and back[1].comment == "Klart" and back[1].reviewed
    with demo_database.write() as s:
        assert redo_last(s, plan_id=PLAN) is not None
    assert _entries(demo_database, started.id) == {}
    with demo_database.write() as s:
        assert redo_last(s, plan_id=PLAN) is None  # nothing left to redo


def test_redo_makes_the_undone_changes_again_in_order_until_a_new_change(demo_database: Database) -> None:
    from db.changes import redo_last

    started = _start(demo_database)
    for status in ("done", "delayed"):
        with demo_database.write() as s:
            q.update_entry(started.id, 5, session=s, status=status)
    for _ in range(2):
        with demo_database.write() as s:
            undo_last(s, plan_id=PLAN)
    assert _entries(demo_database, started.id)[5].reviewed is False
    with demo_database.write() as s:
        redo_last(s, plan_id=PLAN)
    assert _entries(demo_database, started.id)[5].status == "done"
    with demo_database.write() as s:
        redo_last(s, plan_id=PLAN)
    assert _entries(demo_database, started.id)[5].status == "delayed"
    with demo_database.write() as s:
        undo_last(s, plan_id=PLAN)
    with demo_database.write() as s:  # a new change after an undo: the undone one cannot come back
        q.update_entry(started.id, 6, session=s, status="cancelled")
    with demo_database.write() as s:
        assert redo_last(s, plan_id=PLAN) is None
    assert _entries(demo_database, started.id)[5].status == "done"
