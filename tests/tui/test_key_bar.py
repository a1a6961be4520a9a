"""The key bar lists every key that applies, dims the others, and wraps between keys, never inside one."""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tui.widgets.key_bar import KeyBar


class Busy(Screen[None]):
    BINDINGS = [
        *(Binding(k, f"act('{k}')", f"Åtgärd nummer {k}") for k in "abcdefghijklmnopqrs"),
        Binding("down", "act('down')", "Ned", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static("innehåll")
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if parameters == ("b",) else True

    def action_act(self, key: str) -> None:
        pass


class BarApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Busy())


async def test_every_key_is_shown_wrapped_between_keys() -> None:
    app = BarApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        text = bar.shown
        lines = text.plain.split("\n")
        assert len(lines) >= 3 and all(len(line) <= 58 for line in lines)
        for key in "abcdefghijklmnopqrs":
            assert f"{key} Åtgärd nummer {key}" in lines[[i for i, line in enumerate(lines)
                                                        if f"{key} Åtgärd" in line][0]]  # fmt: skip
        assert "Ned" not in text.plain  # navigation keys stay out
        dimmed = [span for span in text.spans if "dim" in str(span.style)]
        assert any(text.plain[s.start:s.end].strip() in ("b", "Åtgärd nummer b") for s in dimmed)
