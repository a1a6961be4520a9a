"""``hrplan serve``: the app in a browser, after a login (see ``web.server``; needs ``hrplan[serve]``)."""

from __future__ import annotations

import argparse
import sys

from i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser("serve", help=t("cli.help_serve"))
    serve.add_argument("--host", default="127.0.0.1", help=t("cli.opt_host"))
    serve.add_argument("--port", type=int, default=8000, help=t("cli.opt_port"))
    serve.add_argument("--max-sessions", type=int, default=20, metavar="N", help=t("cli.opt_max_sessions"))
    serve.add_argument("--idle-minutes", type=float, default=30, metavar="MIN", help=t("cli.opt_idle"))
    serve.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from db.errors import InvalidInputError
    from db.paths import is_server, resolve_db_path
    from tui.cli.common import open_database

    try:
        from web.server import ServeSettings, serve
    except ImportError:
        print(f"hrplan: {t('serve.needs_extra')}", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        raise InvalidInputError(field="--port", reason="invalid.port")
    if args.max_sessions < 1:
        raise InvalidInputError(field="--max-sessions", reason="invalid.positive")
    if args.idle_minutes <= 0:
        raise InvalidInputError(field="--idle-minutes", reason="invalid.positive")
    path = resolve_db_path(args.db)
    database = open_database(path)
    if not is_server(path):
        path = path.absolute()  # the apps it starts may run in another folder
    from db.users import list_users

    with database.read() as session:
        if not list_users(session=session):
            print(f"hrplan: {t('serve.no_users')}", file=sys.stderr)
            return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(t("serve.not_loopback", host=args.host), file=sys.stderr)
    settings = ServeSettings(
        db_path=path, lang=args.lang, host=args.host, port=args.port,
        max_sessions=args.max_sessions, idle_minutes=args.idle_minutes,
    )  # fmt: skip
    serve(settings, database)
    return 0
