"""``hrplan demo``, ``hrplan list``, ``hrplan status`` and ``hrplan show``."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from i18n import t
from i18n.formatting import number, percent
from tui.cli.common import database_from, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help=t("cli.help_demo"))
    demo.set_defaults(handler=cmd_demo)

    listing = subparsers.add_parser("list", help=t("cli.help_list"))
    listing.add_argument("--json", action="store_true", help=t("cli.opt_json"))
    listing.set_defaults(handler=cmd_list)

    status = subparsers.add_parser("status", help=t("cli.help_status"))
    status.add_argument("--json", action="store_true", help=t("cli.opt_json"))
    status.set_defaults(handler=cmd_status)

    show = subparsers.add_parser("show", help=t("cli.help_show"))
    show.add_argument("plan", metavar="PLAN", help=t("cli.arg_plan"))
    show.add_argument("--json", action="store_true", help=t("cli.opt_json"))
    show.set_defaults(handler=cmd_show)


def cmd_demo(args: argparse.Namespace) -> int:
    from db.demo import add_demo_plan

    database = database_from(args)
    with database.write() as session:
        plan_id, added = add_demo_plan(session=session)
    print(t("cli.demo_added" if added else "cli.demo_exists", id=plan_id))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from db.queries.plan_list import list_plans

    database = database_from(args)
    with database.plain_read() as conn:  # a plain read, as the start screen's: no SQLAlchemy to import
        plans = list_plans(session=conn)
    if args.json:
        print_json([asdict(p) for p in plans])
        return 0
    if not plans:
        print(t("cli.no_plans"))
        return 0
    from tui.cli.common import print_columns

    keys = ("cli.col_id", "col.title", "col.period", "col.plan_status", "col.activities", "col.progress")
    headers = [t(key) for key in keys]
    print_columns(headers, [
        (str(p.id), p.title, f"{p.period_start}–{p.period_end}", t(f"plan_status.{p.status}"),
         number(p.activity_count), percent(p.share_done))
        for p in plans
    ])  # fmt: skip
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """What needs attention, then per plan: share done, late activities, the open round, the next one."""
    from datetime import date

    from db.queries.plan_list import list_plans
    from tui.overview import attention_text, status_cells, status_record

    database = database_from(args)
    with database.read() as session:
        plans = list_plans(session=session)
    today = date.today()
    if args.json:
        print_json({"attention": attention_text(plans, today),
                    "plans": [status_record(p, today) for p in plans]})  # fmt: skip
        return 0
    if not plans:
        print(t("cli.no_plans"))
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(attention_text(plans, today))
    table = Table(box=None, pad_edge=False)
    for key in ("cli.col_id", "col.title", "col.plan_status", "col.progress", "cli.col_overdue",
                "cli.col_round", "cli.col_next"):  # fmt: skip
        table.add_column(t(key))
    for p in plans:
        table.add_row(*status_cells(p, today))
    console.print(table)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from db.queries.document import plan_document, plan_stream
    from db.queries.plan_ref import resolve_plan_id
    from tui.cli.common import print_json_stream

    database = database_from(args)
    with database.plain_read() as conn:  # a read: no SQLAlchemy; rows streamed as they are written
        plan_id = resolve_plan_id(args.plan, session=conn)
        if args.json:
            print_json_stream(plan_stream(plan_id, session=conn))
            return 0
        document = plan_document(plan_id, session=conn)
    print_plan(document)
    return 0


def print_plan(doc: dict) -> None:
    """The plan as readable text, grouped by unit and area like the template, each part followed by
    its narrative sections."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{doc['title']}[/bold]  {doc['period'][0]}–{doc['period'][1]}")
    if doc["organisation"]:
        console.print(doc["organisation"])
    _print_sections(console, doc["sections"])
    sections = {u["name"]: u["sections"] for u in doc["units"]}
    for unit in [None] + [u["name"] for u in doc["units"]]:
        rows = [a for a in doc["activities"] if a["unit"] == unit]
        if not rows and not sections.get(unit):
            continue
        console.print(f"\n[bold]{unit or t('whole_plan')}[/bold]")
        if rows:
            table = Table(show_lines=False, expand=True)
            for key in ("col.goal", "col.description", "col.target", "col.responsible", "col.status"):
                table.add_column(t(key))
            area = None
            for a in rows:
                if a["area"] != area:
                    area = a["area"]
                    table.add_row(f"[bold]{area}[/bold]", "", "", "", "")
                table.add_row(a["goal"], a["description"], a["target_text"], a["responsible"],
                              t(f"status.{a['status']}"))  # fmt: skip
            console.print(table)
        _print_sections(console, sections.get(unit, ()))


def _print_sections(console, sections: list[dict]) -> None:  # noqa: ANN001 - a rich Console
    from rich.markup import escape

    for section in sections:
        if section["body"].strip():
            console.print(f"\n[bold]{escape(section['title'] or t('section.' + section['kind']))}[/bold]")
            console.print(escape(section["body"]))
