"""The keys of the current screen at the bottom, wrapped over as many lines as they need.

Textual's Footer keeps to one line, which cuts off the last keys of a busy screen at 120 columns
(in Swedish above all), and it builds a widget per key each time the keys change. ``KeyBar`` is
one Static: every key that applies is listed, keys that do not apply right now are dimmed, and the
text wraps between keys, never inside one. Navigation keys (``show=False``) are left out; ``?``
lists everything.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.bindings import describe


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 4;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    shown: Text = Text()
    """What the bar shows now."""

    _pending = False

    def on_mount(self) -> None:
        # Not filled here: a screen's ``check_action`` may ask for widgets that mount after the bar.
        # A screen that can tell its keys in its own ``on_mount`` calls ``show_keys`` there, so the
        # first layout has them (filled later, the bar grows from nothing: one more layout and
        # paint before the first key is taken).
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._show_soon()

    def _bindings_changed(self, screen: object) -> None:
        if screen is self.screen:
            self._show_soon()

    def on_resize(self) -> None:
        self._show_soon()

    def _show_soon(self) -> None:
        """Rebuild once after the next refresh, however often the keys changed meanwhile (a screen
        that mounts changes them many times; each rebuild is a new text and a new layout)."""
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._show_pending)

    def _show_pending(self) -> None:
        self._pending = False
        if self.is_attached:
            self.show_keys()

    def show_keys(self) -> None:
        """Rebuild the text from the screen's active bindings, wrapped between keys."""
        app = self.app
        key_style = "bold " + ("#ffa62b" if app.current_theme.dark else "#b35c00")
        pairs: list[Text] = []
        seen: set[tuple[str, str]] = set()
        palette = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if key == app.COMMAND_PALETTE_BINDING:
                palette = active
                continue
            description = describe(binding)
            if not binding.show or not description:
                continue
            marker = (binding.action, description)
            if marker not in seen:
                seen.add(marker)
                pairs.append(self._pair(app.get_key_display(binding), description, active.enabled,
                                        key_style))  # fmt: skip
        if palette is not None and (description := describe(palette.binding)):
            pairs.append(self._pair(app.get_key_display(palette.binding), description, palette.enabled,
                                    key_style))  # fmt: skip
        # Not laid out yet (mounting): the bar spans the screen, less its padding.
        width = self.size.width or self.app.size.width - 2
        shown = self._wrapped(pairs, max(20, width - 2))
        if shown != self.shown:  # same text and styles: nothing to lay out again
            self.shown = shown
            self.update(shown)

    @staticmethod
    def _pair(key: str, description: str, enabled: bool, key_style: str) -> Text:
        pair = Text()
        pair.append(key, style=key_style if enabled else "dim")
        pair.append(" " + description, style="" if enabled else "dim")
        return pair

    @staticmethod
    def _wrapped(pairs: list[Text], width: int) -> Text:
        """The pairs two spaces apart, a new line where the next pair would not fit."""
        text = Text(no_wrap=True, overflow="ellipsis")
        used = 0
        for pair in pairs:
            length = pair.cell_len
            if used and used + 2 + length > width:
                text.append("\n")
                used = 0
            elif used:
                text.append("  ")
                used += 2
            text.append_text(pair)
            used += length
        return text
