"""One text size for the whole program: the article, the chrome, lists, dialogs.

The reader chooses the article's size in points (Ctrl + / Ctrl −); every other text
follows in proportion, from ``UI_FONT_SIZE`` at the default size up to more than 200 %.
The kiosk uses the same function for its larger-text button.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

DEFAULT_TEXT_SIZE = 13  # pt, the article's text at 100 %
MIN_TEXT_SIZE = 9
MAX_TEXT_SIZE = 32  # 246 %
UI_FONT_SIZE = 11  # pt, the chrome's text at 100 %


def text_scale(text_size: int) -> float:
    """``text_size`` (pt) as a fraction of the default size: 1.0 = 100 %."""
    return text_size / DEFAULT_TEXT_SIZE


def ui_point_size(text_size: int) -> float:
    """The chrome's font size (pt) that goes with the article's ``text_size`` (pt)."""
    return round(UI_FONT_SIZE * text_scale(text_size), 1)


def apply_text_size(app: QApplication, text_size: int) -> None:
    """Set the application font, which every widget and dialog without a font of its own follows."""
    font = app.font()
    size = ui_point_size(text_size)
    if font.pointSizeF() != size:
        font.setPointSizeF(size)
        app.setFont(font)
