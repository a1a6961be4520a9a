"""``hrplan backup [--output FILE]`` and ``hrplan restore FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", help=t("cli.help_backup"))
    backup.add_argument("--output", metavar="FILE", help=t("cli.opt_output"))
    backup.set_defaults(handler=cmd_backup)

    restore = subparsers.add_parser("restore", help=t("cli.help_restore"))
    restore.add_argument("file", metavar="FILE", help=t("cli.arg_backup_file"))
    restore.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    """A copy of the database: into the backup folder (rotated), or exactly where the user says."""
    from db.backup import copy_database, make_backup
    from db.engine import check_database_file
    from db.errors import BackupError
    from db.paths import checked_path, is_server, refuse_own_file, resolve_db_path

    path = resolve_db_path(args.db)
    if is_server(path):
        from db.server_backup import dump
        from tui.cli.common import open_database

        open_database(path).dispose()  # reachable, and an hrplan database
        output = checked_path(Path(args.output).expanduser()) if args.output else None
        print(t("backup.made", path=dump(path, output)))
        return 0
    check_database_file(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise BackupError("backup.no_database", path=str(path))
    if args.output:
        target = checked_path(Path(args.output).expanduser())
        refuse_own_file(target, path)
        if target.is_symlink() or target.exists():
            raise BackupError("backup.output_exists", path=str(target))
        made = copy_database(path, target)
    else:
        made = make_backup(path, "manual")
    print(t("backup.made", path=made))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Check the backup, keep the current database as a backup, put the backup in its place."""
    from db.backup import restore
    from db.paths import checked_path, is_server, resolve_db_path
    from tui.cli.common import open_database

    path = resolve_db_path(args.db)
    source = checked_path(Path(args.file).expanduser())
    if is_server(path):
        from db.server_backup import restore_dump

        open_database(path).dispose()
        kept = restore_dump(path, source)
    else:
        kept = restore(path, source)
    open_database(path).dispose()  # an older backup is brought to the current schema now
    if kept is None:
        print(t("backup.restored_fresh", path=path, source=source))
    else:
        print(t("backup.restored", path=path, source=source, kept=kept))
    return 0
