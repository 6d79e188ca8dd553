"""The doctor's sheet as printed (PDF, looked at as images) and the file dialogs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from guide_reader.ui.bookmark_actions import documents_folder
from guide_reader.ui.i18n import install_translators, remove_translators
from guide_reader.ui.navigation import Location

from .test_sheet import NOTES
from .test_ui_bookmarks import make_window


def add_notes(window) -> None:
    for (slug, anchor), note in NOTES.items():
        window.library.store.add_for(window.library.article(slug), anchor, note)


def pdf_pages(path: Path, folder: Path) -> list[Path]:
    """The PDF's pages as PNG images (poppler's pdftoppm)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (scripts/bootstrap.sh installs poppler-utils for the tests)")
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(folder / "page")], check=True, timeout=60)
    return sorted(folder.glob("page*.png"))


def test_four_bookmarks_fit_on_one_page_and_texts_come_when_asked(qtbot, tmp_path) -> None:
    window = make_window(qtbot)
    add_notes(window)
    window.go_to(Location("bookmarks"))
    short = tmp_path / "short.pdf"
    window.save_sheet_pdf(short)
    assert len(pdf_pages(short, tmp_path / "short")) == 1
    window.bookmarks_page.with_texts.setChecked(True)
    full = tmp_path / "full.pdf"
    window.save_sheet_pdf(full)
    pages = pdf_pages(full, tmp_path / "full")
    assert len(pages) >= 3  # page 1 the notes, then the sections' texts from a new page


@pytest.fixture
def documents(user_dirs) -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize(("language", "save"), [("fr", "Enregistrer"), ("en", "Save")])
def test_file_dialogs_open_in_documents_and_speak_the_interface_language(
    qtbot, monkeypatch, documents, language, save
) -> None:
    app = QApplication.instance()
    translators = install_translators(app, language)
    try:
        window = make_window(qtbot)
        seen: list[tuple[str, str, str]] = []

        def look(dialog: QFileDialog) -> int:
            buttons = dialog.findChild(QDialogButtonBox)
            accept = buttons.button(QDialogButtonBox.StandardButton.Save) or buttons.button(
                QDialogButtonBox.StandardButton.Open
            )
            seen.append((dialog.directory().absolutePath(), accept.text().replace("&", ""), dialog.windowTitle()))
            return QFileDialog.DialogCode.Rejected

        monkeypatch.setattr(QFileDialog, "exec", look)
        window.save_sheet_pdf()
        window.export_bookmarks()
        window.import_bookmarks()
    finally:
        remove_translators(app, translators)
        QLocale.setDefault(QLocale.system())
    assert documents_folder() == documents
    assert [entry[0] for entry in seen] == [str(documents)] * 3
    assert seen[0][1] == save
    assert seen[0][2] == ("Enregistrer la feuille en PDF" if language == "fr" else "Save the sheet as PDF")
