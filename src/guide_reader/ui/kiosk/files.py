"""File dialogs of the kiosk, confined to one folder (``files_folder`` in the settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QWidget


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` (links and ``..`` resolved) is ``folder`` or lies under it."""
    resolved, root = path.resolve(), folder.resolve()
    return resolved == root or root in resolved.parents


class ConfinedFileDialog(QFileDialog):
    """Qt's own file dialog (never the desktop's) that shows one folder and what is under it.

    Going to a parent folder brings it back to ``folder``; a name typed with a path outside it is refused.
    """

    def __init__(self, parent: QWidget, folder: Path, mode: Literal["open", "save"], title: str, pattern: str) -> None:
        super().__init__(parent, title, str(folder), pattern)
        self.folder = folder
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setOption(QFileDialog.Option.ReadOnly, mode == "open")
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if mode == "save" else QFileDialog.AcceptMode.AcceptOpen)
        self.setFileMode(QFileDialog.FileMode.AnyFile if mode == "save" else QFileDialog.FileMode.ExistingFile)
        self.setSidebarUrls([QUrl.fromLocalFile(str(folder))])
        self.setHistory([])
        self.directoryEntered.connect(self._keep_inside)

    def _keep_inside(self, directory: str) -> None:
        if not inside(Path(directory), self.folder):
            self.setDirectory(str(self.folder))

    def accept(self) -> None:
        chosen = self.selectedFiles()
        if chosen and not inside(Path(chosen[0]), self.folder):
            self.setDirectory(str(self.folder))
            self.selectFile("")
            return  # a path typed outside the folder: stay open, back in the folder
        super().accept()

    def chosen_path(self) -> Path | None:
        chosen = self.selectedFiles()
        return Path(chosen[0]) if chosen and inside(Path(chosen[0]), self.folder) else None


def ask_confined_file(
    parent: QWidget, folder: Path, mode: Literal["open", "save"], title: str, name: str, pattern: str
) -> Path | None:
    """A file in ``folder`` chosen by the visitor, or None (cancelled, or the folder is not there)."""
    if not folder.is_dir():
        return None
    dialog = ConfinedFileDialog(parent, folder, mode, title, pattern)
    if name:
        dialog.selectFile(name)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_path()
