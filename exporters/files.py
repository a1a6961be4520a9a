"""Writing an export file safely: into a temporary file beside the target, then renamed over it.

A failed export (a full disk, a bug in a writer, an interrupted run) therefore never leaves half a file,
and never damages a file that was there before.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from db.errors import HrplanError


class ExportFileError(HrplanError):
    """The target cannot be written: no such folder, not writable, or a folder by that name."""

    key = "export.error_write"


class FileExistsExportError(HrplanError):
    key = "export.error_exists"


def check_target(path: Path, *, overwrite: bool) -> None:
    """Raise a clear error before any work when the file cannot or may not be written."""
    folder = path.parent
    if path.is_dir():
        raise ExportFileError("export.error_is_folder", path=str(path))
    if not folder.is_dir():
        raise ExportFileError("export.error_no_folder", folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportFileError("export.error_not_writable", folder=str(folder))
    if path.exists() and not overwrite:
        raise FileExistsExportError(path=str(path))


STALE_PART_SECONDS = 24 * 3600


def _part_file(path: Path) -> tuple[Path, BinaryIO]:
    """A new hidden file beside ``path`` named after it and this process, opened for writing.

    Created with mode 0666 less the user's umask, as any document the user saves: an export is meant
    to be sent or put on a shared drive.
    """
    import secrets

    for _ in range(100):
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        return temporary, os.fdopen(fd, "wb")
    raise FileExistsError(path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # somebody else's process: it exists
        return True
    return True


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove what exports to ``path`` left behind when they were killed: their hidden ``.part`` files.

    A part is stale when the process named in it no longer runs, or it is a day old; a part of an
    export still running in another hrplan is left alone.
    """
    import time

    removed = []
    prefix = f".{path.name}."
    for part in path.parent.glob(f".{glob_escape(path.name)}.*.part"):
        middle = part.name[len(prefix) : -len(".part")]
        pid = middle.split(".")[0]
        try:
            old = time.time() - part.lstat().st_mtime > STALE_PART_SECONDS
            if old or (pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid))):
                part.unlink()
                removed.append(part)
        except OSError:
            continue
    return removed


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` with a binary file beside ``path``; on success the file becomes ``path``."""
    remove_stale_parts(path)
    try:
        temporary, handle = _part_file(path)
    except OSError as exc:
        raise ExportFileError(path=str(path), reason=exc.strerror or str(exc)) from None
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if path.is_file():  # an overwritten file keeps its mode
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ExportFileError(path=str(path), reason=exc.strerror or str(exc)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
