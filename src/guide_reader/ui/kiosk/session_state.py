"""The kiosk window's visitor state, kept in its VisitorSession: a mixin of KioskWindow.

The reader window (MainWindow) reads and writes these names as its own attributes; here they are
the session's, so that the kiosk's reset replaces them all by replacing the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QWidget

from ..main_window import MainWindow

if TYPE_CHECKING:
    from .session import VisitorSession

    _Base = MainWindow
else:
    _Base = object


class _InSession:
    """A window attribute kept in the window's session: ``window.<attribute>`` reads and writes
    ``window.session.<name>``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, window: SessionState | None, owner: type | None = None) -> Any:
        if window is None:
            return self
        return getattr(window.session, self.name)

    def __set__(self, window: SessionState, value: object) -> None:
        setattr(window.session, self.name, value)


def _prepared_page(name: str) -> property:
    """The base class's page property ``name`` (built at first use, kept in the session), made
    ready for touch when it is built."""
    built = getattr(MainWindow, name)

    def page(window: SessionState) -> QWidget:
        fresh = getattr(window.session, name) is None
        shown = built.fget(window)
        if fresh:
            window._prepare_page(shown)
        return shown

    return property(page, doc=built.__doc__)


class SessionState(_Base):
    session: VisitorSession

    history = _InSession("history")
    _pending_query = _InSession("query")
    _leaving = _InSession("leaving")
    _store_writes = _InSession("store_writes")
    text_size = _InSession("text_size")
    # Pages are built for each visitor (the base class builds them at first use) and kept in the session.
    _article_page = _InSession("article_page")
    _search_page = _InSession("search_page")
    _bookmarks_page = _InSession("bookmarks_page")
    article_page = _prepared_page("article_page")
    search_page = _prepared_page("search_page")
    bookmarks_page = _prepared_page("bookmarks_page")

    def _prepare_page(self, page: QWidget) -> None:
        """Touch set-up of a page: no context menu, a drag scrolls like a finger, large read-aloud controls."""
        read_aloud = getattr(page, "read_aloud", None)
        if read_aloud is not None:
            read_aloud.set_large(True)
        for widget in (page, *page.findChildren(QWidget)):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        for area in page.findChildren(QAbstractScrollArea):
            QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
