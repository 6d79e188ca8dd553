"""Starting the window, and rendering it to a PNG for tests and docs (--screenshot)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..library import Library
from ..paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QWidget

    from .main_window import MainWindow

SCREENSHOT_TIMEOUT_MS = 60_000
FIRST_SIZE = (1200, 820)  # px, at first start: less when the screen is smaller


@dataclass
class WindowOptions:
    content: Path | None = None
    screenshot: Path | None = None
    open: str | None = None  # SLUG or SLUG#ANCHOR
    search: str | None = None
    theme: str | None = None
    size: tuple[int, int] | None = None
    language: str | None = None
    text_percent: int | None = None  # every text, in % of the default size
    kiosk: bool = False
    kiosk_config: Path | None = None


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (200 <= int(width) <= 8000 and 200 <= int(height) <= 8000):
        raise ValueError(f"taille invalide « {text} » (attendu LARGEURxHAUTEUR, par exemple 1280x800)")
    return int(width), int(height)


def run(options: WindowOptions) -> int:
    if options.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .i18n import install_translators, resolve_language
    from .main_window import MainWindow
    from .settings import DEFAULT_TEXT_SIZE, Settings
    from .theme import THEMES

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from .excepthook import install as install_excepthook

    install_excepthook(app)
    app.setApplicationName("guide-reader")
    app.setApplicationDisplayName("Guide Reader")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "guide-reader.svg")))
    app.setDesktopFileName("guide-reader")
    settings = Settings()
    install_translators(app, resolve_language(options.language or settings.language))
    if options.kiosk:
        from .kiosk.start import run_kiosk

        return run_kiosk(options)
    # The catalogue as last kept: the worker compares it with the files after the first paint
    # (at once when an article is to be opened at start).
    library = Library(options.content, sync=bool(options.open or options.search))
    window = MainWindow(library, settings)
    if options.screenshot is None:
        window.restore_session()
        window.after_first_paint(window.show_store_notice)  # opens the bookmark store: not before the paint
    if options.theme in THEMES:
        window.set_theme(options.theme, remember=False)
    if options.text_percent:
        window.set_text_size(round(DEFAULT_TEXT_SIZE * options.text_percent / 100), remember=False)
    if options.size:
        window.resize(*options.size)
    elif options.screenshot is not None or settings.geometry is None:
        window.resize(first_size(app.primaryScreen().availableGeometry().size()))
    window.start_indexing_after_first_paint()
    window.show()
    if options.screenshot is None:
        _apply_start_options(window, options)
        return app.exec()
    return save_screenshot(window, options)


def save_screenshot(window: QWidget, options: WindowOptions, code: int = 0) -> int:
    """Save ``window`` as the PNG ``options.screenshot`` (px of the window), then close it.

    A reader window (``MainWindow``) is grabbed once its index is ready, or after
    ``SCREENSHOT_TIMEOUT_MS``, with the start options (--open, --search) applied. Returns
    ``code``, or 1 when the file cannot be written (said on stderr).
    """
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    if isinstance(window, MainWindow):
        loop = QEventLoop()
        window.index_ready.connect(loop.quit)
        window.index_unavailable.connect(loop.quit)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, loop.quit)
        if not window.index_is_ready:
            loop.exec()
        if not _apply_start_options(window, options):
            code = 1  # (the picture is still saved: the window as it is)
    QApplication.processEvents()
    saved = window.grab().save(str(options.screenshot))
    window.close()
    if not saved:
        print(f"impossible d'écrire la capture : {options.screenshot}", file=sys.stderr)
        return 1
    print(options.screenshot)
    return code


def first_size(available: QSize) -> QSize:
    """The window's size at first start: ``FIRST_SIZE``, or what fits on the screen's free area."""
    from PySide6.QtCore import QSize

    width, height = FIRST_SIZE
    frame = 40  # px of title bar and borders the window manager adds
    return QSize(min(width, available.width()), min(height, available.height() - frame))


def _apply_start_options(window: MainWindow, options: WindowOptions) -> bool:
    """--open shows an article (with --search: its searched words highlighted); --search alone shows results.
    False when the article to open is unknown or its file unreadable (said on stderr)."""
    from .navigation import Location

    if options.open:
        slug, _, anchor = options.open.partition("#")
        if window.library.article(slug) is None:
            errors = [problem for problem in window.library.problems
                      if problem.file == f"{slug}.md" and problem.severity == "error"]  # fmt: skip
            if errors:
                print(f"article illisible : {errors[0]} (guide-reader check détaille chaque fichier)", file=sys.stderr)
            else:
                print(f"article inconnu : {slug}", file=sys.stderr)
            return False
        window.go_to(Location("article", slug, anchor, query=options.search or ""))
    elif options.search:
        window.search_for(options.search)
    return True
