"""Status messages that assistive technology says aloud (WCAG 4.1.3), without moving the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def announce(source: QWidget, message: str, assertive: bool = False) -> None:
    """Have a screen reader say ``message`` (an AT-SPI announcement from ``source``); polite by default.

    Does nothing when no assistive technology is listening.
    """
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent  # its many enums: not before the first paint

    if not message or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if assertive else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


class StatusLabel(QLabel):
    """The status bar's message: plain text, and announced each time it changes."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        changed = text != self.text()
        super().setText(text)
        if changed:
            self.setAccessibleDescription(text)
            announce(self, text)
