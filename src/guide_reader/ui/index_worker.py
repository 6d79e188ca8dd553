"""Builds or updates the search index on a pool thread, reporting progress to the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from ..library import Library


class IndexSignals(QObject):
    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(object)  # the IndexReport
    failed = Signal(str)


class IndexWorker(QRunnable):
    """One run of ``ensure_index``; no process is spawned, the GUI thread never waits on it."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.signals = IndexSignals()

    def run(self) -> None:
        try:
            report = self.library.search_engine.ensure_index(self.signals.progress.emit)
        except Exception as error:
            self.signals.failed.emit(str(error))
        else:
            self.signals.finished.emit(report)
