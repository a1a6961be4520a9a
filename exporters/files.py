"""Writing an export file safely: into a temporary file beside the target, then renamed over it.

A failed export (a full disk, a bug in a writer, an interrupted run) therefore never leaves half a file,
and never damages a file that was there before.
"""

from __future__ import annotations

import os
import tempfile
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


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` with a binary file beside ``path``; on success the file becomes ``path``."""
    try:
        handle = tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False
        )
    except OSError as exc:
        raise ExportFileError(path=str(path), reason=exc.strerror or str(exc)) from None
    temporary = Path(handle.name)
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ExportFileError(path=str(path), reason=exc.strerror or str(exc)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
