"""What a kiosk shows when its settings file cannot be used: never the desktop.

Visitors read that the kiosk is out of order (with the emergency numbers); staff tapping the top-right
corner see the file, the line and the fix. The file is watched: once it is corrected the kiosk starts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...kiosk import KioskConfig, KioskConfigError
from .banner import EmergencyBanner, banner_stylesheet
from .staff_corner import StaffCorner

RELOAD_DELAY_MS = 500  # an editor writes a file in several steps


class OutOfOrderPage(QWidget):
    """Full screen, no way out; ``reload`` gives the settings read again, or raises KioskConfigError."""

    def __init__(
        self,
        error: KioskConfigError,
        reload: Callable[[], KioskConfig],
        on_fixed: Callable[[KioskConfig], None],
        text_size: int = 17,
    ) -> None:
        super().__init__()
        self.reload = reload
        self.on_fixed = on_fixed
        self.setWindowTitle("Guide Reader")
        self.setObjectName("outOfOrder")
        defaults = KioskConfig(path=None)  # the file's own settings cannot be read: the defaults'
        self.staff_corner = StaffCorner(self, defaults.exit_taps, defaults.exit_tap_seconds)
        self.banner = EmergencyBanner(defaults.emergency_label, defaults.emergency_details)
        title = QLabel(self.tr("Cette borne est hors service pour le moment."))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Merci de prévenir l'accueil."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.staff_details = QLabel()
        self.staff_details.setTextFormat(Qt.TextFormat.PlainText)
        self.staff_details.setWordWrap(True)
        self.staff_details.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.staff_details.setObjectName("staffDetails")
        self.staff_details.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        for label in (title, hint, self.staff_details):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        layout.addStretch(2)
        layout.addWidget(self.banner)  # at the bottom, as in the kiosk: the staff corner stays clear
        self.setStyleSheet(
            banner_stylesheet(text_size)
            + f"QWidget#outOfOrder {{ background-color: #ffffff; }} QLabel {{ font-size: {text_size}pt; "
            f"color: #1f2328; padding: 0 24px; }} QLabel#pageTitle {{ font-size: {round(text_size * 1.6)}pt; "
            "font-weight: bold; } QLabel#staffDetails { background-color: #fff4d6; padding: 16px 24px; }"
        )
        self.show_error(error)
        self.watcher = QFileSystemWatcher(self)
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(RELOAD_DELAY_MS)
        self.reload_timer.timeout.connect(self.try_again)
        self.watcher.fileChanged.connect(lambda _path: self.reload_timer.start())
        self.watcher.directoryChanged.connect(lambda _path: self.reload_timer.start())
        if error.path is not None:
            self._watch(error.path)
        QApplication.instance().installEventFilter(self)

    def _watch(self, path: Path) -> None:
        for watched in (path, path.parent):
            if watched.exists() and str(watched) not in self.watcher.files() + self.watcher.directories():
                self.watcher.addPath(str(watched))

    def show_error(self, error: KioskConfigError) -> None:
        fix = self.tr(
            "Corriger le fichier : la borne redémarre d'elle-même dès qu'il est valide "
            "(modèle commenté : guide-reader kiosk-pin --example)."
        )
        self.staff_details.setText(f"{error}\n\n{fix}")

    def try_again(self) -> None:
        try:
            config = self.reload()
        except KioskConfigError as error:
            self.show_error(error)
            if error.path is not None:
                self._watch(error.path)
            return
        QApplication.instance().removeEventFilter(self)
        self.on_fixed(config)
        self.hide()
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.ContextMenu, QEvent.Type.WhatsThis):
            return True
        if self.staff_corner.tap_completes_gesture(watched, event):  # the staff's details shown, or hidden
            self.staff_details.setVisible(not self.staff_details.isVisible())
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QEvent) -> None:  # noqa: N802
        event.ignore()  # the window manager or Alt+F4: the page stays
