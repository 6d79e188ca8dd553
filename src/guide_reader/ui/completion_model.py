"""The search field's completions: one row per guide and section, labelled with its guide."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter

if TYPE_CHECKING:
    from ..search import Completion

COMPLETION_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``Completion`` of a row."""
ROW_MARGIN = 24
"""Pixels a row of the popup needs beside its text (the item's padding on both sides)."""


class CompletionModel(QStringListModel):
    """Completions as rows: the popup shows « heading — guide »; choosing one puts the heading in
    the field (the edit role) and the row says which guide and section to open.

    Two guides with the same heading give two rows, never one.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.completions: list[Completion] = []

    def set_completions(self, completions: Sequence[Completion]) -> None:
        self.completions = list(completions)
        self.setStringList([completion.text for completion in self.completions])

    def label(self, completion: Completion) -> str:
        """The text of a row: the heading and its guide (a guide's title alone for the guide itself)."""
        if completion.kind == "title" or not completion.article_title:
            return completion.text
        return self.tr("%1 — %2").replace("%1", completion.text).replace("%2", completion.article_title)

    def completion(self, index: QModelIndex | QPersistentModelIndex) -> Completion | None:
        row = index.row()
        valid = index.isValid() and 0 <= row < min(len(self.completions), self.rowCount())
        return self.completions[row] if valid else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        completion = self.completion(index)
        if completion is not None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.label(completion)
            if role == COMPLETION_ROLE:
                return completion
        return super().data(index, role)


def fit_popup_width(completer: QCompleter) -> None:
    """Widen ``completer``'s popup so that each row shows whole, with its guide (the guide's name
    is what tells identical headings apart), as far as the screen allows to the right of the
    field; a row still too long loses the middle of its text, not its guide's name."""
    popup = completer.popup()
    popup.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    model = completer.model()
    metrics = popup.fontMetrics()
    labels = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
    needed = widest + ROW_MARGIN + 2 * popup.frameWidth() + popup.verticalScrollBar().sizeHint().width()
    field = completer.widget()
    screen = field.screen() if field is not None else None
    if field is not None and screen is not None:
        room = screen.availableGeometry().right() + 1 - field.mapToGlobal(field.rect().topLeft()).x()
        needed = min(needed, max(room, field.width()))
    popup.setMinimumWidth(needed)
