"""The app in a real (pseudo-)terminal: when the terminal goes away, the app ends by itself.

A closed terminal window sends SIGHUP; a terminal whose owner was no shell (a multiplexer running
``make run`` directly) just stops answering. In both cases the app used to stay behind, busy,
with its database open. It must end, with the database closed (SQLite's write-ahead log folded
back and removed, as after ``q``).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from db.demo import add_demo_plan
from db.engine import Database
from db.migrate import upgrade


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "terminal.db"
    database = Database(path)
    upgrade(database)
    with database.write() as session:
        add_demo_plan(session=session)
    database.dispose()
    return path


def _start_app(db: Path, *, ignore_hangup: bool) -> tuple[int, int]:
    """The app on a new pseudo-terminal of 80×24 as its controlling terminal: (pid, master fd)."""
    pid, master = pty.fork()
    if pid == 0:  # the child: becomes the app
        if ignore_hangup:
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
        env = {**os.environ, "TERM": "xterm-256color"}
        os.execve(sys.executable, [sys.executable, "-m", "tui", "--db", str(db), "--lang", "en"], env)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, master


def _read_until(master: int, wanted: bytes, timeout: float = 60) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            seen += os.read(master, 65536)
    return seen


def _exit_code(pid: int, timeout: float = 30) -> int | None:
    """The app's exit code once it ended; None if it still runs after ``timeout`` (it is killed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


@pytest.mark.parametrize("ignore_hangup", [False, True], ids=["hang-up signal", "no signal"])
def test_the_app_ends_when_its_terminal_goes_away(demo_file: Path, ignore_hangup: bool) -> None:
    pid, master = _start_app(demo_file, ignore_hangup=ignore_hangup)
    wal = Path(f"{demo_file}-wal")
    try:
        assert b"Quit" in _read_until(master, b"Quit"), "the plans screen did not show"
        # The app holds a connection open (its watch for changes made elsewhere): the log is there.
        # Meanwhile the terminal reads what the app draws, as a terminal does.
        deadline = time.monotonic() + 30
        while not wal.exists() and time.monotonic() < deadline:
            _read_until(master, b"\0", timeout=0.05)
        assert wal.exists()
    finally:
        os.close(master)  # the terminal goes away
    assert _exit_code(pid) == 0
    assert not wal.exists()  # every connection closed: the log folded back
