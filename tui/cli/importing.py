"""``hrplan import FILE``: a plan from a Word, Excel, CSV or text file, as one change."""

from __future__ import annotations

import argparse

from i18n import t, tn
from tui.cli.common import database_from, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help=t("import.cli.help"), description=t("import.cli.description")
    )
    parser.add_argument("file", metavar="FILE", help=t("import.cli.arg_file"))
    parser.add_argument("--dry-run", action="store_true", help=t("import.cli.opt_dry_run"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt_json"))
    parser.add_argument("--title", help=t("import.cli.opt_title"))
    parser.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from importers.files import read_plan_file

    imported = read_plan_file(args.file, title=args.title)
    if args.dry_run:
        if args.json:
            from importers.document import preview_document

            print_json(preview_document(imported))
        else:
            _print_summary(imported)
            print(t("import.cli.dry_run_done"))
        return 0
    from importers.writer import write_plan

    database = database_from(args)
    with database.write() as session:
        plan_id = write_plan(imported, session=session)
    if args.json:
        from db.queries.document import plan_document
        from db.queries.plans import resolve_plan
        from importers.document import warnings_list

        with database.read() as session:
            document = plan_document(resolve_plan(plan_id, session=session), session=session)
        print_json({**document, "warnings": warnings_list(imported)})
        return 0
    _print_summary(imported)
    print(t("import.cli.done", id=plan_id, activities=tn("count.activities", len(imported.activities))))
    return 0


def _print_summary(imported) -> None:  # noqa: ANN001
    from rich.console import Console

    from tui.widgets.import_summary import summary_renderable

    Console().print(summary_renderable(imported))
