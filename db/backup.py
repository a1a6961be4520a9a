"""Backups of the database through SQLite's backup API, kept in a private folder beside it.

A backup is made before every migration, once a day at start and on ``hrplan backup``; the folder
keeps the newest ``KEEP``. The backup API copies a consistent state even while another instance
writes, including what still sits in the WAL file. Every copy is written to a ``.part`` file first,
checked, and only then given its name, so a backup that has a name is whole.

Restoring checks the file first (an SQLite file, whole, an hrplan database of a revision this hrplan
knows), keeps the current database as a backup, then copies the backup into the database file in
one write transaction, so that a running instance sees either the old or the restored data.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path

from db.engine import SQLITE_HEADER, connect_plain
from db.errors import BackupError, CorruptDatabaseError, DiskFullError, NotADatabaseError
from db.paths import backup_dir

KEEP = 10
# Tables every hrplan database has, whatever its revision.
HRPLAN_TABLES = frozenset({"alembic_version", "plan", "activity"})
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9_-]+)\.db$")


def private_folder(folder: Path) -> Path:
    """The backup folder, created when missing, readable by its owner only (0700)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    return folder


def _new_private_file(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _first_problem(conn: sqlite3.Connection, pragma: str) -> str | None:
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    return None if rows == ["ok"] else str(rows[0] if rows else "?")


def _os_error(exc: OSError, path: Path) -> Exception:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(path=str(path))
    return BackupError(reason=exc.strerror or type(exc).__name__)


def copy_database(source: Path, target: Path) -> Path:
    """Copy ``source`` into the new file ``target`` (0600, never overwritten) and check the copy."""
    part = target.with_name(target.name + ".part")
    try:
        _new_private_file(part)
    except FileExistsError:
        part.unlink()
        _new_private_file(part)
    except OSError as exc:
        raise _os_error(exc, target) from None
    try:
        src = connect_plain(source, readonly=True)
        try:
            dest = sqlite3.connect(part)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                problem = _first_problem(dest, "quick_check")
            finally:
                dest.close()
        finally:
            src.close()
        if problem is not None:
            raise damaged_error(source)
        if target.exists():
            raise BackupError("backup.output_exists", path=str(target))
        os.replace(part, target)
    except sqlite3.DatabaseError as exc:
        from db.engine import translate_operational_error

        raise (translate_operational_error(exc, source) or damaged_error(source)) from None
    except OSError as exc:
        raise _os_error(exc, target) from None
    finally:
        part.unlink(missing_ok=True)
    return target


def damaged_error(db_path: Path, detail_key: str | None = None, **detail: object) -> CorruptDatabaseError:
    """The error for a damaged database, naming the newest good backup to restore when there is one.

    ``detail_key`` says what is wrong when it is known (a lost column, no revision record).
    """
    from i18n import t

    folder = str(backup_dir(db_path).absolute())
    params: dict[str, object] = {"path": str(db_path), "backups": folder}
    if detail_key is not None:
        params["detail"] = t(detail_key, **detail)
    good = newest_good_backup(db_path)
    suffix = "_detail" if detail_key is not None else ""
    if good is None:
        return CorruptDatabaseError(f"error.corrupt_database_no_backup{suffix}", **params)
    return CorruptDatabaseError(f"error.corrupt_database{suffix}", latest=str(good.absolute()), **params)


def backup_problem(path: Path) -> str | None:
    """What makes a backup unusable (damaged pages, not hrplan's, a revision unknown here,
    a lost table or column), or None when it can be restored."""
    from db.migrate import HEAD_REVISION, KNOWN_REVISIONS
    from db.schema import missing_parts

    try:
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "not_sqlite"
        conn = connect_plain(path, readonly=True)
        try:
            if _first_problem(conn, "quick_check") is not None:
                return "damaged"
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not HRPLAN_TABLES <= tables:
                return "not_hrplan"
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] not in KNOWN_REVISIONS:
                return "revision"
            if row[0] == HEAD_REVISION and missing_parts(conn):
                return "missing"
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError):
        return "unreadable"
    return None


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of ``db_path`` that is whole and of a revision this hrplan knows."""
    for path in reversed(list_backups(db_path)):
        if backup_problem(path) is None:
            return path
    return None


def list_backups(db_path: Path) -> list[Path]:
    """The backups of ``db_path`` in its backup folder, oldest first. Other files are ignored."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["stem"] == db_path.stem and path.is_file():
            found.append((match["stamp"], int(match["n"] or 0), path))
    return [path for *_, path in sorted(found)]


def _backup_name(db_path: Path, reason: str, moment: datetime) -> Path:
    folder = private_folder(backup_dir(db_path))
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{n}-{reason}.db"
    return target


