"""Panels drawn over the kiosk window: the idle countdown and the staff PIN pad."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...kiosk import AttemptThrottle, verify_pin

PIN_KEY_SIZE = 72
MAX_PIN_LENGTH = 12


class Overlay(QFrame):
    """A panel centred over its parent, drawn on top of everything."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOverlay")
        self.setAutoFillBackground(True)
        self.hide()

    def open(self) -> None:
        parent = self.parentWidget()
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, (parent.height() - self.height()) // 3)
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


class PinPad(Overlay):
    """The staff's way out: digits on screen, a salted-hash check, and slower tries after a wrong PIN."""

    unlocked = Signal()

    def __init__(self, parent: QWidget, pin_hash: str | None, clock: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        self.pin_hash = pin_hash
        self.throttle = AttemptThrottle(clock) if clock else AttemptThrottle()
        self.entered = ""
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
        self.unlock_timer = QTimer(self)
        self.unlock_timer.setSingleShot(True)
        self.unlock_timer.timeout.connect(self._allow_again)

    def _button(self, label: str, slot: object, name: str | None = None) -> QPushButton:
        button = QPushButton(label)
        button.setMinimumSize(PIN_KEY_SIZE, PIN_KEY_SIZE)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        self.buttons[name or label] = button
        return button

    def open_pad(self) -> None:
        self.entered = ""
        self._refresh()
        if self.pin_hash is None:
            self.message.setText(self.tr("Aucun code du personnel n'est réglé : voir « guide-reader kiosk-pin »."))
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
        if self.throttle.seconds_to_wait() > 0 or not self.entered:
            return
        if self.pin_hash is not None and verify_pin(self.entered, self.pin_hash):
            self.throttle.success()
            self.close_pad()
            self.unlocked.emit()
            return
        delay = self.throttle.failure()
        self.entered = ""
        self.message.setText(self.tr("Code incorrect. Nouvel essai possible dans %1 s.").replace("%1", f"{delay:g}"))
        self._set_keys_enabled(False)
        self.unlock_timer.start(int(delay * 1000))
        self._refresh()

    def _allow_again(self) -> None:
        if self.throttle.seconds_to_wait() > 0:
            self.unlock_timer.start(int(self.throttle.seconds_to_wait() * 1000) + 1)
            return
        self._set_keys_enabled(True)
        self.message.setText("")

    def _set_keys_enabled(self, enabled: bool) -> None:
        for name, button in self.buttons.items():
            if name != "cancel":
                button.setEnabled(enabled)

    def _refresh(self) -> None:
        self.display.setText("●" * len(self.entered) if self.entered else self.tr("Entrez le code"))
