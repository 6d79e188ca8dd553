"""Links in the text are small for a finger: a touch near one (within half of a 44 px target) opens it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QUrl
from PySide6.QtWidgets import QTextBrowser

TOUCH_TARGET = 44  # px, WCAG 2.5.5
_STEP = 6


def nearest_anchor(view: QTextBrowser, position: QPoint) -> str:
    """The link at ``position`` in ``view``'s viewport, else the nearest one whose text lies within
    TOUCH_TARGET / 2 px of it (so every link answers to a 44 × 44 px touch); "" when there is none."""
    exact = view.anchorAt(position)
    if exact:
        return exact
    reach = TOUCH_TARGET // 2
    found: list[tuple[int, str]] = []
    for dx in range(-reach, reach + 1, _STEP):
        for dy in range(-reach, reach + 1, _STEP):
            anchor = view.anchorAt(position + QPoint(dx, dy))
            if anchor:
                found.append((dx * dx + dy * dy, anchor))
    return min(found)[1] if found else ""


def open_nearest_anchor(view: QTextBrowser, position: QPoint) -> bool:
    """Follow the link a touch at ``position`` meant, as a click would; False when it meant none."""
    if view.anchorAt(position):
        return False  # the view follows it itself
    anchor = nearest_anchor(view, position)
    if not anchor:
        return False
    view.anchorClicked.emit(QUrl(anchor))
    return True
