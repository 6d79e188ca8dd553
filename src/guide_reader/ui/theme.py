"""Light, dark and high-contrast themes: one palette feeds Qt and the article CSS.

Every text colour is chosen to meet WCAG AA (4.5:1) on the background it is
drawn on; ``contrast_pairs`` lists those pairs for the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from .text_size import apply_text_size

FOCUS_RING_WIDTH = 2  # px


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    surface: str  # cards, panels
    text: str
    muted: str  # secondary text
    link: str
    accent: str  # buttons, focus ring, selection
    on_accent: str
    alert_background: str
    alert_text: str
    alert_border: str
    note_background: str  # disclaimer, reference panel
    match_background: str  # searched words
    match_text: str
    border: str
    focus: str  # the focus ring: 3:1 against every background it is drawn on
    disabled: str  # text of a control that cannot be used now (exempt from 4.5:1, still readable)
    scrollbar: str  # the scroll bar's handle: 3:1 against the background


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        background="#fbfaf7",
        surface="#ffffff",
        text="#1f2328",
        muted="#4a5260",
        link="#0b57a4",
        accent="#1d5fa8",
        on_accent="#ffffff",
        alert_background="#fdecea",
        alert_text="#7f1d16",
        alert_border="#c62828",
        note_background="#eef1f5",
        match_background="#ffe27a",
        match_text="#1f2328",
        border="#c9ced6",
        focus="#1d5fa8",
        disabled="#7d848f",
        scrollbar="#6f7783",
    ),
    "dark": Theme(
        name="dark",
        background="#1b1d21",
        surface="#25282e",
        text="#e8e8e8",
        muted="#b9bec7",
        link="#8ab8f5",
        accent="#8ab8f5",
        on_accent="#111317",
        alert_background="#3b1f1f",
        alert_text="#ffc9c2",
        alert_border="#ff8a80",
        note_background="#2b2f36",
        match_background="#6b5200",
        match_text="#ffffff",
        border="#4a505a",
        focus="#8ab8f5",
        disabled="#80868f",
        scrollbar="#8e96a3",
    ),
    "high-contrast": Theme(
        name="high-contrast",
        background="#000000",
        surface="#000000",
        text="#ffffff",
        muted="#ffffff",
        link="#ffff00",
        accent="#ffff00",
        on_accent="#000000",
        alert_background="#000000",
        alert_text="#ffffff",
        alert_border="#ffff00",
        note_background="#000000",
        match_background="#00ffff",
        match_text="#000000",
        border="#ffffff",
        focus="#ffff00",
        disabled="#a0a0a0",
        scrollbar="#ffffff",
    ),
}
DEFAULT_THEME = "light"


def contrast_pairs(theme: Theme) -> dict[str, tuple[str, str]]:
    """Each (foreground, background) pair the program draws text with."""
    return {
        "text": (theme.text, theme.background),
        "text on surface": (theme.text, theme.surface),
        "muted": (theme.muted, theme.background),
        "muted on surface": (theme.muted, theme.surface),
        "link": (theme.link, theme.background),
        "link on note": (theme.link, theme.note_background),
        "button": (theme.on_accent, theme.accent),
        "alert": (theme.alert_text, theme.alert_background),
        "note": (theme.text, theme.note_background),
        "match": (theme.match_text, theme.match_background),
    }


def non_text_pairs(theme: Theme) -> dict[str, tuple[str, str]]:
    """Each (mark, background) pair that must reach 3:1 (WCAG 1.4.11): focus rings, scroll bars."""
    return {
        "focus ring": (theme.focus, theme.background),
        "focus ring on surface": (theme.focus, theme.surface),
        "focus ring on note": (theme.focus, theme.note_background),
        "button focus ring": (theme.text, theme.background),
        "scroll bar handle": (theme.scrollbar, theme.background),
        "scroll bar handle on surface": (theme.scrollbar, theme.surface),
    }


def relative_luminance(color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    qcolor = QColor(color)
    return 0.2126 * channel(qcolor.red()) + 0.7152 * channel(qcolor.green()) + 0.0722 * channel(qcolor.blue())


def contrast_ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def document_css(theme: Theme) -> str:
    """The article's stylesheet (QTextDocument's CSS subset; sizes relative to the default font)."""
    return f"""
