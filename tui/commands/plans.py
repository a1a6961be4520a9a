"""Command palette: every action of the plans screen, named as in its Footer and help."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from i18n import t
from tui.bindings import declared_bindings, describe, key_label

# The actions of the plans screen this provider offers; other domains offer their own keys on the
# screen (follow-up, export, import) through their own providers.
PLANS_ACTIONS = (
    "open", "new", "edit", "archive", "restore", "show_archived", "hide_archived", "delete", "copy",
    "filter", "sort", "reverse", "undo", "help", "app.quit",
)  # fmt: skip


class PlansCommands(Provider):
    """Offers the plans screen's actions while that screen is the one the palette was opened on."""

    def _commands(self) -> Iterator[tuple[str, str, str]]:
        """(text, key, action) of each action that applies now."""
        from tui.screens.plans import PlansScreen

        screen = self.screen
        if not isinstance(screen, PlansScreen):
            return
        prefix = t("plans.palette_prefix")
        seen: set[str] = set()
        for binding in declared_bindings(screen):
            if binding.action not in PLANS_ACTIONS or binding.action in seen:
                continue
            if not screen.check_action(binding.action, ()):
                continue
            seen.add(binding.action)
            yield f"{prefix}: {describe(binding)}", key_label(binding.key), binding.action

    def _run(self, action: str) -> None:
        self.app.call_later(self.screen.run_action, action)

    async def discover(self) -> Hits:
        for text, key, action in self._commands():
            yield DiscoveryHit(text, partial(self._run, action), help=t("plans.palette_key", key=key))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, key, action in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, action), text=text,
                          help=t("plans.palette_key", key=key))  # fmt: skip
