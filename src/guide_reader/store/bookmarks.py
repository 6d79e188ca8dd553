"""``BookmarkStore``: the bookmarks (and, through ``history``, the reading history) of the user."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from ..content.model import Article
from ..messages import Message
from ..paths import user_data_dir
from .database import Database, connect, open_database
from .exchange import ImportReport, merge_notes, read_export, write_export
from .grouping import BookmarkGroup, group_by_article
from .history import ReadingHistory
from .model import KINDS, Bookmark, Kind, check_note, from_stamp, to_stamp, utc_now
from .resolve import ArticleLookup, HasArticles, find_anchor

DATABASE_NAME = "guide-reader.sqlite3"

_COLUMNS = "id, slug, anchor, kind, article_title, heading, note, created_at, updated_at"


def default_database_path() -> Path:
    return user_data_dir() / DATABASE_NAME


def _bookmark(row: tuple) -> Bookmark:
    bookmark_id, slug, anchor, kind, article_title, heading, note, created_at, updated_at = row
    return Bookmark(
        bookmark_id, slug, anchor, kind, article_title, heading, note, from_stamp(created_at), from_stamp(updated_at)
    )


def _select(db: sqlite3.Connection, where: str, parameters: tuple) -> Bookmark | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM bookmarks WHERE {where}", parameters).fetchone()
    return _bookmark(row) if row else None


def _one(db: sqlite3.Connection, where: str, parameters: tuple) -> Bookmark:
    """A row known to exist (written in the same transaction)."""
    bookmark = _select(db, where, parameters)
    if bookmark is None:
        raise LookupError(f"bookmark vanished: {where} {parameters}")
    return bookmark


class BookmarkStore:
    """Bookmarks and reading history in one SQLite file (by default in the user data folder).

    Opening never fails: see ``notice`` and ``recovered_from``. Every change is one
    transaction, so several threads (sharing a store) and several programs (each
    with its own) can write at once. Close it, or use it as a context manager.
    """

    def __init__(self, path: Path | None = None, *, clock: Callable[[], datetime] = utc_now) -> None:
        self._database: Database = open_database(path or default_database_path())
        self._clock = clock
        self.history = ReadingHistory(self._database, clock)

    @classmethod
    def in_memory(cls, *, clock: Callable[[], datetime] = utc_now) -> BookmarkStore:
        """A store that lives in memory only (a kiosk visit): nothing of it is ever written to disk."""
        store = cls.__new__(cls)
        store._database = Database(connect(":memory:"), None)
        store._clock = clock
        store.history = ReadingHistory(store._database, clock)
        return store

    @property
    def path(self) -> Path | None:
        """The database file; None when the data only lives in memory this session."""
        return self._database.path

    @property
    def read_only(self) -> bool:
        """True when the file could only be opened for reading (read-only media): nothing new is kept."""
        return self._database.read_only

    @property
    def persistent(self) -> bool:
        """True when changes are kept on disk: False for a read-only file or data in memory only."""
        return self._database.persistent

    @property
    def recovered_from(self) -> Path | None:
        """Where a damaged database file was moved to at opening, if that happened."""
        return self._database.recovered_from

    @property
    def notice(self) -> str | None:
        """A French message to show the user (damaged file set aside, data not kept), or None."""
        return self._database.notice

    @property
    def notice_message(self) -> Message | None:
        """The same message, for ``ui`` to show translated."""
        return self._database.notice_message

    def close(self) -> None:
        self._database.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    # Reading

    def bookmarks(self) -> list[Bookmark]:
        """Every bookmark, oldest first."""
        with self._database.read() as db:
            return [_bookmark(row) for row in db.execute(f"SELECT {_COLUMNS} FROM bookmarks ORDER BY id")]

    def grouped(self, articles: HasArticles | ArticleLookup | None = None) -> list[BookmarkGroup]:
        """Every bookmark grouped by article (see ``group_by_article``)."""
        return group_by_article(self.bookmarks(), articles)

    def get(self, bookmark_id: int) -> Bookmark | None:
        with self._database.read() as db:
            return _select(db, "id = ?", (bookmark_id,))

    def find(self, slug: str, anchor: str) -> Bookmark | None:
        """The bookmark on ``slug#anchor``, if there is one (to show a button as pressed)."""
        with self._database.read() as db:
            return _select(db, "slug = ? AND anchor = ?", (slug, anchor))

    # Changing

    def add(
        self, slug: str, anchor: str, *, kind: Kind, article_title: str, heading: str, note: str | None = None
    ) -> Bookmark:
        """Mark ``slug#anchor``; if it is already marked, update that bookmark instead.

        An existing bookmark gets the new title and heading snapshots, and ``note``
        unless it is None (None keeps its note; "" removes it). Raises ``NoteTooLongError``
        past ``MAX_NOTE_CHARS``, ``StoreWriteError`` when the change cannot be kept (nothing written).
        """
        if not slug or not anchor:
            raise ValueError("a bookmark needs an article slug and an anchor")
        if kind not in KINDS:
            raise ValueError(f"unknown bookmark kind: {kind!r}")
        if note is not None:
            check_note(note)
        stamp = to_stamp(self._clock())
        with self._database.write() as db:
            existing = _select(db, "slug = ? AND anchor = ?", (slug, anchor))
            if existing is None:
                db.execute(
                    f"INSERT INTO bookmarks ({_COLUMNS.removeprefix('id, ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (slug, anchor, kind, article_title, heading, (note or "").strip(), stamp, stamp),
                )
            else:
                new_note = existing.note if note is None else note.strip()
                current = (existing.kind, existing.article_title, existing.heading, existing.note)
                if current != (kind, article_title, heading, new_note):
                    db.execute(
                        "UPDATE bookmarks SET kind = ?, article_title = ?, heading = ?, note = ?, updated_at = ?"
                        " WHERE id = ?",
                        (kind, article_title, heading, new_note, stamp, existing.id),
                    )
            return _one(db, "slug = ? AND anchor = ?", (slug, anchor))

    def add_for(self, article: Article, anchor: str, note: str | None = None) -> Bookmark:
        """Mark a section or FAQ item of ``article``; ``LookupError`` if it has no such anchor."""
        found = find_anchor(article, anchor)
        if found is None:
            raise LookupError(f"{article.slug} has no section or FAQ item #{anchor}")
        kind, heading = found
        return self.add(article.slug, anchor, kind=kind, article_title=article.title, heading=heading, note=note)

    def update_note(self, bookmark_id: int, note: str) -> Bookmark | None:
        """Replace the note ("" removes it); None if there is no such bookmark.

        Raises ``NoteTooLongError`` past ``MAX_NOTE_CHARS``, ``StoreWriteError`` when it cannot be kept.
        """
        check_note(note)
        with self._database.write() as db:
            existing = _select(db, "id = ?", (bookmark_id,))
            if existing is None or existing.note == note.strip():
                return existing
            db.execute(
                "UPDATE bookmarks SET note = ?, updated_at = ? WHERE id = ?",
                (note.strip(), to_stamp(self._clock()), bookmark_id),
            )
            return _select(db, "id = ?", (bookmark_id,))

    def remove(self, bookmark_id: int) -> Bookmark | None:
        """Delete a bookmark and return it (for ``restore``); None if there was none."""
        with self._database.write() as db:
            existing = _select(db, "id = ?", (bookmark_id,))
            if existing is not None:
                db.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
            return existing

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Undo ``remove``: put the bookmark back with its id, note and dates.

        If the same place was marked again in the meantime, that bookmark is kept
        and the restored note merged into it.
        """
        with self._database.write() as db:
            existing = _select(db, "id = ?", (bookmark.id,)) or _select(
                db, "slug = ? AND anchor = ?", (bookmark.slug, bookmark.anchor)
            )
            if existing is None:
                db.execute(
                    f"INSERT INTO bookmarks ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        bookmark.id,
                        bookmark.slug,
                        bookmark.anchor,
                        bookmark.kind,
                        bookmark.article_title,
                        bookmark.heading,
                        bookmark.note,
                        to_stamp(bookmark.created_at),
                        to_stamp(bookmark.updated_at),
                    ),
                )
                return _one(db, "id = ?", (bookmark.id,))
            merged = merge_notes(existing.note, bookmark.note)
            if merged != existing.note:
                db.execute(
                    "UPDATE bookmarks SET note = ?, updated_at = ? WHERE id = ?",
                    (merged, to_stamp(self._clock()), existing.id),
                )
            return _one(db, "id = ?", (existing.id,))

    def clear(self) -> int:
        """Delete every bookmark; return how many there were."""
        with self._database.write() as db:
            return db.execute("DELETE FROM bookmarks").rowcount

    def reset(self) -> None:
        """Forget the bookmarks and the history at once (end of a kiosk session)."""
        with self._database.write() as db:
            db.execute("DELETE FROM bookmarks")
            db.execute("DELETE FROM history")

    # Export and import

    def export_to(self, path: Path, bookmarks: Iterable[Bookmark] | None = None) -> int:
        """Write ``bookmarks`` (by default all) to ``path`` (format: ``exchange``); return how many."""
        chosen = self.bookmarks() if bookmarks is None else list(bookmarks)
        write_export(path, chosen, self._clock())
        return len(chosen)

    def import_from(self, path: Path) -> ImportReport:
        """Merge an export file, in one transaction: nothing duplicated, notes merged.

        Raises ``OSError`` or ``ExchangeFormatError`` (nothing changed then).
        """
        entries = read_export(path)
        now = to_stamp(self._clock())
        added: list[Bookmark] = []
        merged: list[Bookmark] = []
        skipped = 0
        with self._database.write() as db:
            for entry in entries:
                existing = _select(db, "slug = ? AND anchor = ?", (entry.slug, entry.anchor))
                if existing is None:
                    created = to_stamp(entry.created_at) if entry.created_at else now
                    updated = to_stamp(entry.updated_at) if entry.updated_at else created
                    cursor = db.execute(
                        f"INSERT INTO bookmarks ({_COLUMNS.removeprefix('id, ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            entry.slug,
                            entry.anchor,
                            entry.kind,
                            entry.article_title or entry.slug,
                            entry.heading,
                            entry.note,
                            created,
                            updated,
                        ),
                    )
                    added.append(_one(db, "id = ?", (cursor.lastrowid,)))
                    continue
                note = merge_notes(existing.note, entry.note)
                if note == existing.note:
                    skipped += 1
                    continue
                db.execute("UPDATE bookmarks SET note = ?, updated_at = ? WHERE id = ?", (note, now, existing.id))
                merged.append(_one(db, "id = ?", (existing.id,)))
        return ImportReport(tuple(added), tuple(merged), skipped)
