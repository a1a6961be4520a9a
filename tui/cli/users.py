"""``hrplan user add|list|passwd|remove``: who may log in to ``hrplan serve``, with which role.

A password is asked for (twice at a terminal, one line from a pipe), never taken from the command line,
where other users of the machine and the shell's history would see it.
"""

from __future__ import annotations

import argparse
import sys

from i18n import t
from tui.cli.common import database_from, print_json

ROLE_CHOICES = ("coordinator", "manager", "viewer")


def register(subparsers: argparse._SubParsersAction) -> None:
    users = subparsers.add_parser("user", help=t("cli.help_user"))
    actions = users.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=t("cli.help_user_add"))
    add.add_argument("name", metavar="NAME", help=t("cli.arg_user"))
    add.add_argument("--role", required=True, choices=ROLE_CHOICES, help=t("cli.opt_role"))
    add.add_argument("--unit", action="append", default=[], metavar="UNIT", help=t("cli.opt_unit"))
    add.set_defaults(handler=cmd_user_add)

    listing = actions.add_parser("list", help=t("cli.help_user_list"))
    listing.add_argument("--json", action="store_true", help=t("cli.opt_json"))
    listing.set_defaults(handler=cmd_user_list)

    passwd = actions.add_parser("passwd", help=t("cli.help_user_passwd"))
    passwd.add_argument("name", metavar="NAME", help=t("cli.arg_user"))
    passwd.set_defaults(handler=cmd_user_passwd)

    remove = actions.add_parser("remove", help=t("cli.help_user_remove"))
    remove.add_argument("name", metavar="NAME", help=t("cli.arg_user"))
    remove.set_defaults(handler=cmd_user_remove)


def read_password(name: str) -> str:
    """The new password: asked twice without echo at a terminal; the first line of a pipe otherwise."""
    from db.errors import InvalidInputError

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass(t("cli.password_prompt", name=name))
    second = getpass.getpass(t("cli.password_again"))
    if first != second:
        raise InvalidInputError(field="field.password", reason="invalid.password_mismatch")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    from db.users import add_user, check_user_name

    name = check_user_name(args.name)
    database = database_from(args)
    password = read_password(name)
    with database.write() as session:
        added = add_user(name, session=session, role=args.role, password=password, units=args.unit)
    units = ", ".join(added.units)
    print(t("cli.user_added", name=added.name, role=t(f"role.{added.role}"))
          + (f" ({units})" if units else ""))  # fmt: skip
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from db.users import list_users

    database = database_from(args)
    with database.read() as session:
        users = list_users(session=session)
    if args.json:
        print_json([{"name": u.name, "role": u.role, "units": list(u.units)} for u in users])
        return 0
    if not users:
        print(t("cli.no_users"))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for key in ("field.user_name", "field.role", "field.units"):
        table.add_column(t(key))
    for user in users:
        table.add_row(user.name, t(f"role.{user.role}"), ", ".join(user.units))
    Console().print(table)
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from db.users import get_user, set_password

    database = database_from(args)
    with database.read() as session:
        known = get_user(args.name, session=session)
    if known is None:
        from db.errors import NotFoundError

        raise NotFoundError(what=t("what.user"), name=args.name)
    password = read_password(known.name)
    with database.write() as session:
        set_password(known.name, password, session=session)
    print(t("cli.password_changed", name=known.name))
    return 0


def cmd_user_remove(args: argparse.Namespace) -> int:
    from db.users import remove_user

    database = database_from(args)
    with database.write() as session:
        remove_user(args.name, session=session)
    print(t("cli.user_removed", name=args.name))
    return 0
