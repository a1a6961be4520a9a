"""No door that writes a file writes over hrplan's own: the database, its -wal and -shm files, its backups.

Each door (``hrplan export``, ``hrplan backup --output``, the export dialog and the export written in
the background) is tried with every own file, given directly, through a symbolic link and as a
second name (a hard link). The database must stay exactly as it was and the refusal be one line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from db.backup import make_backup
from db.engine import Database
from db.errors import HrplanError
from db.paths import backup_dir
from tests.reliability.files import digest
from tui.cli import main


def _wal(path: Path) -> Path:
    return Path(f"{path}-wal")


TARGETS: dict[str, Callable[[Path], Path]] = {
    "database": lambda db: db,
    "wal": _wal,
    "shm": lambda db: Path(f"{db}-shm"),
    "journal": lambda db: Path(f"{db}-journal"),
    "backup folder": lambda db: backup_dir(db),
    "a backup": lambda db: sorted(backup_dir(db).iterdir())[0],
    "a new file in the backup folder": lambda db: backup_dir(db) / "ny.csv",
    "link to the database": lambda db: _link(db.parent / "genväg.csv", db),
    "link to the backup folder": lambda db: _link(db.parent / "mapp", backup_dir(db)) / "x.csv",
    "second name of the database": lambda db: _hard_link(db.parent / "andra-namnet.csv", db),
    "relative path": lambda db: Path(os.path.relpath(db)),
}


def _link(link: Path, target: Path) -> Path:
    link.symlink_to(target)
    return link


def _hard_link(link: Path, target: Path) -> Path:
    os.link(target, link)
    return link


@pytest.fixture
def live(demo_database: Database) -> Database:
    """The demo database open (its -wal and -shm files present), with one backup."""
    make_backup(demo_database.path, "manual")
    Path(f"{demo_database.path}-journal").write_bytes(b"")  # as a rollback journal would lie there
    return demo_database


def _snapshot(db: Path) -> dict[str, str]:
    files = [db, _wal(db), Path(f"{db}-shm"), *sorted(backup_dir(db).iterdir())]
    return {str(f): digest(f) for f in files if f.is_file()}


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize("door", ["export", "backup"])
def test_the_command_line_refuses_every_own_file(
    live: Database, capsys: pytest.CaptureFixture[str], door: str, target: str
) -> None:
    db = live.path
    output = TARGETS[target](db)
    before = _snapshot(db)
    if door == "export":
        args = ["export", "1", "--what", "summary", "--format", "csv", "--output", str(output), "--force"]
    else:
        args = ["backup", "--output", str(output)]
    code = main(["--db", str(db), "--lang", "en", *args])
    out, err = capsys.readouterr()
    assert code == 2 and out == "", out
    assert "is one of hrplan's own files" in err and err.count("\n") == 1, err
    assert _snapshot(db) == before


def test_a_file_beside_the_database_is_still_written(live: Database, capsys) -> None:
    """The check is about hrplan's files, not their folder: an export beside the database is fine."""
    db = live.path
    out = db.parent / "hrplan.db.csv"
    args = ["export", "1", "--what", "plan", "--format", "csv", "--output", str(out)]
    assert main(["--db", str(db), *args]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    copy = db.parent / "hrplan-kopia.db"
    assert main(["--db", str(db), "backup", "--output", str(copy)]) == 0
    assert copy.is_file()


@pytest.mark.parametrize("target", ["database", "wal", "a backup", "link to the database"])
def test_the_export_written_in_the_background_refuses_own_files(live: Database, target: str) -> None:
    """The app's writer checks again right before writing (the dialog is the first check)."""
    from db.queries.export import gather_export
    from exporters import write_export

    db = live.path
    output = TARGETS[target](db)
    before = _snapshot(db)
    with live.read() as session:
        data = gather_export("1", session=session)
    with pytest.raises(HrplanError):
        write_export(data, what="plan", fmt="md", path=output, lang="sv", overwrite=True,
                     guard=live.refuse_own_file)  # fmt: skip
    assert _snapshot(db) == before


@pytest.mark.parametrize(
    "target", ["database", "shm", "a new file in the backup folder", "link to the database"]
)
async def test_the_export_dialog_refuses_own_files(live: Database, target: str) -> None:
    from textual.widgets import Input, Static

    from tui.factory import make_app
    from tui.modals.export import ExportModal

    db = live.path
    output = TARGETS[target](db)
    before = _snapshot(db)
    app = make_app(db_path=db, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ExportModal)
        modal.query_one("#path", Input).value = str(output)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is modal  # the dialog stays, saying why
        shown = str(modal.query_one("#export-error", Static).render())
        assert "is one of hrplan's own files" in shown
    assert _snapshot(db) == before
