"""The waiting-room kiosk: no trace of the previous visitor, no way out without the staff PIN."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QMouseEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from guide_reader.kiosk import KioskConfig, KioskConfigError, KioskFeatures, hash_pin, load_config
from guide_reader.library import Library
from guide_reader.store import BookmarkStore
from guide_reader.ui.kiosk import overlays
from guide_reader.ui.kiosk.out_of_order import OutOfOrderPage
from guide_reader.ui.kiosk.window import KioskWindow
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE

from .conftest import show_and_index

STAFF_PIN = "2468"


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(STAFF_PIN, iterations=1_000)


def make_kiosk(qtbot, tmp_path, pin_hash: str, **features: bool) -> KioskWindow:
    config = KioskConfig(
        path=None,
        idle_seconds=60,
        countdown_seconds=5,
        staff_pin_hash=pin_hash,
        features=KioskFeatures(**features),
    )
    library = Library(store_path=tmp_path / "kiosk.sqlite3")
    return show_and_index(qtbot, KioskWindow(library, config))


@pytest.fixture
def kiosk(qtbot, tmp_path, pin_hash) -> KioskWindow:
    window = make_kiosk(qtbot, tmp_path, pin_hash, bookmarks=True)
    yield window
    window.exit_allowed = True  # let the test harness close it


def tap_corner(qtbot, kiosk: KioskWindow) -> None:
    """A tap in the staff corner, through the window as a touch screen's: to the widget under the finger,
    then to its parents while they ignore it."""
    qtbot.mouseClick(kiosk.windowHandle(), Qt.MouseButton.LeftButton, pos=kiosk.staff_corner.center())


def expire_idle_time(window: KioskWindow) -> None:
    """What the timers do after the idle delay and the countdown, without waiting for them."""
    window.idle_timer.timeout.emit()
    assert window.countdown.isVisible()
    for _ in range(window.countdown.seconds):
        window.countdown.timer.timeout.emit()


def test_idle_reset_leaves_no_trace_of_the_previous_visitor(qtbot, kiosk) -> None:
    kiosk.search_for("immunotherapie")
    kiosk.open_hit(kiosk.search_page.hits[0])
    kiosk.article_page.view.verticalScrollBar().setValue(400)
    kiosk.larger_text_button.setChecked(True)
    kiosk.article_page.open_find()
    qtbot.keyClicks(kiosk.article_page.find_bar.field, "globules")
    kiosk.ask_note = lambda *_args: "ma note privée"
    kiosk.bookmark_section(kiosk.article_page.article.sections[0].anchor)
    kiosk.store_writes.finish()
    assert kiosk.library.store.bookmarks()
    assert kiosk.text_size > kiosk.kiosk_text_size

    expire_idle_time(kiosk)

    assert kiosk.pages.currentWidget() is kiosk.home_page
    assert kiosk.search_field.text() == ""
    assert kiosk.search_page.hits == [] and kiosk.search_page.results is None
    assert "immunothérapie" not in kiosk.search_page.plain_text().lower()
    assert kiosk.article_page.article is None
    assert kiosk.article_page.view.toPlainText().strip() == ""
    assert kiosk.article_page.find_bar.field.text() == ""
    assert not kiosk.history.can_go_back() and not kiosk.history.can_go_forward()
    assert kiosk.text_size == kiosk.kiosk_text_size
    assert not kiosk.larger_text_button.isChecked()
    assert kiosk.library.store.bookmarks() == []
    assert kiosk.library.store.history.recent() == []
    assert kiosk.completion_model.stringList() == []
    assert kiosk.home_page.verticalScrollBar().value() == 0
    assert not kiosk.countdown.isVisible()


def test_a_touch_during_the_countdown_keeps_the_visit(qtbot, kiosk) -> None:
    kiosk.open_article("leucopenie")
    kiosk.idle_timer.timeout.emit()
    assert kiosk.countdown.isVisible()
    qtbot.mouseClick(kiosk.article_page.view.viewport(), Qt.MouseButton.LeftButton)
    assert not kiosk.countdown.isVisible()
    assert kiosk.article_page.article.slug == "leucopenie"
    assert kiosk.idle_timer.isActive()


def test_a_close_request_is_refused(qtbot, kiosk) -> None:
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    assert not kiosk.close()
    assert kiosk.isVisible()


def test_staff_pin_opens_the_exit_and_a_wrong_one_does_not(qtbot, kiosk, monkeypatch) -> None:
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda *args: quits.append(True))
    for _ in range(5):
        tap_corner(qtbot, kiosk)
    pad = kiosk.pin_pad
    assert pad.isVisible()
    for digit in "1111":
        pad.buttons[digit].click()
    threads = []
    real_verify = overlays.verify_pin
    monkeypatch.setattr(
        overlays, "verify_pin", lambda *a: threads.append(threading.current_thread()) or real_verify(*a)
    )
    pad.buttons["ok"].click()
    assert pad.message.text() == "Vérification…" and not pad.buttons["1"].isEnabled()  # on a pool thread
    qtbot.waitUntil(lambda: "Code incorrect" in pad.message.text())
    assert kiosk.isVisible() and not kiosk.exit_allowed
    assert not pad.buttons["1"].isEnabled()  # slowed down after a wrong attempt
    pad.throttle.success()  # the delay has passed (no sleeping in tests)
    pad.wait_timer.timeout.emit()
    assert pad.buttons["1"].isEnabled()
    for digit in STAFF_PIN:
        pad.buttons[digit].click()
    pad.buttons["ok"].click()
    qtbot.waitUntil(lambda: kiosk.exit_allowed)
    assert threads and threading.main_thread() not in threads
    assert not kiosk.isVisible()
    assert quits


def test_the_pin_pad_counts_the_wait_down_and_shows_disabled_keys_as_such(qtbot, kiosk) -> None:
    clock = [100.0]
    pad = kiosk.pin_pad
    pad.throttle = type(pad.throttle)(lambda: clock[0])
    pad.open_pad()
    for _ in range(3):
        pad.throttle.failure()  # the third wrong PIN: 4 s to wait
    pad._tick_wait()
    assert "dans 4 s" in pad.message.text()
    clock[0] += 1.2
    pad.wait_timer.timeout.emit()
    assert "dans 3 s" in pad.message.text()
    disabled = pad.buttons["1"].grab().toImage()
    clock[0] += 3
    pad.wait_timer.timeout.emit()
    assert pad.buttons["1"].isEnabled() and not pad.wait_timer.isActive()
    assert pad.buttons["1"].grab().toImage() != disabled  # a disabled key does not look like an enabled one


def test_the_pin_pad_gives_visitors_no_hint_when_no_pin_is_set(qtbot, tmp_path) -> None:
    kiosk = make_kiosk(qtbot, tmp_path, None)
    kiosk.pin_pad.open_pad()
    assert "kiosk-pin" not in kiosk.pin_pad.message.text()
    assert "guide-reader" not in kiosk.pin_pad.message.text()
    kiosk.exit_allowed = True


def test_taps_elsewhere_or_too_slow_do_not_open_the_pin_pad(qtbot, kiosk) -> None:
    for _ in range(kiosk.config.exit_taps):
        qtbot.mouseClick(kiosk, Qt.MouseButton.LeftButton, pos=kiosk.rect().center())
    assert not kiosk.pin_pad.isVisible()
    for moment in (0.0, 10.0, 20.0, 30.0, 40.0):
        assert not kiosk.staff_corner.tap(moment)
    assert not kiosk.pin_pad.isVisible()


def test_no_button_lies_in_the_staff_corner(qtbot, kiosk) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractButton

    corner = kiosk.staff_corner.rect()
    for button in kiosk.findChildren(QAbstractButton):
        if button.isVisible() and button.window() is kiosk:
            place = QRect(button.mapTo(kiosk, button.rect().topLeft()), button.size())
            assert not place.intersects(corner), button.text()


def test_typing_fievre_on_the_screen_keyboard_opens_the_right_article(qtbot, kiosk) -> None:
    qtbot.mouseClick(kiosk.search_field, Qt.MouseButton.LeftButton)
    keyboard = kiosk.keyboard
    assert keyboard.isVisible()
    for key in ("f", "i", "è", "v", "r", "e"):
        qtbot.mouseClick(keyboard.keys[key], Qt.MouseButton.LeftButton)
    assert kiosk.search_field.text() == "fièvre"
    qtbot.waitUntil(lambda: bool(kiosk.search_page.hits))
    qtbot.mouseClick(keyboard.keys["enter"], Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is kiosk.article_page
    assert kiosk.article_page.article.slug == "leucopenie"
    assert kiosk.article_page.view.highlight_count("search") > 0
    assert not keyboard.isVisible()


def test_no_menu_or_shortcut_reaches_a_file_dialog(qtbot, tmp_path, pin_hash, monkeypatch) -> None:
    opened = []
    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory", "getOpenFileNames"):
        monkeypatch.setattr(QFileDialog, name, lambda *args, name=name, **kwargs: opened.append(name) or ("", ""))
    monkeypatch.setattr(QFileDialog, "exec", lambda *args: opened.append("exec") or 0)
    monkeypatch.setattr(QPrintDialog, "exec", lambda *args: opened.append("print") or 0)
    kiosk = make_kiosk(qtbot, tmp_path, pin_hash)  # bookmarks, print and files off: the defaults
    kiosk.open_article("leucopenie")
    for key in "PSOBDEQWN":
        for modifiers in (
            Qt.KeyboardModifier.ControlModifier,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ):
            qtbot.keyClick(kiosk, getattr(Qt.Key, f"Key_{key}"), modifiers)
    qtbot.keyClick(kiosk, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    kiosk.export_bookmarks()
    kiosk.import_bookmarks()
    kiosk.save_sheet_pdf()
    kiosk.print_sheet()
    kiosk.bookmarks_page.pdf_requested.emit()
    assert opened == []
    assert kiosk.isVisible()
    assert kiosk.library.store.bookmarks() == []
    visible_menus = [menu for menu in kiosk.findChildren(QMenu) if menu.isVisible()]
    assert visible_menus == []
    assert not kiosk.view_button_action.isVisible()
    assert not kiosk.bookmarks_action.isEnabled()
    kiosk.exit_allowed = True


def test_context_menus_are_blocked(qtbot, kiosk) -> None:
    kiosk.open_article("leucopenie")
    viewport = kiosk.article_page.view.viewport()
    center = viewport.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, center, viewport.mapToGlobal(center))
    QApplication.sendEvent(viewport, event)
    assert [menu for menu in QApplication.topLevelWidgets() if isinstance(menu, QMenu) and menu.isVisible()] == []


def test_external_links_are_never_followed(qtbot, kiosk) -> None:
    kiosk.open_article("leucopenie")
    scroll = kiosk.article_page.scroll_value()
    kiosk.article_page.view.anchorClicked.emit(QUrl("https://example.org/"))
    assert kiosk.article_page.scroll_value() == scroll
    assert kiosk.pages.currentWidget() is kiosk.article_page


def test_touch_first_sizes_and_text(qtbot, kiosk) -> None:
    assert kiosk.kiosk_text_size > DEFAULT_TEXT_SIZE
    for button in (kiosk.larger_text_button, *kiosk.keyboard.keys.values(), *kiosk.pin_pad.buttons.values()):
        hint = button.minimumSizeHint().expandedTo(button.minimumSize())
        assert hint.height() >= 44, button.text()
    kiosk.open_article("leucopenie")
    kiosk.larger_text_button.click()
    assert kiosk.text_size > kiosk.kiosk_text_size
    assert kiosk.article_page.view.document().defaultFont().pointSize() == kiosk.text_size


def test_a_drag_scrolls_the_article_like_a_finger(qtbot, kiosk) -> None:
    from PySide6.QtWidgets import QScroller

    kiosk.open_article("leucopenie")
    viewport = kiosk.article_page.view.viewport()
    assert QScroller.hasScroller(viewport)


def test_kiosk_settings_are_never_written(qtbot, kiosk, user_dirs) -> None:
    kiosk.set_text_size(30)
    assert not (user_dirs["config"] / "guide-reader" / "settings.ini").exists()


def test_kiosk_sessions_start_empty(tmp_path) -> None:
    store = BookmarkStore(tmp_path / "kiosk.sqlite3")
    store.add("leucopenie", "x", kind="section", article_title="L", heading="H")
    store.reset()
    assert store.bookmarks() == []
    store.close()


def test_feature_switches(qtbot, tmp_path, pin_hash) -> None:
    kiosk = make_kiosk(qtbot, tmp_path, pin_hash, search=False)
    assert not kiosk.search_field_action.isVisible()
    assert not kiosk.bookmark_action.isVisible()
    kiosk.open_article("leucopenie")
    assert "☆" not in kiosk.article_page.view.toPlainText()
    kiosk.exit_allowed = True


def test_each_tap_in_the_corner_counts_once(qtbot, kiosk) -> None:
    """A press the corner's spacer ignores goes on to the toolbar, then to the window: it was counted at
    each of them, so two taps opened the PIN pad instead of five."""
    for _ in range(kiosk.config.exit_taps - 1):
        tap_corner(qtbot, kiosk)
    assert not kiosk.pin_pad.isVisible()
    tap_corner(qtbot, kiosk)
    assert kiosk.pin_pad.isVisible()


def test_press_events_inside_the_corner_are_counted(qtbot, kiosk) -> None:
    quick_taps(kiosk, kiosk.staff_corner.center(), kiosk.config.exit_taps, double_clicks=False)
    assert kiosk.pin_pad.isVisible()


def quick_taps(window, point, count: int, double_clicks: bool = True) -> None:
    """Taps as a window system delivers quick ones, to the widget under ``point`` (in ``window``):
    every second press comes as a double click."""
    widget = window.childAt(point) or window
    for tap in range(count):
        double = double_clicks and tap % 2
        kind = QMouseEvent.Type.MouseButtonDblClick if double else QMouseEvent.Type.MouseButtonPress
        event = QMouseEvent(
            kind,
            QPointF(widget.mapFrom(window, point)),
            QPointF(window.mapToGlobal(point)),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)


def test_quick_taps_in_the_corner_open_the_pin_pad(qtbot, kiosk) -> None:
    kiosk.pin_pad.close_pad()
    quick_taps(kiosk, kiosk.staff_corner.center(), kiosk.config.exit_taps - 1)
    assert not kiosk.pin_pad.isVisible()
    quick_taps(kiosk, kiosk.staff_corner.center(), 1)
    assert kiosk.pin_pad.isVisible()
    kiosk.pin_pad.close_pad()


def test_quick_taps_show_the_out_of_order_page_details(qtbot, tmp_path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("exit_taps = 0\n", encoding="utf-8")
    with pytest.raises(KioskConfigError) as caught:
        load_config(path)
    page = OutOfOrderPage(caught.value, lambda: load_config(path), lambda _config: None)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    quick_taps(page, QPoint(page.width() - 20, 20), 4)
    assert not page.staff_details.isVisible()
    quick_taps(page, QPoint(page.width() - 20, 20), 1)
    assert page.staff_details.isVisible()


def test_the_next_visitor_cannot_undo_back_to_the_previous_one(qtbot, kiosk) -> None:
    kiosk.search_for("leucopenie")
    kiosk.open_article("leucopenie")
    kiosk.article_page.open_find()
    qtbot.keyClicks(kiosk.article_page.find_bar.field, "neutrophiles")
    kiosk.ask_note = lambda *_args: "Mon fils a 39 de fièvre"
    kiosk.bookmark_section("quand-consulter-un-medecin")
    kiosk.store_writes.finish()
    kiosk.go_to(kiosk.history.current.__class__("bookmarks"))
    page = kiosk.bookmarks_page
    page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
    page.remove_current()
    assert page.undo_bar.isVisible()

    expire_idle_time(kiosk)

    kiosk.search_field.undo()
    kiosk.article_page.find_bar.field.undo()
    assert kiosk.search_field.text() == ""
    assert kiosk.article_page.find_bar.field.text() == ""
    page = kiosk.bookmarks_page  # the next visitor's page: a new one
    assert not page.undo_bar.isVisibleTo(kiosk)
    page.undo_remove()
    assert kiosk.library.store.bookmarks() == []


def test_printing_without_file_access_cannot_print_to_a_file(qtbot, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QAbstractPrintDialog

    from guide_reader.ui import printing

    seen = []

    def fake_exec(dialog) -> int:
        seen.append(dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile))
        return 0

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    printing.print_with_dialog("<p>x</p>", None, files_allowed=False)
    printing.print_with_dialog("<p>x</p>", None, files_allowed=True)
    assert seen == [False, True]


def test_ctrl_k_does_nothing_when_search_is_off(qtbot, tmp_path, pin_hash) -> None:
    kiosk = make_kiosk(qtbot, tmp_path, pin_hash, search=False)
    qtbot.keyClick(kiosk, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert kiosk.pages.currentWidget() is kiosk.home_page
    kiosk.exit_allowed = True


def test_the_kiosk_starts_with_an_empty_session_and_removes_an_old_session_file(qtbot, user_dirs) -> None:
    from guide_reader.kiosk import load_config
    from guide_reader.paths import user_data_dir
    from guide_reader.ui.kiosk.start import kiosk_window

    leftover = BookmarkStore(user_data_dir() / "kiosk-session.sqlite3")
    leftover.add("leucopenie", "x", kind="section", article_title="L", heading="H", note="visiteur d'hier")
    leftover.close()
    window = kiosk_window(None, load_config(None))
    qtbot.addWidget(window)
    assert window.library.store.bookmarks() == []
    assert window.library.store.path is None  # in memory
    assert not list(user_data_dir().glob("kiosk-session*"))
    window.exit_allowed = True
