"""The window's store writes: queued on the store's writer thread, answered on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot

from ..store import BookmarkStore
from ..store.writer import StoreWriter


class StoreWrites(QObject):
    """``submit`` a change; its ``done``/``failed`` callback runs later on the GUI thread.

    A change submitted without ``failed`` reports its error through ``write_failed``.
    """

    write_failed = Signal(object)  # the exception of a write that has no handler of its own
    _deliver = Signal(object)  # a callable to run on the GUI thread

    def __init__(self, store: BookmarkStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = StoreWriter(store)
        self._deliver.connect(self._run)

    def submit(
        self,
        job: Callable[[BookmarkStore], Any],
        *,
        key: Hashable | None = None,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        self.writer.submit(
            job,
            key=key,
            done=self._on_gui_thread(done) if done is not None else None,
            failed=self._on_gui_thread(failed or self.write_failed.emit),
        )

    def _on_gui_thread(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        return lambda value: self._deliver.emit(lambda: callback(value))

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()

    def finish(self, timeout_s: float = 10.0) -> bool:
        """Wait for the queued writes and run their callbacks (closing, the kiosk's reset, tests)."""
        finished = self.writer.flush(timeout_s)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        return finished

    def close(self, timeout_s: float = 10.0) -> bool:
        finished = self.finish(timeout_s)
        self.writer.close(0)
        return finished
