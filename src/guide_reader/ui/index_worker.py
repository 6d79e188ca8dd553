"""Builds or updates the search index on a pool thread, reporting progress to the window."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from ..library import Library

_log = logging.getLogger(__name__)


class IndexCancelledError(Exception):
    """Raised from the progress callback to stop a build when the window closes."""


class IndexSignals(QObject):
    progress = Signal(int, int, str)  # done, total, message
    catalogue_changed = Signal()  # the library's entries and problems were read again
    finished = Signal(object)  # the IndexReport
    failed = Signal(str)
    ended = Signal()  # the last signal of a run: the object is then deleted, on the GUI thread


class IndexWorker(QRunnable):
    """One run of ``ensure_index``; no process is spawned, the GUI thread never waits on it.

    Its signals object belongs to the application, not to this runnable nor to the window: the pool
    thread may drop the last reference to the runnable, and the window may be gone before the run
    ends; the signals object is deleted on the GUI thread after ``ended``, the run's last signal.
    """

    def __init__(self, library: Library, rebuild: bool = False) -> None:
        super().__init__()
        self.library = library
        self.rebuild = rebuild
        self.signals = IndexSignals(QCoreApplication.instance())
        self.signals.ended.connect(self.signals.deleteLater)
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

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.done.set()
            self.signals.ended.emit()

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
