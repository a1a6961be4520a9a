import pytest

from models.progress import progress_by, progress_of
from models.status import Status, parse_status
from models.validation import Invalid, check_year, clean_text


def test_parse_status() -> None:
    assert parse_status(" DONE ") == Status.DONE
    with pytest.raises(ValueError, match="not_started"):
        parse_status("klar")


def test_progress_counts_cancelled_apart() -> None:
    p = progress_of(["done", "done", "cancelled", "in_progress", "not_started"])
    assert p.total == 5 and p.done == 2 and p.cancelled == 1
    assert p.share_done == pytest.approx(0.5)
    assert progress_of([]).share_done == 0.0
    assert progress_of(["cancelled"]).share_done == 0.0


def test_progress_by_groups_in_first_seen_order() -> None:
    grouped = progress_by([("B", "done"), ("A", "in_progress"), ("B", "not_started")])
    assert list(grouped) == ["B", "A"]
    assert grouped["B"].share_done == pytest.approx(0.5)


def test_clean_text() -> None:
    assert clean_text("  Hej\r\nhopp ", limit=20) == "Hej\nhopp"
    assert clean_text("a\nb", limit=20, multiline=False) == "a b"
    with pytest.raises(Invalid) as err:
        clean_text("", limit=5, required=True)
    assert err.value.key == "invalid.required"
    with pytest.raises(Invalid) as err:
        clean_text("x" * 6, limit=5)
    assert err.value.key == "invalid.too_long" and err.value.params == {"limit": 5}
    with pytest.raises(Invalid):
        clean_text("nul\x00byte", limit=50)


def test_check_year() -> None:
    assert check_year(" 2025 ") == 2025
    for bad in ("tjugo", "1800", "", None):
        with pytest.raises(Invalid):
            check_year(bad)
