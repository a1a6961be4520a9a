"""Where hrplan keeps its files. Resolved when called, never at import, so tests can redirect it."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "hrplan"
DB_ENV = "HRPLAN_DB"
DB_FILENAME = "hrplan.db"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def resolve_db_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The database file: ``--db`` first, then ``HRPLAN_DB``, then the user's data directory."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME


def backup_dir(db_path: Path) -> Path:
    """Backups live beside the database, so they move with it and share its permissions."""
    return db_path.parent / f"{db_path.stem}-backups"
