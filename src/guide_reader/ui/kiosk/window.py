"""The reader as a waiting-room kiosk: full screen, no way out without the staff PIN,
nothing left of a visitor after an idle minute or two, usable with fingers only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QScroller,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ...kiosk import KioskConfig
from ...library import Library
from ..main_window import MainWindow
from ..navigation import Location
from ..settings import DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE, Settings
from .banner import EmergencyBanner, banner_stylesheet
from .dialogs import KioskDialogs
from .keyboard import OnScreenKeyboard, SuggestionList, is_text_field
from .overlays import IdleCountdown, PinPad
from .screen_guard import ScreenGuard
from .session import VisitorSession
from .session_state import SessionState
from .staff_corner import CORNER_SIZE, StaffCorner
from .touch import open_nearest_anchor

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
NARROW_WIDTH = 1000  # below this width (a portrait screen), the toolbar uses its short labels
SEARCH_FIELD_MIN_WIDTH = 150
# The pages give way to the keyboard (they scroll) rather than push the window past the screen's bottom.
PAGES_MIN_HEIGHT = 100
KEY_MAX_POINTS = 20  # with little padding, keys of about 48 px: six rows fit above the banner at any text_scale
STAFF_KEY_CHORD = "Ctrl+Alt+Shift+P"
LARGER_TEXT_FACTOR = 1.35
MIN_TOOLBAR_POINTS = 12  # the toolbar's text shrinks down to this size rather than leave the screen
KIOSK_STYLESHEET = """
QWidget {{ font-size: {text}pt; }}
QPushButton, QToolButton, QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox {{ min-height: 44px; min-width: 44px; }}
QWidget#toolStrip QToolButton, QWidget#toolStrip QLineEdit {{ font-size: {toolbar}pt; }}
QWidget#toolStrip QToolButton {{ padding: 4px 6px; }}
QTreeWidget::item, QListWidget::item, QTabBar::tab {{ min-height: 44px; }}
QSpinBox::up-button, QSpinBox::down-button, QDoubleSpinBox::up-button, QDoubleSpinBox::down-button {{
    width: 44px; }}
QScrollBar:vertical {{ width: 28px; }}
QFrame#kioskOverlay, QDialog[kioskEmbedded="true"] {{
    background-color: {theme.surface}; border: 3px solid {theme.accent}; border-radius: 14px;
}}
QFrame#onScreenKeyboard QPushButton, QPushButton#pinKey {{ font-size: {keys}pt; }}
QFrame#onScreenKeyboard QPushButton {{ padding: 2px; min-height: 40px; }}
QPushButton:disabled {{ color: {theme.muted}; background-color: {theme.background};
    border: 2px dashed {theme.border}; }}
