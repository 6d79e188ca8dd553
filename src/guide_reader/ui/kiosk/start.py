"""Starting the kiosk: its settings (or the out-of-order page), a library whose visitor data stays in
memory, and a window that takes the whole screen back whenever it loses it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDir,
    QSettings,
    QStandardPaths,
    Qt,
    QTemporaryDir,
)
from PySide6.QtWidgets import QApplication, QWidget

from ...kiosk import KioskConfig, KioskConfigError, default_config_path, load_config
from ...library import Library
from ...paths import user_data_dir
from .out_of_order import OutOfOrderPage
from .window import KioskWindow

if TYPE_CHECKING:
    from ..app import WindowOptions

# The file where earlier versions kept the session's bookmarks and history (with its WAL and SHM files).
OLD_SESSION_FILE = "kiosk-session.sqlite3"


def remove_old_session_files(folder: Path) -> None:
    """Delete what an earlier version left of its visitors on disk (the kiosk never reads it: its
    session lives in memory); a file that cannot be deleted is said on stderr."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = folder / f"{OLD_SESSION_FILE}{suffix}"
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            print(
                f"Ancien fichier de session du kiosque non supprimé : {path} ({error.strerror or error}).",
                file=sys.stderr,
            )


def keep_qt_settings_off_disk() -> QTemporaryDir:
    """Qt's own settings (the file dialog's last folders, in QtProject.conf) go to a temporary folder
    in the user's runtime folder (in memory on Linux), removed at exit; keep the result alive."""
    runtime = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    folder = QTemporaryDir(str(Path(runtime or QDir.tempPath()) / "guide-reader-kiosk-XXXXXX"))
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, folder.path())
    return folder


def kiosk_window(content: Path | None, config: KioskConfig) -> KioskWindow:
    """The kiosk window for ``config``, after printing which settings it uses."""
    print(config.source_description())
    if config.staff_pin_hash is None:
        print(
            "Attention : aucun code du personnel (staff_pin_hash) ; voir « guide-reader kiosk-pin ».", file=sys.stderr
        )
    remove_old_session_files(user_data_dir())
    return KioskWindow(Library(content), config)


def run_kiosk(options: WindowOptions) -> int:
    """Show the kiosk (or, when its settings cannot be used, the out-of-order page) and run until the staff
    leave it. With ``options.screenshot``: save what is on screen as a PNG and return (2 for bad settings)."""
    app = QApplication.instance()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app.setQuitOnLastWindowClosed(False)  # the out-of-order page gives way to the kiosk: not an exit
    qt_settings = keep_qt_settings_off_disk()  # noqa: F841 (removed when it goes, at exit)
    windows: list[QWidget] = []

    def start(config: KioskConfig) -> KioskWindow:
        window = kiosk_window(options.content, config)
        windows.append(window)
        if options.theme:
            window.set_theme(options.theme, remember=False)
        window.start_indexing_after_first_paint()
        if options.screenshot is None:
            window.guard_screen()
            _show_full_screen(window)
        else:
            window.resize(*(options.size or (1200, 820)))
            window.show()
        return window

    try:
        window: QWidget = start(load_config(options.kiosk_config))
        failed = False
    except KioskConfigError as error:
        print(error, file=sys.stderr)
        failed = True
        path = options.kiosk_config or default_config_path()
        window = OutOfOrderPage(error, lambda: load_config(path), start)
        windows.append(window)
        if options.screenshot is None:
            _show_full_screen(window)
        else:
            window.resize(*(options.size or (1200, 820)))
            window.show()
    if options.screenshot is None:
        from ..app import _apply_start_options

        if isinstance(window, KioskWindow):
            _apply_start_options(window, options)
        return app.exec()
    return _screenshot(window, options, 2 if failed else 0)


def _show_full_screen(window: QWidget) -> None:
    window.setGeometry(QApplication.primaryScreen().geometry())  # the whole screen, even with no window manager
    window.showFullScreen()


def _screenshot(window: QWidget, options: WindowOptions, code: int) -> int:
    from ..app import save_screenshot

    if isinstance(window, KioskWindow):
        window.exit_allowed = True  # the picture is taken, then the window closes
    return save_screenshot(window, options, code)
