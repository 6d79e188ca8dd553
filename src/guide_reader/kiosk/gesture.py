"""The staff's hidden gesture: a number of taps in a screen corner within a few seconds (no Qt)."""

from __future__ import annotations

import time
from collections.abc import Callable


class CornerTaps:
    """Counts taps; ``tap()`` is True on the ``taps``-th tap within ``seconds`` (and starts counting anew)."""

    def __init__(self, taps: int, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.taps = taps
        self.seconds = seconds
        self._clock = clock
        self._times: list[float] = []

    def tap(self, now: float | None = None) -> bool:
        now = self._clock() if now is None else now
        self._times = [moment for moment in self._times if now - moment <= self.seconds] + [now]
        if len(self._times) >= self.taps:
            self._times.clear()
            return True
        return False
