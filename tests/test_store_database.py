"""The database file: settings, migrations, and recovery from a damaged or unusable file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from guide_reader.store import BookmarkStore
from guide_reader.store import database as database_module
from guide_reader.store.database import connect, open_database
from guide_reader.store.migrations import MIGRATIONS, schema_version
from guide_reader.store.recovery import DamagedDatabaseError, backup_path, move_aside

MOMENT = datetime(2026, 11, 23, 10, 15, 0)


def _fill(path: Path, count: int = 1) -> None:
    with BookmarkStore(path) as store:
        for number in range(count):
            store.add("leucopenie", f"s{number}", kind="section", article_title="L", heading="H", note="n" * 200)


def _backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


# Settings


def test_wal_journal_busy_timeout_and_version(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with BookmarkStore(path) as store, store._database.read() as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert schema_version(db) == len(MIGRATIONS)


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    with BookmarkStore(tmp_path / "store.sqlite3") as store:
        with pytest.raises(RuntimeError), store._database.write() as db:
            db.execute("DELETE FROM bookmarks")
            db.execute(
                "INSERT INTO history (slug, article_title, visited_at) VALUES ('a', 'A', '2026-11-23T10:00:00+00:00')"
            )
            raise RuntimeError("interrupted")
        assert store.history.recent() == []


# Migrations


def _v2_add_colour(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE bookmarks ADD COLUMN colour TEXT NOT NULL DEFAULT 'jaune'")


def _v2_broken(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE half_done (x)")
    raise sqlite3.OperationalError("migration failed halfway")


def test_a_new_file_gets_every_migration(tmp_path: Path) -> None:
    with closing(connect(tmp_path / "new.sqlite3")) as db:
        assert schema_version(db) == len(MIGRATIONS) == 1
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"bookmarks", "history"} <= tables


def test_an_older_file_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _fill(path)  # a version 1 file, as written by the released program
    with closing(connect(path, (*MIGRATIONS, _v2_add_colour))) as db:
        assert schema_version(db) == 2
        assert db.execute("SELECT anchor, colour FROM bookmarks").fetchall() == [("s0", "jaune")]
    with closing(connect(path, (*MIGRATIONS, _v2_add_colour))) as db:  # already there: nothing runs again
        assert schema_version(db) == 2


def test_an_empty_file_of_version_zero_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with BookmarkStore(path) as store:
        assert store.recovered_from is None
        assert store.add("a", "b", kind="section", article_title="A", heading="B").id == 1


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _fill(path)
    with pytest.raises(sqlite3.OperationalError, match="halfway"):
        connect(path, (*MIGRATIONS, _v2_broken))
    with closing(connect(path)) as db:
        assert schema_version(db) == 1
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 1


def test_a_second_program_does_not_migrate_twice(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _fill(path)
    with closing(connect(path)) as first, closing(connect(path, (*MIGRATIONS, _v2_add_colour))) as second:
        from guide_reader.store.migrations import migrate

        assert migrate(first, (*MIGRATIONS, _v2_add_colour)) == 2  # found at 2: the second already did it
        assert schema_version(second) == 2


def test_a_file_from_a_newer_version_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    _fill(path)
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA user_version = 99")
        db.commit()
    before = path.read_bytes()
    with BookmarkStore(path) as store:
        assert store.path is None
        assert "plus récente" in store.notice
        assert store.recovered_from is None
        assert store.add("a", "b", kind="section", article_title="A", heading="B").id == 1  # works, in memory
    assert path.read_bytes() == before
    assert _backups(path) == []


# Damaged files


def _garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def _text_file(path: Path) -> None:
    path.write_text('{"bookmarks": ["ceci n\'est pas une base"]}\n', encoding="utf-8")


def _sqlite_header_then_garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8192)


def _truncated(path: Path) -> None:
    _fill(path, count=300)
    data = path.read_bytes()
    assert len(data) > 8 * 4096
    path.write_bytes(data[: len(data) // 2])


def _truncated_in_header(path: Path) -> None:
    _fill(path)
    path.write_bytes(path.read_bytes()[:60])


def _foreign_database(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE recettes (nom TEXT)")
        db.commit()


@pytest.mark.parametrize(
    "damage", [_garbage, _text_file, _sqlite_header_then_garbage, _truncated, _truncated_in_header, _foreign_database]
)
def test_a_damaged_file_is_moved_aside_and_a_new_one_started(tmp_path: Path, damage) -> None:
    path = tmp_path / "guide-reader.sqlite3"
    damage(path)
    damaged_bytes = path.read_bytes()
    with BookmarkStore(path) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.parent == tmp_path
        assert store.recovered_from.name.startswith("guide-reader.sqlite3.damaged-")
        assert store.recovered_from.read_bytes() == damaged_bytes  # kept as it was, for a rescue
        assert store.recovered_from.name in store.notice
        assert "endommagé" in store.notice
        assert store.path == path
        assert store.bookmarks() == []
        store.add("leucopenie", "a", kind="section", article_title="L", heading="A")
    with BookmarkStore(path) as store:  # the new file is fine from then on
        assert store.recovered_from is None
        assert store.notice is None
        assert len(store.bookmarks()) == 1
    assert _backups(path) == [tmp_path / next(iter(_backups(path))).name]


def test_its_journal_files_go_with_it(tmp_path: Path) -> None:
    path = tmp_path / "guide-reader.sqlite3"
    for name, data in (("", b"main"), ("-wal", b"journal"), ("-shm", b"index")):
        Path(f"{path}{name}").write_bytes(data)
    backup = move_aside(path, MOMENT)
    assert backup == tmp_path / "guide-reader.sqlite3.damaged-20261123-101500"
    assert sorted(file.name for file in tmp_path.iterdir()) == [backup.name, f"{backup.name}-shm", f"{backup.name}-wal"]
    assert Path(f"{backup}-wal").read_bytes() == b"journal"


def test_backup_names_do_not_collide(tmp_path: Path) -> None:
    path = tmp_path / "guide-reader.sqlite3"
    first = backup_path(path, MOMENT)
    assert first.name == "guide-reader.sqlite3.damaged-20261123-101500"
    first.touch()
    assert backup_path(path, MOMENT).name == "guide-reader.sqlite3.damaged-20261123-101500-2"
    for _ in range(2):
        _garbage(path)
        open_database(path, now=lambda: MOMENT).close()
    assert [backup.name for backup in _backups(path)] == [
        "guide-reader.sqlite3.damaged-20261123-101500",
        "guide-reader.sqlite3.damaged-20261123-101500-2",
        "guide-reader.sqlite3.damaged-20261123-101500-3",
    ]


def test_a_file_recovered_meanwhile_by_another_program_is_not_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both found the file damaged; the other one moved it and started a new one first."""
    path = tmp_path / "guide-reader.sqlite3"
    _garbage(path)
    real_connect = database_module.connect
    calls = []

    def connect_while_the_other_recovers(target: Path | str, migrations=MIGRATIONS) -> sqlite3.Connection:
        calls.append(target)
        if len(calls) == 1:
            move_aside(path, MOMENT)  # what the other program does...
            _fill(path)  # ...before writing its first bookmark
            raise DamagedDatabaseError("seen damaged a moment ago")
        return real_connect(target, migrations)

    monkeypatch.setattr(database_module, "connect", connect_while_the_other_recovers)
    database = open_database(path, now=lambda: MOMENT)
    with database.read() as db:
        assert db.execute("SELECT anchor FROM bookmarks").fetchall() == [("s0",)]
    database.close()
    assert (database.recovered_from, database.notice) == (None, None)
    assert len(_backups(path)) == 1


def test_an_unusable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    with BookmarkStore(blocker / "guide-reader.sqlite3") as store:
        assert store.path is None
        assert store.recovered_from is None
        assert "ne seront pas conservés" in store.notice
        store.history.record("leucopenie", article_title="Leucopénie")
        assert len(store.history.recent()) == 1
