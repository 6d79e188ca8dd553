"""The reader as a waiting-room kiosk: full screen, no way out without the staff PIN,
nothing left of a visitor after an idle minute or two, usable with fingers only."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QScroller,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...kiosk import KioskConfig
from ...library import Library
from ..main_window import MainWindow
from ..navigation import Location
from ..settings import DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE, Settings
from .keyboard import OnScreenKeyboard
from .overlays import IdleCountdown, PinPad

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
    }
)
BLOCKED_EVENTS = frozenset({QEvent.Type.ContextMenu, QEvent.Type.WhatsThis})
EXIT_CORNER_SIZE = 90
STAFF_KEY_CHORD = "Ctrl+Alt+Shift+P"
LARGER_TEXT_FACTOR = 1.35
KIOSK_STYLESHEET = """
QPushButton, QToolButton, QLineEdit {{ min-height: 44px; min-width: 44px; }}
QToolBar QToolButton, QToolBar QLineEdit {{ font-size: 15pt; }}
QTreeWidget::item, QListWidget::item, QTabBar::tab {{ min-height: 44px; }}
QScrollBar:vertical {{ width: 28px; }}
QFrame#kioskOverlay {{ border: 3px solid {accent}; border-radius: 14px; }}
QFrame#onScreenKeyboard QPushButton {{ font-size: 18pt; }}
"""


class KioskWindow(MainWindow):
    def __init__(self, library: Library, config: KioskConfig) -> None:
        self.config = config
        self.kiosk_text_size = min(MAX_TEXT_SIZE, round(DEFAULT_TEXT_SIZE * config.text_scale))
        settings = Settings(in_memory=True)  # a visitor's choices are never written anywhere
        settings.text_size = self.kiosk_text_size
        features = config.features
        super().__init__(
            library,
            settings,
            files_allowed=features.files,
            print_allowed=features.print,
            bookmarks_allowed=features.bookmarks,
        )
        self.exit_allowed = False
        self._taps: list[float] = []
        for page in (self.article_page, self.search_page):  # built now, to get the touch set-up below
            page.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.article_page.read_aloud.set_large(True)
        if self.bookmarks_allowed:
            _ = self.bookmarks_page
        self._lock_down_chrome()
        self._add_touch_controls()
        self.countdown = IdleCountdown(self, config.countdown_seconds)
        self.countdown.expired.connect(self.reset_session)
        self.pin_pad = PinPad(self, config.staff_pin_hash)
        self.pin_pad.unlocked.connect(self.allow_exit)
        QShortcut(QKeySequence(STAFF_KEY_CHORD), self, self.pin_pad.open_pad)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(config.idle_seconds * 1000)
        self.idle_timer.timeout.connect(self.countdown.start)
        self.idle_timer.timeout.connect(self.article_page.read_aloud.pause)  # the voice stops with the countdown
        self.idle_timer.start()
        self._apply_kiosk_style()

    # Setting up --------------------------------------------------------------------

    def _lock_down_chrome(self) -> None:
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.view_button_action.setVisible(False)  # themes and languages: the staff's choice, not a visitor's
        for action in (self.bookmarks_action, self.bookmark_action, self.reset_size_action):
            action.setVisible(self.bookmarks_allowed or action is self.reset_size_action)
        if not self.bookmarks_allowed:
            self.bookmarks_action.setEnabled(False)
        if not self.config.features.search:
            self.search_field_action.setVisible(False)
            self.search_field.setEnabled(False)
        for widget in self.findChildren(QWidget):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def _add_touch_controls(self) -> None:
        self.larger_text_button = QToolButton()
        self.larger_text_button.setText(self.tr("Agrandir le texte"))
        self.larger_text_button.setCheckable(True)
        self.larger_text_button.setAccessibleName(self.tr("Agrandir le texte"))
        self.larger_text_button.toggled.connect(self._toggle_larger_text)
        self.toolbar.addWidget(self.larger_text_button)
        corner = QWidget()  # the staff's hidden corner stays clear of every button
        corner.setFixedWidth(EXIT_CORNER_SIZE)
        self.toolbar.addWidget(corner)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.attach(self.search_field)
        self.keyboard.submitted.connect(self._open_first_result)
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.keyboard)
        self.setCentralWidget(container)
        for area in self.findChildren(QAbstractScrollArea):
            QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def _apply_kiosk_style(self) -> None:
        self.setStyleSheet(KIOSK_STYLESHEET.format(accent=self.theme.accent))

    # Activity, idle and reset ---------------------------------------------------------

    def _after_first_paint(self) -> None:
        # The kiosk watches every touch and key of the program (idle time, blocked events).
        QApplication.instance().installEventFilter(self)
        super()._after_first_paint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in BLOCKED_EVENTS:
            return True
        if watched is self.search_field and kind in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            self.keyboard.show()
        if kind in ACTIVITY_EVENTS:
            if kind == QEvent.Type.MouseButtonPress and self._is_exit_corner_tap(event):
                return True
            if self.note_activity():
                return True  # the touch that dismisses 'Toujours là ?' does nothing else
        return super().eventFilter(watched, event)

    def note_activity(self) -> bool:
        """Restart the idle delay; True when this dismissed the countdown."""
        self.idle_timer.start()
        if self.countdown.isVisible():
            self.countdown.cancel()
            return True
        return False

    def _is_exit_corner_tap(self, event: QEvent) -> bool:
        position = event.globalPosition().toPoint()  # type: ignore[attr-defined]
        local = self.mapFromGlobal(position)
        if not (local.x() >= self.width() - EXIT_CORNER_SIZE and 0 <= local.y() <= EXIT_CORNER_SIZE):
            return False
        return self.register_corner_tap()

    def register_corner_tap(self, now: float | None = None) -> bool:
        """The hidden gesture: ``exit_taps`` taps in the top-right corner, quickly, open the PIN pad."""
        now = time.monotonic() if now is None else now
        self._taps = [tap for tap in self._taps if now - tap <= self.config.exit_tap_seconds] + [now]
        if len(self._taps) >= self.config.exit_taps:
            self._taps.clear()
            self.pin_pad.open_pad()
            return True
        return False

    def corner_point(self) -> QPoint:
        return QPoint(self.width() - EXIT_CORNER_SIZE // 2, EXIT_CORNER_SIZE // 2)

    def reset_session(self) -> None:
        """Back to the home page with nothing left of the last visitor."""
        self.countdown.cancel()
        self.pin_pad.close_pad()
        self.keyboard.hide()
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        self.completer.popup().hide()
        self.search_timer.stop()
        self.search_field.setText("")  # unlike clear(), forgets the undo history (Ctrl+Z)
        self._pending_query = ""
        self.completion_model.setStringList([])
        self.search_page.show_hint()
        self.article_page.reset()
        if self._bookmarks_page is not None:
            self._bookmarks_page.reset()
        self.larger_text_button.setChecked(False)
        self.set_text_size(self.kiosk_text_size)
        self.library.store.reset()  # bookmarks and reading history of the session
        self.status_label.clear()
        self.history.clear()
        self.go_to(Location("home"))
        self.home_page.reset()
        self.idle_timer.start()

    def search_for(self, query: str) -> None:
        super().search_for(query)
        self.keyboard.show()  # a visitor searching may want to change the words

    def _toggle_larger_text(self, larger: bool) -> None:
        size = round(self.kiosk_text_size * LARGER_TEXT_FACTOR) if larger else self.kiosk_text_size
        self.set_text_size(size)

    def _show(self, location: Location) -> None:
        super()._show(location)
        keyboard = getattr(self, "keyboard", None)  # None while the base class builds the window
        if keyboard is not None and location.page != "search":
            keyboard.hide()

    # The way out -------------------------------------------------------------------

    def allow_exit(self) -> None:
        self.exit_allowed = True
        self.close()
        QApplication.instance().quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.exit_allowed:
            event.ignore()  # Alt+F4, the window manager, a stray close(): the kiosk stays
            return
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)
