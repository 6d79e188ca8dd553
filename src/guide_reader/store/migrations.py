"""The database schema, as a list of migrations counted by ``PRAGMA user_version``.

``MIGRATIONS[n]`` brings a database from version ``n`` to ``n + 1``. To change the
schema, append a function (never edit or reorder the ones already released): every
pending migration runs, in order, in the same transaction as the version bump.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from ..sqlite_transaction import transaction

Migration = Callable[[sqlite3.Connection], None]


class SchemaTooNewError(Exception):
    """The file was written by a newer version of the program: it is left untouched."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(f"schema version {found}, this program knows up to {known}")
        self.found = found
        self.known = known


class ForeignDatabaseError(sqlite3.DatabaseError):
    """A valid SQLite file at version 0 that already has tables: not one of ours."""


def _v1_bookmarks_and_history(connection: sqlite3.Connection) -> None:
    # AUTOINCREMENT: an id is never reused, so an undone removal gets its id back.
    connection.execute(
        """
        CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            slug TEXT NOT NULL,
            anchor TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('section', 'faq')),
            article_title TEXT NOT NULL,
            heading TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (slug, anchor)
        )
        """
    )
    connection.execute(
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            slug TEXT NOT NULL,
            anchor TEXT NOT NULL DEFAULT '',
            article_title TEXT NOT NULL,
            heading TEXT NOT NULL DEFAULT '',
            visited_at TEXT NOT NULL
        )
        """
    )
    connection.execute("CREATE INDEX history_by_target ON history (slug, anchor)")


MIGRATIONS: tuple[Migration, ...] = (_v1_bookmarks_and_history,)


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database up to ``len(migrations)``; return the version it was at.

    The connection must be in autocommit mode (``isolation_level=None``). The version
    is read again under the write lock, so two programs starting at once migrate once.
    """
    known = len(migrations)
    found = schema_version(connection)
    if found > known:
        raise SchemaTooNewError(found, known)
    if found == known:
        return found
    with transaction(connection, immediate=True):
        found = schema_version(connection)
        if found > known:
            raise SchemaTooNewError(found, known)
        if found == 0 and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise ForeignDatabaseError("file is not a Guide Reader database")
        for version in range(found, known):
            migrations[version](connection)
        connection.execute(f"PRAGMA user_version = {known:d}")
    return found
