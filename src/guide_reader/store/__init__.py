"""User data: bookmarks and reading history, in SQLite (standard library only, no Qt).

``BookmarkStore`` is the entry point; ``resolve`` tells whether a bookmark still
points at something in the current content; ``exchange`` describes the export file.
"""

from .bookmarks import DATABASE_NAME, BookmarkStore, default_database_path
from .exchange import FORMAT_NAME, FORMAT_VERSION, ExchangeFormatError, ImportReport, merge_notes
from .grouping import BookmarkGroup, group_by_article
from .history import HISTORY_LIMIT, ReadingHistory
from .model import KINDS, Bookmark, HistoryEntry, Kind
from .resolve import Resolution, Status, find_anchor, resolve

__all__ = [
    "DATABASE_NAME",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "HISTORY_LIMIT",
    "KINDS",
    "Bookmark",
    "BookmarkGroup",
    "BookmarkStore",
    "ExchangeFormatError",
    "HistoryEntry",
    "ImportReport",
    "Kind",
    "ReadingHistory",
    "Resolution",
    "Status",
    "default_database_path",
    "find_anchor",
    "group_by_article",
    "merge_notes",
    "resolve",
]
