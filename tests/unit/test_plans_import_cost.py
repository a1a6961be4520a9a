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
