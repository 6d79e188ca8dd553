"""Nothing of a kiosk visitor remains: not on disk, not in the clipboard, not in the window."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QDialog

from guide_reader.kiosk import KioskConfig, KioskFeatures
from guide_reader.library import Library
from guide_reader.search.completion_store import COMPLETIONS_NAME
from guide_reader.ui.kiosk.session import VisitorSession
from guide_reader.ui.kiosk.window import KioskWindow
from guide_reader.ui.navigation import Location

from .conftest import show_and_index

NOTE = "NOTE-SECRETE fievre mardi"
QUERY = "neutrophiles bas"


def make_kiosk(qtbot) -> KioskWindow:
    config = KioskConfig(path=None, idle_seconds=60, countdown_seconds=3, features=KioskFeatures(bookmarks=True))
    return show_and_index(qtbot, KioskWindow(Library(), config))


def close(window: KioskWindow) -> None:
    window.exit_allowed = True
    window.close()


def visible_state(window: KioskWindow) -> dict[str, object]:
    """Everything a visitor can see or change in the window, as plain values."""
    history = window.history
    article = window.article_page
    clipboard = QApplication.clipboard()
    return {
        "history": (list(history._entries), history._index),
        "query": window.session.query,
        "text_size": window.session.text_size,
        "larger_text": (window.session.larger_text, window.larger_text_button.isChecked()),
        "search text": window.search_field.text(),
        "search undo": window.search_field.isUndoAvailable(),
        "suggestions": (window.completion_model.stringList(), window.suggestions.isVisible()),
        "search results": window.search_page.hits,
        "page": window.pages.currentWidget() is window.home_page,
        "article": article.article,
        "find": (article.find_bar.field.text(), article.find_bar.isVisible()),
        "reference panel": article.reference_panel.isVisible(),
        "dialogs": [dialog for dialog in window.findChildren(QDialog) if dialog.isVisible()],
        "keyboard": window.keyboard.isVisible(),
        "selection": article.view.textCursor().hasSelection(),
        "clipboard": clipboard.text(QClipboard.Mode.Clipboard),
        "bookmarks": window.library.store.bookmarks(),
        "reading history": window.library.store.history.recent(),
        "status": window.status_label.text(),
        "emergency details": window.banner.is_enlarged(),
    }


def visit(qtbot, window: KioskWindow) -> None:
    """A visitor who does a bit of everything, and leaves the note dialog open."""
    window.search_for(QUERY)
    window.open_hit(window.search_page.hits[0])
    window.article_page.show_citation(1)
    window.article_page.open_find()
    qtbot.keyClicks(window.article_page.find_bar.field, "globules")
    QApplication.clipboard().setText(NOTE)
    window.larger_text_button.setChecked(True)
    window.library.store.add_for(window.article_page.article, window.article_page.article.sections[0].anchor, NOTE)
    window.show_keyboard(window.search_field)
    for _ in QUERY:
        window.keyboard.keys["backspace"].click()
    for letter in "leuco":
        window.keyboard.keys[letter].click()
    window.go_back()  # to the article, the search words and suggestions still there
    window.article_page.view.selectAll()
    window.status_label.setText(NOTE)
    window.banner.set_enlarged(True)


def test_the_reset_puts_every_visible_field_back_to_its_start_value(qtbot) -> None:
    window = make_kiosk(qtbot)
    fresh = visible_state(window)
    seen: dict[str, object] = {}
    sessions = []

    def during_the_note() -> None:
        seen.update(visible_state(window))
        sessions.append(window.session)
        window.countdown.expired.emit()  # the visitor left with the note dialog open

    visit(qtbot, window)
    QTimer.singleShot(0, during_the_note)
    window.bookmark_section(window.article_page.article.sections[1].anchor)

    changed = {name for name in fresh if seen[name] != fresh[name]}
    assert changed == set(fresh), "the visit must change every field for this test to mean something"
    assert visible_state(window) == fresh
    assert window.session is not sessions[0]
    assert sessions[0].pages() == []  # the last visit's pages and dialogs went
    qtbot.waitUntil(lambda: [d for d in window.findChildren(QDialog) if not d.isVisible()] == [])
    assert window.library.store is window.session.store
    start = VisitorSession(window.kiosk_text_size)
    for name in ("text_size", "larger_text", "query", "emergency_details"):
        assert getattr(window.session, name) == getattr(start, name), name
    assert window.history.current == Location("home") and not window.history.can_go_back()
    close(window)


def test_every_session_field_is_covered_by_the_reset_test() -> None:
    # A field added to the session must be added to visible_state above, then this list.
    names = {field.name for field in dataclasses.fields(VisitorSession)}
    assert names == {
        "text_size",
        "larger_text",
        "history",
        "query",
        "article_page",
        "search_page",
        "bookmarks_page",
        "emergency_details",
        "leaving",
        "store_writes",
        "_store",
    }


def test_a_section_being_left_is_not_carried_into_the_next_visit(qtbot) -> None:
    window = make_kiosk(qtbot)
    window._leaving = ("leucopenie", "quand-consulter-un-medecin")  # left, not yet in the history
    window.reset_session()
    window.open_article("regression-tumorale-spontanee")
    qtbot.waitUntil(lambda: window.library.store.history.recent() != [])
    assert {entry.slug for entry in window.library.store.history.recent()} == {"regression-tumorale-spontanee"}
    close(window)


@pytest.mark.parametrize("mode", [QClipboard.Mode.Clipboard, QClipboard.Mode.Selection])
def test_the_clipboard_and_the_selection_are_emptied(qtbot, mode) -> None:
    window = make_kiosk(qtbot)
    clipboard = QApplication.clipboard()
    if mode == QClipboard.Mode.Selection and not clipboard.supportsSelection():
        pytest.skip("this platform has no selection clipboard")
    clipboard.setText(NOTE, mode)
    assert clipboard.text(mode) == NOTE
    window.reset_session()
    assert clipboard.text(mode) == ""
    close(window)


def files_of(dirs: dict[str, Path]) -> dict[Path, str]:
    return {
        path: hashlib.sha256(path.read_bytes()).hexdigest()
        for name in ("data", "cache", "config")
        for path in dirs[name].rglob("*")
        if path.is_file()
    }


def traces(dirs: dict[str, Path]) -> list[str]:
    """Files that hold the visitor's note or search (as UTF-8 or UTF-16, as SQLite or Qt could write them)."""
    found = []
    for path in files_of(dirs):
        data = path.read_bytes()
        for secret in (NOTE, "NOTE-SECRETE", QUERY):
            if secret.encode() in data or secret.encode("utf-16-le") in data:
                found.append(f"{path}: {secret}")
    return found


