"""Backups through SQLite's backup API: private, rotating, checked; restore checks first."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from db.backup import KEEP, check_restorable, daily_backup, list_backups, make_backup, restore
from db.engine import Database
from db.errors import BackupError, CorruptDatabaseError
from db.migrate import HEAD_REVISION
from db.paths import backup_dir
from tests.reliability.files import corrupt_pages, count, digest, integrity, settle
from tui.cli import main

PLANS = "SELECT count(*) FROM plan"
FOLLOW_UPS = "SELECT count(*) FROM activity WHERE follow_up = 'ändrad efter kopian'"


def change_an_activity(database: Database) -> None:
    from db.changes import ChangeSet
    from models.activity import Activity

    with database.write() as session:
        activity = session.get(Activity, 1)
        ChangeSet(session, plan_id=activity.plan_id).update(activity, {"follow_up": "ändrad efter kopian"})


def test_backup_is_private_and_holds_what_is_still_in_the_wal(demo_database: Database) -> None:
    change_an_activity(demo_database)  # committed into the WAL, not yet into the file
    copy = make_backup(demo_database.path, "manual")
    assert copy.parent == backup_dir(demo_database.path)
    assert copy.stat().st_mode & 0o777 == 0o600
    assert copy.parent.stat().st_mode & 0o777 == 0o700
    assert count(copy, FOLLOW_UPS) == 1 and count(copy, PLANS) == 1
    assert integrity(copy) == ["ok"]
    assert not Path(f"{copy}-wal").exists()  # one self-contained file


def test_rotation_keeps_the_newest_ten_and_nothing_else_is_touched(demo_database: Database) -> None:
    path = demo_database.path
    start = datetime(2026, 1, 1, 8, 0, 0)
    made = [make_backup(path, "daily", moment=start + timedelta(days=i)) for i in range(KEEP + 3)]
    mine = backup_dir(path) / "my-notes.txt"
    mine.write_text("keep me")
    make_backup(path, "manual", moment=start + timedelta(days=30))
    kept = list_backups(path)
    assert len(kept) == KEEP
    assert made[0] not in kept and made[3] not in kept and made[4] in kept
    assert mine.read_text() == "keep me"


def test_two_backups_in_one_second_both_keep_their_name(demo_database: Database) -> None:
    moment = datetime(2026, 3, 1, 9, 0, 0)
    first = make_backup(demo_database.path, "manual", moment=moment)
    second = make_backup(demo_database.path, "manual", moment=moment)
    assert first != second and list_backups(demo_database.path)[-2:] == [first, second]


def test_daily_backup_once_a_day(demo_database: Database) -> None:
    path = demo_database.path
    today = date.today()
    assert daily_backup(path, today=today) is not None
    assert daily_backup(path, today=today) is None
    assert daily_backup(path, today=today + timedelta(days=1)) is not None
    assert len(list_backups(path)) == 2


def test_start_of_the_cli_makes_the_daily_backup(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "demo"]) == 0
    assert list_backups(db_path) == []  # a database made just now has nothing to keep
    assert main(["--db", str(db_path), "list"]) == 0
    assert main(["--db", str(db_path), "list"]) == 0
    assert [p.name.endswith("-daily.db") for p in list_backups(db_path)] == [True]


def test_a_damaged_database_is_not_backed_up_and_good_backups_stay(demo_database: Database) -> None:
    path = demo_database.path
    good = make_backup(path, "daily", moment=datetime(2026, 1, 1, 8, 0, 0))
    settle(demo_database)
    corrupt_pages(path)
    before = digest(path)
    with pytest.raises(CorruptDatabaseError) as caught:
        daily_backup(path, today=date(2026, 1, 2))
    assert str(backup_dir(path)) in caught.value.message()
    assert list_backups(path) == [good] and digest(path) == before


def test_backup_before_every_migration(demo_database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a newer schema in this hrplan, opening the old file first makes a backup of it."""
    import alembic.command

    from db import migrate

    seen: list[list[Path]] = []
    current = migrate.HEAD_REVISION
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999_next")
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", (*migrate.KNOWN_REVISIONS, "9999_next"))
    monkeypatch.setattr(
        alembic.command, "upgrade", lambda *_a, **_k: seen.append(list_backups(demo_database.path))
    )
    made = migrate.upgrade(demo_database)
    assert made is not None and made.name.endswith(f"-before-upgrade-{current}.db")
    assert seen == [[made]] and count(made, PLANS) == 1


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_output_and_restore_round_trip(demo_database: Database, tmp_path: Path, capsys) -> None:
    path = demo_database.path
    copy = tmp_path / "kopia.db"
    code, out, _ = run(capsys, "--db", str(path), "backup", "--output", str(copy))
    assert code == 0 and str(copy) in out
    assert copy.stat().st_mode & 0o777 == 0o600
    change_an_activity(demo_database)
    from sqlalchemy import text

    other = Database(path)  # a second instance, open during the restore
    with other.read() as session:
        assert session.execute(text(FOLLOW_UPS)).scalar() == 1
    code, out, _ = run(capsys, "--lang", "en", "--db", str(path), "restore", str(copy))
    assert code == 0 and "restored" in out
    assert count(path, FOLLOW_UPS) == 0
    kept = [p for p in list_backups(path) if p.name.endswith("before-restore.db")]
    assert len(kept) == 1 and count(kept[0], FOLLOW_UPS) == 1
    with other.read() as session:
        assert session.execute(text(FOLLOW_UPS)).scalar() == 0
    other.dispose()


