"""Dialogs in the kiosk: frameless panels inside its window (never windows a window manager could
hide), file dialogs confined to one folder, and messages on screen. A mixin of KioskWindow."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ..widgets import plain_message
from .files import ask_confined_file
from .keyboard import is_text_field

if TYPE_CHECKING:
    from .window import KioskWindow

    _Base = KioskWindow
else:
    _Base = object


class KioskDialogs(_Base):
    # Texts are translated in this class's own context (a mixin's self.tr would use KioskWindow's).
    def embed_dialog(self, dialog: QDialog) -> None:
        """Make ``dialog`` (about to be shown) a frameless child of the kiosk, drawn over its pages."""
        dialog.setParent(self, Qt.WindowType.Widget)
        dialog.setProperty("kioskEmbedded", True)
        dialog.setAutoFillBackground(True)
        dialog.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def _place_dialog(self, dialog: QDialog) -> None:
        if not dialog.isVisible() or dialog.parentWidget() is not self:
            return
        field = next((child for child in dialog.findChildren(QWidget) if is_text_field(child)), None)
        if field is not None:
            field.setFocus(Qt.FocusReason.PopupFocusReason)
            self.show_keyboard(field)  # a touch-only visitor can type in every dialog
        area = self.centralWidget().geometry()
        if self.keyboard.isVisible():
            area.setBottom(self.keyboard.mapTo(self, QPoint(0, 0)).y() - 1)
        hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
        width = min(hint.width(), area.width() - 16)
        height = min(hint.height(), area.height() - 16)
        dialog.setGeometry(
            area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2, width, height
        )
        dialog.raise_()
        for overlay in (self.pin_pad, self.countdown):
            if overlay.isVisible():
                overlay.raise_()

    def _ask_file(self, mode: Literal["open", "save"], title: str, name: str, pattern: str) -> Path | None:
        if not self.files_allowed:
            return None
        folder = Path(self.config.files_folder)
        if not folder.is_dir():
            self.show_message(
                QCoreApplication.translate(
                    "KioskDialogs",
                    "Le dossier des fichiers n'est pas là (une clé USB est-elle branchée ?). Demandez à l'accueil.",
                )
            )
            return None
        return ask_confined_file(self, folder, mode, title, name, pattern)

    def print_sheet(self) -> None:
        if not self.print_allowed:
            return
        if not QPrinterInfo.availablePrinterNames():
            self.show_message(
                QCoreApplication.translate(
                    "KioskDialogs",
                    "Aucune imprimante n'est reliée à cette borne : la feuille ne peut pas être imprimée.",
                )
            )
            return
        super().print_sheet()

    def show_message(self, text: str) -> None:
        """A message on screen (a panel inside the kiosk), closed with its button or by the reset."""
        box = plain_message(
            self, QMessageBox.Icon.Information, QCoreApplication.translate("KioskDialogs", "Guide Reader"), text
        )
        box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("KioskDialogs", "Compris"))
        self.message_box = box
