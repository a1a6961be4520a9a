"""Key bindings whose descriptions are message keys, translated when a screen or widget is made.

Textual reads ``BINDINGS`` once per class, while the language is chosen at start (and differs
between tests in one process), so descriptions are written as message keys ("key.quit") and
replaced by their text in the current language on each instance.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from i18n import t


def translate_bindings(node: DOMNode) -> None:
    for key, bindings in list(node._bindings.key_to_bindings.items()):
        node._bindings.key_to_bindings[key] = [
            replace(
                b,
                description=t(b.description) if b.description else "",
                tooltip=t(b.tooltip) if b.tooltip else "",
            )
            for b in bindings
        ]
