"""The kiosk window's visitor state, kept in its VisitorSession: a mixin of KioskWindow.

The reader window (MainWindow) reads and writes these names as its own attributes; here they are
the session's, so that the kiosk's reset replaces them all by replacing the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QWidget

from ..main_window import MainWindow
from ..navigation import NavigationHistory

if TYPE_CHECKING:
    from ..store_writes import StoreWrites
    from .session import VisitorSession

    _Base = MainWindow
else:
    _Base = object


class SessionState(_Base):
    session: VisitorSession

    @property
    def history(self) -> NavigationHistory:
        return self.session.history

    @history.setter
    def history(self, value: NavigationHistory) -> None:
        self.session.history = value

    @property
    def _pending_query(self) -> str:
        return self.session.query

    @_pending_query.setter
    def _pending_query(self, value: str) -> None:
        self.session.query = value

    @property
    def _leaving(self) -> tuple[str, str | None]:
        return self.session.leaving

    @_leaving.setter
    def _leaving(self, value: tuple[str, str | None]) -> None:
        self.session.leaving = value

    @property
    def _store_writes(self) -> StoreWrites | None:
        return self.session.store_writes

    @_store_writes.setter
    def _store_writes(self, value: StoreWrites | None) -> None:
        self.session.store_writes = value

    @property
    def text_size(self) -> int:
        return self.session.text_size

    @text_size.setter
    def text_size(self, value: int) -> None:
        self.session.text_size = value

    # Pages are built for each visitor (the base class builds them at first use) and kept in the session.

    @property
    def _article_page(self):  # noqa: ANN202 (the base class's type)
        return self.session.article_page

    @_article_page.setter
    def _article_page(self, page: QWidget | None) -> None:
        self.session.article_page = page

    @property
    def _search_page(self):  # noqa: ANN202
        return self.session.search_page

    @_search_page.setter
    def _search_page(self, page: QWidget | None) -> None:
        self.session.search_page = page

    @property
    def _bookmarks_page(self):  # noqa: ANN202
        return self.session.bookmarks_page

    @_bookmarks_page.setter
    def _bookmarks_page(self, page: QWidget | None) -> None:
        self.session.bookmarks_page = page

    @property
    def article_page(self):  # noqa: ANN201 (the base class's type)
        fresh = self._article_page is None
        page = MainWindow.article_page.fget(self)
        if fresh:
            self._prepare_page(page)
        return page

    @property
    def search_page(self):  # noqa: ANN201
        fresh = self._search_page is None
        page = MainWindow.search_page.fget(self)
        if fresh:
            self._prepare_page(page)
        return page

    @property
    def bookmarks_page(self):  # noqa: ANN201
        fresh = self._bookmarks_page is None
        page = MainWindow.bookmarks_page.fget(self)
        if fresh:
            self._prepare_page(page)
        return page

    def _prepare_page(self, page: QWidget) -> None:
        """Touch set-up of a page: no context menu, a drag scrolls like a finger, large read-aloud controls."""
        read_aloud = getattr(page, "read_aloud", None)
        if read_aloud is not None:
            read_aloud.set_large(True)
        for widget in (page, *page.findChildren(QWidget)):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        for area in page.findChildren(QAbstractScrollArea):
            QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
