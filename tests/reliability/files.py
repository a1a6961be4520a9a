"""Helpers for damaging files and proving they were not changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

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


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """Make ``folder`` impossible to write in, also for an administrator (immutable when root)."""
    as_root = os.geteuid() == 0
    if as_root:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: a read-only folder cannot be made")
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("this file system has no immutable folders")
    else:
        folder.chmod(0o555)
    try:
        yield
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o755)


@contextmanager
def locked_by_another_process(path: Path) -> Iterator[None]:
    """Another process holds an exclusive lock on the database until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""
