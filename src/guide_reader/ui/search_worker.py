"""Searches typed in the search field, run on a pool thread so that no keystroke waits on the index."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..search import SearchEngine, SearchResults


class _Signals(QObject):
    finished = Signal(int, object)  # the search's number, its SearchResults


class _Search(QRunnable):
    def __init__(self, engine: SearchEngine, query: str, number: int, signals: _Signals) -> None:
        super().__init__()
        self.engine, self.query, self.number, self.signals = engine, query, number, signals

    def run(self) -> None:
        self.signals.finished.emit(self.number, self.engine.search(self.query))


class BackgroundSearch(QObject):
    """Runs one search at a time on its own thread; only the newest query's results are reported.

    ``found(query, results)`` is emitted in the window's thread. A query typed while another
    runs replaces the one waiting, if any: a fast typist never queues a search per letter.
    """

    found = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._finished)
        self._number = 0
        self._queries: dict[int, str] = {}

    def start(self, engine: SearchEngine, query: str) -> None:
        self._number += 1
        self._pool.clear()  # the search not started yet is outdated
        self._queries = {self._number: query}
        self._pool.start(_Search(engine, query, self._number, self._signals))

    def cancel(self) -> None:
        """Forget the searches under way (a synchronous search answered, or the page changed)."""
        self._number += 1
        self._pool.clear()
        self._queries = {}

    def _finished(self, number: int, results: SearchResults) -> None:
        query = self._queries.pop(number, None)
        if number == self._number and query is not None:
            self.found.emit(query, results)

    def wait(self, milliseconds: int) -> bool:
        """Wait for the search under way (at exit); True when none is left."""
        return self._pool.waitForDone(milliseconds)
