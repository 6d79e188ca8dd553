"""The window's side of search that never misleads: Enter on a symptom, Ctrl+F as search folds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from guide_reader.ui.main_window import MainWindow

from .test_ui_window import make_window, open_article


@pytest.fixture
def window(qtbot) -> MainWindow:
    return make_window(qtbot)


def test_enter_on_a_symptom_opens_the_alert_section(qtbot, window) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search_field, "fievre")
    window.completer.popup().hide()  # no completion: Enter opens the first result
    with qtbot.waitSignal(window.page_shown):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.article_page
    assert window.article_page.article.slug == "leucopenie"
    assert window.article_page.current_anchor() == "quand-consulter-un-medecin"


@pytest.mark.parametrize("typed", ["l'immunité", "l’immunité", "L'IMMUNITE"])
def test_find_in_page_finds_a_typographic_apostrophe_typed_straight(qtbot, window, typed: str) -> None:
    open_article(qtbot, window, "cancer-qui-regresse-tout-seul")
    page = window.article_page
    window.find_in_article()
    page.find_bar.field.insert(typed)  # as a keyboard types it (QTest types ASCII only)
    assert len(page.find_bar.matches) == 1
    assert page.find_bar.count_label.text() == "1 sur 1"
