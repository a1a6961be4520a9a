"""Command palette entries for the plan screen and the key figures screen: every key's action.

The entries come from the screen's own BINDINGS, so a new key shows up here without more code, and
an action the screen does not allow right now (``check_action``) is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from i18n import t


class PlanCommands(Provider):
    def _entries(self) -> Iterator[tuple[str, str, object]]:
        """(label, keys, callback) for each action of the current screen that applies now."""
        from tui.bindings import describe, keys_label
        from tui.screens.key_figures import KeyFiguresScreen
        from tui.screens.plan import PlanScreen

        screen = self.screen
        if not isinstance(screen, PlanScreen | KeyFiguresScreen):
            return
        for binding in type(screen).BINDINGS:
            if isinstance(binding, tuple) or not binding.description:
                continue
            name = binding.action.split("(")[0]
            if not screen.check_action(name, ()):
                continue
            yield describe(binding), keys_label(binding.key), partial(screen.run_action, binding.action)

    async def discover(self) -> Hits:
        for label, keys, callback in self._entries():
            yield DiscoveryHit(label, callback, help=f"{t('plan.cmd_group')} · {keys}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, keys, callback in self._entries():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), callback, help=f"{t('plan.cmd_group')} · {keys}")
