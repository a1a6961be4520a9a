"""A file hrplan adopts as its database becomes private; an export is an ordinary document.

An existing empty file, or one reached through a link, is made 0600 with the files beside it (-wal,
-shm). An export keeps the user's umask, as any document saved from another program would, and the
hidden part files an export killed midway left behind are removed by the next export to that name.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.engine import Database
from tui.cli import main


@pytest.fixture
def open_umask() -> None:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def _open_reader(path: Path) -> Database:
    """A reader holding the database open, so that its -wal and -shm files are in place."""
    database = Database(path)
    with database.read() as session:
        from sqlalchemy import text

        session.execute(text("SELECT count(*) FROM plan")).scalar()
    return database


def test_an_existing_empty_file_is_made_private(open_umask: None, tmp_path: Path, capsys) -> None:
    path = tmp_path / "hrplan.db"
    path.touch()
    assert mode(path) == 0o644
    assert main(["--db", str(path), "demo"]) == 0
    database = _open_reader(path)
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        assert mode(file) == 0o600, file
    database.dispose()


@pytest.mark.parametrize("target_exists", [True, False])
def test_a_file_reached_through_a_link_is_made_private(
    open_umask: None, tmp_path: Path, capsys, target_exists: bool
) -> None:
    real = tmp_path / "data" / "planer.db"
    real.parent.mkdir()
    link = tmp_path / "hrplan.db"
    link.symlink_to(real)
    if not target_exists:  # a dangling link is refused, not followed into a new file
        assert main(["--db", str(link), "demo"]) == 2
        assert not real.exists()
        return
    real.touch()
    assert main(["--db", str(link), "demo"]) == 0
    database = _open_reader(link)
    assert mode(real) == 0o600
    for suffix in ("-wal", "-shm"):
        beside = Path(f"{real}{suffix}")
        assert beside.exists() and mode(beside) == 0o600, beside
    database.dispose()


def test_wal_and_shm_files_left_readable_by_others_are_made_private(
    open_umask: None, demo_database: Database, capsys
) -> None:
    path = demo_database.path
    demo_database.dispose()
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if file.exists():
            file.chmod(0o644)
    assert main(["--db", str(path), "list"]) == 0
    database = _open_reader(path)
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        assert mode(file) == 0o600, file
    database.dispose()


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_an_export_keeps_the_users_umask(demo_database: Database, tmp_path: Path, umask: int, capsys) -> None:
    out = tmp_path / "plan.md"
    old = os.umask(umask)
    try:
        code = main(["--db", str(demo_database.path), "export", "1", "--what", "plan", "--format", "md",
                     "--output", str(out)])  # fmt: skip
    finally:
        os.umask(old)
    assert code == 0 and mode(out) == 0o666 & ~umask


def _dead_pid() -> int:
    script = "import os; print(os.getpid())"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    return int(done.stdout)


def test_part_files_of_killed_exports_are_removed(demo_database: Database, tmp_path: Path, capsys) -> None:
    out = tmp_path / "plan.csv"
    killed = tmp_path / f".plan.csv.{_dead_pid()}.1a2b3c4d.part"
    running = tmp_path / f".plan.csv.{os.getppid()}.5e6f7a8b.part"  # an export still under way
    old_style = tmp_path / ".plan.csv.k3j2h1g0.part"  # a name of before, a day old
    other = tmp_path / f".annan.csv.{_dead_pid()}.1a2b3c4d.part"  # another export's: not this one's
    for part in (killed, running, old_style, other):
        part.write_bytes(b"")
    os.utime(old_style, (1_600_000_000, 1_600_000_000))
    code = main(["--db", str(demo_database.path), "export", "1", "--what", "plan", "--format", "csv",
                 "--output", str(out)])  # fmt: skip
    assert code == 0 and out.exists()
    assert not killed.exists() and not old_style.exists()
    assert running.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.glob(".plan.csv.*")) == [running.name]


def test_a_killed_export_leaves_a_part_that_the_next_one_removes(
    demo_database: Database, tmp_path: Path
) -> None:
    """The real thing: an export process killed while it writes, then an export to the same name."""
    out = tmp_path / "plan.xlsx"
    script = (
        "import os, sys, signal\n"
        "import exporters.files as files\n"
        "real = files.os.fsync\n"
        "def die(fd):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "files.os.fsync = die\n"
        "from tui.cli import main\n"
        f"main(['--db', {str(demo_database.path)!r}, 'export', '1', '--what', 'plan', '--format', 'xlsx',"
        f" '--output', {str(out)!r}])\n"
    )
    demo_database.dispose()
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == -9
    parts = list(tmp_path.glob(".plan.xlsx.*.part"))
    assert len(parts) == 1 and not out.exists()
    assert main(["--db", str(demo_database.path), "export", "1", "--what", "plan", "--format", "xlsx",
                 "--output", str(out)]) == 0  # fmt: skip
    assert out.exists() and list(tmp_path.glob(".plan.xlsx.*.part")) == []
