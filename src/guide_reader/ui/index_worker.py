"""Builds or updates the search index on a pool thread, reporting progress to the window."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Signal

from ..library import Library
from .pool_task import PoolTask, TaskSignals

_log = logging.getLogger(__name__)


class IndexCancelledError(Exception):
    """Raised from the progress callback to stop a build when the window closes."""


class IndexSignals(TaskSignals):
    progress = Signal(int, int, str)  # done, total, message
    catalogue_changed = Signal()  # the library's entries and problems were read again
    finished = Signal(object)  # the IndexReport
    failed = Signal(str)


class IndexWorker(PoolTask):
    """One run of ``ensure_index``; no process is spawned, the GUI thread never waits on it."""

    signals: IndexSignals

    def __init__(self, library: Library, rebuild: bool = False) -> None:
        super().__init__(IndexSignals())
        self.library = library
        self.rebuild = rebuild
        self._cancelled = threading.Event()
        self.done = threading.Event()
        """Set when ``run`` has returned (the build and the check after it)."""

    def cancel(self) -> None:
        """Stop at the next progress step (the engine cancels its writer): the program is closing."""
        self._cancelled.set()

    def _progress(self, done: int, total: int, message: str) -> None:
        if self._cancelled.is_set():
            raise IndexCancelledError
        self.signals.progress.emit(done, total, message)

    def work(self) -> None:
        try:
            self._run()
        finally:
            self.done.set()

    def _run(self) -> None:
        try:
            if not self.library.in_step:  # first the catalogue, by the files' sizes and times
                changes = self.library.sync(self._progress)
                if changes.added or changes.changed or changes.removed or not self.library.entries:
                    self.signals.catalogue_changed.emit()
            report = self.library.search_engine.ensure_index(self._progress, rebuild=self.rebuild)
        except IndexCancelledError:
            return
        except Exception as error:
            _log.exception("index build failed")
            if not self._cancelled.is_set():
                self.signals.failed.emit(str(error))
        else:
            if not self._cancelled.is_set():
                self.signals.finished.emit(report)
            self._after_ready()

    def _after_ready(self) -> None:
        """Search is ready; still off the window's thread: the completions, the small segments of past
        updates merged into one, then the whole index read once (rebuilt if a file was damaged in place)."""
        engine = self.library.search_engine
        try:
            engine.prepare_completions()
            engine.merge_small_segments()
            report = engine.repair_if_damaged(self._progress)
        except IndexCancelledError:
            return
        except Exception:
            _log.exception("index check failed")
            return
        if report is not None and not self._cancelled.is_set():
            self.signals.finished.emit(report)
