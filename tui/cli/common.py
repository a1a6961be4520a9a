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


def print_columns(headers: list[str], rows: list[tuple[str, ...]]) -> None:
    """A plain table, columns padded to their widest cell: what ``hrplan list`` prints.

    Without rich, whose import alone costs more than the rest of the command; the text is the user's
    own (titles, names), printed as it is, with control characters shown as spaces.
    """
    cleaned = [[" ".join(cell.split()) for cell in row] for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(headers, *cleaned, strict=True)]
    out = sys.stdout
    for row in (headers, *cleaned):
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        out.write(line.rstrip() + "\n")


def print_json_stream(data: dict[str, Any]) -> None:
    """``data`` as JSON, written as it is read: lists given as iterators are never held in memory.

    The top-level keys and the items of its lists go one to a line (an activity, a round's entry),
    each item as compact JSON, so that a plan of any size prints in one pass over its rows.
    """
    from collections.abc import Iterator

    out = sys.stdout
    dumps = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder: no indent
    pending: list[str] = []  # written in chunks: one write per line costs more than the encoding

    def emit(text: str) -> None:
        pending.append(text)
        if len(pending) >= 512:
            out.write("".join(pending))
            pending.clear()

    def lazy(value: Any) -> bool:
        return isinstance(value, dict) and any(isinstance(v, Iterator) for v in value.values())

    def items(values: Any, pad: str) -> None:
        emit("[")
        first = True
        expand = None  # decided on the first item: items of one list have one shape
        for value in values:
            if expand is None:
                expand = lazy(value)
            emit(("\n" if first else ",\n") + pad + "  ")
            if expand:
                write(value, pad + "  ")
            else:
                emit(dumps(value))
            first = False
        emit("]" if first else "\n" + pad + "]")

    def write(value: Any, pad: str) -> None:
        if isinstance(value, Iterator) or (isinstance(value, list) and value and isinstance(value[0], dict)):
            items(value, pad)
        elif lazy(value):
            emit("{")
            for i, (key, item) in enumerate(value.items()):
                emit(("\n" if i == 0 else ",\n") + pad + "  " + dumps(key) + ": ")
                write(item, pad + "  ")
            emit("\n" + pad + "}")
        else:
            emit(dumps(value))

    emit("{")
    for i, (key, value) in enumerate(data.items()):
        emit(("\n" if i == 0 else ",\n") + "  " + dumps(key) + ": ")
        write(value, "  ")
    emit("\n}\n")
    out.write("".join(pending))


def asked_yes(question: str) -> bool:
    """At a terminal, ask ``question`` (ending in "[j/N]" / "[y/N]") and take a yes; anywhere else
    (a script, a pipe) the answer is no, so nothing is done without the command's own --yes."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(question + " ")
    except EOFError:
        return False
    return answer.strip().lower() in ("j", "ja", "y", "yes")
