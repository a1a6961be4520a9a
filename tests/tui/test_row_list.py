"""RowList: draws only what is on screen, skips group headings, redraws one line on change."""

from rich.text import Text
from textual.app import App, ComposeResult

from tui.widgets.row_list import Column, KeyedRows, Row, RowList


def make_rows(groups: int, per_group: int) -> list[Row]:
    rows = []
    for g in range(groups):
        rows.append(Row(key=("group", g), cells=(f"Område {g}",), group=True))
        for i in range(per_group):
            rows.append(Row(key=g * 1000 + i, cells=(f"Mål {g}.{i} åäö", "År 2025", Text("Pågår", "yellow"))))
    return rows


class ListApp(App[None]):
    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.highlighted: list[object] = []
        self.selected: list[object] = []

    def compose(self) -> ComposeResult:
        yield RowList([Column("Mål"), Column("Måldatum", width=12), Column("Status", width=12)], id="list")

    def on_mount(self) -> None:
        self.query_one(RowList).set_rows(self.rows)
        self.query_one(RowList).focus()

    def on_row_list_highlighted(self, message: RowList.Highlighted) -> None:
        self.highlighted.append(message.key)

    def on_row_list_selected(self, message: RowList.Selected) -> None:
        self.selected.append(message.key)


async def test_cursor_skips_groups_and_scrolls() -> None:
    app = ListApp(make_rows(50, 100))  # 5,050 lines
    async with app.run_test(size=(80, 20)) as pilot:
        rows = app.query_one(RowList)
        await pilot.pause()
        assert rows.cursor_key == 0  # the first item, not the first heading
        for _ in range(100):
            await pilot.press("down")
        assert rows.cursor_key == 1000  # crossed the heading of group 1
        index = rows.index_of(1000)
        assert index == 102
        assert rows.scroll_offset.y <= index < rows.scroll_offset.y + 19  # 20 lines less the header
        await pilot.press("end")
        assert rows.cursor_key == 49 * 1000 + 99
        await pilot.press("home")
        assert rows.cursor_key == 0 and rows.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert rows.cursor_key not in (None, 0)
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [rows.cursor_key]
        assert app.highlighted[-1] == rows.cursor_key


async def test_update_row_changes_only_that_row() -> None:
    app = ListApp(make_rows(2, 5))
    async with app.run_test(size=(80, 20)) as pilot:
        rows = app.query_one(RowList)
        await pilot.pause()
        before = [rows.render_line(y).text for y in range(1, 8)]
        rows.update_row(3, ("Nytt mål", "2026", "Klar"))
        await pilot.pause()
        after = [rows.render_line(y).text for y in range(1, 8)]
        changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        assert changed == [4]  # heading on line 1, items 0-2, then item 3
        assert "Nytt mål" in after[4]


async def test_empty_list_shows_its_hint_and_has_no_cursor() -> None:
    app = ListApp([])
    async with app.run_test(size=(80, 10)) as pilot:
        rows = app.query_one(RowList)
        rows.empty_text = "Inga aktiviteter"
        rows.set_rows([])
        await pilot.pause()
        assert rows.cursor_key is None
        assert "Inga aktiviteter" in rows.render_line(1).text
        await pilot.press("down", "enter")
        assert app.selected == []


async def test_lazy_rows_draw_the_same_lines_and_build_only_what_is_shown() -> None:
    eager = make_rows(5, 40)
    built: list[object] = []

    def lazy(row: Row) -> Row:
        if row.group:
            return Row(key=row.key, cells=row.cells, group=True)

        def factory(cells=row.cells, key=row.key):  # noqa: ANN001, ANN202
            built.append(key)
            return cells

        return Row(key=row.key, factory=factory)

    lines = {}
    for name, rows in (("eager", eager), ("lazy", [lazy(r) for r in eager])):
        app = ListApp(rows)
        async with app.run_test(size=(80, 20)) as pilot:
            await pilot.pause()
            row_list = app.query_one(RowList)
            lines[name] = [row_list.render_line(y).text for y in range(row_list.size.height)]
            if name == "lazy":
                assert 0 < len(built) < row_list.size.height  # only the lines on screen
                drawn = len(built)
                row_list.update_row(1, ("Ändrad", "2026", "Klar"))  # cells given: the factory is dropped
                await pilot.pause()
                assert "Ändrad" in row_list.render_line(3).text and len(built) == drawn
                await pilot.press("end")
                await pilot.pause()
                assert len(built) > drawn and 4039 in built
    assert lines["eager"] == lines["lazy"]


async def test_keyed_rows_draw_the_same_lines_and_make_cells_only_for_what_is_shown() -> None:
    eager = make_rows(5, 40)
    cells = {row.key: row.cells for row in eager if not row.group}
    asked: list[object] = []

    def cells_of(key: object) -> tuple:
        asked.append(key)
        return cells[key]

    entries = [row if row.group else row.key for row in eager]
    keyed = KeyedRows(entries, cells_of)
    assert len(keyed) == len(eager) and not asked
    assert [(r.key, r.group) for r in keyed] == [(r.key, r.group) for r in eager]
    lines = {}
    for name, rows in (("eager", eager), ("keyed", keyed)):
        app = ListApp(rows)
        async with app.run_test(size=(80, 20)) as pilot:
            await pilot.pause()
            row_list = app.query_one(RowList)
            lines[name] = [row_list.render_line(y).text for y in range(row_list.size.height)]
            if name == "keyed":
                assert 0 < len(asked) < row_list.size.height  # only the lines on screen
                assert row_list.rows is keyed and row_list.index_of(4039) == len(eager) - 1
                drawn = len(asked)
                row_list.update_row(1, ("Ändrad", "2026", "Klar"))  # drawn already
                row_list.update_row(3039, ("Längre ned", "2027", "Klar"))  # not drawn yet
                await pilot.pause()
                assert "Ändrad" in row_list.render_line(3).text and len(asked) == drawn
                assert keyed[keyed.positions[3039]].resolved_cells()[0] == "Längre ned"
                await pilot.press("end")
                await pilot.pause()
                assert row_list.cursor_key == 4039 and 4039 in asked and 3039 not in asked
    assert lines["eager"] == lines["keyed"]
    # Walking the rows gives every item its own cells, the changed ones as changed.
    walked = {row.key: tuple(row.resolved_cells()) for row in keyed if not row.group}
    assert walked[1][0] == "Ändrad" and walked[2] == tuple(cells[2]) and len(walked) == 200
