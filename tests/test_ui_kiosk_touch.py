"""The kiosk with fingers only: panels above everything, a keyboard for every field, dialogs inside."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox, QPlainTextEdit

from guide_reader.kiosk import KioskConfig, KioskFeatures
from guide_reader.library import Library
from guide_reader.ui.kiosk.files import ConfinedFileDialog, inside
from guide_reader.ui.kiosk.window import KioskWindow

from .conftest import show_and_index


def make_kiosk(qtbot, **settings) -> KioskWindow:
    features = KioskFeatures(**settings.pop("features", {"bookmarks": True}))
    config = KioskConfig(path=None, idle_seconds=60, countdown_seconds=5, features=features, **settings)
    return show_and_index(qtbot, KioskWindow(Library(), config))


@pytest.fixture
def kiosk(qtbot):
    window = make_kiosk(qtbot)
    yield window
    window.exit_allowed = True


def tap(qtbot, widget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def visible_dialog(window: KioskWindow) -> QDialog:
    return next(dialog for dialog in window.findChildren(QDialog) if dialog.isVisible())


def while_open(action, then) -> None:
    """Run ``action`` (which opens a dialog and waits for it) and ``then`` once the dialog is up."""
    QTimer.singleShot(0, then)
    action()


def test_the_overlays_are_opaque(qtbot, kiosk) -> None:
    kiosk.open_article("leucopenie")
    kiosk.countdown.start()
    image = kiosk.grab().toImage()
    inner = kiosk.countdown.geometry().adjusted(8, 8, -8, -8)
    colours = {image.pixelColor(x, y).name() for x in range(inner.left(), inner.right(), 7) for y in (inner.top(),)}
    background = QColor(kiosk.theme.surface).name()
    assert colours == {background}  # no article text showing through the top rows of the panel
    kiosk.countdown.cancel()


def test_the_countdown_goes_above_an_open_dialog_and_a_touch_on_it_keeps_the_note(qtbot, kiosk) -> None:
    kiosk.open_article("leucopenie")
    anchor = kiosk.article_page.article.sections[0].anchor
    result = {}

    def during() -> None:
        dialog = visible_dialog(kiosk)
        result["embedded"] = not dialog.isWindow() and dialog.parentWidget() is kiosk
        editor = dialog.findChild(QPlainTextEdit)
        result["keyboard"] = kiosk.keyboard.isVisible() and kiosk.keyboard.target is editor
        for letter in "fievre":
            kiosk.keyboard.keys[letter].click()
        kiosk.idle_timer.timeout.emit()
        assert kiosk.countdown.isVisible()
        on_top = kiosk.childAt(kiosk.countdown.geometry().center())
        result["countdown above"] = kiosk.countdown.isAncestorOf(on_top) or on_top is kiosk.countdown
        tap(qtbot, dialog)  # a touch anywhere, here on the dialog
        result["cancelled"] = not kiosk.countdown.isVisible()
        result["still open"] = dialog.isVisible() and editor.toPlainText() == "fievre"
        dialog.findChild(QPlainTextEdit).parentWidget()  # still alive
        dialog.accept()

    while_open(lambda: kiosk.bookmark_section(anchor), during)
    assert result == {
        "embedded": True,
        "keyboard": True,
        "countdown above": True,
        "cancelled": True,
        "still open": True,
    }
    kiosk.store_writes.finish()  # the bookmark is written off the GUI thread
    assert [bookmark.note for bookmark in kiosk.library.store.bookmarks()] == ["fievre"]


def test_keys_always_type_while_suggestions_show_and_rows_are_large(qtbot, kiosk) -> None:
    tap(qtbot, kiosk.search_field)
    for letter in "leuco":
        tap(qtbot, kiosk.keyboard.keys[letter])
    assert kiosk.search_field.text() == "leuco"
    qtbot.waitUntil(lambda: kiosk.completion_model.rowCount() > 0)  # made off the window's thread
    assert kiosk.suggestions.isVisible()
    assert kiosk.suggestions.visualRect(kiosk.completion_model.index(0)).height() >= 44
    tap(qtbot, kiosk.keyboard.keys["p"])
    assert kiosk.search_field.text() == "leucop"
    tap(qtbot, kiosk.keyboard.keys["hide"])
    assert not kiosk.keyboard.isVisible() and not kiosk.suggestions.isVisible()
    tap(qtbot, kiosk.search_field)
    assert kiosk.suggestions.isVisible()
    first = kiosk.suggestions.visualRect(kiosk.completion_model.index(0)).center()
    tap(qtbot, kiosk.suggestions.viewport(), first)
    assert kiosk.pages.currentWidget() is kiosk.article_page
    assert kiosk.article_page.article.slug == "leucopenie"


def test_closing_the_reference_panel_does_not_pop_up_the_keyboard(qtbot, kiosk) -> None:
    kiosk.open_article("leucopenie")
    kiosk.article_page.show_citation(1)
    panel = kiosk.article_page.reference_panel
    assert panel.isVisible()
    tap(qtbot, panel.close_button)
    assert not panel.isVisible()
    assert not kiosk.keyboard.isVisible()
    assert kiosk.pages.currentWidget() is kiosk.article_page


def test_every_text_field_gets_the_keyboard(qtbot, kiosk) -> None:
    kiosk.open_article("leucopenie")
    kiosk.article_page.open_find()
    field = kiosk.article_page.find_bar.field
    tap(qtbot, field)
    assert kiosk.keyboard.isVisible() and kiosk.keyboard.target is field
    for letter in "sang":
        kiosk.keyboard.keys[letter].click()
    assert field.text() == "sang"
    kiosk.keyboard.keys["backspace"].click()
    assert field.text() == "san"
    for widget in kiosk.findChildren(QLineEdit) + kiosk.findChildren(QPlainTextEdit):
        if widget.isVisible() and not widget.isReadOnly():
            tap(qtbot, widget)
            assert kiosk.keyboard.isVisible(), widget.objectName()


def test_printing_with_no_printer_says_so_on_screen(qtbot, monkeypatch) -> None:
    kiosk = make_kiosk(qtbot, features={"bookmarks": True, "print": True})
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    kiosk.print_sheet()
    box = visible_dialog(kiosk)
    assert isinstance(box, QMessageBox) and "Aucune imprimante" in box.text()
    assert not box.isWindow()
    kiosk.reset_session()
    assert not box.isVisible()
    kiosk.exit_allowed = True


def test_file_dialogs_stay_in_their_folder(qtbot, tmp_path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    (tmp_path / "kiosk.toml").write_text("idle_seconds = 60\n")
    dialog = ConfinedFileDialog(None, folder, "save", "Exporter", "*.json")
    qtbot.addWidget(dialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setDirectory(str(tmp_path))
    dialog.directoryEntered.emit(str(tmp_path))
    assert Path(dialog.directory().absolutePath()) == folder
    for typed in (str(tmp_path / "kiosk.toml"), "../kiosk.toml", "/etc/passwd"):
        dialog.selectFile(typed)
        dialog.accept()
        assert dialog.result() != QDialog.DialogCode.Accepted, typed
    assert (tmp_path / "kiosk.toml").read_text() == "idle_seconds = 60\n"
    assert inside(folder / "signets.json", folder) and not inside(folder / ".." / "x", folder)


def test_a_kiosk_export_goes_to_the_files_folder_only(qtbot, tmp_path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    kiosk = make_kiosk(qtbot, files_folder=str(folder), features={"bookmarks": True, "files": True})
    kiosk.open_article("leucopenie")
    kiosk.library.store.add_for(kiosk.article_page.article, kiosk.article_page.article.sections[0].anchor, "x")

    def choose() -> None:
        dialog = visible_dialog(kiosk)
        assert isinstance(dialog, ConfinedFileDialog) and not dialog.isWindow()
        dialog.selectFile(str(folder / "signets.json"))
        dialog.accept()

    while_open(kiosk.export_bookmarks, choose)
    assert (folder / "signets.json").is_file()
    kiosk.exit_allowed = True


def test_a_missing_files_folder_is_said_on_screen(qtbot, tmp_path) -> None:
    kiosk = make_kiosk(qtbot, files_folder=str(tmp_path / "absent"), features={"bookmarks": True, "files": True})
    kiosk.export_bookmarks()
    assert "clé USB" in visible_dialog(kiosk).text()
    kiosk.exit_allowed = True


def test_message_boxes_opened_anywhere_are_embedded(qtbot, kiosk) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "x", "y", QMessageBox.StandardButton.Ok, kiosk)
    box.open()
    assert not box.isWindow() and box.isVisible()
    assert kiosk.rect().contains(box.geometry())
    box.close()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not kiosk] == []
