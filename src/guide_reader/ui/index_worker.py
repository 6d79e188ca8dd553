"""Builds or updates the search index on a pool thread, reporting progress to the window."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from ..library import Library


class IndexCancelledError(Exception):
    """Raised from the progress callback to stop a build when the window closes."""


class IndexSignals(QObject):
    progress = Signal(int, int, str)  # done, total, message
    catalogue_changed = Signal()  # the library's entries and problems were read again
    finished = Signal(object)  # the IndexReport
    failed = Signal(str)


class IndexWorker(QRunnable):
    """One run of ``ensure_index``; no process is spawned, the GUI thread never waits on it."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.signals = IndexSignals()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Stop at the next progress step (the engine cancels its writer): the program is closing."""
        self._cancelled.set()

    def _progress(self, done: int, total: int, message: str) -> None:
        if self._cancelled.is_set():
            raise IndexCancelledError
        self.signals.progress.emit(done, total, message)

    def run(self) -> None:
        try:
            if not self.library.in_step:  # first the catalogue, by the files' sizes and times
                changes = self.library.sync(self._progress)
                if changes.added or changes.changed or changes.removed or not self.library.entries:
                    self.signals.catalogue_changed.emit()
            report = self.library.search_engine.ensure_index(self._progress)
        except IndexCancelledError:
            return
        except Exception as error:
            if not self._cancelled.is_set():
                self.signals.failed.emit(str(error))
        else:
            if not self._cancelled.is_set():
                self.signals.finished.emit(report)
                # Then, still off the window's thread: the completions, and the small segments
                # of past updates merged into one.
                self.library.search_engine.prepare_completions()
                self.library.search_engine.merge_small_segments()
