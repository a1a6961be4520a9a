"""Runs ``hrplan`` (``python -m tui``) with the given arguments and, at exit, writes the process's
peak resident memory (``VmHWM``, kB) to the file named by ``HRPLAN_BENCH_PEAK``.

``ru_maxrss`` of a child cannot be used: Linux carries it over ``exec`` from the benchmark process.
"""

import atexit
import os
import runpy
import sys


def _report() -> None:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["HRPLAN_BENCH_PEAK"], "w", encoding="ascii") as out:
        out.write(peak)


atexit.register(_report)
sys.argv = ["hrplan", *sys.argv[1:]]
runpy.run_module("tui", run_name="__main__")
