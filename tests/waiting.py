"""Waiting in Pilot tests on what the screen shows, never for a fixed time."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


async def until(pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:  # noqa: ANN001
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds (a hang, not a
    slow machine: the condition is checked after every step of the app)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {condition}")
        await pilot.pause(0.01)


def palette_results(app) -> int:  # noqa: ANN001
    """How many entries the open command palette lists (0 when none is open)."""
    from textual.command import CommandList, CommandPalette

    if not isinstance(app.screen, CommandPalette):
        return 0
    return app.screen.query_one(CommandList).option_count


def notices(app) -> list[str]:  # noqa: ANN001
    """The notices on screen now (the app must run with ``run_test(notifications=True)``)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]
