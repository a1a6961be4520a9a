"""The start screen keeps SQLModel and SQLAlchemy out of the app's import path (start-up is measured)."""

import subprocess
import sys


def test_importing_the_app_and_plans_screen_leaves_the_orm_out() -> None:
    code = (
        "import sys, tui.app, tui.screens.plans, tui.commands.plans;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlmodel', 'sqlalchemy', 'pydantic')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_app_without_a_command_imports_no_subcommand_module() -> None:
    code = (
        "import sys; from tui.cli import COMMAND_MODULES, build_parser;"
        "args = build_parser(['--lang', 'en']).parse_args(['--lang', 'en']);"
        "print(args.command, sorted(m for m in COMMAND_MODULES if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "None []"


def test_help_without_a_command_still_lists_every_command() -> None:
    from tui.cli import COMMAND_MODULES, build_parser

    listed = build_parser(["--help"]).format_help()
    for commands in COMMAND_MODULES.values():
        for command in commands:
            assert command in listed
