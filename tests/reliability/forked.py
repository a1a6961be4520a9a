"""A forked child for the kill tests: it runs one function and reports lines through a pipe.

Forking (instead of starting a new interpreter) spares each of the 20+ restarts the import of
SQLModel and Textual, which would otherwise dominate the tests' time.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

Report = Callable[[str], None]


class ForkedChild:
    """Runs ``work(report)`` in a forked process; ``report`` sends one line to the parent, and an
    exception in the child arrives as an ``error …`` line (with exit status 1)."""

    def __init__(self, work: Callable[[Report], None]) -> None:
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns into pytest
            os.close(read_end)
            code = 0
            try:
                work(lambda line: os.write(write_end, f"{line}\n".encode()))
            except BaseException as exc:  # reported to the parent, which fails the test
                os.write(write_end, f"error {type(exc).__name__}: {exc}\n".encode())
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        self.stdout = os.fdopen(read_end, "r", encoding="utf-8")

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)

    def finish(self) -> tuple[list[str], int]:
        """The remaining reports (written before the end) and how the child ended."""
        lines = self.stdout.read().splitlines()
        self.stdout.close()
        _, status = os.waitpid(self.pid, 0)
        return lines, status
