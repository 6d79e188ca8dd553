"""One visitor's session in the kiosk: everything the visitor can see or change, in one object.

The window keeps its visitor-visible state here: navigation history, the search text, the text
size, the pages built during the visit (with the article read, the search results, the
find-in-page text, the reference panel, the selection). The reset replaces the session whole
instead of undoing each piece one by one, so state added to a page later goes with it. Bookmarks
and reading history live in an SQLite database in memory: nothing a visitor does is written to
disk. The dialogs a visitor opens are children of the kiosk, all closed and deleted at the reset;
the search suggestions, the search field and the clipboard are emptied then too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ..navigation import NavigationHistory

if TYPE_CHECKING:
    from ...store import BookmarkStore
    from ..store_writes import StoreWrites


def memory_store() -> BookmarkStore:
    """A bookmark store that lives in memory: a visitor's notes and pages never reach the disk."""
    from ...store import BookmarkStore

    return BookmarkStore.in_memory()


@dataclass
class VisitorSession:
    """The state of one visit; a new visitor gets a new object (``VisitorSession(text_size)``).

    ``text_size``: the article text size in points; ``larger_text``: whether the visitor pressed
    « Agrandir le texte »; ``query``: the search text; ``article_page``, ``search_page``,
    ``bookmarks_page``: the pages built during the visit (None until first shown);
    ``emergency_details``: whether the emergency banner is enlarged; ``leaving``: the guide and
    section being left, not yet in the reading history; ``store``: the visit's
    bookmarks and reading history (in memory, opened at first use); ``store_writes``: the queue of
    the visit's writes to it, off the GUI thread (made by the window at first use).
    """

    text_size: int
    larger_text: bool = False
    history: NavigationHistory = field(default_factory=NavigationHistory)
    query: str = ""
    article_page: QWidget | None = None
    search_page: QWidget | None = None
    bookmarks_page: QWidget | None = None
    emergency_details: bool = False
    leaving: tuple[str, str | None] = ("", None)
    store_writes: StoreWrites | None = None
    _store: BookmarkStore | None = field(default=None, repr=False)

    def pages(self) -> list[QWidget]:
        return [page for page in (self.article_page, self.search_page, self.bookmarks_page) if page is not None]

    @property
    def store(self) -> BookmarkStore:
        if self._store is None:
            self._store = memory_store()
        return self._store

    def close(self) -> None:
        """End the visit: its pages deleted, its memory database freed."""
        for page in self.pages():
            if not isValid(page):
                continue
            reset = getattr(page, "reset", None)
            if reset is not None:
                reset()  # what a page runs when it leaves (the voice reading aloud stops)
            page.hide()
            page.deleteLater()
        self.article_page = self.search_page = self.bookmarks_page = None
        if self.store_writes is not None and isValid(self.store_writes):
            self.store_writes.close()  # the writes already queued end in this visit's store
            self.store_writes.deleteLater()
        self.store_writes = None
        if self._store is not None:
            self._store.close()
            self._store = None
