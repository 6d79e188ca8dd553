"""Reading history: which articles and sections were opened, most recent first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from ..content.model import Article
from .database import Database
from .model import HistoryEntry, from_stamp, to_stamp
from .resolve import find_anchor

HISTORY_LIMIT = 1000
"""Entries kept; older ones are dropped when a visit is recorded."""

_COLUMNS = "id, slug, anchor, article_title, heading, visited_at"


def _entry(row: sqlite3.Row | tuple) -> HistoryEntry:
    entry_id, slug, anchor, article_title, heading, visited_at = row
    return HistoryEntry(entry_id, slug, anchor, article_title, heading, from_stamp(visited_at))


class ReadingHistory:
    """Reached through ``BookmarkStore.history``; shares its database."""

    def __init__(self, database: Database, clock: Callable[[], datetime]) -> None:
        self._database = database
        self._clock = clock

    def record(self, slug: str, anchor: str = "", *, article_title: str, heading: str = "") -> HistoryEntry:
        """Note a visit. The same place visited again just after only moves its time."""
        stamp = to_stamp(self._clock())
        with self._database.write() as db:
            last = db.execute(f"SELECT {_COLUMNS} FROM history ORDER BY id DESC LIMIT 1").fetchone()
            if last is not None and (last[1], last[2]) == (slug, anchor):
                db.execute(
                    "UPDATE history SET article_title = ?, heading = ?, visited_at = ? WHERE id = ?",
                    (article_title, heading, stamp, last[0]),
                )
                entry_id = last[0]
            else:
                cursor = db.execute(
                    "INSERT INTO history (slug, anchor, article_title, heading, visited_at) VALUES (?, ?, ?, ?, ?)",
                    (slug, anchor, article_title, heading, stamp),
                )
                entry_id = cursor.lastrowid
            db.execute(
                "DELETE FROM history WHERE id <= (SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET ?)",
                (HISTORY_LIMIT,),
            )
            return _entry(db.execute(f"SELECT {_COLUMNS} FROM history WHERE id = ?", (entry_id,)).fetchone())

    def record_article(self, article: Article, anchor: str = "") -> HistoryEntry:
        """Note a visit of ``article`` (at ``anchor``), the snapshot taken from the article."""
        found = find_anchor(article, anchor) if anchor else None
        return self.record(article.slug, anchor, article_title=article.title, heading=found[1] if found else "")

    def recent(self, limit: int = 20) -> list[HistoryEntry]:
        """The last visit of each distinct place (article and anchor), most recent first."""
        with self._database.read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM history"
                " WHERE id IN (SELECT max(id) FROM history GROUP BY slug, anchor) ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_entry(row) for row in rows]

    def recent_articles(self, limit: int = 10) -> list[HistoryEntry]:
        """The last visit of each distinct article, most recent first."""
        with self._database.read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM history"
                " WHERE id IN (SELECT max(id) FROM history GROUP BY slug) ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_entry(row) for row in rows]

    def clear(self) -> int:
        """Forget every visit; return how many entries there were."""
        with self._database.write() as db:
            return db.execute("DELETE FROM history").rowcount
