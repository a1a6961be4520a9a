"""Hostile import files: each must be refused, or imported, within 10 s and 300 MB peak memory.

The files are made here (``benchmarks.hostile_files``), each at the size an adversarial run used,
and each is imported in a process of its own (``benchmarks.hostile_child``), so that its peak memory
is its own. The peak is the whole process's, the interpreter and hrplan's imports included.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import hostile_files as make
from benchmarks.report import Result

SECONDS_GOAL = 10
MEMORY_GOAL_MB = 300
FILES = (
    ("Word file of 40 million empty paragraphs (350 KB)", "empty.docx", make.empty_paragraphs_docx),
    ("Word file of 8 million empty paragraphs (48 MB unpacked)", "empty-48mb.docx",
     lambda path: make.empty_paragraphs_docx(path, 8_000_000)),
    ("zip bomb: 1 GB unpacked from 1 MB", "bomb.docx", make.zip_bomb_docx),
    ("XML entity bomb (billion laughs)", "entities.docx", make.entity_bomb_docx),
    ("workbook whose sheet claims XFD1048576 (5 KB)", "claimed.xlsx", make.claimed_sheet_xlsx),
    ("CSV of a million rows (45 MB)", "rows.csv", make.rows_csv),
    ("text file of 60 MB", "large.txt", make.large_text),
    ("Word plan of 25,000 activities", "activities.docx", make.activities_docx),
    ("Word plan of 19,000 activities (within the limits)", "activities-19k.docx",
     lambda path: make.activities_docx(path, 19_000)),
)  # fmt: skip


def measure(path: Path) -> dict:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "HRPLAN_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "benchmarks.hostile_child", str(path)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{path.name}: the import failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(_bench: object = None) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="hrplan-hostile-") as tmp:
        for title, name, maker in FILES:
            path = maker(Path(tmp) / name)
            found = measure(path)
            path.unlink()
            note = found["outcome"].split(": ", 2)[-1][:90]
            results.append(Result(f"hostile import: {title}", "s", found["seconds"], "1 run", SECONDS_GOAL, 1,
                                  note))  # fmt: skip
            results.append(Result(f"hostile import: {title}, peak memory", "MB", found["peak_mb"], "1 run",
                                  MEMORY_GOAL_MB, 1, "whole process"))  # fmt: skip
    return results


if __name__ == "__main__":
    from benchmarks.report import table

    print(table(run()))
