"""The ``hrplan`` command: opens the app, or runs one of the subcommands for scripts.

Every subcommand lives in a module of this package with a ``register(subparsers)`` function; the
handler it sets gets the parsed arguments and returns an exit code. A user's mistake ends in one
clear line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from db.errors import HrplanError
from i18n import LANGUAGES, detect_language, set_language, t

# Modules that add subcommands, in the order --help lists them, with the commands each adds.
COMMAND_MODULES = {
    "tui.cli.plans": ("demo", "list", "show"),
    "tui.cli.rounds": ("round", "tick"),
    "tui.cli.export": ("export",),
    "tui.cli.importing": ("import",),
    "tui.cli.backup": ("backup", "restore"),
    "tui.cli.transfer": ("transfer",),
    "tui.cli.users": ("user",),
    "tui.cli.serve": ("serve",),
}
GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--lang")


class Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line, and what the user typed is echoed cleaned and short."""

    def error(self, message: str) -> NoReturn:
        from db.errors import printable

        self.exit(2, f"{self.prog}: {printable(message)} ({t('cli.see_help')})\n")


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word that is no global option or its value)."""
    words = iter(argv)
    for word in words:
        if word in GLOBAL_OPTIONS_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; given ``argv`` that names a known command, only that command's module
    is imported and registered (a command run from a script does not pay for all the others), and
    given ``argv`` that names none (the app), none is."""
    import importlib

    parser = Parser(prog="hrplan", description=t("cli.description"))
    parser.add_argument("--db", metavar="PATH|URL", help=t("cli.opt_db"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.opt_lang"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = _command_in(argv) if argv is not None else None
    modules = [name for name, commands in COMMAND_MODULES.items() if command in commands]
    if argv is not None and command is None and not {"-h", "--help"} & set(argv):
        return parser  # the app itself: no subcommand's module to import before its first frame
    for name in modules or COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _language_from(argv: Sequence[str]) -> str:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=LANGUAGES)
    known, _ = pre.parse_known_args(argv)
    return known.lang or detect_language()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        lang = _language_from(argv)
    except SystemExit as exc:
        return int(exc.code or 2)
    set_language(lang)
    try:
        args = build_parser(argv).parse_args(argv)
    except SystemExit as exc:  # --help, or a mistake in the arguments (already told)
        return int(exc.code or 0)
    args.lang = lang
    handler = getattr(args, "handler", None) or run_app
    try:
        return handler(args)
    except HrplanError as exc:
        print(f"hrplan: {exc.message()}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `hrplan show 1 --json | head`: the reader has had enough
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        refusal = _as_refusal(exc)
        if refusal is None:
            raise
        print(f"hrplan: {refusal.message()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130


def run() -> NoReturn:
    """The ``hrplan`` command and ``python -m tui``: ``main`` in a process of its own, which ends here.

    Python's last act is one more pass of the garbage collector over every object still alive; in a
    command that has loaded SQLAlchemy and pydantic (hundreds of thousands of objects) that pass
    costs 50 to 70 ms, with nothing left to free that the end of the process does not free anyway.
    So the pooled connections are closed first (they end cleanly, SQLite's WAL checkpointed), and
    what is left is frozen: kept out of that pass. Tests call ``main`` instead.
    """
    code = main()
    from db.engine import close_pools

    close_pools()
    import gc

    gc.freeze()
    sys.exit(code)


def _as_refusal(exc: Exception) -> HrplanError | None:
    """A model's refusal of a value (pydantic) as one clear line; its own text holds the value."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        from db.guard import refusal_from

        return refusal_from(exc)
    return None


def run_app(args: argparse.Namespace) -> int:
    from db.access import from_environment
    from db.paths import resolve_db_path
    from tui.cli.common import open_database
    from tui.factory import make_app

    path = resolve_db_path(args.db)
    open_database(path).dispose()
    # The terminal runs as a coordinator; ``hrplan serve`` starts the app with the person's role set.
    make_app(db_path=path, lang=args.lang, principal=from_environment()).run()
    return 0
