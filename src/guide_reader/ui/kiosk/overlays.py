"""Panels drawn over the kiosk window: the idle countdown and the staff PIN pad."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...kiosk import AttemptThrottle, verify_pin
from ..pool_task import PoolTask, TaskSignals

PIN_KEY_SIZE = 72
MAX_PIN_LENGTH = 12
WAIT_TICK_MS = 1000
OVERLAY_MARGIN = 16  # px between a panel and the edges of the screen


class Overlay(QFrame):
    """A panel centred over its parent, drawn on top of everything."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOverlay")
        self.setAutoFillBackground(True)
        self.hide()

    def open(self) -> None:
        """Show the panel over its parent, never wider or taller than it (its labels wrap)."""
        parent = self.parentWidget()
        for label in self.findChildren(QLabel):
            label.setWordWrap(True)
        self.setMaximumSize(parent.width() - 2 * OVERLAY_MARGIN, parent.height() - 2 * OVERLAY_MARGIN)
        self.adjustSize()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():  # wrapped labels: as tall as their lines
            self.resize(self.width(), min(self.maximumHeight(), layout.totalHeightForWidth(self.width())))
        self.move((parent.width() - self.width()) // 2, max(OVERLAY_MARGIN, (parent.height() - self.height()) // 3))
        self.show()
        self.raise_()


class IdleCountdown(Overlay):
    """'Toujours là ?': any touch or key (handled by the kiosk) keeps the visit going."""

    expired = Signal()

    def __init__(self, parent: QWidget, seconds: int) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self.remaining = seconds
        title = QLabel(self.tr("Toujours là ?"))
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Touchez l'écran pour continuer votre lecture."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(16)
        for widget in (title, hint, self.count_label):
            layout.addWidget(widget)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.remaining = self.seconds
        self._show_remaining()
        self.open()
        self.timer.start()

    def cancel(self) -> None:
        self.timer.stop()
        self.hide()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.cancel()
            self.expired.emit()
        else:
            self._show_remaining()

    def _show_remaining(self) -> None:
        self.count_label.setText(
            self.tr("Retour à l'accueil dans %1 s, pour le prochain visiteur.").replace("%1", str(self.remaining))
        )


class PinCheckSignals(TaskSignals):
    checked = Signal(bool)


class PinCheck(PoolTask):
    """One PBKDF2 check on a pool thread (a fraction of a second: never on the GUI thread)."""

    signals: PinCheckSignals

    def __init__(self, pin: str, pin_hash: str) -> None:
        super().__init__(PinCheckSignals())
        self.pin = pin
        self.pin_hash = pin_hash

    def work(self) -> None:
        self.signals.checked.emit(verify_pin(self.pin, self.pin_hash))


class PinPad(Overlay):
    """The staff's way out: digits on screen, a salted-hash check off the GUI thread, and slower tries
    after a wrong PIN (with the seconds left counting down on screen)."""

    unlocked = Signal()

    def __init__(self, parent: QWidget, pin_hash: str | None, clock: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self.pin_hash = pin_hash
        self.throttle = AttemptThrottle(clock) if clock else AttemptThrottle()
        self.entered = ""
        self.checking: PinCheck | None = None
        title = QLabel(self.tr("Accès du personnel"))
        title.setObjectName("pageTitle")
        self.display = QLabel()
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._button(digit, lambda _c=False, d=digit: self.press(d)), index // 3, index % 3)
        grid.addWidget(self._button("⌫", self.erase, "erase"), 3, 0)
        grid.addWidget(self._button("0", lambda: self.press("0")), 3, 1)
        grid.addWidget(self._button(self.tr("Valider"), self.submit, "ok"), 3, 2)
        cancel = self._button(self.tr("Annuler"), self.close_pad, "cancel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.addWidget(title)
        layout.addWidget(self.display)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addWidget(cancel)
        self.wait_timer = QTimer(self)  # ticks each second while a wrong PIN's delay runs
        self.wait_timer.setInterval(WAIT_TICK_MS)
        self.wait_timer.timeout.connect(self._tick_wait)

    def _button(self, label: str, slot: object, name: str | None = None) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName("pinKey")
        button.setMinimumSize(PIN_KEY_SIZE, PIN_KEY_SIZE)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        self.buttons[name or label] = button
        return button

    def open_pad(self) -> None:
        self.entered = ""
        self._refresh()
        if self.pin_hash is None:
            # Visitors may open the pad too: no hint here about how the kiosk is set up.
            self.message.setText(self.tr("Réservé au personnel de l'accueil."))
        elif self.throttle.seconds_to_wait() > 0:
            self._tick_wait()
        self.open()

    def close_pad(self) -> None:
        self.entered = ""
        self.hide()

    def press(self, digit: str) -> None:
        if len(self.entered) < MAX_PIN_LENGTH:
            self.entered += digit
            self._refresh()

    def erase(self) -> None:
        self.entered = self.entered[:-1]
        self._refresh()

    def submit(self) -> None:
        if self.checking is not None or self.throttle.seconds_to_wait() > 0 or not self.entered:
            return
        if self.pin_hash is None:
            self._checked(False)
            return
        self.checking = PinCheck(self.entered, self.pin_hash)
        self.checking.signals.checked.connect(self._checked)
        self._set_keys_enabled(False)
        self.message.setText(self.tr("Vérification…"))
        QThreadPool.globalInstance().start(self.checking)

    def _checked(self, right: bool) -> None:
        self.checking = None
        self.entered = ""
        self._refresh()
        if right:
            self.throttle.success()
            self.message.setText("")
            self._set_keys_enabled(True)
            self.close_pad()
            self.unlocked.emit()
            return
        self.throttle.failure()
        self._tick_wait()
        self.wait_timer.start()

    def _tick_wait(self) -> None:
        """Show the seconds left before the next try; give the keys back when they are up."""
        left = math.ceil(self.throttle.seconds_to_wait())
        if left <= 0:
            self.wait_timer.stop()
            self._set_keys_enabled(True)
            self.message.setText(self.tr("Entrez le code à nouveau."))
            return
        self._set_keys_enabled(False)
        self.message.setText(self.tr("Code incorrect. Nouvel essai possible dans %1 s.").replace("%1", str(left)))
        if not self.wait_timer.isActive():
            self.wait_timer.start()

    def _set_keys_enabled(self, enabled: bool) -> None:
        for name, button in self.buttons.items():
            if name != "cancel":
                button.setEnabled(enabled)

    def _refresh(self) -> None:
        self.display.setText("●" * len(self.entered) if self.entered else self.tr("Entrez le code"))
