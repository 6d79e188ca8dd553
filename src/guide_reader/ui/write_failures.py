"""Telling the reader that a change was not kept, without losing what they typed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..store import NoteTooLongError, StoreWriteError
from .widgets import plain_label

_REASONS = {
    "read-only": QT_TRANSLATE_NOOP("WriteFailures", "le fichier des signets est en lecture seule"),
    "disk-full": QT_TRANSLATE_NOOP("WriteFailures", "le disque est plein"),
    "busy": QT_TRANSLATE_NOOP("WriteFailures", "un autre programme utilise le fichier des signets"),
    "memory-only": QT_TRANSLATE_NOOP("WriteFailures", "le fichier des signets n'est pas utilisable"),
    "other": QT_TRANSLATE_NOOP("WriteFailures", "le fichier des signets ne peut pas être écrit"),
}


def reason_text(error: BaseException) -> str:
    """Why a change was not kept, in the interface language and in plain words."""
    if isinstance(error, StoreWriteError):
        return QCoreApplication.translate("WriteFailures", _REASONS[error.reason])
    if isinstance(error, NoteTooLongError):
        return (
            QCoreApplication.translate("WriteFailures", "note trop longue (%1 caractères, maximum %2)")
            .replace("%1", str(error.length))
            .replace("%2", str(error.limit))
        )
    return str(error)


class NoteNotKeptDialog(QDialog):
    """The note that could not be saved, kept on screen: retry, copy it, or close."""

    retry_requested = Signal(str)  # the note, as it is in the dialog

    def __init__(self, heading: str, note: str, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signet non enregistré"))
        message = plain_label(
            QCoreApplication.translate(
                "WriteFailures", "Le signet « %1 » n'a pas été enregistré : %2. Votre note est gardée ci-dessous."
            )
            .replace("%1", heading)
            .replace("%2", reason_text(error))
        )
        message.setWordWrap(True)
        self.message = message
        self.editor = QPlainTextEdit(note)
        self.editor.setAccessibleName(self.tr("Note non enregistrée"))
        self.editor.setTabChangesFocus(True)
        buttons = QDialogButtonBox()
        self.retry_button = buttons.addButton(self.tr("Réessayer"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = buttons.addButton(self.tr("Copier la note"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        self.retry_button.clicked.connect(self._retry)
        self.copy_button.clicked.connect(self.copy_note)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(480, 280)

    def note(self) -> str:
        return self.editor.toPlainText()

    def copy_note(self) -> None:
        QApplication.clipboard().setText(self.note())
        self.copy_button.setText(self.tr("Note copiée"))

    def _retry(self) -> None:
        self.accept()
        self.retry_requested.emit(self.note())
