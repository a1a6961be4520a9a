"""``hrplan export``: the plan document or a follow-up summary as a file, without asking anything."""

from __future__ import annotations

import argparse
from pathlib import Path

from i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    from exporters import FORMATS, WHATS

    export = subparsers.add_parser("export", help=t("export.cli_help"))
    export.add_argument("plan", metavar="PLAN", help=t("cli.arg_plan"))
    export.add_argument("--what", choices=WHATS, required=True, help=t("export.cli_what"))
    export.add_argument("--format", dest="fmt", choices=FORMATS, required=True, help=t("export.cli_format"))
    export.add_argument("--round", dest="round_name", metavar="NAME", help=t("export.cli_round"))
    export.add_argument(
        "--output", "-o", metavar="FILE", required=True, type=Path, help=t("export.cli_output")
    )
    export.add_argument("--force", action="store_true", help=t("export.cli_force"))
    export.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from db.engine import Database
    from db.paths import resolve_db_path
    from db.queries.export import gather_export
    from exporters import write_export
    from exporters.files import check_target
    from tui.cli.common import open_database

    output = args.output.expanduser().absolute()
    path = resolve_db_path(args.db)
    Database(path).refuse_own_file(output)  # before reading anything: a refusal costs nothing
    check_target(output, overwrite=args.force)
    database = open_database(path)
    with database.read() as session:
        data = gather_export(args.plan, session=session, round_name=args.round_name)
    written = write_export(data, what=args.what, fmt=args.fmt, path=output, lang=args.lang,
                           overwrite=args.force, guard=database.refuse_own_file)  # fmt: skip
    print(t("export.written", path=str(written)))
    return 0
