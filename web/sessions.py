"""Login sessions and the limit on login attempts of ``hrplan serve``: plain Python, kept in memory.

A session is a random token in an HttpOnly cookie; it ends after ``idle`` seconds without use, after
``lifetime`` seconds whatever happens, at logout, and when the server stops (everyone logs in again).
Failed logins are counted per user name and per address in a sliding window; past the limit, a login
is refused before its password is even checked.
"""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Clock = Callable[[], float]


@dataclass
class LoginSession:
    token: str
    user: Any  # db.users.UserInfo
    created: float
    last_seen: float
    extra: dict[str, Any] = field(default_factory=dict)


class SessionStore:
    def __init__(self, *, idle: float, lifetime: float, clock: Clock = time.monotonic) -> None:
        self.idle = idle
        self.lifetime = lifetime
        self._clock = clock
        self._sessions: dict[str, LoginSession] = {}

    def create(self, user: Any) -> LoginSession:
        now = self._clock()
        session = LoginSession(secrets.token_urlsafe(32), user, now, now)
        self._sessions[session.token] = session
        return session

    def _expired(self, session: LoginSession, now: float) -> bool:
        return now - session.last_seen > self.idle or now - session.created > self.lifetime

    def get(self, token: str | None) -> LoginSession | None:
        """The live session of a token; None for an unknown, ended or expired one (which is dropped)."""
        if not token:
            return None
        session = self._sessions.get(token)
        if session is None:
            return None
        if self._expired(session, self._clock()):
            del self._sessions[token]
            return None
        return session

    def touch(self, token: str) -> None:
        session = self._sessions.get(token)
        if session is not None:
            session.last_seen = self._clock()

    def drop(self, token: str) -> None:
        self._sessions.pop(token, None)

    def drop_if(self, ended: Callable[[LoginSession], bool]) -> list[str]:
        """Forget every session for which ``ended`` holds (its account changed, say); their tokens."""
        gone = [token for token, session in self._sessions.items() if ended(session)]
        for token in gone:
            del self._sessions[token]
        return gone

    def drop_expired(self) -> list[str]:
        """Forget every expired session; returns their tokens."""
        now = self._clock()
        gone = [token for token, session in self._sessions.items() if self._expired(session, now)]
        for token in gone:
            del self._sessions[token]
        return gone

    def remaining(self, token: str) -> float:
        """Seconds until the session expires if not used meanwhile (0 when it has)."""
        session = self._sessions.get(token)
        if session is None:
            return 0.0
        now = self._clock()
        return max(0.0, min(session.last_seen + self.idle, session.created + self.lifetime) - now)

    def __len__(self) -> int:
        return len(self._sessions)


class AttemptLimiter:
    """Failed logins per ``window``: at most ``per_user`` for one name from one address, ``per_address``
    from one address whatever the names, and ``per_user_anywhere`` for one name from all addresses.

    A name is locked for everyone only by many failures from several addresses (guessing spread over
    machines); a single address that tries a colleague's name a few times locks that name for itself
    alone, so nobody can keep a manager out of a meeting from one browser.
    """

    def __init__(self, *, per_user: int = 5, per_address: int = 20, per_user_anywhere: int = 50,
                 window: float = 15 * 60, clock: Clock = time.monotonic) -> None:  # fmt: skip
        self.per_user = per_user
        self.per_address = per_address
        self.per_user_anywhere = per_user_anywhere
        self.window = window
        self._clock = clock
        self._failures: dict[tuple[str, ...], deque[float]] = {}

    def _recent(self, key: tuple[str, ...]) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        limit = self._clock() - self.window
        while times and times[0] <= limit:
            times.popleft()
        if not times:
            del self._failures[key]
        return times

    def _limits(self, user: str, address: str) -> tuple[tuple[tuple[str, ...], int], ...]:
        name = user.strip().casefold()
        return (
            (("user", name, address), self.per_user),
            (("address", address), self.per_address),
            (("user", name), self.per_user_anywhere),
        )

    def wait(self, user: str, address: str) -> float:
        """Seconds until a login for ``user`` from ``address`` may be tried again; 0: now."""
        waits = []
        for key, limit in self._limits(user, address):
            times = self._recent(key)
            if len(times) >= limit:
                waits.append(times[len(times) - limit] + self.window - self._clock())
        return max(waits, default=0.0)

    def failed(self, user: str, address: str) -> None:
        now = self._clock()
        for key, _ in self._limits(user, address):
            self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, user: str, address: str) -> None:
        """A right password clears the name's failures (not the address's: it may try other names)."""
        name = user.strip().casefold()
        for key in [key for key in self._failures if key[0] == "user" and key[1] == name]:
            del self._failures[key]
