"""``hrplan round new|list|close|reopen|delete`` and ``hrplan tick``: follow-up from scripts."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from i18n import t, tn
from tui.cli.common import database_from, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    rounds = subparsers.add_parser("round", help=t("cli.help_round"))
    actions = rounds.add_subparsers(dest="round_command", metavar="ACTION", required=True)

    new = actions.add_parser("new", help=t("cli.help_round_new"))
    new.add_argument("plan", metavar="PLAN", help=t("cli.arg_plan"))
    new.add_argument("--name", required=True, help=t("cli.opt_round_name"))
    new.add_argument("--date", metavar="YYYY-MM-DD", help=t("cli.opt_round_date"))
    new.set_defaults(handler=cmd_round_new)

    listing = actions.add_parser("list", help=t("cli.help_round_list"))
    listing.add_argument("plan", metavar="PLAN", help=t("cli.arg_plan"))
    listing.add_argument("--json", action="store_true", help=t("cli.opt_json"))
    listing.set_defaults(handler=cmd_round_list)

    for action, closed in (("close", True), ("reopen", False)):
        parser = actions.add_parser(action, help=t(f"cli.help_round_{action}"))
        parser.add_argument("plan", metavar="PLAN", help=t("cli.arg_plan"))
        parser.add_argument("name", metavar="NAME", help=t("cli.arg_round"))
        parser.set_defaults(handler=cmd_round_close, closed=closed)

    delete = actions.add_parser("delete", help=t("cli.help_round_delete"))
    delete.add_argument("plan", metavar="PLAN", help=t("cli.arg_plan"))
    delete.add_argument("name", metavar="NAME", help=t("cli.arg_round"))
    delete.add_argument("--yes", action="store_true", help=t("cli.opt_yes_delete"))
    delete.set_defaults(handler=cmd_round_delete)

    tick = subparsers.add_parser("tick", help=t("cli.help_tick"))
    tick.add_argument("plan", metavar="PLAN", help=t("cli.arg_plan"))
    tick.add_argument("activity", metavar="ACTIVITY_ID", nargs="?", help=t("cli.arg_activity"))
    tick.add_argument("status", metavar="STATUS", nargs="?", help=t("cli.arg_status"))
    tick.add_argument("--round", metavar="NAME", help=t("cli.opt_round"))
    tick.add_argument("--comment", metavar="TEXT", help=t("cli.opt_comment"))
    tick.add_argument("--from", dest="source", metavar="FILE", help=t("cli.opt_tick_from"))
    tick.set_defaults(handler=cmd_tick)


def _round_date(text: str | None):  # noqa: ANN202
    from datetime import date

    from db.errors import InvalidInputError
    from models.rounds import parse_round_date
    from models.validation import Invalid

    if text is None:
        return date.today()
    try:
        return parse_round_date(text)
    except Invalid as exc:
        raise InvalidInputError(field=t("field.round_date"), reason=t(exc.key, **exc.params)) from None


def cmd_round_new(args: argparse.Namespace) -> int:
    from db.queries.plans import resolve_plan
    from db.queries.rounds import start_round

    day = _round_date(args.date)
    database = database_from(args)
    with database.write() as session:
        plan = resolve_plan(args.plan, session=session)
        started = start_round(plan.id, session=session, name=args.name, day=day)
    activities = tn("count.activities", started.entries)
    print(t("cli.round_started", name=started.name, date=started.date.isoformat(), activities=activities))
    return 0


def cmd_round_list(args: argparse.Namespace) -> int:
    from db.queries.plans import resolve_plan
    from db.queries.rounds import list_rounds

    database = database_from(args)
    with database.read() as session:
        rounds = list_rounds(resolve_plan(args.plan, session=session).id, session=session)
    if args.json:
        print_json([{**asdict(r), "date": r.date.isoformat()} for r in rounds])
        return 0
    if not rounds:
        print(t("cli.no_rounds"))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for key in ("field.round_name", "field.round_date", "rounds.col_state", "rounds.col_done",
                "rounds.col_reviewed"):  # fmt: skip
        table.add_column(t(key))
    for r in rounds:
        table.add_row(
            r.name, r.date.isoformat(), t("rounds.closed" if r.closed else "rounds.open"),
            f"{r.done}/{r.entries}", f"{r.reviewed}/{r.entries}",
        )  # fmt: skip
    Console().print(table)
    return 0


def cmd_round_close(args: argparse.Namespace) -> int:
    from db.queries.plans import resolve_plan
    from db.queries.rounds import find_round, set_round_closed

    database = database_from(args)
    with database.write() as session:
        plan = resolve_plan(args.plan, session=session)
        changed = set_round_closed(find_round(plan.id, args.name, session=session).id, args.closed,
                                   session=session)  # fmt: skip
    print(t("cli.round_closed" if changed.closed else "cli.round_reopened", name=changed.name))
    return 0


def cmd_round_delete(args: argparse.Namespace) -> int:
    """Delete a round with its entries: one change in the change log, undone with Ctrl+Z in the app.
    Asked first at a terminal; a script says --yes."""
    from db.errors import HrplanError
    from db.queries.plans import resolve_plan
    from db.queries.rounds import delete_round, find_round, round_contents

    database = database_from(args)
    with database.read() as session:
        round_id = find_round(resolve_plan(args.plan, session=session).id, args.name, session=session).id
        contents = round_contents(round_id, session=session)
    if not args.yes:
        from tui.cli.common import asked_yes

        question = t("cli.round_delete_ask", name=contents.name,
                     entries=tn("count.entries", contents.entries),
                     reviewed=tn("count.of_them_reviewed", contents.reviewed),
                     comments=tn("count.comments", contents.comments))  # fmt: skip
        if not asked_yes(question):
            raise HrplanError("cli.round_delete_not_asked", name=contents.name)
    with database.write() as session:  # by id: a round renamed meanwhile is still the one asked about
        gone = delete_round(round_id, session=session)
    print(t("cli.round_deleted", name=gone.name))
    return 0


def cmd_tick(args: argparse.Namespace) -> int:
    from db.errors import HrplanError, NotFoundError
    from db.queries.entries import check_status, find_round, update_entry
    from db.queries.plan_ref import resolve_plan_id

    one = args.activity is not None and args.status is not None
    if one == (args.source is not None) or (args.source is not None and args.comment is not None):
        raise HrplanError("cli.tick_from_or_one")
    if not one:
        return _tick_many(args)
    status = check_status(args.status)
    if not str(args.activity).strip().isdigit():
        raise NotFoundError(what=t("what.activity"), name=args.activity)
    database = database_from(args)
    with database.write() as session:
        followup = find_round(resolve_plan_id(args.plan, session=session), args.round, session=session)
        state = update_entry(followup.id, int(args.activity), session=session, status=status,
                             comment=args.comment)  # fmt: skip
    print(t("cli.ticked", id=state.activity_id, status=t(f"status.{state.status}"), name=followup.name))
    return 0


def read_ticks(text: str) -> list:
    """Ticks from text, one a line: ``ACTIVITY_ID STATUS [COMMENT]`` (separated by spaces or tabs,
    the comment being the rest of the line). Empty lines and lines starting with ``#`` are skipped."""
    from db.errors import HrplanError, LineError, NotFoundError
    from db.queries.entries import Tick

    ticks = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split(None, 2)
        if len(parts) < 2:
            raise LineError(number, HrplanError("cli.tick_line_short"))
        if not (parts[0].isascii() and parts[0].isdigit() and len(parts[0]) <= 18):
            raise LineError(number, NotFoundError(what=t("what.activity"), name=parts[0]))
        comment = parts[2].strip() if len(parts) > 2 else None
        ticks.append(Tick(int(parts[0]), parts[1], comment, number))
    return ticks


def _read_source(source: str) -> str:
    import sys
    from pathlib import Path

    from importers.errors import ImportFileError, reason_of

    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportFileError("import.error.no_such_file", where=path.name) from None
    except IsADirectoryError:
        raise ImportFileError("import.error.is_directory", where=path.name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError("import.error.cannot_open", where=path.name, reason=reason_of(exc)) from None


def _tick_many(args: argparse.Namespace) -> int:
    """``hrplan tick PLAN --from FILE``: every line's tick in one transaction and one undo step."""
    from db.queries.entries import find_round, update_entries
    from db.queries.plan_ref import resolve_plan_id

    ticks = read_ticks(_read_source(args.source))
    database = database_from(args)
    with database.write() as session:
        followup = find_round(resolve_plan_id(args.plan, session=session), args.round, session=session)
        count = update_entries(followup.id, ticks, session=session)
    print(tn("cli.ticked_many", count, name=followup.name))
    return 0
