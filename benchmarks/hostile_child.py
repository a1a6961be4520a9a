"""One hostile import in its own process: ``python -m benchmarks.hostile_child FILE``.

Prints one line of JSON: how the import ended (the activities read, or the one-line refusal), the
seconds it took and the process's peak memory (resident set, MB), the interpreter included.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def peak_mb() -> float:
    """This process's own peak resident set. ``ru_maxrss`` is not it on Linux: it keeps the parent's
    peak across fork and exec, so a child of a large benchmark run would report the parent's. The
    kernel's per-process high-water mark (VmHWM) starts anew at exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    from i18n import detect_language, set_language
    from importers.errors import ImportFileError
    from importers.files import read_plan_file

    set_language(detect_language())

    start = time.perf_counter()
    try:
        plan = read_plan_file(sys.argv[1])
        outcome = f"imported {len(plan.activities)} activities"
    except ImportFileError as exc:
        outcome = f"refused: {exc.message()}"
    seconds = time.perf_counter() - start
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb()}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
