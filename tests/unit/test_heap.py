"""Collections held off while a large read builds what it keeps, and on again after it."""

import gc

from db.heap import pause_collection


def test_collections_are_held_off_until_the_last_read_is_taken_in() -> None:
    assert gc.isenabled()
    first = pause_collection()
    second = pause_collection()  # two reads at once
    assert not gc.isenabled()
    first.release()
    first.release()  # a second release changes nothing
    assert not gc.isenabled()
    second.release()
    assert gc.isenabled()


def test_a_pause_dropped_unreleased_releases_itself() -> None:
    pause = pause_collection()
    assert not gc.isenabled()
    del pause
    assert gc.isenabled()


def test_kept_objects_are_let_go_when_the_last_screen_goes() -> None:
    from db.heap import keep_long_lived, let_go

    keep_long_lived()
    keep_long_lived()  # a second screen
    assert gc.get_freeze_count() > 0
    let_go()
    assert gc.get_freeze_count() > 0
    let_go()
    assert gc.get_freeze_count() == 0
    let_go()  # one too many changes nothing
    assert gc.get_freeze_count() == 0
