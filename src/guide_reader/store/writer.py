"""One writer thread for the store: changes queued in order, run off the caller's thread.

A write can wait up to the busy timeout while another program holds the file (an import,
a second window): the window hands its writes to a ``StoreWriter`` and never waits.
A job given a ``key`` replaces the job of the same key still waiting (coalesced: the
reading history records the last place only when writes are held up).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from itertools import count
from typing import Any

from .bookmarks import BookmarkStore

_log = logging.getLogger(__name__)

Job = Callable[[BookmarkStore], Any]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


@dataclass
class _Pending:
    job: Job
    done: Done | None
    failed: Failed | None


class StoreWriter:
    """Runs ``submit``-ted jobs on one daemon thread, in order; callbacks run on that thread.

    ``done(result)`` or ``failed(error)`` is called after each job (``error``: any exception
    the job raised, typically ``StoreWriteError``); a job without ``failed`` has its error logged.
    """

    def __init__(self, store: BookmarkStore) -> None:
        self.store = store
        self._pending: OrderedDict[Hashable, _Pending] = OrderedDict()
        self._condition = threading.Condition()
        self._busy = False
        self._closed = False
        self._numbers = count()
        self._thread: threading.Thread | None = None

    def submit(
        self, job: Job, *, key: Hashable | None = None, done: Done | None = None, failed: Failed | None = None
    ) -> None:
        """Queue ``job(store)``; with ``key``, replace a job of that key still waiting."""
        with self._condition:
            if self._closed:
                raise RuntimeError("store writer closed")
            slot = ("key", key) if key is not None else ("job", next(self._numbers))
            self._pending.pop(slot, None)  # a replaced job goes to the end: it runs after the others
            self._pending[slot] = _Pending(job, done, failed)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
                self._thread.start()
            self._condition.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every job queued so far has run; False if ``timeout`` (seconds) passed first."""
        with self._condition:
            return self._condition.wait_for(lambda: not self._pending and not self._busy, timeout)

    @property
    def idle(self) -> bool:
        with self._condition:
            return not self._pending and not self._busy

    def close(self, timeout: float | None = None) -> bool:
        """Run what is queued, then stop the thread; False if ``timeout`` passed first (jobs then lost)."""
        finished = self.flush(timeout)
        with self._condition:
            self._closed = True
            self._condition.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        return finished

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending or self._closed)
                if not self._pending:
                    return
                _slot, pending = self._pending.popitem(last=False)
                self._busy = True
            try:
                self._execute(pending)
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()

    def _execute(self, pending: _Pending) -> None:
        try:
            result = pending.job(self.store)
        except Exception as error:  # reported to the caller: the thread goes on with the next job
            _log.warning("store write failed: %s", error)
            if pending.failed is not None:
                self._call(pending.failed, error)
            return
        if pending.done is not None:
            self._call(pending.done, result)

    @staticmethod
    def _call(callback: Callable[[Any], None], value: object) -> None:
        try:
            callback(value)
        except Exception:
            _log.exception("store writer callback failed")
