"""The kiosk's screen: it fits a portrait screen, every control is finger-sized, every text scales, the
emergency numbers are always there, it takes the screen back, and bad settings show an out-of-order page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from guide_reader.kiosk import KioskConfig, KioskConfigError, KioskFeatures, load_config
from guide_reader.library import Library
from guide_reader.ui.kiosk.out_of_order import OutOfOrderPage
from guide_reader.ui.kiosk.touch import TOUCH_TARGET, nearest_anchor
from guide_reader.ui.kiosk.window import KioskWindow

from .conftest import show_and_index


def make_kiosk(qtbot, size=(1280, 800), **settings) -> KioskWindow:
    features = KioskFeatures(**settings.pop("features", {"bookmarks": True}))
    config = KioskConfig(path=None, idle_seconds=60, features=features, **settings)
    window = show_and_index(qtbot, KioskWindow(Library(), config))
    window.resize(*size)
    QApplication.processEvents()
    return window


def place(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def visible_controls(window: QWidget) -> list[QWidget]:
    controls = [w for w in window.findChildren(QAbstractButton) + window.findChildren(QLineEdit) if w.isVisible()]
    return [w for w in controls if w.window() is window]


def test_portrait_800_px_wide_nothing_leaves_the_screen(qtbot) -> None:
    window = make_kiosk(qtbot, size=(800, 1280))
    window.search_for("fièvre")
    qtbot.waitUntil(lambda: window.toolbar.widgetForAction(window.back_action).width() >= 44)
    qtbot.wait(50)  # the toolbar's layout after the short labels
    assert window.keyboard.isVisible()
    assert window.minimumSizeHint().width() <= 800
    assert window.width() == 800
    screen = QRect(0, 0, 800, 1280)
    for control in visible_controls(window):
        assert screen.contains(place(control, window)), control.text()
    for action in (window.back_action, window.forward_action, window.home_action):
        button = window.toolbar.widgetForAction(action)
        assert button.width() >= button.minimumSizeHint().width()
        assert (button.accessibleName() or button.text()) in ("Retour", "Suivant", "Accueil")
    extension = window.toolbar.findChild(QAbstractButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()  # no toolbar button hidden behind a »
    window.exit_allowed = True


def test_every_visible_control_is_at_least_44_px(qtbot) -> None:
    window = make_kiosk(qtbot, features={"bookmarks": True})
    window.open_article("leucopenie")
    window.article_page.open_find()
    window.article_page.show_citation(1)
    window.show_keyboard(window.search_field)
    window.pin_pad.open_pad()
    QApplication.processEvents()
    small = [
        (control.text() if hasattr(control, "text") else control.objectName(), control.width(), control.height())
        for control in visible_controls(window)
        if control.width() < 44 or control.height() < 44
    ]
    assert small == []
    window.exit_allowed = True


def test_links_in_the_text_answer_to_a_44_px_touch(qtbot) -> None:
    window = make_kiosk(qtbot)
    window.open_article("leucopenie")
    view = window.article_page.view
    # A citation link [1]: find a point on it, then touch 15 px beside it.
    spot = next(
        QPoint(x, y)
        for y in range(0, view.viewport().height(), 4)
        for x in range(0, view.viewport().width(), 3)
        if view.anchorAt(QPoint(x, y)).startswith("cite:")
        or view.anchorAt(QPoint(x, y)).startswith("#ref")
        or view.anchorAt(QPoint(x, y)).startswith("ref")
    )
    anchor = view.anchorAt(spot)
    beside = spot + QPoint(0, TOUCH_TARGET // 2 - 4)
    while view.anchorAt(beside) == anchor and beside.y() < spot.y() + TOUCH_TARGET:
        beside += QPoint(0, 2)
    assert nearest_anchor(view, beside) != ""
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=beside)
    assert window.article_page.reference_panel.isVisible() or window.article_page.scroll_value() != 0
    window.exit_allowed = True


def test_every_kiosk_text_follows_the_text_size(qtbot) -> None:
    window = make_kiosk(qtbot, text_scale=1.5)
    window.open_article("leucopenie")
    window.article_page.show_citation(1)
    window.article_page.open_find()
    window.pin_pad.open_pad()
    window.countdown.start()
    window.go_to(window.history.current.__class__("bookmarks"))
    window.open_article("leucopenie")
    QApplication.processEvents()
    size = window.kiosk_text_size
    assert size == round(13 * 1.5)
    widgets = [
        window.article_page.reference_panel.label,
        window.article_page.find_bar.field,
        window.article_page.toc,
        window.pin_pad.message,
        window.countdown.count_label,
        window.bookmarks_page,
        window.status_label,
    ]
    for widget in widgets:
        assert widget.font().pointSize() >= size - 2, type(widget).__name__
    window.larger_text_button.click()
    assert window.pin_pad.message.font().pointSize() > size
    window.exit_allowed = True


def test_the_emergency_banner_is_on_every_screen_and_a_touch_enlarges_it(qtbot) -> None:
    window = make_kiosk(qtbot)
    banner = window.banner
    for go in (
        lambda: None,
        lambda: window.open_article("leucopenie"),
        lambda: window.search_for("fievre"),
        lambda: window.go_to(window.history.current.__class__("bookmarks")),
    ):
        go()
        QApplication.processEvents()
        assert banner.isVisible() and window.rect().contains(place(banner, window))
        assert banner.button.text() == "Urgence : 15 (SAMU) · 112"
    height = banner.height()
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert banner.is_enlarged() and banner.height() > height
    assert "15 (SAMU)" in banner.details.text() and "112" in banner.details.text()
    window.reset_session()
    assert not banner.is_enlarged()
    window.exit_allowed = True


def test_the_emergency_banner_is_configurable(qtbot, tmp_path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('emergency_label = "Emergency: 911"\nemergency_details = "<b>Call 911</b>"\n', encoding="utf-8")
    config = load_config(path)
    window = show_and_index(qtbot, KioskWindow(Library(), config))
    assert window.banner.button.text() == "Emergency: 911"
    assert window.banner.details.text() == "<b>Call 911</b>"
    assert window.banner.details.textFormat() == Qt.TextFormat.PlainText
    window.exit_allowed = True


def test_the_kiosk_takes_the_screen_back_when_minimised_or_hidden(qtbot) -> None:
    window = make_kiosk(qtbot)
    window.guard_screen()
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isFullScreen(), timeout=3000)
    window.hide()
    qtbot.waitUntil(lambda: window.isVisible() and window.isFullScreen(), timeout=3000)
    window.exit_allowed = True


def test_bad_settings_show_an_out_of_order_page_and_the_fix_behind_the_corner(qtbot, tmp_path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("text_scale = 1,3\n", encoding="utf-8")
    started = []
    try:
        load_config(path)
    except KioskConfigError as caught:
        error = caught
    page = OutOfOrderPage(error, lambda: load_config(path), started.append)
    qtbot.addWidget(page)
    page.resize(800, 1280)
    page.show()
    texts = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    assert any("hors service" in text for text in texts)
    assert not any(str(path) in text for text in texts)  # visitors see no file names
    assert page.banner.isVisible()
    for _ in range(5):
        qtbot.mouseClick(page, Qt.MouseButton.LeftButton, pos=QPoint(page.width() - 20, 20))
    assert page.staff_details.isVisible()
    assert f"{path}, ligne 1" in page.staff_details.text() and "écrire 1.3" in page.staff_details.text()
    path.write_text("text_scale = 1.3\n", encoding="utf-8")
    page.try_again()
    assert [config.text_scale for config in started] == [1.3]


def test_panels_fit_a_portrait_screen_at_the_largest_text_scale(qtbot) -> None:
    window = make_kiosk(qtbot, size=(800, 1280), text_scale=3.0)
    window.open_article("leucopenie")
    window.countdown.start()
    window.pin_pad.open_pad()
    QApplication.processEvents()
    screen = QRect(0, 0, 800, 1280)
    for panel in (window.countdown, window.pin_pad):
        assert screen.contains(place(panel, window)), type(panel).__name__
        for label in panel.findChildren(QLabel):
            assert place(panel, window).contains(place(label, window)), label.text()
    window.exit_allowed = True


@pytest.mark.parametrize(("width", "height", "scale"), [(1280, 800, 2.0), (1024, 600, 1.3)])
def test_the_keyboard_and_banner_stay_on_a_short_landscape_screen(qtbot, width, height, scale) -> None:
    window = make_kiosk(qtbot, size=(width, height), text_scale=scale)
    window.open_article("leucopenie")
    window.show_keyboard(window.search_field)
    QApplication.processEvents()
    assert window.minimumSizeHint().height() <= height
    assert window.size().toTuple() == (width, height)
    screen = QRect(0, 0, width, height)
    for name in ("hide", "space", "enter", "backspace"):
        assert screen.contains(place(window.keyboard.keys[name], window)), name
    assert screen.contains(place(window.banner, window))
    controls = visible_controls(window)
    overlapping = [
        (first.text(), second.text())
        for index, first in enumerate(controls)
        for second in controls[index + 1 :]
        if place(first, window).intersects(place(second, window))
    ]
    assert overlapping == []  # the pages give way, no button is crushed onto another
    qtbot.mouseClick(window.keyboard.keys["hide"], Qt.MouseButton.LeftButton)  # « Masquer »
    assert not window.keyboard.isVisible() and window.article_page.read_aloud.isVisible()
    window.exit_allowed = True


def test_at_double_text_size_no_toolbar_label_is_cut(qtbot) -> None:
    for size in ((1280, 800), (800, 1280)):
        window = make_kiosk(qtbot, size=size, text_scale=2.0)
        window.open_article("leucopenie")
        QApplication.processEvents()
        for action in window.toolbar.actions():
            button = window.toolbar.widgetForAction(action)
            if isinstance(button, QAbstractButton) and button.isVisible() and button.text():
                assert button.width() >= button.sizeHint().width(), (size, button.text())
        assert window.width() == size[0]
        window.exit_allowed = True


def test_the_home_page_fits_a_portrait_screen_at_any_text_scale(qtbot) -> None:
    for scale in (1.3, 2.0, 3.0):
        window = make_kiosk(qtbot, size=(800, 1280), text_scale=scale)
        cards = window.home_page.list
        QApplication.processEvents()
        assert cards.horizontalScrollBar().maximum() == 0, scale  # nothing to scroll sideways to
        for row in range(cards.model().rowCount()):
            card = cards.visualRect(cards.model().index(row, 0))
            assert cards.viewport().rect().right() >= card.right(), (scale, row)
        assert window.home_page.width() <= 800, scale
        window.exit_allowed = True


def test_text_fields_with_text_show_no_clipped_clear_button(qtbot) -> None:
    window = make_kiosk(qtbot)
    window.open_article("leucopenie")
    window.article_page.open_find()
    fields = [window.article_page.find_bar.field, window.search_field]
    for field in fields:
        field.setText("globules")
    QApplication.processEvents()
    for field in fields:
        for button in field.findChildren(QAbstractButton):
            if button.isVisible():  # a button half outside its field cannot be touched nor read
                assert field.rect().contains(button.geometry()), button.geometry()
                assert button.width() >= 44 and button.height() >= 44
    window.exit_allowed = True


def test_keyboard_shortcuts_never_make_the_text_smaller_than_text_scale(qtbot) -> None:
    window = make_kiosk(qtbot, text_scale=1.5)
    window.open_article("leucopenie")
    window.activateWindow()
    size = window.kiosk_text_size
    for keys in ("Ctrl+-", "Ctrl+-", "Ctrl+0"):
        qtbot.keyClick(window.article_page.view, QKeySequence(keys)[0].key(), QKeySequence(keys)[0].keyboardModifiers())
        assert window.text_size >= size, keys
    window.larger_text_button.click()
    qtbot.keyClick(window.article_page.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == size and not window.larger_text_button.isChecked()  # Ctrl+0: the kiosk's size
    window.exit_allowed = True


def test_portrait_at_200_percent_the_contents_button_and_the_source_line_are_whole(qtbot) -> None:
    window = make_kiosk(qtbot, size=(800, 1280), text_scale=2.0)
    window.open_article("leucopenie")
    page = window.article_page
    if page.splitter.sizes()[0] == 0:
        page.toc_button.click()
    QApplication.processEvents()
    button, label = page.toc_button, page.trust_label
    assert button.text() == "◧ Masquer le sommaire"
    # The whole label, never « Mas…maire »: its text and the button's padding fit in the button.
    assert button.fontMetrics().horizontalAdvance(button.text()) + 16 <= button.width()
    # The source and dates go below the button, across the column: a few lines, not a tall narrow strip.
    assert label.width() >= page.view.width() * 0.8
    assert label.height() <= 4 * label.fontMetrics().lineSpacing()
    column = QRect(page.view.mapTo(window, QPoint(0, 0)), page.view.size())
    assert place(button, window).right() <= column.right() + 8
    window.exit_allowed = True
