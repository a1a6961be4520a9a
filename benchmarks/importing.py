"""Import of a 1,000-activity Word plan: reading the file and saving it as a new plan, in one change.

The document has the shape of a published plan: the plan's details, then per unit its heading lines
("Avdelning/Enhet:", "Datum:", "Ansvarig chef:") and a table in the template's columns with a merged
row for each UBARA area.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.report import Result, median, spread_of

RUNS = 3
UNITS = 10
HEADER = ("Vad ska vi uppnå?", "Aktivitet – Hur gör vi det?", "Måldatum", "Ansvarig (Funktion)",
          "Resurser", "Uppföljning/Kommentar")  # fmt: skip
AREAS = ("Utveckla", "Behålla", "Attrahera", "Rekrytera", "Introducera")
TARGETS = ("År 2025", "våren 2026", "T2 2025", "Löpande", "2026-03-31")


def write_plan_docx(path: Path, activities: int = 1_000) -> Path:
    """A Word plan with ``activities`` activities spread evenly over the units and areas."""
    import docx

    document = docx.Document()
    document.add_heading("Kompetensförsörjningsplan för Socialförvaltningen 2025–2027", level=0)
    document.add_paragraph("Fastställd av Socialnämnden 2024-12-12, § 146. Dnr SN 2024/301")
    document.add_paragraph("Planen följs upp per tertial.")
    per_unit = activities // UNITS
    for u in range(UNITS):
        document.add_paragraph(f"Avdelning/Enhet: Enhet {u + 1}")
        document.add_paragraph("Datum: 2024-10-01")
        document.add_paragraph(f"Ansvarig chef: Chef {u + 1}")
        count = per_unit + (1 if u < activities % UNITS else 0)
        groups = [range(count)[a::len(AREAS)] for a in range(len(AREAS))]
        lines: list[tuple[str, ...] | str] = [HEADER]
        for area, numbers in zip(AREAS, groups, strict=True):
            lines.append(area)
            lines += [(f"Mål {u + 1}.{n + 1} inom {area.lower()}",
                       f"Aktivitet {n + 1} för enhet {u + 1}: utbildning och uppföljning på APT",
                       TARGETS[n % len(TARGETS)], ("Enhetschef", "HR-konsult")[n % 2], "2 timmar", "")
                      for n in numbers]  # fmt: skip
        table = document.add_table(rows=len(lines), cols=len(HEADER))
        for row, line in zip(table.rows, lines, strict=True):
            cells = row.cells
            if isinstance(line, str):
                cells[0].merge(cells[-1]).text = line
                continue
            for cell, text in zip(cells, line, strict=True):
                cell.text = text
    document.save(str(path))
    return path


def import_once(source: Path, db: Path) -> tuple[float, int]:
    """Seconds to read ``source`` and save it as a new plan in the database at ``db``; activities."""
    from db.engine import Database
    from importers.files import read_plan_file
    from importers.writer import write_plan

    database = Database(db)
    try:
        start = time.perf_counter()
        imported = read_plan_file(source)
        with database.write() as session:
            write_plan(imported, session=session)
        return time.perf_counter() - start, len(imported.activities)
    finally:
        database.dispose()


def run(_bench: object = None, *, runs: int = RUNS, activities: int = 1_000) -> list[Result]:
    from db.engine import Database
    from db.migrate import upgrade

    with tempfile.TemporaryDirectory(prefix="hrplan-import-") as tmp:
        source = write_plan_docx(Path(tmp) / "plan.docx", activities)
        db = Path(tmp) / "import.db"
        database = Database(db)
        upgrade(database)
        database.dispose()
        measured = [import_once(source, db) for _ in range(runs)]
    times = [seconds for seconds, _ in measured]
    read = {count for _, count in measured}
    if read != {activities}:
        raise RuntimeError(f"the import read {sorted(read)} activities, not {activities}")
    return [Result("import Word plan, 1,000 activities", "s", median(times), spread_of(times), 2, runs,
                   "read the file and save it as a new plan")]  # fmt: skip
