"""With the language Swedish, no screen, dialog, help or palette shows one of Textual's English texts.

One walk through the app by keyboard, as a new user would take it: the plans, the plan, its
editors, the key figures, the follow-up checklist, the help on each and the command palette. At
each stop the screen is rendered and searched for every English text Textual itself writes (key
descriptions, key names, the palette's and the system commands' texts).
"""

from __future__ import annotations

import html
import re

from db.engine import Database
from tests.textual_words import PALETTE_TEXTS, textual_descriptions
from tests.waiting import until
from tui.factory import make_app

# Key names as Textual writes them, which a Swedish screen must not show.
KEY_NAMES = ("pageup", "pagedown", "escape", "up", "down", "left", "right", "ctrl+", "^p", "space", "enter",
             "question_mark", "slash")  # fmt: skip
# Key caps that Swedish keyboards label in English too: not a sign of an untranslated text.
SAME_IN_SWEDISH = {"Home", "End", "Delete", "Insert"}

_TEXT = re.compile(r'<text[^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', re.S)


def screen_lines(app) -> list[str]:  # noqa: ANN001
    """What the screen shows, line by line, from Textual's own SVG of it."""
    lines: dict[float, list[str]] = {}
    for y, piece in _TEXT.findall(app.export_screenshot()):
        lines.setdefault(float(y), []).append(html.unescape(re.sub(r"<[^>]+>", "", piece)))
    return ["".join(parts).replace("\xa0", " ") for _, parts in sorted(lines.items())]


def english_found(lines: list[str]) -> list[str]:
    words = (textual_descriptions() | set(PALETTE_TEXTS)) - SAME_IN_SWEDISH
    found = []
    for line in lines:
        for word in words:
            if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", line):
                found.append(f"{word!r} in {line.strip()!r}")
        for key in KEY_NAMES:
            if re.search(rf"(?<![\w+]){re.escape(key)}(?![\w])", line):
                found.append(f"key name {key!r} in {line.strip()!r}")
    return found


def test_the_check_finds_textuals_english() -> None:
    found = english_found(["  Scroll Up  ", "x ^p Kommandon", "Sida upp · ↑ Upp"])
    assert "'Scroll Up' in 'Scroll Up'" in found and "key name '^p' in 'x ^p Kommandon'" in found
    assert not [f for f in found if "Sida upp" in f]


async def test_every_screen_and_dialog_speaks_only_swedish(demo_database: Database) -> None:
    """At 120×40, where the most text shows (the snapshots cover 80×24)."""
    app = make_app(db_path=demo_database.path, lang="sv")
    seen: dict[str, list[str]] = {}

    async with app.run_test(size=(120, 40)) as pilot:

        async def settle() -> None:
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()

        async def stop(name: str, *keys: str) -> None:
            await pilot.press(*keys)
            await settle()
            seen[name] = screen_lines(app)

        await settle()
        seen["plans"] = screen_lines(app)
        await stop("plans help", "question_mark")
        await stop("palette", "escape", "ctrl+p")
        await stop("palette, no matches", *"zzqx")
        # "No matches" shows as an entry of its own, half a second after the last key.
        await until(pilot, lambda: any("Inga träffar" in line for line in screen_lines(app)))
        seen["palette, no matches"] = screen_lines(app)
        await stop("palette, system commands", *["backspace"] * 4, *"tema")
        await stop("new plan", "escape", "n")
        await stop("delete plan", "escape", "d")
        await stop("copy plan", "escape", "c")
        await stop("export", "escape", "x")
        await stop("import", "escape", "i")
        await stop("plan", "escape", "enter")
        await stop("plan help", "question_mark")
        await stop("activity editor", "escape", "e")
        await stop("move", "escape", "m")
        await stop("units", "escape", "u")
        await stop("areas", "escape", "r")
        await stop("key figures", "escape", "k")
        await stop("key figures help", "question_mark")
        await stop("history", "escape", "escape", "h")
        await stop("new round", "escape", "f")
        await stop("checklist", "enter", "enter")
        await stop("checklist help", "question_mark")

    problems = [f"{name}: {p}" for name, lines in seen.items() for p in english_found(lines)]
    assert not problems, "English on a Swedish screen:\n" + "\n".join(problems)
    assert any("Färgtema" in line for line in seen["palette, system commands"])
