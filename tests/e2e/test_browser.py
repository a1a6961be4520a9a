"""``hrplan serve`` in a real headless Chromium: login, a manager's report, the database, the download.

One server and one browser for the whole module (they take a few seconds to start); the tests run in
order and build on each other, like a manager's visit. Skipped when Chromium is not installed, except
under CI, where that is a failure (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Database
from db.migrate import upgrade
from db.queries.rounds import activity_history
from models.followup import FollowUpEntry, FollowUpRound
from tests.e2e.browser import Chromium, find_chromium, free_port

PASSWORD = "ett-langt-losenord"
OWN_ACTIVITY = "Alla undersköterskor har skyddad yrkestitel"  # Hemtjänsten, the first row
OTHER_UNITS = ("Demenskunskap i alla arbetslag", "Enhetlig bedömning enligt IBIC")  # not Hemtjänsten's
ROUND = "T3 2025"

CHROMIUM = find_chromium()
if CHROMIUM is None and os.environ.get("CI", "").lower() == "true":
    raise RuntimeError("Chromium is needed for the browser tests under CI (apt-get install chromium)")
# The tests follow one manager's visit in order, on one server: one worker runs them all.
pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
              pytest.mark.xdist_group("browser")]


def hrplan(db: Path, *args: str, stdin: str = "") -> None:
    subprocess.run([sys.executable, "-m", "tui", "--db", str(db), "--lang", "en", *args], input=stdin,
                   text=True, check=True, capture_output=True)  # fmt: skip


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "hrplan.db"
    hrplan(db, "demo")
    hrplan(db, "round", "new", "1", "--name", ROUND, "--date", "2025-12-01")
    hrplan(db, "user", "add", "anna", "--role", "manager", "--unit", "Hemtjänsten", stdin=PASSWORD + "\n")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HRPLAN_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(db), "--lang", "en", "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    try:
        line = server.stdout.readline()  # the server says where it listens once it does
        assert f":{port}/" in line, line
        yield f"http://127.0.0.1:{port}", db
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    chromium = Chromium(CHROMIUM)
    yield chromium
    chromium.close()


def entry(db: Path, activity_id: int) -> FollowUpEntry:
    database = Database(db)
    try:
        with database.read() as s:
            return s.execute(
                select(FollowUpEntry).join(FollowUpRound)
                .where(FollowUpRound.name == ROUND, FollowUpEntry.activity_id == activity_id)
            ).scalar_one()  # fmt: skip
    finally:
        database.dispose()


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - our own server on loopback
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_nothing_is_reached_without_logging_in(served: tuple[str, Path], browser: Chromium) -> None:
    base, _ = served
    for path in ("/static/js/textual.js", "/ws", "/download/abc", "/logout", "/assets/connect.js"):
        assert status_of(base + path) == 401, path
    browser.goto(base + "/")
    assert browser.url() == base + "/login"
    browser.fill("#name", "anna")
    browser.fill("#password", "not-the-password")
    browser.click("#login-button")
    browser.wait_for(lambda: browser.evaluate("document.querySelector('#login-message')?.innerText"),
                     what="the refusal")  # fmt: skip
    assert browser.evaluate("document.querySelector('#login-message').innerText") == "Wrong name or password."
    assert browser.url() == base + "/login"


def test_a_manager_reports_on_their_own_activities(served: tuple[str, Path], browser: Chromium) -> None:
    base, db = served
    browser.fill("#name", "anna")
    browser.fill("#password", PASSWORD)
    browser.click("#login-button")
    # The one open round opens at once, limited to Hemtjänsten.
    browser.wait_for_text("Hemtjänsten")
    browser.wait_for_text(OWN_ACTIVITY[:20])
    cookie = browser.page("Network.getCookies", urls=[base])["cookies"][0]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    browser.focus_terminal()
    before = entry(db, 6)
    assert before.status != "delayed" and not before.reviewed

    browser.press("4")  # Delayed
    browser.wait_for(lambda: entry(db, 6).status == "delayed", what="the status stored")
    browser.press("c")
    browser.wait_for_text("Comment")
    browser.type_text("Kursen bokad")
    browser.press("Enter")
    browser.wait_for(lambda: entry(db, 6).comment == "Kursen bokad", what="the comment stored")
    stored = entry(db, 6)
    assert (stored.status, stored.reviewed) == ("delayed", True)
    # The change log names the manager: the server handed the name to the app, not the browser.
    database = Database(db)
    try:
        with database.read() as s:
            history = activity_history(6, session=s)
    finally:
        database.dispose()
    assert [(item.round_name, item.by) for item in history.items][0] == (ROUND, "anna")
    # Nothing came from another host: page, script, styles and fonts are the server's own.
    assert browser.requests and all(url.startswith(base) for url in browser.requests), browser.requests


def test_another_units_activity_cannot_be_reached(served: tuple[str, Path], browser: Chromium) -> None:
    _, db = served
    shown = browser.screen_text()
    for text in (*OTHER_UNITS, "Särskilt boende", "Myndighetsenheten"):  # nor their units, in any heading
        assert text[:20] not in shown
    # Searching for it finds nothing in the manager's list.
    mark = browser.mark()
    browser.press("/")
    browser.type_text("Demenskunskap")
    browser.wait_for(lambda: "No activity matches" in browser.shown_since(mark), what="no match")
    browser.press("Escape")
    assert entry(db, 16).reviewed is False


async def test_the_coordinators_terminal_checklist_shows_the_report(served: tuple[str, Path]) -> None:
    from tui.factory import make_app
    from tui.screens.checklist import ChecklistScreen

    _, db = served
    upgrade(Database(db))
    app = make_app(db_path=db, lang="en")
    async with app.run_test(size=(160, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f")  # the plan's open round
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        screen = app.export_screenshot().replace("&#160;", " ")
        assert "Kursen bokad" in screen
        assert "Demenskunskap" in screen or "Särskilt boende" in screen  # the coordinator sees every unit


def test_the_summary_is_a_download_that_word_opens(served: tuple[str, Path], browser: Chromium) -> None:
    import docx

    browser.press("x")
    browser.wait_for_text("Your browser downloads the file.")
    browser.press("s", ctrl=True)
    browser.wait_for(lambda: browser.downloaded, what="the download")
    path = browser.downloaded[0]
    assert path.parent == browser.downloads and path.suffix == ".docx"
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert f"Follow-up round: {ROUND}" in text
    tables = "\n".join(c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells)
    assert "Kursen bokad" in tables


def test_logging_out_ends_the_session(served: tuple[str, Path], browser: Chromium) -> None:
    base, _ = served
    browser.goto(base + "/logout")
    assert browser.url() == base + "/login?note=bye"
    assert browser.evaluate("document.querySelector('#login-message').innerText") == "You are logged out."
    browser.goto(base + "/")
    assert browser.url() == base + "/login"


def test_a_new_password_ends_the_open_browser_session(served: tuple[str, Path], browser: Chromium) -> None:
    """A coordinator changes a manager's password while the manager's page is open: the server ends
    that session within its sweep, the page says why, and the old cookie no longer lets anybody in."""
    from web.server import SWEEP_SECONDS

    base, db = served
    hrplan(db, "user", "add", "bertil", "--role", "manager", "--unit", "Hemtjänsten", stdin=PASSWORD + "\n")
    browser.goto(base + "/")
    browser.fill("#name", "bertil")
    browser.fill("#password", PASSWORD)
    browser.click("#login-button")
    browser.wait_for_text(OWN_ACTIVITY[:20])
    mark = browser.mark()
    hrplan(db, "user", "passwd", "bertil", stdin="ett-annat-langt-losenord\n")
    browser.wait_for(lambda: "Your account was changed or removed" in browser.shown_since(mark),
                     what="the session ended", timeout=SWEEP_SECONDS + 20)  # fmt: skip
    browser.goto(base + "/")  # the old cookie: the login page, saying the session is over
    assert browser.url() == base + "/login?note=expired"
    assert browser.evaluate("document.querySelector('#login-message').innerText") == (
        "The session has expired. Log in again."
    )


def test_failed_logins_lock_that_name_in_this_browser(served: tuple[str, Path], browser: Chromium) -> None:
    """Five wrong passwords for one name: that name is refused from this browser even with the right
    password, while a colleague still logs in from the same browser."""
    base, _ = served

    def log_in(name: str, password: str) -> str:
        browser.goto(base + "/login")
        browser.fill("#name", name)
        browser.fill("#password", password)
        browser.click("#login-button")
        browser.wait_for(lambda: browser.url() != base + "/login" or browser.evaluate(
            "document.querySelector('#login-message')?.innerText"), what="the answer to the login")
        return browser.evaluate("document.querySelector('#login-message')?.innerText || ''")

    for _ in range(5):
        assert log_in("bertil", "fel-losenord") == "Wrong name or password."
    assert log_in("bertil", "ett-annat-langt-losenord").startswith("Too many failed logins. Try again in")
    assert browser.url() == base + "/login"
    mark = browser.mark()
    log_in("anna", PASSWORD)
    browser.wait_for(lambda: OWN_ACTIVITY[:20] in browser.shown_since(mark), what="anna's checklist")
