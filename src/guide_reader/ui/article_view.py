"""The text view of an article: loads nothing from outside, knows where its anchors are."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

Span = tuple[int, int]


class ArticleView(QTextBrowser):
    """A QTextBrowser that never fetches a resource and never follows a link by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self._anchor_positions: list[tuple[int, str]] = []
        self._highlights: dict[str, list[QTextEdit.ExtraSelection]] = {}

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt's name)
        """Images, stylesheets, anything by address: never loaded."""
        return None

    def set_page(self, html: str, base_font_size: int) -> None:
        self._anchor_positions = []  # stale until the new page is laid out
        self._highlights.clear()
        self.setExtraSelections([])
        font = self.document().defaultFont()
        font.setPointSize(base_font_size)
        self.document().setDefaultFont(font)
        self.setHtml(html)
        self._anchor_positions = self._find_anchors()

    def set_text_size(self, size: int) -> None:
        font = self.document().defaultFont()
        font.setPointSize(size)
        self.document().setDefaultFont(font)
        self._anchor_positions = self._find_anchors()

    def _find_anchors(self) -> list[tuple[int, str]]:
        """(document position, anchor name) of every named anchor, in order."""
        anchors: list[tuple[int, str]] = []
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                for name in fragment.charFormat().anchorNames():
                    anchors.append((fragment.position(), name))
                iterator += 1
            block = block.next()
        return anchors

    def anchor_names(self) -> list[str]:
        return [name for _, name in self._anchor_positions]

    def _document_y(self, position: int) -> int:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.cursorRect(cursor).top() + self.verticalScrollBar().value()

    def anchor_at_top(self, candidates: Iterable[str]) -> str | None:
        """The last of ``candidates`` whose anchor has scrolled to (or above) the top of the view."""
        wanted = set(candidates)
        top = self.verticalScrollBar().value() + self.viewport().height() // 5
        current = None
        for position, name in self._anchor_positions:
            if name not in wanted:
                continue
            if self._document_y(position) <= top:
                current = name
            else:
                break
        return current

    def _line_rect_top(self, position: int) -> int:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.cursorRect(cursor).top()

    def top_position(self) -> int:
        """The text position of the first line at the top of the view (tables included)."""
        if self.verticalScrollBar().value() == 0:
            return 0
        crossing = self.document().begin()
        block = crossing
        while block.isValid() and self._line_rect_top(block.position()) <= 0:
            crossing = block
            block = block.next()
        cursor = QTextCursor(self.document())
        cursor.setPosition(crossing.position())
        left = self.cursorRect(cursor).left()
        position = self.cursorForPosition(QPoint(left + 1, 1)).position()
        inside = crossing.position() <= position < crossing.position() + crossing.length()
        return position if inside else crossing.position()

    def scroll_to_position(self, position: int) -> None:
        """Scroll so that the line holding ``position`` is at the top."""
        bar = self.verticalScrollBar()
        if position <= 0:
            bar.setValue(0)
            return
        position = min(position, self.document().characterCount() - 1)
        bar.setValue(bar.value() + self._line_rect_top(position))

    def scroll_to(self, anchor: str) -> bool:
        if anchor not in self.anchor_names():
            return False
        self.scrollToAnchor(anchor)
        return True

    def block_spans(self, matcher: Callable[[str], list[Span]]) -> list[Span]:
        """Document spans found by ``matcher`` on each block's text.

        Qt counts positions in UTF-16 units (an emoji is two), Python in characters: converted here.
        """
        spans: list[Span] = []
        block = self.document().begin()
        while block.isValid():
            offset = block.position()
            text = block.text()
            for start, end in matcher(text):
                spans.append((offset + _utf16_length(text[:start]), offset + _utf16_length(text[:end])))
            block = block.next()
        return spans

    def set_highlights(self, kind: str, spans: list[Span], background: str, foreground: str) -> None:
        selections = []
        text_format = QTextCharFormat()
        text_format.setBackground(QColor(background))
        text_format.setForeground(QColor(foreground))
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = text_format  # type: ignore[attr-defined]
            selections.append(selection)
        self._highlights[kind] = selections
        self.setExtraSelections([item for group in self._highlights.values() for item in group])

    def highlight_count(self, kind: str) -> int:
        return len(self._highlights.get(kind, []))

    def show_position(self, position: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
