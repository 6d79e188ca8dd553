"""Keyboard and focus, small screens and large text (WCAG 2.2 AA as it applies to a desktop window)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolButton, QWidget

from guide_reader.library import Library
from guide_reader.ui.app import first_size
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.navigation import Location
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE, Settings
from guide_reader.ui.text_size import UI_FONT_SIZE
from guide_reader.ui.theme import FOCUS_RING_WIDTH, THEMES, apply_theme, contrast_ratio, non_text_pairs

WCAG_NON_TEXT = 3.0


@pytest.fixture
def window(qtbot) -> MainWindow:
    apply_theme(QApplication.instance(), THEMES["light"], DEFAULT_TEXT_SIZE)
    window = MainWindow(Library(), Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def colours(image: QImage) -> set[str]:
    return {QColor(image.pixel(x, y)).name() for x in range(0, image.width()) for y in range(0, image.height(), 1)}


def count_colour(image: QImage, colour: str) -> int:
    wanted = QColor(colour).rgb()
    return sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixel(x, y) == wanted)


# Keyboard and focus ------------------------------------------------------------------


def test_every_toolbar_control_takes_the_focus_in_reading_order(qtbot, window) -> None:
    window.open_article("leucopenie")
    window.go_to(Location("home"))  # Back is enabled now
    expected = [
        window.toolbar.widgetForAction(window.back_action),
        window.toolbar.widgetForAction(window.home_action),
        window.toolbar.widgetForAction(window.bookmarks_action),
        window.search_field,
        window.toolbar.widgetForAction(window.smaller_action),
        window.toolbar.widgetForAction(window.larger_action),
        window.view_button,
    ]  # Forward and Bookmark are disabled here: Tab passes them by
    expected[0].setFocus(Qt.FocusReason.TabFocusReason)
    reached = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == expected
    window.open_article("leucopenie")
    mark = window.toolbar.widgetForAction(window.bookmark_action)
    assert mark.isEnabled() and mark.focusPolicy() == Qt.FocusPolicy.StrongFocus


@pytest.mark.parametrize("name", sorted(THEMES))
def test_focus_ring_is_two_pixels_at_three_to_one_in_every_theme(qtbot, window, name) -> None:
    failing = {
        label: round(contrast_ratio(mark, background), 2)
        for label, (mark, background) in non_text_pairs(THEMES[name]).items()
        if contrast_ratio(mark, background) < WCAG_NON_TEXT
    }
    assert failing == {}
    assert FOCUS_RING_WIDTH >= 2
    window.set_theme(name, remember=False)
    button = window.toolbar.widgetForAction(window.home_action)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    focused = button.grab().toImage()
    window.search_field.setFocus()
    QApplication.processEvents()
    unfocused = button.grab().toImage()
    perimeter = 2 * (focused.width() + focused.height())
    ring = THEMES[name].focus
    # The ring: at least two pixels deep all round (rounded corners aside), absent without the focus.
    assert count_colour(focused, ring) >= FOCUS_RING_WIDTH * perimeter * 0.8
    assert count_colour(unfocused, ring) < perimeter * 0.2


def test_a_reference_jump_leaves_the_focus_in_the_text(qtbot, window) -> None:
    window.open_article("regression-tumorale-spontanee")
    page = window.article_page
    page.show_citation(13)
    assert page.reference_panel.isVisible()
    page.reference_panel.go_button.setFocus()
    qtbot.keyClick(page.reference_panel.go_button, Qt.Key.Key_Space)
    assert "ref-13" in page.view.anchors_on_screen(["ref-13"])
    assert QApplication.focusWidget() is page.view
    qtbot.keyClick(page.view, Qt.Key.Key_Space)  # Space pages down; it types nothing anywhere
    assert window.pages.currentWidget() is page
    assert window.search_field.text() == ""


def test_ctrl_home_and_ctrl_end_go_to_the_ends_of_the_text(qtbot, window) -> None:
    window.open_article("leucopenie", "les-complications-possibles")
    view = window.article_page.view
    bar = view.verticalScrollBar()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0


def test_ctrl_d_with_the_first_section_on_screen_bookmarks_it(qtbot, window) -> None:
    window.open_article("leucopenie")
    notes = []
    window.ask_note = lambda _parent, heading, note="": notes.append(heading) or "à demander"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    first = window.article_page.article.sections[0]
    assert notes == [first.heading]
    qtbot.waitUntil(
        lambda: window.library.store.find("leucopenie", first.anchor) is not None
    )  # written off the GUI thread


def test_ctrl_d_with_no_section_on_screen_says_so_in_a_dialog(qtbot, window) -> None:
    window.resize(640, 480)
    window.set_text_size(DEFAULT_TEXT_SIZE * 2, remember=False)  # the introduction fills the screen
    window.open_article("leucopenie")
    window.ask_note = lambda *_args: pytest.fail("no section: no note to ask")
    page = window.article_page
    assert page.bookmarkable_anchor() is None
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    box = window.bookmark_refused_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "faites défiler" in box.text()
    box.close()
    window.set_text_size(DEFAULT_TEXT_SIZE, remember=False)


# Small screens -----------------------------------------------------------------------


def test_first_start_fits_the_available_screen() -> None:
    assert first_size(QSize(1366, 728)) == QSize(1200, 688)
    assert first_size(QSize(1920, 1040)) == QSize(1200, 820)
    assert first_size(QSize(1024, 560)) == QSize(1024, 520)


@pytest.mark.parametrize("page", ["home", "article", "search", "bookmarks"])
def test_every_page_works_at_640_by_480(qtbot, window, page) -> None:
    window.go_to(Location(page, "leucopenie") if page == "article" else Location(page))
    window.resize(640, 480)
    QApplication.processEvents()
    assert window.size() == QSize(640, 480)
    inside = window.rect()
    controls = [*window.toolbar.focus_order()]
    if page == "article":
        controls += [window.article_page.toc_button, window.article_page.view]
        page = window.article_page
        assert page.splitter.sizes()[0] == 0 and not page.toc.isEnabled()  # folded away, out of the Tab order
        page.toc_button.click()
        QApplication.processEvents()
        assert page.splitter.sizes()[0] > 0 and page.toc.isEnabled()
    if page == "bookmarks":
        controls += window.bookmarks_page.findChildren(QToolButton) + window.bookmarks_page.file_buttons[:3]
    for control in controls:
        if control.isHidden():
            continue
        assert control.isVisible(), control.accessibleName()
        top_left = control.mapTo(window, control.rect().topLeft())
        bottom_right = control.mapTo(window, control.rect().bottomRight())
        assert inside.contains(top_left) and inside.contains(bottom_right), control.accessibleName() or control.text()


@pytest.mark.parametrize("page", ["home", "article", "search", "bookmarks"])
def test_every_page_fits_640_by_480_with_200_percent_text(qtbot, page) -> None:
    window = MainWindow(Library(), Settings())
    qtbot.addWidget(window)
    window.set_text_size(DEFAULT_TEXT_SIZE * 2, remember=False)
    try:
        window.resize(640, 480)
        window.show()  # the first show, with the tool bar on three lines, keeps the size asked for
        qtbot.waitExposed(window)
        window.go_to(Location(page, "leucopenie") if page == "article" else Location(page))
        QApplication.processEvents()
        assert window.size() == QSize(640, 480)
        assert all(widget.isVisible() for widget in window.toolbar.focus_order())
    finally:
        window.set_text_size(DEFAULT_TEXT_SIZE, remember=False)


def test_the_toolbar_wraps_instead_of_hiding_controls(qtbot, window) -> None:
    window.resize(1280, 800)
    QApplication.processEvents()
    one_line = window.toolbar.height()
    window.resize(640, 480)
    QApplication.processEvents()
    assert window.toolbar.height() > one_line
    assert all(widget.isVisible() for widget in window.toolbar.focus_order())


# Large text ------------------------------------------------------------------------------


def test_every_text_follows_the_text_size_up_to_200_percent(qtbot, window) -> None:
    window.set_text_size(DEFAULT_TEXT_SIZE * 2, remember=False)
    try:
        window.open_article("leucopenie")
        expected = UI_FONT_SIZE * 2
        assert QApplication.font().pointSizeF() == pytest.approx(expected, abs=0.1)
        for widget in (
            window.toolbar.widgetForAction(window.home_action),
            window.search_field,
            window.article_page.toc,
            window.status_label,
            window.bookmarks_page.tree,
        ):
            assert widget.font().pointSizeF() == pytest.approx(expected, abs=0.1), widget
        assert window.article_page.view.document().defaultFont().pointSize() == DEFAULT_TEXT_SIZE * 2
        box = QMessageBox(QMessageBox.Icon.Information, "t", "un dialogue", QMessageBox.StandardButton.Ok, window)
        assert box.findChild(QLabel).font().pointSizeF() == pytest.approx(expected, abs=0.1)
    finally:
        window.set_text_size(DEFAULT_TEXT_SIZE, remember=False)


# Contents panel, disabled controls, scroll bars, line length ---------------------------


def test_the_last_sections_become_current_when_chosen(qtbot, window) -> None:
    window.open_article("leucopenie")
    page = window.article_page
    for anchor in ("avertissement", "ressources-web", "references"):
        window._jump_in_article(anchor)
        assert page.current_anchor() == anchor
        assert page.toc.currentItem().data(0, Qt.ItemDataRole.UserRole) == anchor
    bar = page.view.verticalScrollBar()
    bar.setValue(0)
    bar.setValue(bar.maximum())  # reached by scrolling: the last entry on screen
    assert page.current_anchor() == "avertissement"


def test_contents_headings_wrap_and_the_panel_is_resizable(qtbot, window) -> None:
    window.open_article("leucopenie")
    page = window.article_page
    assert page.splitter.handleWidth() >= 6
    page.splitter.setSizes([180, 1100])
    QApplication.processEvents()
    item = page.toc.topLevelItem(1)  # « Leucopénie : Définition et Vue d'Ensemble »
    index = page.toc.indexFromItem(item)
    one_line = page.toc.fontMetrics().height()
    assert page.toc.visualRect(index).height() > 1.8 * one_line  # two lines at least, nothing cut off
    assert page.toc.textElideMode() == Qt.TextElideMode.ElideNone


@pytest.mark.parametrize("name", sorted(THEMES))
def test_disabled_buttons_look_disabled(qtbot, window, name) -> None:
    window.set_theme(name, remember=False)
    window.go_to(Location("home"))
    forward = window.toolbar.widgetForAction(window.forward_action)
    home = window.toolbar.widgetForAction(window.home_action)
    assert not forward.isEnabled() and home.isEnabled()
    theme = THEMES[name]
    assert theme.text in colours(home.grab().toImage())
    disabled = colours(forward.grab().toImage())
    assert theme.text not in disabled and theme.disabled in disabled


def test_high_contrast_scroll_bar_handle_is_visible(qtbot, window) -> None:
    window.set_theme("high-contrast", remember=False)
    window.open_article("leucopenie")
    bar = window.article_page.view.verticalScrollBar()
    image = bar.grab().toImage()
    assert count_colour(image, THEMES["high-contrast"].scrollbar) > 100
    window.set_theme("light", remember=False)


def test_text_column_is_capped_near_75_characters(qtbot, window) -> None:
    window.resize(1920, 1080)
    window.open_article("leucopenie")
    QApplication.processEvents()
    assert 60 <= window.article_page.view.line_length() <= 80
    window.resize(640, 480)
    QApplication.processEvents()
    assert window.article_page.view.viewportMargins().left() == 0  # a narrow window uses all its width


def test_toolbar_widgets_are_all_focusable(window) -> None:
    for widget in window.toolbar.focus_order():
        assert isinstance(widget, QWidget)
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget.accessibleName()


def test_tab_on_the_home_page_goes_filter_list_then_toolbar_with_no_invisible_stop(qtbot, window) -> None:
    window.go_to(Location("home"))
    home = window.home_page
    home.filter_field.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    visited: list[QWidget] = []
    for _ in range(12):
        widget = QApplication.focusWidget()
        assert widget is not None and widget.isVisible() and widget.accessibleName(), widget
        visited.append(widget)
        window.focusNextChild()
        QApplication.processEvents()
    toolbar = [widget for widget in window.toolbar.focus_order() if widget.isEnabled() and widget.isVisible()]
    cycle = [home.filter_field, home.list, *toolbar]
    assert visited[: len(cycle)] == cycle
    assert visited[len(cycle)] is home.filter_field  # round again, nothing else in between


@pytest.mark.parametrize("name", sorted(THEMES))
def test_the_current_card_has_a_visible_focus_ring(qtbot, window, name) -> None:
    window.set_theme(name, remember=False)
    window.go_to(Location("home"))
    cards = window.home_page.list
    window.home_page.focus_first_card()
    QApplication.processEvents()
    rect = cards.visualRect(cards.currentIndex())
    focused = cards.viewport().grab(rect).toImage()
    window.home_page.filter_field.setFocus()
    QApplication.processEvents()
    unfocused = cards.viewport().grab(rect).toImage()
    ring = THEMES[name].focus
    assert contrast_ratio(ring, THEMES[name].surface) >= WCAG_NON_TEXT
    assert contrast_ratio(ring, THEMES[name].background) >= WCAG_NON_TEXT
    perimeter = 2 * (rect.width() + rect.height())
    assert count_colour(focused, ring) >= FOCUS_RING_WIDTH * perimeter * 0.6
    assert count_colour(unfocused, ring) < count_colour(focused, ring) / 2
