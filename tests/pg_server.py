"""A throwaway PostgreSQL server for the tests: one cluster per test run, in a temporary folder.

The server listens on a unix socket in that folder only (no TCP port to collide on). Its binaries
come from the ``pgserver`` wheel of the test extra (so a fresh machine with only Python gets them),
else from a PostgreSQL on the PATH or Debian's ``/usr/lib/postgresql``. ``initdb`` refuses to run as
root, which CI is: then the server runs as the unprivileged user ``nobody``.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "postgres"
TEMPLATE = "hrplan_template"
DEMO_TEMPLATE = "hrplan_demo_template"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server could be started here; the reason says why."""


def server_bin() -> Path:
    """The folder with initdb, pg_ctl and postgres."""
    spec = importlib.util.find_spec("pgserver")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"
        if (folder / "initdb").exists():
            return folder
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    raise ServerUnavailable("no PostgreSQL server binaries (the test extra has them)")


def _as_server_user() -> tuple[list[str], int | None, int | None]:
    """The command prefix and ids that run the server unprivileged when we are root."""
    if os.geteuid() != 0:
        return [], None, None
    import pwd

    try:
        user = pwd.getpwnam("nobody")
    except KeyError:
        raise ServerUnavailable("running as root without a user 'nobody' to run PostgreSQL as") from None
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise ServerUnavailable("running as root and setpriv (util-linux) is missing")
    prefix = [setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]
    return prefix, user.pw_uid, user.pw_gid


class Cluster:
    """initdb, start, the URL of a database, stop."""

    def __init__(self) -> None:
        self.bin = server_bin()
        self.prefix, uid, gid = _as_server_user()
        self.folder = Path(tempfile.mkdtemp(prefix="hrplan-pg-"))
        if uid is not None:
            os.chown(self.folder, uid, gid)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.env = {**os.environ, "HOME": str(self.folder), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        self.env.pop("PGDATA", None)
        self.started = False

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [*self.prefix, *args], env=self.env, cwd=self.folder, capture_output=True, text=True,
            timeout=120, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-1500:] if self.log.exists() else ""
            raise ServerUnavailable(f"{Path(args[0]).name} failed: {done.stderr.strip()[-1500:]}\n{log}")

    def _reachable_bin(self) -> None:
        """The unprivileged user must reach the binaries: a checkout under /root (0700) hides them,
        so they are copied into the cluster's folder then (about 35 MB, once per run)."""
        if not self.prefix:
            return
        done = subprocess.run([*self.prefix, str(self.bin / "initdb"), "--version"], env=self.env,
                              cwd=self.folder, capture_output=True, timeout=60, check=False)  # fmt: skip
        if done.returncode == 0:
            return
        # Kept in the same layout: the wheel's binaries find their libraries at $ORIGIN/../../../*.libs.
        install = self.folder / "pg" / "pkg" / self.bin.parent.name
        shutil.copytree(self.bin.parent, install, symlinks=True)
        for libs in self.bin.parents[2].glob("pgserver.libs"):
            shutil.copytree(libs, self.folder / "pg" / libs.name, symlinks=True)
        self.bin = install / self.bin.name

    def start(self) -> Cluster:
        self._reachable_bin()
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "-E", "UTF8", "--no-locale", "--no-sync")  # fmt: skip
        options = (
            f"-k {self.folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=60"
        )
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
                  "-w", "-t", "60", "start")  # fmt: skip
        self.started = True
        return self

    def url(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{user}@/{database}?host={self.folder}"

    def admin(self, *statements: str) -> None:
        """Run statements as the superuser, outside a transaction (CREATE DATABASE needs that)."""
        import psycopg

        params = {"host": str(self.folder), "user": SUPERUSER, "dbname": "postgres", "autocommit": True}
        with psycopg.connect(**params) as conn:
            for statement in statements:
                conn.execute(statement)

    def stop(self) -> None:
        if self.started:
            subprocess.run(
                [*self.prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                env=self.env, cwd=self.folder, capture_output=True, timeout=60, check=False,
            )  # fmt: skip
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)
