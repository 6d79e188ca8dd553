"""Search results as a list of items, announced; links in the text with a visible focus ring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from guide_reader.library import Library
from guide_reader.ui import announce as announce_module
from guide_reader.ui import search_page as search_page_module
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE, Settings
from guide_reader.ui.theme import THEMES, apply_theme

from .conftest import show_and_index


@pytest.fixture
def window(qtbot) -> MainWindow:
    apply_theme(QApplication.instance(), THEMES["light"], DEFAULT_TEXT_SIZE)
    return show_and_index(qtbot, MainWindow(Library(), Settings()))


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(search_page_module, "announce", lambda _source, message, assertive=False: said.append(message))
    monkeypatch.setattr(announce_module, "announce", lambda _source, message, assertive=False: said.append(message))
    return said


def test_results_are_items_that_the_arrow_keys_and_enter_choose(qtbot, window) -> None:
    window.search_for("fievre")
    page = window.search_page
    assert page.model.rowCount() == len(page.hits) >= 3
    first = page.model.index(0)
    spoken = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert page.hits[0].section_heading in spoken and page.hits[0].article_title in spoken
    assert "<" not in spoken  # words, not markup
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.view
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    assert page.view.currentIndex().row() == 1
    second = page.hits[1]
    with qtbot.waitSignal(window.page_shown):
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert window.article_page.article.slug == second.article_slug
    assert window.article_page.current_anchor() == (second.section_anchor or "top")


def test_result_counts_and_states_are_announced(qtbot, window, announced) -> None:
    window.search_for("fievre")
    assert any("résultat" in message for message in announced), announced
    announced.clear()
    window.search_for("zzzzqqqq")
    assert announced and announced[-1].startswith("Aucun résultat pour « zzzzqqqq »")
    announced.clear()
    window.status_label.setText("Signet enregistré : Fièvre")
    assert announced == ["Signet enregistré : Fièvre"]
    window.status_label.setText("Signet enregistré : Fièvre")
    assert announced == ["Signet enregistré : Fièvre"]  # said once, not at every repeat


def test_a_snippet_never_loads_a_resource(qtbot) -> None:
    document = search_page_module.SafeDocument()
    document.setHtml('<img src="file:///etc/hostname"> texte')
    assert document.loadResource(2, QUrl("file:///etc/hostname")) is None


def test_the_link_chosen_with_tab_gets_a_focus_ring(qtbot, window) -> None:
    window.open_article("regression-tumorale-spontanee")
    view = window.article_page.view
    view.setFocus()
    assert view.focused_link_rect() is None
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view
    rect = view.focused_link_rect()
    assert rect is not None and view.textCursor().selectedText() == "13"
    image = view.viewport().grab().toImage()
    ring = QColor(THEMES["light"].focus).rgb()
    around = rect.adjusted(-4, -2, 4, 2)
    pixels = sum(
        1
        for x in range(around.left(), around.right() + 1)
        for y in range(around.top(), around.bottom() + 1)
        if image.pixel(x, y) == ring
    )
    assert pixels >= 2 * (rect.width() + rect.height())  # two pixels deep all round
