"""Backups of a database on a PostgreSQL server: pg_dump and pg_restore, when installed.

A server has backups of its own, run by the IT department; ``hrplan backup`` adds a copy of one's
own on request (pg_dump's custom format, readable by the owner only). Restoring runs pg_restore in
one transaction: the database gets the whole backup or stays as it was. Without the tools, hrplan
says so in one line. The password is never on a command line: libpq finds it as for the app.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from db.backup import private_folder
from db.errors import BackupError
from db.paths import ServerUrl, data_dir
from db.server import conninfo

DUMP_HEADER = b"PGDMP"
TIMEOUT_S = 3600


def _tool(name: str, missing_key: str, label: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(missing_key, path=label)
    return found


def _run(args: list[str], *, failed_key: str, label: str) -> None:
    done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        reason = (lines[0] if lines else f"exit {done.returncode}")[:300]
        raise BackupError(failed_key, path=label, reason=reason)


def server_backup_dir(url: ServerUrl) -> Path:
    """Where ``hrplan backup`` puts copies of a server database: the user's data folder."""
    return data_dir() / "server-backups"


def dump(url: ServerUrl, output: Path | None = None, reason: str = "manual") -> Path:
    """pg_dump of the database into ``output`` (never overwritten) or the backup folder."""
    label = str(url)
    pg_dump = _tool("pg_dump", "backup.server_no_pg_dump", label)
    if output is None:
        folder = private_folder(server_backup_dir(url))
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in url.database)[:60] or "hrplan"
        output = folder / f"{safe}-{stamp}-{reason}.dump"
    if output.exists():
        raise BackupError("backup.output_exists", path=str(output))
    part = output.with_name(output.name + ".part")
    try:
        fd = os.open(part, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        os.close(fd)
        _run([pg_dump, "--format=custom", f"--file={part}", f"--dbname={conninfo(url)}"],
             failed_key="backup.server_failed", label=label)  # fmt: skip
        part.chmod(0o600)
        if output.exists():
            raise BackupError("backup.output_exists", path=str(output))
        os.replace(part, output)
    except OSError as exc:
        raise BackupError(reason=exc.strerror or type(exc).__name__) from None
    finally:
        part.unlink(missing_ok=True)
    return output


def restore_dump(url: ServerUrl, source: Path) -> Path:
    """Put a pg_dump backup in place of the database, after keeping the current one; returns where
    the current one was kept. One transaction: on failure nothing changed."""
    label = str(url)
    if not source.is_file():
        raise BackupError("restore.missing", path=str(source))
    with source.open("rb") as fh:
        if fh.read(len(DUMP_HEADER)) != DUMP_HEADER:
            raise BackupError("restore.server_not_dump", path=str(source))
    pg_restore = _tool("pg_restore", "restore.server_no_pg_restore", label)
    _run([pg_restore, "--list", str(source)], failed_key="restore.server_failed", label=label)
    kept = dump(url, reason="before-restore")
    _run([pg_restore, "--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-owner",
          "--no-privileges", f"--dbname={conninfo(url)}", str(source)],
         failed_key="restore.server_failed", label=label)  # fmt: skip
    return kept
