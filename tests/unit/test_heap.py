"""Collections held off while a large read builds what it keeps, and on again after it."""

import gc

from tui.heap import pause_collection


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
