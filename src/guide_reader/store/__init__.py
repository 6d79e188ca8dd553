"""User data: bookmarks and reading history, in SQLite (standard library only, no Qt).

``BookmarkStore`` is the entry point; ``resolve`` tells whether a bookmark still
points at something in the current content; ``exchange`` describes the export file.
"""

from .bookmarks import DATABASE_NAME, BookmarkStore, default_database_path
from .errors import StoreWriteError
from .exchange import FORMAT_NAME, FORMAT_VERSION, ExchangeFormatError, ImportReport, merge_notes
from .grouping import BookmarkGroup, group_by_article
from .history import HISTORY_LIMIT, ReadingHistory
from .model import KINDS, MAX_NOTE_CHARS, Bookmark, HistoryEntry, Kind, NoteTooLongError
from .resolve import Resolution, Status, find_anchor, resolve

__all__ = [
    "DATABASE_NAME",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "HISTORY_LIMIT",
    "KINDS",
    "MAX_NOTE_CHARS",
    "Bookmark",
    "BookmarkGroup",
    "BookmarkStore",
    "ExchangeFormatError",
    "HistoryEntry",
    "ImportReport",
    "Kind",
    "NoteTooLongError",
    "ReadingHistory",
    "Resolution",
    "Status",
    "StoreWriteError",
    "default_database_path",
    "find_anchor",
    "group_by_article",
    "merge_notes",
    "resolve",
]
