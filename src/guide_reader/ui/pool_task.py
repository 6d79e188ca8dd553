"""Work run on a pool thread that reports to the GUI thread through signals, without crashing.

The pool deletes its runnable on the pool thread when the work ends, dropping the runnable's
Python wrapper there. A signals object the runnable alone kept would then be destroyed on that
thread, while it belongs to the GUI thread (a segmentation fault in ``QObject::~QObject``). So the
signals object belongs to the application and is deleted on the GUI thread after ``ended``, the
last signal of a run; whoever started the task may be gone by then.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal


class TaskSignals(QObject):
    """Base of a task's signals: owned by the application, deleted on the GUI thread after ``ended``."""

    ended = Signal()

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.ended.connect(self.deleteLater)


class PoolTask(QRunnable):
    """A runnable for ``QThreadPool.start``: subclasses give ``work``, and their signals as ``signals``."""

    def __init__(self, signals: TaskSignals) -> None:
        super().__init__()
        self.signals = signals

    def work(self) -> None:
        raise NotImplementedError

    def run(self) -> None:
        try:
            self.work()
        finally:
            self.signals.ended.emit()
