"""``hrplan transfer TARGET [--force]``: every plan of this database into another one."""

from __future__ import annotations

import argparse

from i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    transfer = subparsers.add_parser("transfer", help=t("cli.help_transfer"))
    transfer.add_argument("target", metavar="TARGET", help=t("cli.arg_transfer_target"))
    transfer.add_argument("--force", action="store_true", help=t("cli.opt_transfer_force"))
    transfer.set_defaults(handler=cmd_transfer)


def cmd_transfer(args: argparse.Namespace) -> int:
    """Open both (the target is created and brought to the current schema when new), then copy."""
    from db.errors import BackupError
    from db.paths import is_server, resolve_db
    from db.transfer import TransferError, transfer
    from tui.cli.common import open_database

    source_target, target_target = resolve_db(args.db), resolve_db(args.target)
    same = (
        str(source_target) == str(target_target)
        if is_server(source_target) or is_server(target_target)
        else source_target.absolute() == target_target.absolute()
        or (target_target.exists() and source_target.exists() and source_target.samefile(target_target))
    )
    if same:
        raise BackupError("transfer.same")
    source = open_database(source_target)
    target = open_database(target_target)
    try:
        try:
            done = transfer(source, target, force=args.force)
        except TransferError as exc:
            if not _asked_to_go_on(exc):
                raise
            done = transfer(source, target, force=True)
    finally:
        source.dispose()
        target.dispose()
    print(t("transfer.done", plans=done.plans, rounds=done.rounds, changes=done.changes,
            source=source.label, target=target.label))  # fmt: skip
    return 0


def _asked_to_go_on(refusal: Exception) -> bool:
    """At a terminal, a target that holds plans is asked about instead of refused outright."""
    from tui.cli.common import asked_yes

    return asked_yes(t("transfer.ask", count=refusal.params.get("count", "?")))
