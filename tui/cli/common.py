"""What the subcommands share: opening the database and printing."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from db.engine import Database


def open_database(path: Path) -> Database:
    """Check the file, create it when missing and bring its schema to head."""
    from db.migrate import upgrade

    database = Database(path)
    upgrade(database)
    return database


def database_from(args: Any) -> Database:
    from db.paths import resolve_db_path

    return open_database(resolve_db_path(args.db))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
