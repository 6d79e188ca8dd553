"""The emergency banner on every kiosk screen: « Urgence : 15 (SAMU) · 112 »; a touch shows what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class EmergencyBanner(QFrame):
    """A red band with the emergency numbers; touching it enlarges it with the details, touching again folds it."""

    def __init__(self, label: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyBanner")
        self.button = QPushButton(label)
        self.button.setObjectName("emergencyButton")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setCheckable(True)
        self.button.setAccessibleName(label)
        self.button.setAccessibleDescription(self.tr("Touchez pour savoir quoi faire en cas d'urgence"))
        self.button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.details = QLabel(details)
        self.details.setObjectName("emergencyDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # text from the settings file, never HTML
        self.details.setWordWrap(True)
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.button)
        layout.addWidget(self.details)
        self.button.toggled.connect(self.set_enlarged)

    def set_enlarged(self, enlarged: bool) -> None:
        self.button.setChecked(enlarged)
        self.details.setVisible(enlarged)

    def is_enlarged(self) -> bool:
        return self.details.isVisible()


BANNER_STYLESHEET = """
QPushButton#emergencyButton {{ background-color: {background}; color: {text}; border: none; border-radius: 0;
    font-weight: bold; min-height: 44px; }}
QPushButton#emergencyButton:checked {{ font-size: {large}pt; min-height: 72px; }}
QLabel#emergencyDetails {{ background-color: {background}; color: {text}; padding: 8px 16px 16px 16px;
    font-size: {large}pt; }}
"""


def banner_stylesheet(size: int) -> str:
    """Dark red on white text: contrast 7.7:1 (WCAG AAA), in every theme."""
    return BANNER_STYLESHEET.format(background="#a30d0d", text="#ffffff", large=round(size * 1.4))
