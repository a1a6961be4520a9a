"""Which of Textual's own English texts a person can meet in hrplan: the key descriptions of the
Textual widgets hrplan uses, and the palette's and system commands' texts.

The catalog (``i18n/messages/textual.py``) translates them; the tests use this list to check that
every one is translated and that none shows on a Swedish screen.
"""

from __future__ import annotations

# Textual's texts outside key descriptions that hrplan replaces (palette, system commands).
PALETTE_TEXTS = (
    "Search for commands…", "Search for themes…", "No matches found", "Theme", "Change the current theme",
    "Quit the application as soon as possible", "Keys", "Screenshot", "Maximize", "Minimize",
    "Show help for the focused widget and a summary of available keys",
    "Save an SVG 'screenshot' of the current screen", "Press", "to quit the app",
)  # fmt: skip


def widget_classes() -> list[type]:
    from textual.app import App
    from textual.command import CommandInput, CommandPalette
    from textual.containers import ScrollableContainer, VerticalScroll
    from textual.screen import ModalScreen, Screen
    from textual.scroll_view import ScrollView
    from textual.widgets import (
        Button,
        Checkbox,
        DataTable,
        DirectoryTree,
        Input,
        Label,
        OptionList,
        Select,
        Static,  # fmt: skip
        TextArea,
        Tree,
    )
    from textual.widgets._select import SelectCurrent, SelectOverlay

    return [App, Screen, ModalScreen, Static, Label, OptionList, Input, DataTable, TextArea, Select,
            SelectOverlay, SelectCurrent, Button, Tree, DirectoryTree, Checkbox, VerticalScroll,
            ScrollableContainer, ScrollView, CommandPalette, CommandInput]  # fmt: skip


def textual_descriptions() -> set[str]:
    """Every key description the Textual widgets hrplan uses declare."""
    from tui.bindings import declared_bindings

    return {b.description for cls in widget_classes() for b in declared_bindings(cls) if b.description}
