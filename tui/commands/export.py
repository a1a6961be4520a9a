"""Command palette: "Export plan …" for the plan the screen shows or highlights, and for every plan.

A screen that knows a plan offers it through a ``current_plan_id`` attribute (and, when it shows a
follow-up round, ``current_round_id``); the palette then puts that plan's export first.
"""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from i18n import t


class ExportCommands(Provider):
    async def startup(self) -> None:
        self._plans: list[tuple[int, str]] = await asyncio.to_thread(self._load_plans)

    def _load_plans(self) -> list[tuple[int, str]]:
        from db.errors import HrplanError
        from db.queries.plan_list import list_plans

        try:
            with self.app.database.read() as session:
                return [(p.id, p.title) for p in list_plans(session=session)]
        except HrplanError:
            return []  # the screens already say what is wrong with the database

    def _commands(self) -> list[tuple[str, int, int | None]]:
        """(text, plan id, round id): the current plan first, then every plan by title."""
        current = getattr(self.screen, "current_plan_id", None)
        round_id = getattr(self.screen, "current_round_id", None)
        titles = dict(self._plans)
        found = []
        if current is not None:
            text = (
                t("export.command_plan", title=titles[current]) if current in titles else t("export.command")
            )
            found.append((text, current, round_id))
        found += [
            (t("export.command_plan", title=title), plan_id, None)
            for plan_id, title in self._plans
            if plan_id != current
        ]
        return found

    def _run(self, plan_id: int, round_id: int | None) -> None:
        from tui.flows.export import open_export

        open_export(self.app, plan_id, round_id)

    async def discover(self) -> Hits:
        for text, plan_id, round_id in self._commands():
            yield DiscoveryHit(text, partial(self._run, plan_id, round_id), help=t("export.command_help"))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, plan_id, round_id in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self._run, plan_id, round_id),
                    help=t("export.command_help"),
                )
