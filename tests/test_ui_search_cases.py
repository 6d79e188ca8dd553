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


@pytest.mark.parametrize("typed", ["quand", "peut-on", "la leuco"])
def test_each_completion_shows_its_guide_whole_in_the_popup(qtbot, window, typed: str) -> None:
    """The guide's name is what tells identical headings apart: the popup is wide enough for it."""
    screen = window.screen().availableGeometry()
    window.setGeometry(screen.left(), screen.top() + 40, screen.width(), 600)
    qtbot.keyClicks(window.search_field, typed)
    popup = window.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    labels = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert len(labels) >= 2 and all(" — " in label for label in labels)
    widest = max(popup.fontMetrics().horizontalAdvance(label) for label in labels)
    assert popup.viewport().width() >= widest or popup.geometry().right() == screen.right()
    assert popup.width() > window.search_field.width()
    assert popup.geometry().right() <= screen.right()


def test_a_completion_too_long_for_the_screen_keeps_its_guide_name(qtbot, window) -> None:
    screen = window.screen().availableGeometry()
    window.setGeometry(screen.right() - 700, screen.top() + 40, 700, 500)
    qtbot.keyClicks(window.search_field, "peut")
    popup = window.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.geometry().right() <= screen.right()
    assert popup.textElideMode() == Qt.TextElideMode.ElideMiddle  # the guide's name, at the end, stays


def test_an_acronym_found_nowhere_gets_the_usual_advice_not_too_common(window) -> None:
    window.search_for("TA")
    assert window.search_page.plain_text() == (
        "Aucun résultat pour « TA »\n"
        "Essayez un mot plus simple ou plus courant, vérifiez l'orthographe, "
        "ou retournez à l'accueil pour parcourir les guides."
    )