body {{ color: {theme.text}; background-color: {theme.background}; }}
p, li {{ line-height: 150%; }}
a {{ color: {theme.link}; }}
h1 {{ font-size: 175%; margin-bottom: 2px; }}
h2 {{ font-size: 135%; margin-top: 26px; margin-bottom: 8px; }}
p.subtitle, p.byline, p.cited-by {{ color: {theme.muted}; }}
p.byline {{ font-style: italic; }}
p.lead {{ font-size: 112%; }}
p.cited-by {{ font-size: 90%; margin-top: 0px; }}
h3.question {{ font-size: 110%; margin-top: 18px; margin-bottom: 4px; }}
a.question {{ color: {theme.text}; text-decoration: none; }}
div.answer {{ margin-left: 22px; }}
a.citation-link {{ text-decoration: none; font-weight: bold; }}
a.bookmark {{ text-decoration: none; color: {theme.link}; }}
a.citation-unresolved {{ color: {theme.muted}; font-style: italic; text-decoration: none; }}
table.alert {{ background-color: {theme.alert_background}; border-width: 3px; border-style: solid;
    border-color: {theme.alert_border}; margin-top: 22px; }}
td.alert, h2.alert {{ color: {theme.alert_text}; }}
table.disclaimer {{ background-color: {theme.note_background}; margin-top: 26px; border-width: 1px;
    border-style: solid; border-color: {theme.border}; }}
span.site {{ color: {theme.muted}; }}
b.match {{ background-color: {theme.match_background}; color: {theme.match_text}; }}
"""


def widget_stylesheet(theme: Theme, text_size: int) -> str:
    """Qt style sheet for the chrome: a visible focus ring, comfortable targets, reading sizes.

    Every focusable control draws a ``FOCUS_RING_WIDTH`` px ring in ``theme.focus`` when it has
    the keyboard focus; disabled controls are drawn in ``theme.disabled``.
    """
    ring = f"{FOCUS_RING_WIDTH}px solid"
    return f"""
QWidget {{ color: {theme.text}; }}
QWidget:disabled {{ color: {theme.disabled}; }}
QMainWindow, QStackedWidget > QWidget {{ background-color: {theme.background}; }}
QWidget#toolStrip {{ background-color: {theme.surface}; border-bottom: 1px solid {theme.border}; }}
QToolButton {{ padding: 4px 10px; border: {ring} transparent; border-radius: 6px; min-height: 24px; }}
QToolButton:hover {{ background-color: {theme.note_background}; }}
QToolButton:checked {{ border-color: {theme.border}; }}
QToolButton:focus, QLineEdit:focus, QTreeWidget:focus, QTreeView:focus, QListView:focus, QTextBrowser:focus,
QComboBox:focus, QTabBar::tab:focus, QCheckBox:focus {{ border: {ring} {theme.focus}; }}
QPushButton {{ background-color: {theme.accent}; color: {theme.on_accent}; border: {ring} {theme.accent};
    border-radius: 6px; padding: 6px 14px; min-height: 24px; }}
QPushButton:focus {{ border: {ring} {theme.text}; }}
QPushButton:disabled {{ background-color: {theme.surface}; color: {theme.disabled};
    border: {ring} {theme.disabled}; border-style: dashed; }}
QPushButton[flat="true"] {{ background-color: transparent; color: {theme.link}; }}
QLineEdit {{ background-color: {theme.surface}; border: {ring} {theme.border}; border-radius: 6px;
    padding: 6px 10px; selection-background-color: {theme.accent}; selection-color: {theme.on_accent}; }}
QTextBrowser, QTreeWidget, QListView {{ background-color: {theme.background}; border: {ring} transparent; }}
QTreeWidget::item {{ padding: 5px 2px; }}
QTreeWidget::item:selected, QListView::item:selected {{ background-color: {theme.accent}; color: {theme.on_accent}; }}
QFrame#referencePanel, QFrame#findBar {{ background-color: {theme.note_background};
    border-top: 1px solid {theme.border}; }}
QLabel#muted, QLabel#pageIntro {{ color: {theme.muted}; }}
QLabel#pageTitle {{ font-size: {round(text_size * 1.6)}pt; font-weight: bold; }}
QLabel#resultsHeading {{ font-size: {round(text_size * 1.25)}pt; font-weight: bold; }}
QLabel#pageIntro {{ font-size: {text_size}pt; }}
QStatusBar {{ background-color: {theme.surface}; color: {theme.muted}; }}
QScrollBar:vertical {{ background: {theme.surface}; width: 14px; margin: 0; }}
QScrollBar:horizontal {{ background: {theme.surface}; height: 14px; margin: 0; }}
QScrollBar::handle {{ background: {theme.scrollbar}; border-radius: 5px; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: 32px; }}
QScrollBar::handle:horizontal {{ min-width: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


def apply_theme(app: QApplication, theme: Theme, text_size: int) -> None:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.background,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.background,
        QPalette.ColorRole.AlternateBase: theme.surface,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.surface,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: theme.on_accent,
        QPalette.ColorRole.Link: theme.link,
        QPalette.ColorRole.ToolTipBase: theme.surface,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(theme.disabled))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(theme.disabled))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(theme.disabled))
    app.setPalette(palette)
    apply_text_size(app, text_size)
    app.setStyleSheet(widget_stylesheet(theme, text_size))
