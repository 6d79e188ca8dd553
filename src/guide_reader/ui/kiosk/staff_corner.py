"""The staff's hidden corner: quick taps in the top-right corner of a kiosk's window.

The kiosk opens its PIN pad there; the out-of-order page shows the settings file's fault.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QWidget

from ...kiosk.gesture import CornerTaps
from .touch import TAP_EVENTS

CORNER_SIZE = 90
"""px: the side of the square, in the window's top-right corner, where the staff's taps count."""


class StaffCorner:
    """Counts the taps in ``window``'s top-right corner; ``taps`` of them within ``seconds`` make the gesture."""

    def __init__(self, window: QWidget, taps: int, seconds: float) -> None:
        self.window = window
        self.taps = CornerTaps(taps, seconds)

    def rect(self) -> QRect:
        """The corner, in the window's coordinates."""
        return QRect(self.window.width() - CORNER_SIZE, 0, CORNER_SIZE, CORNER_SIZE)

    def center(self) -> QPoint:
        return self.rect().center()

    def tap_completes_gesture(self, watched: QObject, event: QEvent) -> bool:
        """For an application event filter: whether ``event``, seen on its way to ``watched``, is the
        tap that completes the gesture.

        A tap counts once, at the widget under the finger (a popup over the corner included); Qt hands
        a press that widget ignores on to its parents (the same tap again), and those copies are not counted.
        """
        if event.type() not in TAP_EVENTS or not isinstance(watched, QWidget):
            return False
        position = event.globalPosition().toPoint()  # type: ignore[attr-defined]
        if not self.rect().contains(self.window.mapFromGlobal(position)):
            return False
        if watched.childAt(watched.mapFromGlobal(position)) is not None:
            return False  # a child under the finger had it first: counted there
        return self.tap()

    def tap(self, now: float | None = None) -> bool:
        """Count one tap (at ``now``, seconds of ``time.monotonic``); True when it completes the gesture."""
        return self.taps.tap(now)
