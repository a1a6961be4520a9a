"""A real headless Chromium from the distribution's packages, driven over its DevTools protocol.

Small on purpose: start the browser with a fresh profile, attach to a page, send commands, wait for
events. What the app draws arrives as terminal output over the page's websocket; the ``Network`` domain
reports those frames, so ``screen_text()`` is everything the app has sent to this page so far, with the
escape sequences removed: enough to wait for a text to be shown, or to check one never was.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from websockets.sync.client import connect

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio",
)  # fmt: skip
# Escape sequences of a terminal: CSI, strings (DCS, OSC, ...), charset choices and single-letter ones.
ANSI = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07\x1b]*(\x07|\x1b\\)"
    r"|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)
WAIT = 20.0  # seconds before a wait gives up (a condition, never a fixed sleep)


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    """The browser did not do what a test waited for, or answered with an error."""


class Chromium:
    """One browser process with one page."""

    def __init__(self, binary: str, *, width: int = 1200, height: int = 800) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="hrplan-chromium-"))
        self.downloads = self.profile / "downloads"
        self.downloads.mkdir()
        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + WAIT
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise BrowserError("Chromium did not start")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self._exit = contextlib.ExitStack()
        self._socket = self._exit.enter_context(
            connect(f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=WAIT)
        )
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._replies: dict[int, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self._frames: list[str] = []
        self.requests: list[str] = []
        self.downloaded: list[Path] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(self.downloads),
                  eventsEnabled=True)  # fmt: skip
        for domain in ("Page", "Network", "Runtime"):
            self.page(f"{domain}.enable")

    # ---- protocol --------------------------------------------------------------------------------

    def _read(self) -> None:
        try:
            for raw in self._socket:
                message = json.loads(raw)
                with self._lock:
                    if "id" in message:
                        self._replies[message["id"]] = message
                    else:
                        self._on_event(message)
        except Exception:  # noqa: BLE001 - the browser went away; waits time out with a clear message
            return

    def _on_event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method", ""), message.get("params", {})
        if method == "Network.webSocketFrameReceived":
            frame = params["response"]
            data = frame["payloadData"]
            if frame.get("opcode") == 2:
                data = base64.b64decode(data).decode("utf-8", "replace")
            self._frames.append(data)
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Browser.downloadProgress" and params.get("state") == "completed":
            self.downloaded.append(Path(params.get("filePath") or ""))
        self.events.append(message)

    def send(self, method: str, *, session: str | None = None, **params: Any) -> dict[str, Any]:
        number = next(self._ids)
        message: dict[str, Any] = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self._socket.send(json.dumps(message))
        reply = self.wait_for(lambda: self._replies.pop(number, None), what=method)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        return self.send(method, session=self.session, **params)

    @staticmethod
    def wait_for(condition, *, what: str, timeout: float = WAIT):  # noqa: ANN001, ANN205
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out waiting for {what}")
            time.sleep(0.02)

    # ---- the page --------------------------------------------------------------------------------

    def goto(self, url: str) -> None:
        self.page("Page.navigate", url=url)
        self.wait_for(lambda: self.evaluate("document.readyState") == "complete", what=f"loading {url}")

    def evaluate(self, expression: str) -> Any:
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def fill(self, selector: str, value: str) -> None:
        self.evaluate(f"document.querySelector({json.dumps(selector)}).value = {json.dumps(value)}")

    def click(self, selector: str) -> None:
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.page("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def url(self) -> str:
        return self.evaluate("window.location.href")

    # ---- the app in the page ---------------------------------------------------------------------------

    def screen_text(self) -> str:
        with self._lock:
            text = "".join(self._frames)
        return ANSI.sub("", text)

    def wait_for_text(self, text: str, *, timeout: float = WAIT) -> None:
        self.wait_for(lambda: text in self.screen_text(), what=f"{text!r} on screen", timeout=timeout)

    def mark(self) -> int:
        """A point in the output, to look for text shown after it (``shown_since``)."""
        with self._lock:
            return len(self._frames)

    def shown_since(self, mark: int) -> str:
        with self._lock:
            return ANSI.sub("", "".join(self._frames[mark:]))

    def press(self, key: str, *, ctrl: bool = False) -> None:
        """One key as a person presses it (a trusted key event with its text); ``ctrl`` held down."""
        special = {"Enter": ("\r", 13), "Escape": ("", 27), "Tab": ("\t", 9), "Backspace": ("", 8)}
        text, code = special.get(key, (key, ord(key.upper()) if len(key) == 1 else 0))
        base = {"key": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code,
                "modifiers": 2 if ctrl else 0}  # fmt: skip
        if ctrl:
            text = chr(ord(key.lower()) - 96) if len(key) == 1 and key.isalpha() else text
        if len(key) == 1 and key.isdigit():
            base["code"] = f"Digit{key}"
        elif len(key) == 1 and key.isalpha():
            base["code"] = f"Key{key.upper()}"
        elif key in special:
            base["code"] = key
        self.page("Input.dispatchKeyEvent", type="keyDown", text=text, unmodifiedText=text, **base)
        self.page("Input.dispatchKeyEvent", type="keyUp", **base)

    def type_text(self, text: str) -> None:
        self.page("Input.insertText", text=text)

    def focus_terminal(self) -> None:
        self.wait_for(lambda: self.evaluate("!!document.querySelector('.xterm-helper-textarea')"),
                      what="the terminal")  # fmt: skip
        self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")

    def screenshot(self, path: Path) -> Path:
        data = self.page("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        exit_stack = getattr(self, "_exit", None)
        if exit_stack is not None:
            try:
                exit_stack.close()
            except Exception:  # noqa: BLE001 - the browser may have gone already
                pass
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment_without_display() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
