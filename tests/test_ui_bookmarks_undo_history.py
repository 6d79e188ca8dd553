"""Removing bookmarks is undone step by step with the selection kept; « Lu récemment » lists sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from guide_reader.store.model import HistoryEntry
from guide_reader.ui.navigation import Location

from .test_ui_bookmarks import make_window

PLACES = [
    ("leucopenie", "quand-consulter-un-medecin"),
    ("leucopenie", "les-complications-possibles"),
    ("leucopenie", "nos-conseils-pratiques"),
    ("regression-tumorale-spontanee", "les-complications-possibles"),
]


def current_place(page) -> tuple[str, str] | None:
    bookmark = page._current_bookmark()
    return (bookmark.slug, bookmark.anchor) if bookmark else None


def test_two_removals_are_undone_one_by_one_and_the_selection_stays_in_place(qtbot) -> None:
    window = make_window(qtbot)
    store = window.library.store
    for slug, anchor in PLACES:
        store.add_for(window.library.article(slug), anchor, f"note {anchor}")
    window.go_to(Location("bookmarks"))
    page = window.bookmarks_page
    items = page._bookmark_items()
    shown = [(item.data(0, 256).slug, item.data(0, 256).anchor) for item in items]
    page.tree.setCurrentItem(items[1])
    second, third = shown[1], shown[2]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert current_place(page) == third  # at once, while the removal is written
    assert window.store_writes.finish(30)
    assert store.find(*second) is None
    assert current_place(page) == third  # the next one, not the first of the list
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert window.store_writes.finish(30)
    assert store.find(*third) is None
    assert current_place(page) == shown[3]
    assert page.undo_bar.isVisible() and "2" in page.undo_label.text()
    page.undo_remove()
    assert window.store_writes.finish(30)
    assert store.find(*third).note == f"note {third[1]}"
    assert current_place(page) == third
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store_writes.finish(30)
    assert store.find(*second).note == f"note {second[1]}"
    assert current_place(page) == second
    assert not page.undo_bar.isVisible()
    assert len(store.bookmarks()) == len(PLACES)
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.store_writes.finish(30)
    assert store.find(*second) is None  # redo


def test_removing_the_last_bookmark_selects_the_one_before(qtbot) -> None:
    window = make_window(qtbot)
    store = window.library.store
    for slug, anchor in PLACES[:2]:
        store.add_for(window.library.article(slug), anchor)
    window.go_to(Location("bookmarks"))
    page = window.bookmarks_page
    items = page._bookmark_items()
    before = current_place_of(items[0])
    page.tree.setCurrentItem(items[-1])
    page.remove_current()
    assert window.store_writes.finish(30)
    assert current_place(page) == before


def current_place_of(item) -> tuple[str, str]:
    bookmark = item.data(0, 256)
    return bookmark.slug, bookmark.anchor


def history_lines(window) -> list[str]:
    window.go_to(Location("bookmarks"))
    assert window.store_writes.finish(30)  # the visits are written off the GUI thread
    window.bookmarks_page.refresh_history()
    history = window.bookmarks_page.history_list
    return [history.item(row).text().rsplit("   (", 1)[0] for row in range(history.count())]


def test_recently_read_has_one_line_per_guide_and_section_most_recent_first(qtbot) -> None:
    window = make_window(qtbot)
    window.open_article("leucopenie", "quand-consulter-un-medecin")
    assert window.store_writes.finish(30)  # written before the jumps (a loaded machine coalesces waiting visits)
    window.article_page.jump_requested.emit("ref-2")  # a reference, the top, the FAQ heading: no section
    window.article_page.jump_requested.emit("top")
    window.article_page.jump_requested.emit("questions-frequentes")
    window.open_article("regression-tumorale-spontanee", "les-complications-possibles")
    for _ in range(4):
        window.go_back()
    for _ in range(4):
        window.go_forward()
    lines = history_lines(window)
    assert len(lines) == len(set(lines))
    assert lines[0] == "Régression Tumorale Spontanée — Les Complications Possibles"
    assert "Leucopénie — Quand Consulter un Médecin ?" in lines
    assert all(" — " in line for line in lines)  # never a guide without its section


def test_entries_without_a_heading_from_an_older_file_are_left_out(qtbot) -> None:
    window = make_window(qtbot)
    history = window.library.store.history
    for anchor in ("ref-2", "top", "questions-frequentes", ""):
        history.record("leucopenie", anchor, article_title="Leucopénie", heading="")
    history.record("leucopenie", "quand-consulter-un-medecin", article_title="Leucopénie", heading="Quand ?")
    assert len(history.recent()) == 5
    assert history_lines(window) == ["Leucopénie — Quand Consulter un Médecin ?"]
    assert isinstance(history.recent()[0], HistoryEntry)
