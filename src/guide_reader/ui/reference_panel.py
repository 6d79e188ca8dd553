"""The panel under the text that shows a cited reference without moving the reader."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..content.model import Reference


class ReferencePanel(QFrame):
    go_to_reference = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referencePanel")
        self.number: int | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.go_button = QPushButton(self.tr("Voir dans la liste des références"))
        self.go_button.clicked.connect(self._go)
        self.close_button = QPushButton(self.tr("Fermer"))
        self.close_button.setProperty("flat", True)
        self.close_button.setAccessibleName(self.tr("Fermer la référence"))
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.setAccessibleName(self.tr("Référence citée"))
        self.hide()

    def show_reference(self, reference: Reference) -> None:
        self.number = reference.number
        self.label.setText(f"<b>[{reference.number}]</b> {html.escape(reference.text, quote=False)}")
        self.go_button.show()
        self._open()

    def show_unresolved(self, number: int) -> None:
        self.number = None
        text = self.tr("La source [%1] n'est pas listée dans ce guide : elle ne peut pas être affichée.")
        self.label.setText(html.escape(text.replace("%1", str(number)), quote=False))
        self.go_button.hide()
        self._open()

    def _open(self) -> None:
        self.show()
        self.setAccessibleDescription(self.label.text())
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _go(self) -> None:
        number = self.number
        self.hide()  # first: hiding the focused button moves the focus, the jump then sets it
        if number is not None:
            self.go_to_reference.emit(number)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_button.click()  # hides, and gives the focus back to the text
            return
        super().keyPressEvent(event)
