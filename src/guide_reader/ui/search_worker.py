"""Searches and completions of what is typed in the search field, run on a pool thread so that no
keystroke waits on the index or on the completion list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from .gui_thread_gc import collect_on_gui_thread


class _Signals(QObject):
    finished = Signal(int, object)  # the task's number, its result


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object], number: int, signals: _Signals) -> None:
        super().__init__()
        self.work, self.number, self.signals = work, number, signals

    def run(self) -> None:
        self.signals.finished.emit(self.number, self.work())


class LatestOnly(QObject):
    """Runs one task at a time on its own thread; only the newest task's result is reported.

    ``done(text, result)`` is emitted in the window's thread for the text the task was started
    with. A task started while another runs replaces the one waiting, if any: a fast typist never
    queues a search per letter; ``cancel`` forgets the tasks under way.
    """

    done = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        collect_on_gui_thread()  # the task's thread must never destroy the caller's Qt objects
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._finished)
        self._number = 0
        self._text = ""

    def start(self, text: str, work: Callable[[], object]) -> None:
        """Run ``work()`` on the thread, for ``text``."""
        self._number += 1
        self._pool.clear()  # the task not started yet is outdated
        self._text = text
        self._pool.start(_Task(work, self._number, self._signals))

    def cancel(self) -> None:
        self._number += 1
        self._pool.clear()

    def _finished(self, number: int, result: object) -> None:
        if number == self._number:
            self.done.emit(self._text, result)

    def wait(self, milliseconds: int) -> bool:
        """Wait for the task under way (at exit); True when none is left."""
        return self._pool.waitForDone(milliseconds)
