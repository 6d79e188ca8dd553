"""Asking for the optional note of a bookmark."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..store.model import MAX_NOTE_CHARS
from .widgets import plain_label


class NoteDialog(QDialog):
    def __init__(self, heading: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signet"))
        title = plain_label(self.tr("Marquer « %1 »").replace("%1", heading))
        title.setWordWrap(True)
        hint = QLabel(self.tr("Une note pour vous ou pour le médecin (facultatif) :"))
        hint.setWordWrap(True)
        self.editor = QPlainTextEdit(note)
        self.editor.setAccessibleName(self.tr("Note du signet"))
        self.editor.setPlaceholderText(self.tr("Par exemple : demander si la fièvre de mardi compte"))
        self.editor.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.limit_label = plain_label()
        self.limit_label.setWordWrap(True)
        self.limit_label.hide()
        self.editor.textChanged.connect(self._check_length)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.editor)
        layout.addWidget(self.limit_label)
        layout.addWidget(buttons)
        self.resize(480, 260)
        self._check_length()

    def _check_length(self) -> None:
        """A note over the limit cannot be saved: say so, with its length, and keep what is typed."""
        length = len(self.note())
        too_long = length > MAX_NOTE_CHARS
        self.save_button.setEnabled(not too_long)
        self.limit_label.setVisible(too_long)
        if too_long:
            self.limit_label.setText(
                self.tr("Note trop longue : %1 caractères, maximum %2. Raccourcissez-la pour l'enregistrer.")
                .replace("%1", str(length))
                .replace("%2", str(MAX_NOTE_CHARS))
            )

    def note(self) -> str:
        return self.editor.toPlainText().strip()


def ask_note(parent: QWidget, heading: str, note: str = "") -> str | None:
    """The note typed (possibly empty), or None when the reader cancelled."""
    dialog = NoteDialog(heading, note, parent)
    return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None
