"""The one factory of the app, shared by the command line and the tests."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.access import Principal
    from tui.app import HrplanApp


def make_app(*, db_path: Path, lang: str = "sv", principal: Principal | None = None) -> HrplanApp:
    """An app on the database at ``db_path``, speaking ``lang``. The schema must be at head."""
    from db.engine import Database
    from i18n import set_language
    from tui.app import HrplanApp

    set_language(lang)
    return HrplanApp(database=Database(db_path, principal=principal), lang=lang)
