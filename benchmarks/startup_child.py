"""One start-up, in its own process: prints the seconds from interpreter start to ready for input.

``app``: the same path as ``hrplan`` (database check and schema check, then the app on its plans
screen). ``bare``: a Textual app that shows one static screen. Both run headless; "ready" is the
first moment the first screen is mounted and the app is idle, so a key would be handled. READY is
told that very moment (the parent's clock stops on that line); the app then also tells when the
plans are listed (LISTED), which the start-up ratio does not wait for.
Run as ``python -m benchmarks.startup_child app|bare [DB]``; the parent adds the process start.
"""

from __future__ import annotations

import sys
import time

T0 = time.perf_counter()


async def _ready(pilot) -> None:  # noqa: ANN001
    await pilot.pause()
    print(f"READY {time.perf_counter() - T0:.4f}", flush=True)
    if sys.argv[1] == "app":
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        print(f"LISTED {time.perf_counter() - T0:.4f}", flush=True)
    pilot.app.exit()


def bare_app():  # noqa: ANN201
    """The reference: a Textual app that shows one static screen and imports nothing of hrplan."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hrplan")

    return Bare()


def main() -> None:
    which = sys.argv[1]
    if which == "bare":
        bare_app().run(headless=True, size=(120, 40), auto_pilot=_ready)
        return
    from pathlib import Path

    from tui.cli.common import open_database
    from tui.factory import make_app

    path = Path(sys.argv[2])
    open_database(path).dispose()
    make_app(db_path=path, lang="sv").run(headless=True, size=(120, 40), auto_pilot=_ready)


if __name__ == "__main__":
    main()
