"""Bookmarks with notes, reading history and the sheet for the doctor, in the window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from guide_reader.library import Library
from guide_reader.store import default_database_path
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE, Settings
from guide_reader.ui.theme import THEMES, apply_theme

NOTE = "demander au Dr si la fièvre de mardi compte"
SECTION = "quand-consulter-un-medecin"


def make_window(qtbot, note: str | None = NOTE) -> MainWindow:
    apply_theme(QApplication.instance(), THEMES["light"], DEFAULT_TEXT_SIZE)
    window = MainWindow(Library(), Settings())
    window.asked: list[tuple[str, str]] = []

    def ask_note(_parent, heading: str, current: str) -> str | None:
        window.asked.append((heading, current))
        return note

    window.ask_note = ask_note
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot) -> MainWindow:
    return make_window(qtbot)


def test_bookmark_button_beside_a_heading_asks_for_a_note(qtbot, window) -> None:
    window.open_article("leucopenie", SECTION)
    assert 'href="#marquer-quand-consulter-un-medecin"' in window.article_page.renderer.render(bookmarked=set())
    window.article_page.view.anchorClicked.emit(QUrl(f"#marquer-{SECTION}"))
    assert window.asked == [("Quand Consulter un Médecin ?", "")]
    window.store_writes.finish()
    (bookmark,) = window.library.store.bookmarks()
    assert (bookmark.slug, bookmark.anchor, bookmark.note) == ("leucopenie", SECTION, NOTE)
    assert SECTION in window.article_page.bookmarked
    assert "★" in window.article_page.view.toPlainText()


def test_ctrl_d_bookmarks_the_section_being_read(qtbot, window) -> None:
    window.open_article("leucopenie", "faq-la-leucopenie-est-elle-contagieuse")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    window.store_writes.finish()
    (bookmark,) = window.library.store.bookmarks()
    assert (bookmark.anchor, bookmark.kind) == ("faq-la-leucopenie-est-elle-contagieuse", "faq")


def test_cancelling_the_note_adds_nothing(qtbot) -> None:
    window = make_window(qtbot, note=None)
    window.open_article("leucopenie", SECTION)
    window.bookmark_section(SECTION)
    window.store_writes.finish()
    assert window.library.store.bookmarks() == []


def test_bookmarks_page_groups_opens_edits_removes_and_undoes(qtbot, window) -> None:
    store = window.library.store
    store.add_for(window.library.article("leucopenie"), SECTION, "note A")
    store.add_for(window.library.article("regression-tumorale-spontanee"), "les-complications-possibles", "")
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    page = window.bookmarks_page
    assert window.pages.currentWidget() is page
    tree = page.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == [
        "Leucopénie",
        "Régression Tumorale Spontanée",
    ]
    first = tree.topLevelItem(0).child(0)
    assert (first.text(0), first.text(1)) == ("Quand Consulter un Médecin ?", "note A")
    tree.setCurrentItem(first)
    page.edit_button.click()
    window.store_writes.finish()
    assert store.find("leucopenie", SECTION).note == NOTE
    page.open_button.click()
    assert window.pages.currentWidget() is window.article_page
    assert window.article_page.current_anchor() == SECTION
    window.go_back()
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    page.remove_button.click()
    assert window.store_writes.finish()
    assert store.find("leucopenie", SECTION) is None
    assert page.undo_bar.isVisible()
    page.undo_remove()
    assert window.store_writes.finish()
    assert store.find("leucopenie", SECTION).note == NOTE


def test_bookmark_of_a_vanished_section_is_kept_and_says_so(qtbot, window) -> None:
    window.library.store.add(
        "leucopenie", "ancienne-section", kind="section", article_title="Leucopénie", heading="Ancien titre", note="x"
    )
    window.go_to(window.history.current.__class__("bookmarks"))
    item = window.bookmarks_page.tree.topLevelItem(0).child(0)
    assert item.text(0) == "Ancien titre — section plus disponible"
    assert item.text(1) == "x"
    window.bookmarks_page.tree.setCurrentItem(item)
    window.bookmarks_page.open_button.click()
    assert window.article_page.article.slug == "leucopenie"
    assert window.article_page.scroll_value() == 0


def test_reading_history_lists_and_clears(qtbot, window) -> None:
    window.open_article("leucopenie", SECTION)
    window.open_article("cancer-qui-regresse-tout-seul")
    window.store_writes.finish()
    window.go_to(window.history.current.__class__("bookmarks"))
    history = window.bookmarks_page.history_list
    # The section read in the guide just left is written off the GUI thread, then listed.
    qtbot.waitUntil(lambda: history.item(0).text().startswith("Cancer qui régresse tout seul"))
    texts = [history.item(i).text() for i in range(history.count())]
    assert texts[0].startswith("Cancer qui régresse tout seul")
    assert texts[1].startswith("Leucopénie — Quand Consulter un Médecin ?")
    history.setCurrentRow(1)
    window.bookmarks_page._open_current_history()
    assert window.article_page.current_anchor() == SECTION
    window.go_back()
    window.bookmarks_page.clear_history()
    assert window.store_writes.finish()
    assert window.library.store.history.recent() == []


def test_bookmarks_survive_a_restart(qtbot, window) -> None:
    window.open_article("leucopenie", SECTION)
    window.bookmark_section(SECTION)
    window.close()
    window.library.close()
    again = make_window(qtbot)
    assert [b.note for b in again.library.store.bookmarks()] == [NOTE]


def test_export_and_import_merge_without_duplicates(qtbot, window, tmp_path) -> None:
    window.library.store.add_for(window.library.article("leucopenie"), SECTION, NOTE)
    exported = tmp_path / "signets.json"
    window.export_bookmarks(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["bookmarks"][0]["note"] == NOTE
    window.library.store.clear()
    window.import_bookmarks(exported)
    window.import_bookmarks(exported)
    window.store_writes.finish()
    assert len(window.library.store.bookmarks()) == 1
    assert "0 ajouté(s)" in window.status_label.text()


def test_import_of_a_bad_file_says_why_and_changes_nothing(qtbot, window, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{pas du json", encoding="utf-8")
    window.import_bookmarks(bad)
    window.store_writes.finish()
    assert window.message_box.isVisible()
    assert window.message_box.text().startswith("bad.json : fichier de signets illisible : ligne 1, colonne 2")
    assert window.library.store.bookmarks() == []


def test_sheet_for_the_doctor_as_pdf(qtbot, window, tmp_path) -> None:
    window.library.store.add_for(window.library.article("leucopenie"), SECTION, NOTE)
    html = window._sheet_html(with_texts=True)
    assert "Mes questions pour le médecin" in html
    assert "Préparé le" in html
    assert NOTE in html
    assert "Consultez en urgence si vous présentez une fièvre" in html
    pdf = tmp_path / "sheet.pdf"
    window.save_sheet_pdf(pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000


def test_no_file_actions_when_files_are_not_allowed(qtbot, tmp_path) -> None:
    window = MainWindow(Library(), Settings(), files_allowed=False, print_allowed=False)
    qtbot.addWidget(window)
    window.export_bookmarks(tmp_path / "x.json")
    window.save_sheet_pdf(tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []
    assert not any(button.isVisibleTo(window.bookmarks_page) for button in window.bookmarks_page.file_buttons)


def test_damaged_bookmark_file_is_set_aside_and_the_reader_told(qtbot) -> None:
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    window = make_window(qtbot)
    assert window.library.store.bookmarks() == []
    window.show_store_notice()
    assert window.store_notice_box.isVisible()
    assert window.store_notice_box.text()
    assert list(path.parent.glob(path.name + ".damaged-*"))
    window.store_notice_box.close()
