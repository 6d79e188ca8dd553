"""A reader with a keyboard only: reads a guide, searches, bookmarks, undoes, and saves the sheet as PDF.

Every step is a key press on the widget that has the focus, as a keyboard user would do it;
no method of the window is called to move on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton

from guide_reader.ui.home_page import SLUG_ROLE
from guide_reader.ui.main_window import MainWindow

from .conftest import show_and_index
from .test_ui_bookmarks import make_window

CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, name: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard goes: an open pop-up list (completions), else the focused widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "the keyboard goes nowhere: no widget has the focus"
    qtbot.keyClick(target, name, modifiers)


def focused():
    return QApplication.focusWidget()


def tab_to(qtbot, predicate, limit: int = 60):
    """Press Tab until the focused widget satisfies ``predicate``; fails if it is never reached."""
    for _ in range(limit):
        if predicate(focused()):
            return focused()
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"not reachable with Tab; the focus is on {focused()!r}")


def test_reading_searching_bookmarking_and_printing_with_the_keyboard_only(qtbot, tmp_path: Path) -> None:
    window: MainWindow = make_window(qtbot, note="Demander si la fièvre de mardi compte")
    show_and_index(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.focus_page()

    # Reading: a guide from the home page, then through its contents and its text.
    cards = window.home_page.list  # the guides are items of one list: the arrows move between them
    assert focused() is cards
    for _ in range(len(window.library.entries)):
        if cards.currentIndex().data(SLUG_ROLE) == "leucopenie":
            break
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    page = window.article_page
    assert page.article.slug == "leucopenie"
    assert focused() is page.view  # the keys read the text at once
    bar = page.view.verticalScrollBar()
    key(qtbot, Qt.Key.Key_End, CTRL)
    assert bar.value() == bar.maximum()
    key(qtbot, Qt.Key.Key_Home, CTRL)
    assert bar.value() == 0
    key(qtbot, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    key(qtbot, Qt.Key.Key_F6)  # F6: the next part of the window (a text full of links is long to Tab through)
    assert focused() is window.toolbar.widgetForAction(window.back_action)
    key(qtbot, Qt.Key.Key_F6)
    toc = focused()
    assert toc is page.toc
    for _ in range(toc.topLevelItemCount()):
        if toc.currentItem().data(0, Qt.ItemDataRole.UserRole) == "quand-consulter-un-medecin":
            break
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    assert page.current_anchor() == "quand-consulter-un-medecin"
    assert cards.currentIndex().data(SLUG_ROLE) == "leucopenie"

    # Bookmarking the section being read, with a note.
    key(qtbot, Qt.Key.Key_D, CTRL)
    store = window.library.store
    qtbot.waitUntil(
        lambda: store.find("leucopenie", "quand-consulter-un-medecin") is not None
    )  # written off the GUI thread
    bookmark = store.find("leucopenie", "quand-consulter-un-medecin")
    assert bookmark.note == "Demander si la fièvre de mardi compte"

    # Searching: type, go down the results with the arrows, open one.
    key(qtbot, Qt.Key.Key_K, CTRL)
    assert focused() is window.search_field
    qtbot.keyClicks(window.search_field, "contagieux")
    qtbot.waitUntil(lambda: bool(window.search_page.hits))
    if QApplication.activePopupWidget() is None:
        window.activateWindow()  # offscreen, a completion list that closed leaves itself the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    key(qtbot, Qt.Key.Key_Escape)  # the completion list closes
    if focused() is window.search_field:
        key(qtbot, Qt.Key.Key_Escape)  # then the focus goes to the results
    assert focused() is window.search_page.view
    key(qtbot, Qt.Key.Key_Return)
    first = window.search_page.hits[0]
    assert page.article.slug == first.article_slug
    assert focused() is page.view
    key(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back to the results
    assert window.pages.currentWidget() is window.search_page

    # The bookmarks: remove one, undo, then save the sheet for the doctor as PDF.
    key(qtbot, Qt.Key.Key_B, CTRL)
    bookmarks = window.bookmarks_page
    assert focused() is bookmarks.tree and bookmarks._current_bookmark().id == bookmark.id
    key(qtbot, Qt.Key.Key_Delete)
    assert window.store_writes.finish(30)  # written off the GUI thread
    assert window.library.store.find("leucopenie", "quand-consulter-un-medecin") is None
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.store_writes.finish(30)
    assert window.library.store.find("leucopenie", "quand-consulter-un-medecin") is not None
    tab_to(qtbot, lambda widget: widget is bookmarks.with_texts)
    key(qtbot, Qt.Key.Key_Space)
    assert bookmarks.with_texts.isChecked()
    pdf_button = tab_to(
        qtbot, lambda widget: isinstance(widget, QPushButton) and widget.text() == "Enregistrer en PDF…"
    )
    target = tmp_path / "pour-le-medecin.pdf"
    typed: list[str] = []

    def type_the_file_name() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        field.selectAll()
        qtbot.keyClicks(field, str(target))
        typed.append(field.text())
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(300, type_the_file_name)
    qtbot.keyClick(pdf_button, Qt.Key.Key_Space)
    assert typed == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")
    assert "Feuille enregistrée" in window.status_label.text()
    if QApplication.activeWindow() is not window:
        window.activateWindow()  # offscreen, a closed dialog does not give the activation back by itself
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert focused() is pdf_button  # back where the dialog was opened from
    print_button = tab_to(qtbot, lambda widget: isinstance(widget, QPushButton) and widget.text() == "Imprimer…")
    assert print_button.isEnabled()