def test_backup_output_never_overwrites(demo_database: Database, tmp_path: Path, capsys) -> None:
    target = tmp_path / "finns.db"
    target.write_text("mina anteckningar")
    code, _, err = run(capsys, "--db", str(demo_database.path), "backup", "--output", str(target))
    assert code == 2 and "skrivs inte över" in err and err.count("\n") == 1
    assert target.read_text() == "mina anteckningar"


def _other_sqlite(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER)")
    conn.close()
    return path


def _newer(path: Path, source: Path) -> Path:
    make = sqlite3.connect(source)
    dest = sqlite3.connect(path)
    make.backup(dest)
    dest.execute("UPDATE alembic_version SET version_num = '9999'")
    dest.commit()
    dest.close()
    make.close()
    return path


@pytest.mark.parametrize(
    ("kind", "needle"),
    [("missing", "does not exist"), ("text", "not an SQLite database"), ("damaged", "damaged"),
     ("foreign", "not an hrplan database"), ("newer", "newer hrplan")],
)  # fmt: skip
def test_restore_checks_the_file_first(
    demo_database: Database, tmp_path: Path, capsys, kind: str, needle: str
) -> None:
    path = demo_database.path
    settle(demo_database)
    before = digest(path)
    source = tmp_path / f"{kind}.db"
    if kind == "text":
        source.write_text("Kompetensförsörjningsplan\n")
    elif kind == "damaged":
        make_backup(path, "manual").rename(source)
        corrupt_pages(source)
    elif kind == "foreign":
        _other_sqlite(source)
    elif kind == "newer":
        _newer(source, path)
    code, out, err = run(capsys, "--lang", "en", "--db", str(path), "restore", str(source))
    assert code == 2 and out == "" and needle in err and err.count("\n") == 1
    assert digest(path) == before
    assert not [p for p in list_backups(path) if "before-restore" in p.name]


def test_restore_over_a_damaged_database_keeps_the_damaged_one(demo_database: Database) -> None:
    path = demo_database.path
    good = make_backup(path, "manual")
    settle(demo_database)
    corrupt_pages(path)
    damaged = digest(path)
    kept = restore(path, good)
    assert kept is not None and digest(kept) == damaged
    assert integrity(path) == ["ok"] and count(path, PLANS) == 1
    assert check_restorable(path) == HEAD_REVISION


def test_restore_refuses_the_database_itself(demo_database: Database) -> None:
    with pytest.raises(BackupError):
        restore(demo_database.path, demo_database.path)