def test_a_visit_writes_nothing_to_disk_before_or_after_a_reset_or_a_restart(qtbot, user_dirs) -> None:
    window = make_kiosk(qtbot)
    before = files_of(user_dirs)
    visit(qtbot, window)
    window.bookmark_section  # noqa: B018 (bookmarking goes through the in-memory store)
    window.go_to(Location("bookmarks"))
    assert files_of(user_dirs) == before  # during the visit
    window.reset_session()
    assert files_of(user_dirs) == before
    assert traces(user_dirs) == []
    close(window)

    restarted = make_kiosk(qtbot)
    assert restarted.library.store.bookmarks() == []
    assert restarted.library.store.history.recent() == []
    assert traces(user_dirs) == []
    # No bookmark or history database; the catalogue of the guides and the completions beside the index
    # (derived from the content folder, in the cache folder, the same for every visitor) are not the visitors' data.
    databases = [path for path in files_of(user_dirs) if "sqlite" in path.name and "catalogue" not in path.parts]
    assert [path.name for path in databases if path.parent.parent.name == "index"] == [COMPLETIONS_NAME]
    assert not [path for path in databases if path.name != COMPLETIONS_NAME]
    close(restarted)


def test_qt_own_settings_stay_off_the_config_folder(user_dirs) -> None:
    from PySide6.QtCore import QSettings

    from guide_reader.ui.kiosk.start import keep_qt_settings_off_disk

    folder = keep_qt_settings_off_disk()
    try:
        written = QSettings(QSettings.Scope.UserScope, "QtProject")
        written.setValue("FileDialog/lastVisited", "file:///media/cle")
        written.sync()
        assert Path(written.fileName()).is_relative_to(folder.path())
        assert not list(user_dirs["config"].rglob("QtProject*"))
    finally:
        for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(user_dirs["config"]))
