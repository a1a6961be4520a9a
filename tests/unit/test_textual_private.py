"""Where hrplan depends on Textual beyond its public API, a Textual upgrade fails here first."""

import hashlib
import inspect

import pytest

from i18n import load_catalog
from tests.textual_words import textual_descriptions
from tui.bindings import textual_key
from tui.textual_private import ORIGINALS


@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_each_replaced_textual_internal_is_still_the_one_it_was_copied_from(name: str) -> None:
    owner, attribute, digest = ORIGINALS[name]
    original = getattr(owner, attribute)
    source = inspect.getsource(original)
    assert hashlib.sha256(source.encode()).hexdigest()[:16] == digest, (
        f"Textual changed {name}: compare it with tui/textual_private.py, copy it anew, update the hash"
    )


def test_textual_still_calls_the_crash_hook() -> None:
    from textual.app import App

    assert "self._fatal_error()" in inspect.getsource(App._handle_exception)


def test_every_key_description_of_textuals_widgets_has_a_translation() -> None:
    catalog = load_catalog()
    missing = sorted(d for d in textual_descriptions() if textual_key(d) not in catalog)
    assert not missing, "Textual describes these keys in English only:\n" + "\n".join(missing)