def rotate(db_path: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups, and leftovers of interrupted ones."""
    backups = list_backups(db_path)
    removed = backups[:-keep] if len(backups) > keep else []
    for path in removed:
        path.unlink(missing_ok=True)
        Path(f"{path}-wal").unlink(missing_ok=True)  # kept beside a raw copy of a damaged database
    folder = backup_dir(db_path)
    if folder.is_dir():
        for leftover in folder.glob(f"{db_path.stem}-*.db.part"):
            leftover.unlink(missing_ok=True)
    return removed


def make_backup(db_path: Path, reason: str, *, moment: datetime | None = None) -> Path:
    """A new backup of ``db_path`` in its backup folder, then rotation to the newest ``KEEP``."""
    try:
        target = _backup_name(db_path, reason, moment or datetime.now())
    except OSError as exc:
        raise _os_error(exc, db_path) from None
    copy_database(db_path, target)
    rotate(db_path)
    return target


def _backup_day(path: Path) -> date | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    stamp = match["stamp"]  # YYYYMMDD-HHMMSS (read without strptime, whose import costs a command 3 ms)
    return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))


def daily_backup(db_path: Path, *, today: date | None = None) -> Path | None:
    """A backup unless one was made today; None when there was one, or nothing to back up.

    The database is checked first: a damaged database is reported, and never rotates good backups
    away.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    backups = list_backups(db_path)
    today = today or date.today()
    if backups and _backup_day(backups[-1]) == today:
        return None
    try:
        conn = connect_plain(db_path, readonly=True)
        try:
            problem = _first_problem(conn, "quick_check")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        problem = "unreadable"
    if problem is not None:
        raise damaged_error(db_path)
    return make_backup(db_path, "daily")


def check_restorable(path: Path) -> str:
    """Check a file before restoring it; returns its revision. Raises ``BackupError`` saying why."""
    from db.migrate import HEAD_REVISION, KNOWN_REVISIONS
    from db.schema import is_newer, missing_parts

    where = str(path)
    if path.is_dir():
        raise BackupError("restore.is_folder", path=where)
    if path.is_symlink() and not path.exists():
        raise BackupError("restore.dangling", path=where, target=os.readlink(path))
    if not path.is_file():
        raise BackupError("restore.missing", path=where)
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError("restore.not_sqlite", path=where)
    try:
        conn = connect_plain(path, readonly=True)
        try:
            problem = _first_problem(conn, "integrity_check")
            if problem is not None:
                raise BackupError("restore.damaged", path=where, detail=problem[:80])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not HRPLAN_TABLES - {"alembic_version"} <= tables:
                raise BackupError("restore.not_hrplan", path=where)
            row = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or not (row[0] or "").strip():
                raise BackupError("restore.no_revision", path=where)
            if row[0] not in KNOWN_REVISIONS:
                if is_newer(row[0], HEAD_REVISION):
                    raise BackupError("restore.newer", path=where, revision=row[0])
                raise BackupError("restore.unknown_revision", path=where, revision=row[0])
            missing = missing_parts(conn) if row[0] == HEAD_REVISION else []
            if missing:
                raise BackupError("restore.missing_parts", path=where, parts=", ".join(missing[:5]))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError("restore.damaged", path=where, detail=str(exc)[:80]) from None
    return row[0]


def _keep_current(db_path: Path) -> Path | None:
    """Save the database about to be replaced: a checked backup, or a raw copy when it is damaged."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    if backup_problem(db_path) is None:  # whole: a checked backup (damaged: a raw copy below)
        with suppress(CorruptDatabaseError, NotADatabaseError):
            return make_backup(db_path, "before-restore")
    target = _backup_name(db_path, "before-restore-damaged", datetime.now())
    for suffix in ("", "-wal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists() and (suffix == "" or source.stat().st_size > 0):
            copy = Path(f"{target}{suffix}")
            _new_private_file(copy)
            import shutil

            shutil.copyfile(source, copy)
    return target


def restore(db_path: Path, source: Path) -> Path | None:
    """Put the backup ``source`` in place of ``db_path``; returns where the old database was kept."""
    check_restorable(source)
    if db_path.exists() and db_path.samefile(source):
        raise BackupError("backup.same_file", path=str(source))
    try:
        kept = _keep_current(db_path)
        if not db_path.exists():
            from db.engine import create_private_file

            create_private_file(db_path)
        try:
            _copy_into(source, db_path)
        except sqlite3.DatabaseError:
            _replace_file(source, db_path)
    except OSError as exc:
        raise _os_error(exc, db_path) from None
    return kept


def _copy_into(source: Path, db_path: Path) -> None:
    """Copy in one write transaction of the live file: other instances see old or new, nothing between."""
    src = connect_plain(source, readonly=True)
    try:
        dest = connect_plain(db_path)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


def _replace_file(source: Path, db_path: Path) -> None:
    """When the current file cannot take the copy (it is damaged): a checked copy, then a rename."""
    fresh = db_path.with_name(f".{db_path.name}.restoring")
    fresh.unlink(missing_ok=True)
    copy_database(source, fresh)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(fresh, db_path)
