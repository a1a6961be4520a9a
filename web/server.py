"""``hrplan serve``: hrplan's own screens in a browser, for the people allowed to see them.

Built on textual-serve: its ``AppService`` runs one hrplan app per browser tab and its download manager
carries exports to the browser; its page script and fonts are served from the package. Around it this
module adds what textual-serve leaves out: a login before anything (a session cookie that is HttpOnly,
SameSite=Strict and expires), limited login attempts, the person's identity and role handed to the app
they start, a limit on live sessions, an idle timeout, and no page or font loaded from another host.
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from db.errors import HrplanError
from i18n import t
from web.sessions import AttemptLimiter, LoginSession, SessionStore

if TYPE_CHECKING:
    from db.engine import Database
    from db.users import UserInfo

log = logging.getLogger("hrplan.serve")

HERE = Path(__file__).parent
COOKIE = "hrplan_session"
PUBLIC_PATHS = frozenset({"/login", "/assets/page.css"})
LOGIN = web.RequestKey("login", LoginSession)  # the signed-in session a request comes with
# Nothing from another host: scripts, styles, fonts, images and the websocket come from this server.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)
SWEEP_SECONDS = 10
HASHES_AT_ONCE = 2  # each scrypt check takes about 32 MiB for a moment


@dataclass(frozen=True, slots=True)
class ServeSettings:
    db_path: Path  # or a ServerUrl (a str): the apps get it as --db
    lang: str
    host: str = "127.0.0.1"
    port: int = 8000
    max_sessions: int = 20
    idle_minutes: float = 30
    lifetime_hours: float = 10
    font_size: int = 16


@dataclass
class LiveApp:
    """One app process, started for one tab of a logged-in person."""

    token: str
    user: str
    service: AppService
    websocket: web.WebSocketResponse


def app_command(settings: ServeSettings, user: UserInfo) -> str:
    """The shell command that starts hrplan for ``user``: identity and role in its environment only."""
    from db.access import Principal

    principal = Principal(name=user.name, role=user.role, units=frozenset(user.units))
    variables = [f"{key}={value}" for key, value in principal.environment().items()]
    hrplan = [sys.executable, "-m", "tui", "--db", str(settings.db_path), "--lang", settings.lang]
    return shlex.join(["env", *variables, *hrplan])


class HrplanServer(Server):
    def __init__(self, settings: ServeSettings, database: Database) -> None:
        from i18n import set_language

        super().__init__(command="hrplan", host=settings.host, port=settings.port, title="hrplan")
        set_language(settings.lang)
        self.settings = settings
        self.database = database
        self.sessions = SessionStore(idle=settings.idle_minutes * 60, lifetime=settings.lifetime_hours * 3600)
        self.limiter = AttemptLimiter()
        self.live: dict[str, LiveApp] = {}
        self._hashing = asyncio.Semaphore(HASHES_AT_ONCE)
        self._sweeper: asyncio.Task[None] | None = None

    # ---- the aiohttp application ------------------------------------------------------------------

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=64 * 1024)
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/login", self.handle_login_page, name="login"),
                web.post("/login", self.handle_login, name="login_post"),
                web.get("/logout", self.handle_logout, name="logout"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
                web.static("/assets", HERE / "assets", name="assets"),
            ]
        )
        app.on_response_prepare.append(self._headers)
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def on_startup(self, app: web.Application) -> None:
        self._sweeper = asyncio.create_task(self._sweep())
        print(t("serve.listening", url=f"http://{self.settings.host}:{self.settings.port}/"), flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
        for live in list(self.live.values()):
            await live.websocket.close()

    @web.middleware
    async def _guard(self, request: web.Request, handler):  # noqa: ANN001, ANN202
        """Nothing but the login page without a live session."""
        if request.path in PUBLIC_PATHS:
            return await handler(request)
        login = self.sessions.get(request.cookies.get(COOKIE))
        if login is None:
            if request.method == "GET" and request.path == "/":
                # A cookie whose session is gone: it expired (or the server restarted).
                raise web.HTTPFound("/login?note=expired" if request.cookies.get(COOKIE) else "/login")
            raise web.HTTPUnauthorized(text=t("serve.login_first"))
        if request.path == "/ws" and not _same_origin(request):
            raise web.HTTPForbidden(text=t("serve.other_origin"))
        request[LOGIN] = login
        self.sessions.touch(login.token)
        return await handler(request)

    async def _headers(self, request: web.Request, response: web.StreamResponse) -> None:
        if isinstance(response, web.WebSocketResponse):
            return
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" makes a form's Origin "null"
        if not request.path.startswith(("/static/", "/assets/")):
            response.headers["Cache-Control"] = "no-store"

    # ---- pages -------------------------------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.Response:
        return aiohttp_jinja2.render_template(
            "app.html", request,
            {"lang": self.settings.lang, "title": t("app.title"), "font_size": self.settings.font_size,
             "ended": t("serve.ended"), "start_again": t("serve.start_again"), "logout": t("serve.logout")},
        )  # fmt: skip

    def _login_page(self, request: web.Request, *, message: str = "", kind: str = "", name: str = "",
                    status: int = 200) -> web.Response:  # fmt: skip
        response = aiohttp_jinja2.render_template(
            "login.html", request,
            {"lang": self.settings.lang, "title": t("serve.login_title"), "heading": t("serve.login_heading"),
             "intro": t("serve.login_intro"), "name_label": t("field.user_name"),
             "password_label": t("field.password"), "button": t("serve.login_button"), "message": message,
             "message_kind": kind, "name": name},
        )  # fmt: skip
        response.set_status(status)
        return response

    async def handle_login_page(self, request: web.Request) -> web.Response:
        if self.sessions.get(request.cookies.get(COOKIE)) is not None:
            raise web.HTTPFound("/")
        notes = {"bye": "serve.logged_out", "expired": "serve.session_expired"}
        note = notes.get(request.query.get("note", ""))
        return self._login_page(request, message=t(note) if note else "", kind="info")

    async def handle_login(self, request: web.Request) -> web.Response:
        if not _same_origin(request):
            raise web.HTTPForbidden(text=t("serve.other_origin"))
        form = await request.post()
        name = str(form.get("name", ""))[:60].strip()
        password = str(form.get("password", ""))[:1024]
        address = client_address(request)
        wait = self.limiter.wait(name, address)
        if wait > 0:
            minutes = max(1, round(wait / 60))
            return self._login_page(request, message=t("serve.too_many_attempts", minutes=minutes),
                                    kind="error", name=name, status=429)  # fmt: skip
        async with self._hashing:
            user = await asyncio.to_thread(self._authenticate, name, password)
        if user is None:
            self.limiter.failed(name, address)
            log.warning("login refused for a name from %s", address)
            return self._login_page(request, message=t("serve.login_failed"), kind="error", name=name,
                                    status=401)  # fmt: skip
        self.limiter.succeeded(name, address)
        old = request.cookies.get(COOKIE)
        if old:
            await self._end_session(old)
        login = self.sessions.create(user)
        log.info("%s logged in from %s", user.name, address)
        response = web.HTTPFound("/")
        response.set_cookie(
            COOKIE, login.token, httponly=True, samesite="Strict", path="/", secure=_is_https(request),
            max_age=int(self.settings.lifetime_hours * 3600),
        )  # fmt: skip
        raise response

    def _authenticate(self, name: str, password: str) -> UserInfo | None:
        from db.users import authenticate

        if not name or not password:
            return None
        with self.database.read() as session:
            return authenticate(name, password, session=session)

    async def handle_logout(self, request: web.Request) -> web.Response:
        login = request[LOGIN]
        await self._end_session(login.token)
        response = web.HTTPFound("/login?note=bye")
        response.del_cookie(COOKIE, path="/")
        raise response

    async def _end_session(self, token: str) -> None:
        self.sessions.drop(token)
        for live in [live for live in self.live.values() if live.token == token]:
            await live.websocket.close()

    # ---- the app behind the page ---------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One app process for this tab, started for the logged-in person with their role."""
        login = request[LOGIN]
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if len(self.live) >= self.settings.max_sessions:
            await websocket.send_bytes(f"\r\n  {t('serve.too_many_sessions')}\r\n".encode())
            await websocket.close()
            return websocket
        # The account as stored now: a user removed or changed since the login logs in again.
        user = await asyncio.to_thread(self._current_user, login.user.name)
        if user != login.user:
            self.sessions.drop(login.token)
            await websocket.send_bytes(f"\r\n  {t('serve.account_changed')}\r\n".encode())
            await websocket.close()
            return websocket
        width = _number(request.query.get("width"), 80)
        height = _number(request.query.get("height"), 24)
        service = AppService(
            app_command(self.settings, user), write_bytes=websocket.send_bytes, write_str=websocket.send_str,
            close=websocket.close, download_manager=self.download_manager,
        )  # fmt: skip
        live = LiveApp(login.token, user.name, service, websocket)
        self.live[service.app_service_id] = live
        log.info("app started for %s (%d live)", user.name, len(self.live))
        try:
            await service.start(width, height)
            await self._relay(websocket, service, login)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            self.live.pop(service.app_service_id, None)
            await service.stop()
            log.info("app ended for %s (%d live)", user.name, len(self.live))
        return websocket

    def _current_user(self, name: str) -> UserInfo | None:
        from db.users import get_user

        with self.database.read() as session:
            return get_user(name, session=session)

    async def _relay(
        self, websocket: web.WebSocketResponse, service: AppService, login: LoginSession
    ) -> None:
        """What the browser sends, to the app. Typing keeps the login alive; nothing else does."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = message.json()
            except (ValueError, TypeError):
                continue
            data = rest[0] if rest else None
            if kind == "stdin" and isinstance(data, str):
                self.sessions.touch(login.token)
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width, height = _number(data.get("width"), 80), _number(data.get("height"), 24)
                await service.set_terminal_size(width, height)
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """An export, only to the session whose app made it."""
        login = request[LOGIN]
        try:
            download = await self.download_manager.get_download_metadata(request.match_info["key"])
        except KeyError:
            raise web.HTTPNotFound() from None
        live = self.live.get(download.app_service.app_service_id)
        if live is None or live.token != login.token:
            raise web.HTTPNotFound()
        return await super().handle_download(request)

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(SWEEP_SECONDS)
            await self.sweep_once()

    async def sweep_once(self) -> None:
        """End the sessions that expired (idle or too old) and those whose account was removed or
        changed since the login (a new password, another role or units), with their apps."""
        self.sessions.drop_expired()
        changed: set[str] = set()
        if len(self.sessions):
            try:
                accounts = await asyncio.to_thread(self._accounts)
            except HrplanError as exc:  # the database is away for a moment: asked again next time
                log.warning("accounts not checked: %s", exc.key)
            else:
                changed = set(self.sessions.drop_if(lambda s: accounts.get(s.user.name) != s.user))
        for live in list(self.live.values()):
            if self.sessions.get(live.token) is None and not live.websocket.closed:
                why = "serve.account_changed" if live.token in changed else "serve.idle_closed"
                await live.websocket.send_bytes(f"\r\n  {t(why)}\r\n".encode())
                await live.websocket.close()

    def _accounts(self) -> dict[str, UserInfo]:
        from db.users import list_users

        with self.database.read() as session:
            return {user.name: user for user in list_users(session=session)}


def _number(value: object, default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, 10), 1000)


def _is_https(request: web.Request) -> bool:
    return request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https"


def _same_origin(request: web.Request) -> bool:
    """A browser names the page a request comes from; another site's page may not drive this one."""
    origin = request.headers.get("Origin")
    if not origin:
        return True
    return urlsplit(origin).netloc.lower() == request.host.lower()


def client_address(request: web.Request) -> str:
    """The browser's address; behind a proxy on this machine, the one the proxy names."""
    remote = request.remote or ""
    forwarded = request.headers.get("X-Forwarded-For", "")
    if forwarded and remote in ("127.0.0.1", "::1"):
        return forwarded.split(",")[-1].strip() or remote
    return remote


def serve(settings: ServeSettings, database: Database) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    server = HrplanServer(settings, database)
    web.run_app(server.make_app(), host=settings.host, port=settings.port, print=None,
                access_log=None)  # fmt: skip
