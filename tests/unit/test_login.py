"""Users, passwords and logging in to ``hrplan serve``: wrong password, unknown user, too many attempts,
expired sessions, and the server's answers (no browser: aiohttp's test client)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from db.engine import Database
from db.errors import InvalidInputError
from db.users import add_user, authenticate, get_user, list_users, remove_user, set_password
from models.passwords import hash_password, verify_password
from web.sessions import AttemptLimiter, SessionStore

PASSWORD = "ett-langt-losenord"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def users(demo_database: Database) -> Database:
    with demo_database.write() as s:
        add_user("anna", session=s, role="manager", password=PASSWORD, units=["Hemtjänsten"])
        add_user("kim", session=s, role="coordinator", password=PASSWORD)
    return demo_database


def test_a_password_is_kept_only_as_a_salted_slow_hash(users: Database) -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second and first.startswith("scrypt$") and PASSWORD not in first
    assert verify_password(PASSWORD, first) and not verify_password("ett-langt-losenorD", first)
    assert not verify_password(PASSWORD, "scrypt$broken")
    assert PASSWORD.encode() not in users.path.read_bytes()


def test_wrong_password_and_unknown_user_are_refused_alike(users: Database) -> None:
    with users.read() as s:
        assert authenticate("anna", PASSWORD, session=s).units == ("Hemtjänsten",)
        assert authenticate("anna", "fel-losenord-helt", session=s) is None
        assert authenticate("nobody", PASSWORD, session=s) is None


def test_users_are_added_changed_and_removed_with_clear_refusals(users: Database) -> None:
    cases = [
        (dict(name="eva", role="manager", password=PASSWORD, units=[]), "invalid.manager_needs_unit"),
        (dict(name="eva", role="manager", password=PASSWORD, units=["Nowhere"]), "invalid.unknown_unit"),
        (dict(name="eva", role="viewer", password=PASSWORD, units=["Hemtjänsten"]),
         "invalid.units_only_manager"),
        (dict(name="eva", role="viewer", password="kort"), "invalid.password_short"),
        (dict(name="anna", role="viewer", password=PASSWORD), "invalid.user_taken"),
        (dict(name="eva lund", role="viewer", password=PASSWORD), "invalid.user_name_chars"),
    ]
    for kwargs, reason in cases:
        name = kwargs.pop("name")
        with pytest.raises(InvalidInputError) as refused, users.write() as s:
            add_user(name, session=s, **kwargs)
        assert refused.value.params["reason"] == reason
    with users.write() as s:
        set_password("anna", "ett-annat-losenord", session=s)
    with users.read() as s:
        assert authenticate("anna", PASSWORD, session=s) is None
        assert authenticate("anna", "ett-annat-losenord", session=s) is not None
    with users.write() as s:
        remove_user("anna", session=s)
    with users.read() as s:
        assert get_user("anna", session=s) is None
        assert [u.name for u in list_users(session=s)] == ["kim"]


def test_the_user_command_asks_for_the_password_and_never_prints_it(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tui", "--db", str(db), "--lang", "en", *args],
                              input=stdin, text=True, capture_output=True)  # fmt: skip

    assert run("demo").returncode == 0
    added = run("user", "add", "anna", "--role", "manager", "--unit", "Hemtjänsten", stdin=PASSWORD + "\n")
    assert added.returncode == 0 and added.stdout.strip() == "Added anna as manager (Hemtjänsten)"
    short = run("user", "add", "eva", "--role", "viewer", stdin="kort\n")
    assert short.returncode == 2
    assert short.stderr.strip() == "hrplan: Password: must be at least 10 characters"
    listed = run("user", "list", "--json")
    assert '"anna"' in listed.stdout and PASSWORD not in listed.stdout + listed.stderr
    assert run("user", "passwd", "anna", stdin="ett-annat-losenord\n").returncode == 0
    assert run("user", "remove", "anna").stdout.strip() == "Removed anna."
    assert run("user", "remove", "anna").returncode == 2


def test_too_many_failed_logins_wait_per_user_and_per_address() -> None:
    clock = Clock()
    limiter = AttemptLimiter(per_user=3, per_address=5, per_user_anywhere=6, window=600, clock=clock)
    for _ in range(3):
        assert limiter.wait("anna", "10.0.0.1") == 0
        limiter.failed("anna", "10.0.0.1")
    assert limiter.wait("Anna", "10.0.0.1") == 600  # the name is locked from that address
    assert limiter.wait("anna", "10.0.0.2") == 0  # not for anna herself at her own computer
    assert limiter.wait("kim", "10.0.0.1") == 0
    limiter.failed("kim", "10.0.0.1")
    limiter.failed("eva", "10.0.0.1")
    assert limiter.wait("bo", "10.0.0.1") == 600  # the address tried five times
    assert limiter.wait("bo", "10.0.0.3") == 0
    for address in ("10.0.0.4", "10.0.0.5", "10.0.0.5"):  # guessing spread over machines
        limiter.failed("anna", address)
    assert limiter.wait("anna", "10.0.0.2") == 600  # six failures in all lock the name everywhere
    clock.now += 601
    assert limiter.wait("anna", "10.0.0.1") == 0 and limiter.wait("anna", "10.0.0.2") == 0
    limiter.failed("anna", "10.0.0.1")
    limiter.succeeded("anna", "10.0.0.2")
    limiter.failed("anna", "10.0.0.1")
    limiter.failed("anna", "10.0.0.1")
    assert limiter.wait("anna", "10.0.0.1") == 0  # the right password cleared the name's failures


def test_sessions_expire_when_idle_and_when_old() -> None:
    clock = Clock()
    store = SessionStore(idle=60, lifetime=300, clock=clock)
    session = store.create("anna")
    assert store.get(session.token) is session and store.get("forged") is None and store.get(None) is None
    clock.now += 59
    store.touch(session.token)
    clock.now += 59
    assert store.get(session.token) is session  # used within the idle time
    clock.now += 61
    assert store.get(session.token) is None  # idle too long
    old = store.create("anna")
    for _ in range(6):
        clock.now += 55
        store.touch(old.token)
    assert store.get(old.token) is None  # used all along, but older than its lifetime
    gone = store.create("kim")
    store.drop(gone.token)
    assert store.get(gone.token) is None


async def test_the_server_lets_nobody_in_without_a_login(users: Database) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    from web.server import COOKIE, HrplanServer, ServeSettings

    server = HrplanServer(ServeSettings(db_path=users.path, lang="en", max_sessions=1), users)
    server.limiter = AttemptLimiter(per_user=2, per_address=10)
    async with TestClient(TestServer(server.make_app())) as client:
        for path in ("/", "/ws", "/static/js/textual.js", "/download/x"):
            response = await client.get(path, allow_redirects=False)
            assert response.status in (302, 401), path
        assert (await client.get("/", allow_redirects=False)).headers["Location"] == "/login"

        page = await client.get("/login")
        assert "https://" not in await page.text() and "'self'" in page.headers["Content-Security-Policy"]

        wrong = await client.post("/login", data={"name": "anna", "password": "fel-losenord-helt"})
        assert wrong.status == 401 and "Wrong name or password." in await wrong.text()
        unknown = await client.post("/login", data={"name": "nobody", "password": PASSWORD})
        assert unknown.status == 401 and "Wrong name or password." in await unknown.text()
        await client.post("/login", data={"name": "anna", "password": "fel-losenord-igen"})
        locked = await client.post("/login", data={"name": "anna", "password": PASSWORD})
        assert locked.status == 429 and "Too many failed logins" in await locked.text()

        foreign = await client.post("/login", data={"name": "kim", "password": PASSWORD},
                                    headers={"Origin": "https://evil.example"})  # fmt: skip
        assert foreign.status == 403
        ok = await client.post("/login", data={"name": "kim", "password": PASSWORD}, allow_redirects=False)
        assert ok.status == 302 and ok.headers["Location"] == "/"
        cookie = ok.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Max-Age" in cookie
        assert (await client.get("/")).status == 200
        assert (await client.get("/static/js/textual.js")).status == 200

        server.live["another tab"] = None  # the one live session allowed is taken
        websocket = await client.ws_connect("/ws")
        refusal = await websocket.receive()
        assert "Too many people are in right now" in refusal.data.decode()
        assert (await websocket.receive()).type.name in ("CLOSE", "CLOSED")
        server.live.clear()

        token = client.session.cookie_jar.filter_cookies(client.make_url("/"))[COOKIE].value
        server.sessions.idle = 0  # the session has been idle longer than allowed
        assert (await client.get("/", allow_redirects=False)).status == 302
        assert server.sessions.get(token) is None


async def test_a_session_ends_when_its_account_is_removed_or_given_a_new_password(users: Database) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    from web.server import COOKIE, HrplanServer, ServeSettings

    server = HrplanServer(ServeSettings(db_path=users.path, lang="en"), users)

    async def logged_in(client: TestClient, name: str) -> str:
        ok = await client.post("/login", data={"name": name, "password": PASSWORD}, allow_redirects=False)
        assert ok.status == 302
        return client.session.cookie_jar.filter_cookies(client.make_url("/"))[COOKIE].value

    async with (
        TestClient(TestServer(server.make_app())) as anna,
        TestClient(TestServer(server.make_app())) as kim,
    ):
        anna_token, kim_token = await logged_in(anna, "anna"), await logged_in(kim, "kim")
        await server.sweep_once()  # nothing changed: both stay
        assert server.sessions.get(anna_token) and server.sessions.get(kim_token)
        with users.write() as s:
            set_password("anna", "ett-helt-nytt-losenord", session=s)
        await server.sweep_once()
        assert server.sessions.get(anna_token) is None and server.sessions.get(kim_token)
        assert (await anna.get("/", allow_redirects=False)).status == 302
        with users.write() as s:
            remove_user("kim", session=s)
        await server.sweep_once()
        assert server.sessions.get(kim_token) is None
        assert (await kim.get("/", allow_redirects=False)).status == 302