QListView#kioskSuggestions::item {{ min-height: 48px; padding: 0 12px; }}
QLabel#pageTitle {{ font-size: {title}pt; font-weight: bold; }}
"""


class KioskWindow(SessionState, ScreenGuard, KioskDialogs, MainWindow):
    def __init__(self, library: Library, config: KioskConfig) -> None:
        self.config = config
        self.kiosk_text_size = min(MAX_TEXT_SIZE, round(DEFAULT_TEXT_SIZE * config.text_scale))
        self.session = VisitorSession(self.kiosk_text_size)  # before the base class, which fills it
        library.store = self.session.store  # a visitor's bookmarks and pages: in memory only
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
        self.staff_corner = StaffCorner(self, config.exit_taps, config.exit_tap_seconds)
        """The hidden gesture: ``exit_taps`` quick taps in the top-right corner open the PIN pad."""
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
        self.idle_timer.timeout.connect(self._pause_reading_aloud)  # the voice stops with the countdown
        self.idle_timer.start()
        self._apply_kiosk_style()
        # At once, not after the first paint like the reader: touches, dialogs and the corner from the start.
        QApplication.instance().installEventFilter(self)

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
        for action in (self.smaller_action, self.larger_action):
            action.setVisible(False)  # « Agrandir le texte » does it with one touch, and the toolbar fits 800 px
        self.search_field.setMinimumWidth(SEARCH_FIELD_MIN_WIDTH)
        self.search_field.setClearButtonEnabled(False)  # see eventFilter: the fields made later too
        self._full_labels = {
            action: action.text() for action in (self.back_action, self.forward_action, self.bookmark_action)
        }
        for action, label in self._full_labels.items():
            self.toolbar.widgetForAction(action).setAccessibleName(label.strip("◀▶☆ "))

    def _fit_toolbar(self) -> None:
        """Short labels on a narrow (portrait) screen, or wherever the full ones would be cut (a large
        text_scale); the buttons keep their accessible names. The search field takes what is left."""
        self._set_toolbar_labels(short=False)
        if not hasattr(self, "larger_text_button"):
            return
        self.toolbar.setStyleSheet("")
        if self.width() < NARROW_WIDTH or not self._toolbar_fits():
            self._set_toolbar_labels(short=True)
        points = max(self.text_size - 2, MIN_TOOLBAR_POINTS)
        portrait = self.height() >= self.width()  # room to wrap onto a second line, none to spare in landscape
        while not portrait and not self._toolbar_fits() and points > MIN_TOOLBAR_POINTS:  # short labels too wide
            points = max(points - 2, MIN_TOOLBAR_POINTS)
            self.toolbar.setStyleSheet(f"QToolButton, QLineEdit {{ font-size: {points}pt; }}")
        self.search_field.setMaximumWidth(max(SEARCH_FIELD_MIN_WIDTH, self.width() - self._toolbar_buttons_width()))
        self.toolbar.fit_width(self.width())  # its height for the labels just chosen

    def _toolbar_fits(self) -> bool:
        return self._toolbar_buttons_width() + SEARCH_FIELD_MIN_WIDTH <= self.width()

    def _set_toolbar_labels(self, short: bool) -> None:
        for action, label in self._full_labels.items():
            action.setText(label.split()[-1 if action is self.forward_action else 0] if short else label)
        if hasattr(self, "larger_text_button"):
            self.larger_text_button.setText(self.tr("Texte +") if short else self.tr("Agrandir le texte"))

    def _toolbar_buttons_width(self) -> int:
        """Pixels the toolbar's visible widgets other than the search field need, spacing included."""
        others = [
            widget for widget in self.toolbar.focus_order() if widget is not self.search_field and not widget.isHidden()
        ]
        spacing = self.toolbar.layout().spacing() * (len(others) + 1) + 16
        return sum(max(widget.sizeHint().width(), widget.minimumWidth()) for widget in others) + spacing

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_toolbar()

    def _add_touch_controls(self) -> None:
        self.larger_text_button = QToolButton()
        self.larger_text_button.setText(self.tr("Agrandir le texte"))
        self.larger_text_button.setCheckable(True)
        self.larger_text_button.setAccessibleName(self.tr("Agrandir le texte"))
        self.larger_text_button.toggled.connect(self._toggle_larger_text)
        self.toolbar.addWidget(self.larger_text_button)
        corner = QWidget()  # the staff's hidden corner stays clear of every button
        corner.setFixedWidth(CORNER_SIZE)
        self.toolbar.addWidget(corner)
        # Suggestions are a list above the keyboard, not a popup: a popup eats the next key a finger taps.
        self.search_field.setCompleter(None)
        self.suggestions = SuggestionList(self.completion_model)
        self.suggestions.chosen.connect(self._completion_chosen)
        self.completion_model.modelReset.connect(self._update_suggestions)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.hidden_by_user.connect(self.hide_keyboard)
        self.banner = EmergencyBanner(self.config.emergency_label, self.config.emergency_details)
        self.banner.button.toggled.connect(lambda enlarged: setattr(self.session, "emergency_details", enlarged))
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.pages.setMinimumHeight(PAGES_MIN_HEIGHT)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.keyboard)
        layout.addWidget(self.banner)  # at the bottom: the staff corner, top right, stays clear
        self.setCentralWidget(container)
        self._prepare_page(self.home_page)
        QScroller.grabGesture(self.home_page.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def _apply_kiosk_style(self) -> None:
        """Every text of the kiosk (panels, dialogs, keyboard) follows the text size, not only the article's."""
        size = self.text_size
        self.setStyleSheet(
            KIOSK_STYLESHEET.format(
                theme=self.theme,
                text=size,
                toolbar=max(size - 2, 12),
                keys=min(round(size * 1.05), KEY_MAX_POINTS),
                title=round(size * 1.5),
            )
            + banner_stylesheet(size)
        )
        self._fit_toolbar()

    def set_text_size(self, size: int, *args: bool, **kwargs: bool) -> None:
        """Never below the size text_scale gives (a keyboard's Ctrl+− or Ctrl+0 included)."""
        super().set_text_size(max(size, self.kiosk_text_size), *args, **kwargs)
        if hasattr(self, "keyboard"):  # built: the base class sets the size while building the window
            self._apply_kiosk_style()

    def _update_suggestions(self) -> None:
        wanted = self.keyboard.target is self.search_field and self.completion_model.rowCount() > 0
        if wanted and self.keyboard.isVisible():
            self.suggestions.fit()
            self.suggestions.show()
        else:
            self.suggestions.hide()

    def show_keyboard(self, field: QWidget) -> None:
        """The on-screen keyboard, typing into ``field`` (any text field of the kiosk)."""
        self.keyboard.attach(field)
        self.keyboard.show()
        self._update_suggestions()
        self._show_read_aloud_controls(False)  # they would be crushed on a short screen; the text scrolls

    def hide_keyboard(self) -> None:
        self.keyboard.hide()
        self.suggestions.hide()
        self._show_read_aloud_controls(True)

    def _show_read_aloud_controls(self, visible: bool) -> None:
        if self._article_page is not None:
            self._article_page.read_aloud.setVisible(visible)

    # Activity, idle and reset ---------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in BLOCKED_EVENTS:
            return True
        if kind in ACTIVITY_EVENTS:
            if self.staff_corner.tap_completes_gesture(watched, event):
                self.pin_pad.open_pad()
                return True
            if self.note_activity():
                return True  # the touch that dismisses 'Toujours là ?' does nothing else
        if kind == QEvent.Type.MouseButtonRelease and self._is_text_view(watched):
            view = watched.parentWidget()
            if open_nearest_anchor(view, event.position().toPoint()):  # type: ignore[attr-defined]
                return True
        if kind == QEvent.Type.MouseButtonPress and is_text_field(watched) and self.isAncestorOf(watched):
            self.show_keyboard(watched)  # a touch on a text field, never a focus moved by the program
        if kind == QEvent.Type.Polish and isinstance(watched, QLineEdit):
            # Its ✕ would be a finger-sized button half outside the field; the keyboard's ⌫ erases.
            watched.setClearButtonEnabled(False)
        if isinstance(watched, QDialog):
            if kind == QEvent.Type.Polish and watched.isWindow():
                self.embed_dialog(watched)
            elif kind == QEvent.Type.Show and watched.parentWidget() is self:
                self._place_dialog(watched)
            elif (
                kind == QEvent.Type.Hide
                and self.keyboard.target is not None
                and isValid(self.keyboard.target)
                and watched.isAncestorOf(self.keyboard.target)
            ):
                self.hide_keyboard()
        return super().eventFilter(watched, event)

    def _is_text_view(self, watched: QObject) -> bool:
        """Whether ``watched`` is the viewport of a page's text (the article's, and any page shown as text)."""
        for page in (self._article_page, self._search_page):
            view = getattr(page, "view", None)
            if isinstance(view, QTextBrowser) and watched is view.viewport():
                return True
        return False

    def _pause_reading_aloud(self) -> None:
        if self._article_page is not None:
            self._article_page.read_aloud.pause()

    def note_activity(self) -> bool:
        """Restart the idle delay; True when this dismissed the countdown."""
        self.idle_timer.start()
        if self.countdown.isVisible():
            self.countdown.cancel()
            return True
        return False

    def reset_session(self) -> None:
        """Back to the home page with nothing left of the last visitor: a new session, new pages."""
        self.countdown.cancel()
        self.pin_pad.close_pad()
        self.hide_keyboard()
        self.keyboard.attach(None)
        clear_clipboard()
        previous, self.session = self.session, VisitorSession(self.kiosk_text_size)
        self.library.store = self.session.store
        for page in previous.pages():
            self.pages.removeWidget(page)
        previous.close()
        for dialog in self.findChildren(QDialog):  # every dialog of the kiosk is the visitor's
            if dialog.isVisible():
                dialog.reject()
            # Deleted once back in the main event loop: the dialog's exec() may still be returning.
            QTimer.singleShot(0, dialog, dialog.deleteLater)
        self.search_timer.stop()
        self.search_field.setText("")  # unlike clear(), forgets the undo history (Ctrl+Z)
        self.completion_model.set_completions([])
        self.larger_text_button.blockSignals(True)
        self.larger_text_button.setChecked(self.session.larger_text)
        self.larger_text_button.blockSignals(False)
        self.set_text_size(self.session.text_size)
        self.banner.set_enlarged(self.session.emergency_details)
        self.status_label.clear()
        self.go_to(Location("home"))
        self.home_page.reset()
        self.idle_timer.start()

    def _index_finished(self, report: object) -> None:
        super()._index_finished(report)
        self.status_label.clear()  # « Recherche prête. »: for a desk, not for a waiting room

    def search_for(self, query: str) -> None:
        super().search_for(query)
        self.show_keyboard(self.search_field)  # a visitor searching may want to change the words

    def reset_text_size(self) -> None:
        """Ctrl+0: the kiosk's own size (text_scale), « Agrandir le texte » released."""
        self.larger_text_button.setChecked(False)
        self.set_text_size(self.kiosk_text_size)

    def _toggle_larger_text(self, larger: bool) -> None:
        self.session.larger_text = larger
        size = round(self.kiosk_text_size * LARGER_TEXT_FACTOR) if larger else self.kiosk_text_size
        self.set_text_size(size)

    def _show(self, location: Location) -> None:
        super()._show(location)
        keyboard = getattr(self, "keyboard", None)  # None while the base class builds the window
        if keyboard is not None and location.page != "search" and keyboard.target is self.search_field:
            self.hide_keyboard()

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
        self.session.close()


def clear_clipboard() -> None:
    """Empty the clipboard and, where there is one (X11), the selection pasted with the middle button."""
    clipboard = QApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
