"""The kiosk keeps the screen: a mixin of KioskWindow that takes it back when a window manager
minimises, hides or deactivates it."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    _Base = QMainWindow
else:
    _Base = object

GUARD_INTERVAL_MS = 1000  # how often the kiosk checks that it still has the screen
TAKE_BACK_SECONDS = 1.0  # the window is mapped anew at most this often


class ScreenGuard(_Base):
    exit_allowed: bool
    _guarded = False
    _last_take_back = 0.0
    _taking_back = False

    def guard_screen(self) -> None:
        """From now on, take the screen back whenever the kiosk is minimised, hidden or deactivated
        (a window manager's « show desktop », iconify or desktop switch)."""
        self._guarded = True
        self.guard_timer = QTimer(self)
        self.guard_timer.setInterval(GUARD_INTERVAL_MS)
        self.guard_timer.timeout.connect(self.take_back_if_needed)
        self.guard_timer.start()

    def lost_screen(self) -> bool:
        """Whether the kiosk is not the full-screen, visible, active window it must be."""
        return self.isMinimized() or not self.isVisible() or not self.isFullScreen() or not self.isActiveWindow()

    def take_back_if_needed(self) -> None:
        if self._guarded and not self.exit_allowed and self.lost_screen():
            self.take_back()

    def take_back(self) -> None:
        """Full screen, on top and active again. The window is mapped anew (at most once a second): a
        window manager gives a newly shown window the screen, on the current desktop, even in its
        « show desktop » mode, where it may refuse a mere activation request."""
        now = time.monotonic()
        if now - self._last_take_back >= TAKE_BACK_SECONDS:
            self._last_take_back = now
            self._taking_back = True
            self.hide()
            self._taking_back = False
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowFullScreen)
        self.setGeometry(self.screen().geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.WindowStateChange, QEvent.Type.ActivationChange):
            QTimer.singleShot(0, self.take_back_if_needed)

    def hideEvent(self, event: QEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        if not getattr(self, "_taking_back", False):
            QTimer.singleShot(0, self.take_back_if_needed)
