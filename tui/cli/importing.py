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
    parser.add_argument("--into", metavar="PLAN", help=t("import.cli.opt_into"))
    parser.add_argument("--unit", metavar="NAME", help=t("import.cli.opt_unit"))
    parser.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from importers.files import read_plan_file

    if args.unit is not None and args.into is None:
        from db.errors import HrplanError

        raise HrplanError("import.cli.unit_without_into")
    if args.title is not None and args.into is not None:
        from db.errors import HrplanError

        raise HrplanError("import.cli.title_with_into")
    imported = read_plan_file(args.file, title=args.title)
    if args.into is not None:
        return _into(args, imported)
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


def _into(args: argparse.Namespace, imported) -> int:  # noqa: ANN001
    """The file added to an existing plan as its unit: the preview, then one change."""
    from db.queries.import_target import import_target
    from importers.into import fit_into

    database = database_from(args)
    with database.read() as session:
        target = import_target(args.into, session=session)
    into = fit_into(imported, target, unit=args.unit)
    if args.dry_run:
        if args.json:
            from importers.document import into_document

            print_json(into_document(into))
        else:
            _print_into(into)
            print(t("import.cli.dry_run_done"))
        return 0
    from importers.writer import write_into

    with database.write() as session:
        count = write_into(into, session=session)
    if args.json:
        from db.queries.document import plan_document
        from db.queries.plans import resolve_plan
        from importers.document import warnings_list

        with database.read() as session:
            document = plan_document(resolve_plan(target.plan_id, session=session), session=session)
        print_json({**document, "warnings": warnings_list(into.imported)})
        return 0
    _print_into(into)
    print(tn("import.cli.into_done", count, title=target.title))
    return 0


def _print_into(into) -> None:  # noqa: ANN001
    from rich.console import Console

    from tui.widgets.import_summary import into_renderable

    Console().print(into_renderable(into))


def _print_summary(imported) -> None:  # noqa: ANN001
    from rich.console import Console

    from tui.widgets.import_summary import summary_renderable

    Console().print(summary_renderable(imported))
