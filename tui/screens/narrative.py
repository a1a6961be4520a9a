"""The narrative of the plan or of one unit: its sections on the left, the highlighted one in an editor.

The editor is a multi-line text area with a live word count. Ctrl+S saves (versioned, in the change
log, undoable with Ctrl+Z); moving to another section saves the one left, so nothing typed is lost:
when that save is refused (a colleague changed the section meanwhile), the text typed stays as a
draft of that section, shown again when the person goes back to it.
A standard section not written yet is listed too, and is made when it is first saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Header, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from exporters.markup import count_words
from i18n import t
from tui.screens.base import BaseScreen
from tui.widgets.db_watcher import DatabaseWatcher
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from db.queries.sections import SectionRow

NEW_FREE = "new-free"


@dataclass(frozen=True, slots=True)
class Entry:
    """A line of the list: a stored section, a standard one not written yet, or a new free one."""

    key: str
    kind: str
    title: str = ""
    body: str = ""
    section_id: int | None = None
    version: int | None = None

    @property
    def heading(self) -> str:
        return self.title or t(f"section.{self.kind}")


def entries_for(sections: list[SectionRow], kinds: tuple[str, ...]) -> list[Entry]:
    """The stored sections in their order, then the standard kinds not written yet, in theirs."""
    entries = [Entry(f"s{s.id}", s.kind, s.title, s.body, s.id, s.version) for s in sections]
    present = {s.kind for s in sections}
    entries += [Entry(f"k-{kind}", kind) for kind in kinds if kind not in present]
    return entries


class NarrativeScreen(BaseScreen):
    DEFAULT_CSS = """
    NarrativeScreen #narrative-sections {
        width: 34%; max-width: 44; height: 1fr; border-right: solid $panel-lighten-2;
    }
    NarrativeScreen #narrative-editor { width: 1fr; height: 1fr; }
    NarrativeScreen #narrative-title { height: 3; }
    NarrativeScreen #narrative-body { height: 1fr; }
    NarrativeScreen #narrative-count { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "plan.key_save", id="narrative.save", priority=True),
        Binding("ctrl+n", "new", "narrative.key_new", id="narrative.new", priority=True),
        # Not priority: in the text, Ctrl+Z undoes typing and Ctrl+D deletes a character.
        Binding("ctrl+up", "shift(-1)", "plan.key_move_up", id="narrative.up"),
        Binding("ctrl+down", "shift(1)", "plan.key_move_down", id="narrative.down"),
        Binding("ctrl+d", "delete", "plan.key_delete", id="narrative.delete"),
        Binding("ctrl+z", "undo", "plan.key_undo", id="narrative.undo"),
        Binding("ctrl+y", "redo", "key.redo", id="narrative.redo"),
        Binding("escape", "back", "key.back", id="narrative.back"),
    ]

    class Loaded(Message):
        def __init__(self, entries: list[Entry]) -> None:
            super().__init__()
            self.entries = entries

    class Done(Message):
        def __init__(self, notice: str, error: bool = False, focus: str | None = None,
                     draft: str | None = None) -> None:  # fmt: skip
            super().__init__()
            self.notice = notice
            self.error = error
            self.focus = focus
            self.draft = draft  # the key of the section whose typed text this write saved (or not)

    def __init__(self, plan_id: int, unit_id: int | None, owner: str) -> None:
        super().__init__()
        self.plan_id = plan_id
        self.unit_id = unit_id
        self.owner = owner
        self.entries: list[Entry] = []
        self.current: Entry | None = None
        self._focus_key: str | None = None
        self._showing = False
        # Text typed in a section left behind whose save was refused: (title, body) per entry key.
        self._drafts: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(id="narrative-sections")
            with Vertical(id="narrative-editor"):
                yield Input(id="narrative-title", placeholder=t("section.field_title"))
                yield TextArea(id="narrative-body", soft_wrap=True, tab_behavior="focus")
                yield Static("", id="narrative-count")
        yield DatabaseWatcher(self.app.database)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = t("narrative.title", owner=self.owner)
        sections = self.query_one("#narrative-sections", OptionList)
        sections.border_title = t("narrative.sections")
        sections.focus()
        self.load()

    # ---- loading ------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="narrative-load")
    def load(self) -> None:
        from db.queries.sections import kinds_for, sections_of

        with self.app.database.read() as session:
            rows = sections_of(self.plan_id, self.unit_id, session=session)
        self.post_message(self.Loaded(entries_for(rows, tuple(kinds_for(self.unit_id)))))

    @on(DatabaseWatcher.Changed)
    def _changed_elsewhere(self) -> None:
        if not self.dirty:
            self.load()

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        keep = self._focus_key or (self.current.key if self.current else None)
        self._focus_key = None
        new = self.current if self.current is not None and self.current.key == NEW_FREE else None
        if new is None and NEW_FREE in self._drafts:
            new = Entry(NEW_FREE, "free")
        self.entries = message.entries + ([new] if new else [])
        options = []
        for entry in self.entries:
            if entry.section_id is None and entry.key != NEW_FREE:
                label = Text(f"{entry.heading} – {t('narrative.not_written')}", style="dim")
            else:
                words = t("narrative.words", count=count_words(entry.body))
                label = Text.assemble(entry.heading, (f" · {words}", "dim"))
            options.append(Option(label, id=entry.key))
        sections = self.query_one("#narrative-sections", OptionList)
        with self.prevent(OptionList.OptionHighlighted):
            sections.clear_options()
            sections.add_options(options)
            keys = [e.key for e in self.entries]
            sections.highlighted = keys.index(keep) if keep in keys else (0 if keys else None)
        if self.entries:
            self._show(self.entries[sections.highlighted or 0])
        self.refresh_bindings()

    # ---- the editor ---------------------------------------------------------------------------
    def _show(self, entry: Entry) -> None:
        self.current = entry
        self._showing = True
        title = self.query_one("#narrative-title", Input)
        title.value, body = self._drafts.get(entry.key, (entry.title, entry.body))
        title.placeholder = t("section.field_title") if entry.kind == "free" else t(f"section.{entry.kind}")
        self.query_one("#narrative-body", TextArea).text = body
        self._showing = False
        self._count()

    @property
    def dirty(self) -> bool:
        entry = self.current
        if entry is None:
            return False
        title = self.query_one("#narrative-title", Input).value
        body = self.query_one("#narrative-body", TextArea).text
        return title != entry.title or body != entry.body

    def _count(self) -> None:
        body = self.query_one("#narrative-body", TextArea).text
        state = t("narrative.changed") if self.dirty else t("narrative.saved_state")
        words = t("narrative.words", count=count_words(body))
        self.query_one("#narrative-count", Static).update(f"{words} · {state}")

    @on(TextArea.Changed, "#narrative-body")
    @on(Input.Changed, "#narrative-title")
    def _edited(self) -> None:
        if not self._showing:
            self._count()

    @on(OptionList.OptionHighlighted, "#narrative-sections")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = next((e for e in self.entries if e.key == event.option.id), None)
        if entry is None or entry is self.current:
            return
        if self.dirty:
            self._save(self.current, focus=entry.key, keep_draft=True)
        self._show(entry)
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#narrative-sections")
    def _selected(self) -> None:
        self.query_one("#narrative-body", TextArea).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("shift", "delete") and (self.current is None or self.current.section_id is None):
            return None
        if action == "save" and self.current is None:
            return None
        return True

    # ---- writing ------------------------------------------------------------------------------
    def action_save(self) -> None:
        if self.current is not None:
            self._save(self.current, focus=None)

    def _save(self, entry: Entry, *, focus: str | None, keep_draft: bool = False) -> None:
        """Save the editor's text as ``entry``. ``keep_draft``: the editor is about to show another
        section, so the text is kept as this one's draft until the save is known to have landed."""
        from db.queries.sections import add_section, update_section

        title = self.query_one("#narrative-title", Input).value
        body = self.query_one("#narrative-body", TextArea).text
        plan_id, unit_id = self.plan_id, self.unit_id
        draft = entry.key if keep_draft or entry.key in self._drafts else None
        if keep_draft:
            self._drafts[entry.key] = (title, body)
        if entry.section_id is None:
            self.write(lambda s: add_section(plan_id, session=s, kind=entry.kind, title=title, body=body,
                                             unit_id=unit_id),
                       lambda new_id: t("plan.saved"), focus or (lambda new_id: f"s{new_id}"),
                       draft=draft)  # fmt: skip
        else:
            self.write(lambda s: update_section(entry.section_id, session=s, title=title, body=body,
                                                expected_version=entry.version),
                       lambda changed: t("plan.saved") if changed else "", focus or entry.key,
                       draft=draft)  # fmt: skip

    @work(thread=True, group="narrative-write")
    def write(self, change: Callable[[Any], object], notice: Callable[[object], str],
              focus: str | Callable[[object], str] | None = None, *,
              draft: str | None = None) -> None:  # fmt: skip
        from db.errors import HrplanError

        try:
            with self.app.database.write() as session:
                result = change(session)
        except HrplanError as exc:
            self.post_message(self.Done(exc.message(), error=True, draft=draft))
            return
        key = focus(result) if callable(focus) else focus
        self.post_message(self.Done(notice(result), focus=key, draft=draft))

    @on(Done)
    def _done(self, message: Done) -> None:
        if message.draft is not None and not message.error:
            self._drafts.pop(message.draft, None)
        notice = message.notice
        if message.error and message.draft is not None and self.current and self.current.key != message.draft:
            entry = next((e for e in self.entries if e.key == message.draft), None)
            if entry is not None:
                notice = f"{notice} {t('narrative.draft_kept', name=entry.heading)}"
        if notice:
            self.notify(notice, severity="error" if message.error else "information")
        if message.error and self.dirty:
            return  # a refused save (another instance changed the section meanwhile): the text stays
        if message.focus:
            self._focus_key = message.focus
        if self.current is not None and self.current.key == NEW_FREE and not message.error:
            self.current = None
        self.load()

    def action_new(self) -> None:
        if self.dirty and self.current is not None:
            self._save(self.current, focus=NEW_FREE, keep_draft=True)
        entry = Entry(NEW_FREE, "free")
        self.entries = [e for e in self.entries if e.key != NEW_FREE] + [entry]
        sections = self.query_one("#narrative-sections", OptionList)
        with self.prevent(OptionList.OptionHighlighted):
            sections.add_option(Option(Text(t("narrative.new_section")), id=NEW_FREE))
            sections.highlighted = sections.option_count - 1
        self._show(entry)
        self.query_one("#narrative-title", Input).focus()

    def action_shift(self, step: int) -> None:
        entry = self.current
        if entry is None or entry.section_id is None:
            return
        from db.queries.sections import shift_section

        self.write(lambda s: shift_section(entry.section_id, step, session=s),
                   lambda moved: "" if moved else t("plan.at_edge"), entry.key)  # fmt: skip

    def action_delete(self) -> None:
        entry = self.current
        if entry is None or entry.section_id is None:
            return
        from db.queries.sections import delete_section
        from tui.modals.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.current = None
                self.write(lambda s: delete_section(entry.section_id, session=s,
                                                    expected_version=entry.version),
                           lambda _: t("plan.deleted"))  # fmt: skip

        self.app.push_screen(
            ConfirmModal(t("narrative.confirm_delete", name=entry.heading),
                         t("narrative.confirm_delete_body", count=count_words(entry.body)),
                         yes=t("plan.key_delete"), danger=True),
            answered,
        )  # fmt: skip

    def action_undo(self) -> None:
        from db.queries.undo import undo_latest
        from tui.screens.plan import describe_undo

        plan_id = self.plan_id
        self._keep_draft()
        self.write(lambda s: undo_latest(session=s, plan_id=plan_id), describe_undo)

    def action_redo(self) -> None:
        from db.queries.undo import redo_latest
        from tui.screens.plan import describe_redo

        plan_id = self.plan_id
        self._keep_draft()
        self.write(lambda s: redo_latest(session=s, plan_id=plan_id), describe_redo)

    def _keep_draft(self) -> None:
        """Before a reload: the text typed in the section shown survives it as that section's draft."""
        if self.dirty and self.current is not None:
            self._drafts[self.current.key] = (self.query_one("#narrative-title", Input).value,
                                              self.query_one("#narrative-body", TextArea).text)  # fmt: skip
        self.current = None

    def action_back(self) -> None:
        if not self.dirty and not self._drafts:
            self.dismiss(None)
            return
        from tui.modals.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        self.app.push_screen(ConfirmModal(t("narrative.confirm_discard"), yes=t("narrative.discard")),
                             answered)  # fmt: skip

