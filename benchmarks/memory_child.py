"""Peak memory of one process, in its own process: prints ``PEAK <MB>``.

``checklist``: hrplan on the plans list, then the large plan's checklist pushed and painted with its
rows, every worker done. ``bare``: a Textual app that shows one static screen (as in start-up).
Run as ``python -m benchmarks.memory_child checklist|bare DB [PLAN_ID ROUND_ID]``.
"""

from __future__ import annotations

import resource
import sys


def _peak_mb() -> float:
    """The process's high-water mark. Linux keeps ``ru_maxrss`` across ``exec``, so a child started
    by a large parent would report the parent's peak: /proc's VmHWM belongs to this program alone."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


async def _report(pilot) -> None:  # noqa: ANN001
    await pilot.pause()
    if sys.argv[1] == "checklist":
        from benchmarks.paint import time_to_first_paint
        from tui.screens.checklist import ChecklistScreen

        await time_to_first_paint(pilot.app, ChecklistScreen(int(sys.argv[3]), int(sys.argv[4])))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    print(f"PEAK {_peak_mb():.1f}", flush=True)
    pilot.app.exit()


def main() -> None:
    if sys.argv[1] == "bare":
        from benchmarks.startup_child import bare_app

        bare_app().run(headless=True, size=(120, 40), auto_pilot=_report)
        return
    from pathlib import Path

    from tui.factory import make_app

    make_app(db_path=Path(sys.argv[2]), lang="sv").run(headless=True, size=(120, 40), auto_pilot=_report)


if __name__ == "__main__":
    main()
