"""Command palette: "Importera plan …" starts the import flow from anywhere in the app."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

from i18n import t


class ImportCommands(Provider):
    async def discover(self) -> Hits:
        yield DiscoveryHit(t("import.command"), self._start, help=t("import.command_help"))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        text = t("import.command")
        score = matcher.match(text)
        if score > 0:
            yield Hit(score, matcher.highlight(text), self._start, help=t("import.command_help"))

    def _start(self) -> None:
        from tui.flows.importing import open_import

        open_import(self.app, self._imported)

    def _imported(self, plan_id: int) -> None:
        """Show the new plan in the list of plans, wherever that screen is in the stack."""
        from tui.screens.plans import PlansScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, PlansScreen):
                screen.load_plans(plan_id)
