"""The colours of the statuses, from the theme's variables: one palette for every screen.

The plan screen, the checklist, its header and its detail pane all take a status's style from
here, so "Klar" has one colour everywhere and follows the theme.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style

if TYPE_CHECKING:
    from textual.app import App

_CACHE: dict[str, dict[str, Style]] = {}


def _colour(value: str) -> str:
    from textual.color import Color

    return Color.parse(value).hex6 if value else "default"


def styles_from(variables: dict[str, str]) -> dict[str, Style]:
    """Status code (and a few marks) → style, from a theme's CSS variables."""
    text = _colour(variables.get("foreground", ""))
    success = _colour(variables.get("success", ""))
    warning = _colour(variables.get("warning", ""))
    error = _colour(variables.get("error", ""))
    primary = _colour(variables.get("primary", ""))
    return {
        "not_started": Style(color=text, dim=True),
        "in_progress": Style(color=warning, bold=True),
        "done": Style(color=success, bold=True),
        "delayed": Style(color=error, bold=True),
        "cancelled": Style(color=text, dim=True, strike=True),
        "overdue": Style(color=error, bold=True),
        "reviewed": Style(color=primary, bold=True),
        "pending": Style(color=warning, bold=True),
        "bar_done": Style(color=success),
        "bar_reviewed": Style(color=primary),
    }


def status_styles(app: App) -> dict[str, Style]:
    """The palette of the app's current theme (made once per theme)."""
    name = str(getattr(app, "theme", "") or "")
    found = _CACHE.get(name)
    if found is None:
        found = _CACHE[name] = styles_from(app.get_css_variables())
    return found
