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


class ServerUrl(str):
    """A PostgreSQL database named by a URL (``postgresql+psycopg://role@host/db``), never a file.

    It holds no password: hrplan refuses one in the URL and leaves it to libpq (``~/.pgpass``,
    ``PGPASSWORD``, a service file). ``str()`` of it is safe to show.
    """

    __slots__ = ()

    @property
    def url(self) -> str:
        """The URL for SQLAlchemy, always naming the psycopg driver."""
        return "postgresql+psycopg://" + self.split("://", 1)[1]

    @property
    def database(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self).path.lstrip("/") or ""


SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def looks_like_url(text: str) -> bool:
    """``scheme://...``: a database URL, never a file name (a file path gets no such scheme)."""
    head, sep, _ = text.partition("://")
    return bool(sep) and head.replace("+", "").replace("-", "").isalnum()


def server_url(text: str) -> ServerUrl:
    """Check a database URL: PostgreSQL, no password in it, no control characters."""
    from urllib.parse import urlsplit, urlunsplit

    from db.errors import InvalidPathError
    from i18n import t

    scheme = text.split("://", 1)[0].lower()
    if scheme not in SERVER_SCHEMES:
        raise InvalidPathError("error.url_scheme", scheme=scheme[:40])
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise InvalidPathError(reason=t("error.path_control"))
    parts = urlsplit(text)
    try:
        password = parts.password
    except ValueError:
        password = None
    if password is not None or ":" in (parts.netloc.rpartition("@")[0]):
        # The password is neither echoed nor kept: it would end up in a shell history or a log.
        raise InvalidPathError("error.url_password")
    if not parts.path.strip("/"):
        raise InvalidPathError("error.url_no_database")
    return ServerUrl(urlunsplit(("postgresql+psycopg", parts.netloc, parts.path, parts.query, "")))


def resolve_db(override: str | os.PathLike[str] | None = None) -> Path | ServerUrl:
    """The database: ``--db`` first, then ``HRPLAN_DB``, then the user's data directory.

    A URL (``postgresql+psycopg://role@host/db``) names a database on a server; anything else is a
    file path.
    """
    chosen = str(override) if override else os.environ.get(DB_ENV)
    if chosen:
        if looks_like_url(chosen):
            return server_url(chosen)
        return checked_path(Path(chosen).expanduser())
    return data_dir() / DB_FILENAME


def resolve_db_path(override: str | os.PathLike[str] | None = None) -> Path | ServerUrl:
    """Kept for callers that name it so: the same as ``resolve_db``."""
    return resolve_db(override)


def is_server(target: object) -> bool:
    return isinstance(target, ServerUrl)


NAME_BYTES_MAX = 255  # the usual limit of one file or folder name
PATH_BYTES_MAX = 4000


def checked_path(path: Path) -> Path:
    """Refuse a path no file system takes (a NUL byte, an endless name), or control characters."""
    from db.errors import InvalidPathError
    from i18n import t

    text = str(path)
    if any(ord(c) < 32 or ord(c) == 127 for c in text):  # NUL, escape sequences, newlines
        raise InvalidPathError(reason=t("error.path_control"))
    try:
        too_long = len(os.fsencode(text)) > PATH_BYTES_MAX or any(
            len(os.fsencode(part)) > NAME_BYTES_MAX for part in path.parts
        )
    except UnicodeEncodeError:
        raise InvalidPathError(reason=t("error.path_chars")) from None
    if too_long:
        raise InvalidPathError(reason=t("error.path_too_long"))
    return path


def backup_dir(db_path: Path) -> Path:
    """Backups live beside the database, so they move with it and share its permissions."""
    return db_path.parent / f"{db_path.stem}-backups"


def own_paths(db_path: Path) -> tuple[set[Path], set[Path]]:
    """hrplan's own files for the database at ``db_path``, resolved through links: the database and
    the files SQLite keeps beside it (first set), and the backup folders (second set). Both
    the path as given and the file it leads to count, since SQLite names its -wal and -shm files after the
    latter."""
    given = Path(os.path.abspath(db_path))
    variants = {given, given.resolve()}
    files = {Path(f"{v}{suffix}").resolve() for v in variants for suffix in ("", "-wal", "-shm", "-journal")}
    folders = {backup_dir(v).resolve() for v in variants}
    return files, folders


def refuse_own_file(target: Path, db_path: Path) -> None:
    """Raise ``OwnFileError`` when writing ``target`` would overwrite one of hrplan's own files:
    the database, its -wal and -shm files, the backup folder or a file in it. Links are followed, and a
    second name of the database (a hard link) is recognised too."""
    from db.errors import OwnFileError

    files, folders = own_paths(db_path)
    resolved = Path(os.path.abspath(target)).resolve()
    inside = any(resolved == folder or folder in resolved.parents for folder in folders)
    same = resolved in files or inside
    if not same and resolved.exists():
        try:
            same = any(f.exists() and os.path.samefile(resolved, f) for f in files)
        except OSError:
            same = False
    if same:
        raise OwnFileError(path=str(target), db=str(db_path))
