"""Ctrl+F: find words in the open article, ignoring accents and case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ..content.text import find_folded
from .article_view import ArticleView
from .theme import Theme

HIGHLIGHT_KIND = "find"
CURRENT_KIND = "find-current"


class FindBar(QFrame):
    closed = Signal()

    def __init__(self, view: ArticleView, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.theme = theme
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Chercher dans ce guide"))
        self.field.setAccessibleName(self.tr("Chercher dans ce guide"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.find)
        self.field.returnPressed.connect(self.next_match)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        previous_button = QToolButton()
        previous_button.setText(self.tr("Précédent"))
        previous_button.setAccessibleName(self.tr("Résultat précédent"))
        previous_button.clicked.connect(self.previous_match)
        next_button = QToolButton()
        next_button.setText(self.tr("Suivant"))
        next_button.setAccessibleName(self.tr("Résultat suivant"))
        next_button.clicked.connect(self.next_match)
        close_button = QToolButton()
        close_button.setText(self.tr("Fermer"))
        close_button.setAccessibleName(self.tr("Fermer la recherche dans le guide"))
        close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(previous_button)
        layout.addWidget(next_button)
        layout.addWidget(close_button)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.find(self.field.text())

    def close_bar(self) -> None:
        self.view.set_highlights(HIGHLIGHT_KIND, [], self.theme.match_background, self.theme.match_text)
        self.view.set_highlights(CURRENT_KIND, [], self.theme.accent, self.theme.on_accent)
        self.hide()
        self.closed.emit()

    def find(self, text: str) -> None:
        self.matches = self.view.block_spans(lambda block: find_folded(block, text)) if text.strip() else []
        self.view.set_highlights(HIGHLIGHT_KIND, self.matches, self.theme.match_background, self.theme.match_text)
        self.current = -1
        if self.matches:
            self.next_match()
        else:
            self.view.set_highlights(CURRENT_KIND, [], self.theme.accent, self.theme.on_accent)
            self.count_label.setText(self.tr("Aucun résultat") if text.strip() else "")

    def _show_current(self) -> None:
        start, end = self.matches[self.current]
        self.view.set_highlights(CURRENT_KIND, [(start, end)], self.theme.accent, self.theme.on_accent)
        self.view.show_position(start)
        self.count_label.setText(
            self.tr("%1 sur %2").replace("%1", str(self.current + 1)).replace("%2", str(len(self.matches)))
        )

    def next_match(self) -> None:
        if self.matches:
            self.current = (self.current + 1) % len(self.matches)
            self._show_current()

    def previous_match(self) -> None:
        if self.matches:
            self.current = (self.current - 1) % len(self.matches)
            self._show_current()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
