"""Command palette: the follow-up's actions, for the screen they apply to.

On the plans list: the follow-up of the highlighted plan. On the checklist: every key of the
checklist (status, comment, undo, search, filters, rounds, history, close), found by name.
"""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from i18n import t

# (message key of the command, action on the screen, screen class name)
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("command.followup", "followup", "PlansScreen"),
    ("command.toggle_done", "toggle_done", "ChecklistScreen"),
    ("command.status_not_started", "set_status('not_started')", "ChecklistScreen"),
    ("command.status_in_progress", "set_status('in_progress')", "ChecklistScreen"),
    ("command.status_done", "set_status('done')", "ChecklistScreen"),
    ("command.status_delayed", "set_status('delayed')", "ChecklistScreen"),
    ("command.status_cancelled", "set_status('cancelled')", "ChecklistScreen"),
    ("command.comment", "comment", "ChecklistScreen"),
    ("command.next_unreviewed", "next_unreviewed(1)", "ChecklistScreen"),
    ("command.previous_unreviewed", "next_unreviewed(-1)", "ChecklistScreen"),
    ("command.undo", "undo", "ChecklistScreen"),
    ("command.redo", "redo", "ChecklistScreen"),
    ("command.search", "search", "ChecklistScreen"),
    ("command.filters", "filters", "ChecklistScreen"),
    ("command.overdue", "toggle_overdue", "ChecklistScreen"),
    ("command.clear_filters", "clear_filters", "ChecklistScreen"),
    ("command.history", "history", "ChecklistScreen"),
    ("command.rounds", "rounds", "ChecklistScreen"),
    ("command.new_round", "new_round", "ChecklistScreen"),
    ("command.close_round", "toggle_closed", "ChecklistScreen"),
    ("command.delete_round", "delete_round", "ChecklistScreen"),
)


class FollowUpCommands(Provider):
    def _available(self) -> list[tuple[str, str]]:
        screen = self.screen
        found = []
        for key, action, screen_name in COMMANDS:
            if type(screen).__name__ != screen_name:
                continue
            name = action.split("(")[0]
            if screen.check_action(name, ()) is not True:
                continue
            found.append((t(key), action))
        return found

    async def discover(self) -> Hits:
        for text, action in self._available():
            yield Hit(1.0, text, partial(self.screen.run_action, action), help=t("command.help"))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action in self._available():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.screen.run_action, action),
                          help=t("command.help"))  # fmt: skip
