"""An on-screen French keyboard (AZERTY, with the accented letters) for a touch screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

ROWS = (
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn'-",
    "éèàçêùô",
)
KEY_SIZE = 56


class OnScreenKeyboard(QFrame):
    """Types into a QLineEdit as if the reader typed (the field keeps the focus)."""

    submitted = Signal()
    hidden_by_user = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.target: QLineEdit | None = None
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(12, 10, 12, 10)
        for row, letters in enumerate(ROWS):
            for column, letter in enumerate(letters):
                grid.addWidget(self._key(letter, letter, lambda _c=False, t=letter: self.type_text(t)), row, column)
        backspace = self._key("backspace", "⌫", self.backspace)
        backspace.setAccessibleName(self.tr("Effacer la dernière lettre"))
        grid.addWidget(backspace, 0, 10, 1, 2)
        space = self._key("space", self.tr("espace"), lambda: self.type_text(" "))
        grid.addWidget(space, 2, 8, 1, 4)
        search = self._key("enter", self.tr("Rechercher"), self.submitted.emit)
        grid.addWidget(search, 1, 10, 1, 2)
        close = self._key("hide", self.tr("Masquer"), self._hide_by_user)
        close.setAccessibleName(self.tr("Masquer le clavier"))
        grid.addWidget(close, 3, 8, 1, 4)
        self.setAccessibleName(self.tr("Clavier à l'écran"))
        self.hide()

    def _key(self, name: str, label: str, slot: object) -> QPushButton:
        button = QPushButton(label)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search field keeps the focus
        button.setMinimumSize(KEY_SIZE, KEY_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setAutoRepeat(name == "backspace")
        button.clicked.connect(slot)
        self.keys[name] = button
        return button

    def attach(self, field: QLineEdit) -> None:
        self.target = field

    def type_text(self, text: str) -> None:
        if self.target is None:
            return
        self.target.insert(text)
        self.target.textEdited.emit(self.target.text())

    def backspace(self) -> None:
        if self.target is None:
            return
        self.target.backspace()
        self.target.textEdited.emit(self.target.text())

    def _hide_by_user(self) -> None:
        self.hide()
        self.hidden_by_user.emit()
