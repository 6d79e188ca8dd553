"""Small widget helpers shared by the pages."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "") -> QLabel:
    """A label that never reads its text as HTML: for any text that comes from an article or a user."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltip text shown as written: Qt reads a tooltip as HTML when it sees a tag, so it is escaped."""
    return "<p>" + html.escape(text, quote=False).replace("\n", "<br>") + "</p>"
