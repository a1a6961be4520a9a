"""Hostile text pasted into the activity editor and saved: stored as the check makes it, or refused
beside the field with the text still there. Nothing is lost either way."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea

from db.engine import Database
from models.activity_rules import check_activity
from tests.reliability.hostile import MEGABYTE, assert_database_sound
from tests.tui.plan_helpers import activities, fill, open_plan, settle
from tests.waiting import notices
from tui.factory import make_app
from tui.modals.activity_editor import ActivityEditorModal

TEXTS = [
    ("goal", "Mål\x00med NUL"),
    ("goal", "\u202eSkyddad yrkestitel\u202c och \u200fتدريب\u200f"),
    ("description", "Rad ett\r\nRad två\x1b[31m röd"),
    ("responsible", "Enhetschef\ud800"),
    ("target_text", "\ufeffÅr 2026\u2028"),
    ("resources", "ö" * MEGABYTE),
    ("follow_up", "Uppföljning \u0085 med NEL"),
]


async def open_editor(pilot, app):  # noqa: ANN001, ANN201
    """The demo plan with the editor open on its first activity: (plan screen, row, editor)."""
    screen = await open_plan(pilot, app)
    row = screen.highlighted
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ActivityEditorModal)
    return screen, row, app.screen


@pytest.mark.parametrize(("field", "text"), TEXTS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(TEXTS)])
async def test_hostile_text_in_the_activity_editor(demo_database: Database, field: str, text: str) -> None:
    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen, row, editor = await open_editor(pilot, app)
        fill(editor, {f"field-{field}": text})
        await pilot.pause()
        cleaned, errors = check_activity(editor.current())
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        if errors:
            assert app.screen is editor  # refused: the dialog stays, with the text as typed
            widget = editor.query_one(f"#field-{field}")
            assert (widget.text if isinstance(widget, TextArea) else widget.value) == text
            label = str(editor.query_one(f"#label-{field}", Static).render())
            assert errors[field] and len(label.splitlines()) == 1 and len(label) < 200
        else:
            assert app.screen is screen
            saved = next(a for a in activities(demo_database) if a.id == row.id)
            assert getattr(saved, field) == getattr(cleaned, field)
    assert_database_sound(demo_database.path)


async def test_a_save_that_meets_another_instances_edit_keeps_the_typed_text(demo_database: Database) -> None:
    from dataclasses import replace

    from db.queries.activities import get_activity, update_activity

    app = make_app(db_path=demo_database.path, lang="en")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen, row, _ = await open_editor(pilot, app)
        other = Database(demo_database.target)  # a second terminal saves first
        with other.write() as session:
            theirs = replace(get_activity(row.id, session=session).fields(), responsible="Rektor")
            update_activity(row.id, theirs, session=session)
        other.dispose()
        fill(app.screen, {"field-goal": "Mitt nya mål"})
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert any("Your text is kept" in n for n in notices(app))
        editor = app.screen
        assert isinstance(editor, ActivityEditorModal)
        assert editor.query_one("#field-goal", TextArea).text == "Mitt nya mål"
        assert next(a for a in activities(demo_database) if a.id == row.id).goal == row.goal  # not in silence
        await pilot.press("ctrl+s")  # the user has seen the message and saves over the newer version
        await settle(pilot, app)
        assert app.screen is screen
        assert next(a for a in activities(demo_database) if a.id == row.id).goal == "Mitt nya mål"
