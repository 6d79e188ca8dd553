"""The text view of an article: loads nothing from outside, knows where its anchors are."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from .theme import FOCUS_RING_WIDTH

Span = tuple[int, int]
LINE_LENGTH_CAP = 75  # characters: lines longer than this are hard to follow (WCAG 1.4.8)


class ArticleView(QTextBrowser):
    """A QTextBrowser that never fetches a resource and never follows a link by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self._text_size: int | None = None  # pt; None: the widget's font
        self.focus_colour = "#1d5fa8"  # the theme's focus ring (set by the page)
        self._anchor_positions: list[tuple[int, str]] = []
        self._highlights: dict[str, list[QTextEdit.ExtraSelection]] = {}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Ctrl+Home / Ctrl+End (and Home / End): to the start or the end of the text."""
        bar = self.verticalScrollBar()
        if event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End) and not (
            event.modifiers() & ~(Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier)
        ):
            bar.setValue(bar.minimum() if event.key() == Qt.Key.Key_Home else bar.maximum())
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.cap_line_length()
        super().resizeEvent(event)

    def cap_line_length(self) -> None:
        """Centre the text in a column of about ``LINE_LENGTH_CAP`` characters when the view is wider."""
        metrics = QFontMetricsF(self.document().defaultFont())
        column = round(metrics.averageCharWidth() * LINE_LENGTH_CAP + 2 * self.document().documentMargin())
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        spare = max(0, self.width() - scroll_bar - column)
        margin = spare // 2
        if self.viewportMargins().left() != margin:
            self.setViewportMargins(margin, 0, margin, 0)

    def line_length(self) -> int:
        """How many average characters fit on a line of the text column now."""
        metrics = QFontMetricsF(self.document().defaultFont())
        width = self.viewport().width() - 2 * self.document().documentMargin()
        return int(width / metrics.averageCharWidth())

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt's name)
        """Images, stylesheets, anything by address: never loaded."""
        return None

    def focused_link_rect(self) -> QRect | None:
        """Where the link chosen with Tab is (viewport coordinates), or None."""
        cursor = self.textCursor()
        if not (self.hasFocus() and cursor.hasSelection()):
            return None
        probe = QTextCursor(self.document())
        probe.setPosition(cursor.selectionStart() + 1)
        if not probe.charFormat().isAnchor():
            return None
        start = QTextCursor(self.document())
        start.setPosition(cursor.selectionStart())
        end = QTextCursor(self.document())
        end.setPosition(cursor.selectionEnd())
        return self.cursorRect(start).united(self.cursorRect(end))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Qt marks the link chosen with Tab with a 1 px dotted box: a ring as the rest of the window has."""
        super().paintEvent(event)
        rect = self.focused_link_rect()
        if rect is None:
            return
        painter = QPainter(self.viewport())
        pen = QPen(QColor(self.focus_colour), FOCUS_RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(rect.adjusted(-3, -1, 3, 1))
        painter.end()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt's names)
        moved = super().focusNextPrevChild(next)
        self.viewport().update()  # the ring follows the link
        return moved

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """QTextEdit gives its document the widget's font when that changes (the program's text
        size does): the text keeps its own size."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._text_size is not None:
            self._apply_text_size(self._text_size)

    def _apply_text_size(self, size: int) -> None:
        font = self.document().defaultFont()
        if font.pointSize() != size:
            font.setPointSize(size)
            self.document().setDefaultFont(font)

    def set_page(self, html: str, base_font_size: int) -> None:
        self._anchor_positions = []  # stale until the new page is laid out
        self._highlights.clear()
        self.setExtraSelections([])
        self._text_size = base_font_size
        self._apply_text_size(base_font_size)
        self.setHtml(html)
        self.cap_line_length()
        self._anchor_positions = self._find_anchors()

    def set_text_size(self, size: int) -> None:
        self._text_size = size
        self._apply_text_size(size)
        self.cap_line_length()
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

    def anchors_on_screen(self, candidates: Iterable[str]) -> list[str]:
        """Those of ``candidates`` whose anchor is inside the view now, in text order."""
        wanted = set(candidates)
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        return [
            name
            for position, name in self._anchor_positions
            if name in wanted and top <= self._document_y(position) < bottom
        ]

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
