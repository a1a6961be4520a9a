"""What the subcommands share: opening the database and printing."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from db.engine import Database
from db.paths import ServerUrl


def open_database(path: Path | ServerUrl) -> Database:
    """Check the file, create it when missing, bring its schema to head and make today's backup.

    A database on a server (a ``ServerUrl``) is brought to head the same way; its backups are the
    server's (``hrplan backup`` makes one with pg_dump on request).
    """
    from db.migrate import upgrade

    database = Database(path)
    if database.is_server:
        upgrade(database)
        return database
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
