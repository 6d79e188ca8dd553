"""Small widget helpers shared by the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def plain_label(text: str = "") -> QLabel:
    """A label that never reads its text as HTML: for any text that comes from an article or a user."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltip text shown as written: Qt reads a tooltip as HTML when it sees a tag, so it is escaped."""
    import html

    return "<p>" + html.escape(text, quote=False).replace("\n", "<br>") + "</p>"


def plain_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box that shows ``text`` as written (never as HTML), opened window-modal and returned."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
