"""What the subcommands share: opening the database and printing."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from db.engine import Database


def open_database(path: Path) -> Database:
    """Check the file, create it when missing, bring its schema to head and make today's backup."""
    from db.migrate import upgrade

    database = Database(path)
    existed = path.is_file() and path.stat().st_size > 0
    upgrade(database)
    if existed:  # a database made just now has nothing to back up yet
        backup_once_a_day(path)
    return database


def backup_once_a_day(path: Path) -> None:
    """Today's backup. A damaged database stops here; a backup that fails otherwise only warns."""
    from db.backup import daily_backup
    from db.errors import BackupError, DiskFullError
    from i18n import t

    try:
        daily_backup(path)
    except (BackupError, DiskFullError) as exc:
        print(f"hrplan: {t('backup.daily_failed', reason=exc.message())}", file=sys.stderr)


def database_from(args: Any) -> Database:
    from db.paths import resolve_db_path

    return open_database(resolve_db_path(args.db))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_columns(headers: list[str], rows: list[tuple[str, ...]]) -> None:
    """A plain table, columns padded to their widest cell: what ``hrplan list`` prints.

    Without rich, whose import alone costs more than the rest of the command; the text is the user's
    own (titles, names), printed as it is, with control characters shown as spaces.
    """
    cleaned = [[" ".join(cell.split()) for cell in row] for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(headers, *cleaned, strict=True)]
    out = sys.stdout
    for row in (headers, *cleaned):
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        out.write(line.rstrip() + "\n")
