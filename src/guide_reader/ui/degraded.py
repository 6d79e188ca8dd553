"""Degraded states (no index, read-only store, memory-only index, a failed write): said once, logged."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel

_log = logging.getLogger(__name__)


class DegradedStates:
    """Says each degraded state once in the status bar, in plain words, and logs it."""

    def __init__(self, status_label: QLabel) -> None:
        self._label = status_label
        self.said: dict[str, str] = {}
        """Each state said so far (a key such as "store-write" or "index") and its message."""

    def say(self, key: str, message: str) -> bool:
        """Show ``message`` unless the state ``key`` was already said; True when shown now."""
        if key in self.said:
            return False
        self.said[key] = message
        _log.warning("degraded state %s: %s", key, message)
        self._label.setText(message)
        self._label.setAccessibleDescription(message)
        return True
