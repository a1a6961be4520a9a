"""Helpers for damaging files and proving they were not changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from db.engine import Database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def settle(database: Database) -> None:
    """Close every connection and fold the WAL into the file, so the file alone holds the data."""
    database.dispose()
    with sqlite3.connect(database.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def corrupt_pages(path: Path, first_page: int = 2, pages: int = 6, page_size: int = 4096) -> None:
    """Overwrite pages after the header with a pattern: an SQLite file whose b-trees are damaged."""
    data = bytearray(path.read_bytes())
    start = (first_page - 1) * page_size
    end = min(len(data), start + pages * page_size)
    data[start:end] = bytes((i * 37 + 11) % 256 for i in range(end - start))
    path.write_bytes(bytes(data))


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()
