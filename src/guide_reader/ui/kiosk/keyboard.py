"""An on-screen French keyboard (AZERTY, digits and the accented letters) for a touch screen, and the
list of search suggestions shown above it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

# Ten columns at most: at 44 px a key, the keyboard fits an 800 px wide portrait screen.
ROWS = (
    "1234567890",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn',.-",
    "éèàçêùôî?",
)
COLUMNS = 10
KEY_SIZE = 48  # at least 44 px, WCAG 2.5.5's target size
SUGGESTION_ROWS = 3


def is_text_field(widget: object) -> bool:
    """Whether ``widget`` takes typed text: an editable line or text edit (a spin box's field included)."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and widget.isEnabled()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly() and widget.isEnabled()
    if isinstance(widget, QWidget) and isinstance(widget.parentWidget(), QPlainTextEdit | QTextEdit):
        return is_text_field(widget.parentWidget())  # the viewport receives the touch
    return False


def _field_of(widget: QWidget) -> QWidget:
    parent = widget.parentWidget()
    return parent if isinstance(parent, QPlainTextEdit | QTextEdit) else widget


class OnScreenKeyboard(QFrame):
    """Types into a text field as if the reader typed (key events; the field keeps the focus)."""

    hidden_by_user = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.target: QWidget | None = None
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(4)
        grid.setContentsMargins(8, 8, 8, 8)
        for row, letters in enumerate(ROWS):
            for column, letter in enumerate(letters):
                grid.addWidget(self._key(letter, letter, lambda _c=False, t=letter: self.type_text(t)), row, column)
        last = len(ROWS)
        backspace = self._key("backspace", "⌫", lambda: self._send(Qt.Key.Key_Backspace))
        backspace.setAccessibleName(self.tr("Effacer la dernière lettre"))
        grid.addWidget(backspace, last - 1, 9)
        close = self._key("hide", self.tr("Masquer"), self._hide_by_user)
        close.setAccessibleName(self.tr("Masquer le clavier"))
        grid.addWidget(close, last, 0, 1, 3)
        space = self._key("space", self.tr("espace"), lambda: self.type_text(" "))
        grid.addWidget(space, last, 3, 1, 4)
        self.enter = self._key("enter", self.tr("Rechercher"), lambda: self._send(Qt.Key.Key_Return))
        grid.addWidget(self.enter, last, 7, 1, 3)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Clavier à l'écran"))
        self.hide()

    def _key(self, name: str, label: str, slot: object) -> QPushButton:
        button = QPushButton(label)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text field keeps the focus
        button.setMinimumSize(44, KEY_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        button.setAutoRepeat(name == "backspace")
        button.clicked.connect(slot)
        self.keys[name] = button
        return button

    def attach(self, field: QWidget | None) -> None:
        """Type into ``field`` from now on (None: nowhere)."""
        self.target = _field_of(field) if field is not None else None
        searching = isinstance(field, QLineEdit)
        self.enter.setText(self.tr("Rechercher") if searching else self.tr("↵ Ligne"))

    def type_text(self, text: str) -> None:
        self._send(Qt.Key.Key_unknown, text)

    def _send(self, key: Qt.Key, text: str = "") -> None:
        if self.target is None or not isValid(self.target):
            self.target = None  # its dialog was deleted
            return
        if not self.target.hasFocus():
            self.target.setFocus(Qt.FocusReason.OtherFocusReason)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(self.target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    def _hide_by_user(self) -> None:
        self.hide()
        self.hidden_by_user.emit()


class SuggestionList(QListView):
    """The search suggestions as a list of large rows above the keyboard (never a popup)."""

    chosen = Signal(QModelIndex)  # the row touched

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskSuggestions")
        self.setModel(model)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)
        self.setAccessibleName(self.tr("Suggestions"))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self.chosen)
        self.hide()

    def fit(self) -> None:
        """As high as its rows, up to SUGGESTION_ROWS (the rest scrolls)."""
        rows = min(SUGGESTION_ROWS, max(1, self.model().rowCount()))
        row_height = max(48, self.sizeHintForRow(0))
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth())
