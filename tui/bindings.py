"""Key bindings in the user's language: what a key does, and the key's name.

Binding descriptions in hrplan are message keys (``Binding("n", "new", "plans.key_new")``); Textual's
own widgets describe their keys in English ("Scroll Up", "Copy selected text"). Neither is shown as
written: ``describe`` gives the text in the current language for both, looked up when it is shown,
so the language may change between apps in one process (the tests) and no binding is changed.
Every place that shows a key (the key bar, the help, the command palette) goes through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from textual.binding import Binding
from textual.dom import DOMNode

from i18n import load_catalog, t

_NOT_WORD = re.compile(r"[^a-z0-9]+")

# Key names Textual uses that a keyboard labels otherwise.
_KEY_ALIASES = {
    "question_mark": "?", "slash": "/", "full_stop": ".", "comma": ",", "minus": "-", "plus": "+",
    "asterisk": "*", "colon": ":", "less_than_sign": "<", "greater_than_sign": ">", "number_sign": "#",
    "exclamation_mark": "!",
}  # fmt: skip


def textual_key(description: str) -> str:
    """The message key of one of Textual's English descriptions: "Scroll Up" → "textual.scroll_up"."""
    return "textual." + _NOT_WORD.sub("_", description.lower()).strip("_")


def describe(binding: Binding) -> str:
    """What the key does, in the current language ("" when the binding has no description)."""
    description = binding.description
    if not description:
        return ""
    catalog = load_catalog()
    if description in catalog:
        return t(description)
    key = textual_key(description)
    return t(key) if key in catalog else description


def key_label(key: str) -> str:
    """One key as a person reads it, in the current language: "ctrl+home" → "Ctrl+Home", "up" → "↑"."""
    catalog = load_catalog()
    parts = key.strip().split("+")
    names = []
    for part in parts:
        part = _KEY_ALIASES.get(part, part)
        name = f"keyname.{part}"
        if name in catalog:
            names.append(t(name))
        elif len(part) == 1:
            names.append(part.upper() if len(parts) > 1 else part)
        else:
            names.append(part.replace("_", " ").capitalize())
    return "+".join(names)


def keys_label(keys: str) -> str:
    """A binding's keys ("escape,q") as one text: "Esc / q"."""
    return " / ".join(key_label(k) for k in keys.split(",") if k.strip())


def declared_bindings(node: DOMNode | type[DOMNode]) -> Iterator[Binding]:
    """The bindings a class and its bases declare in ``BINDINGS``, the class's own first."""
    cls = node if isinstance(node, type) else type(node)
    for klass in cls.__mro__:
        for binding in klass.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding):
                yield binding
            else:  # a (key, action[, description]) tuple
                yield Binding(*binding)

