"""Python's cyclic garbage collector run on the GUI thread only.

Qt objects must be destroyed in the thread they belong to. Python's collector runs in whichever
thread happens to allocate past its threshold: during an index build, that is the index thread, and
a closed window's wrappers (a reference cycle) would be destroyed there, which crashes the program
(seen as segmentation faults in ``QObject::~QObject`` while a build ran). So automatic collection is
turned off once a window exists, and a timer of the GUI thread collects each generation when its
count has passed the collector's own threshold, as the collector would have done. (The pattern of
pyqtgraph's ``GarbageCollector``.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects cycles on the GUI thread, every ``CHECK_INTERVAL_MS`` ms when there is enough to collect."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(CHECK_INTERVAL_MS)

    def check(self) -> int:
        """Collect the oldest generation whose count has passed its threshold (with the younger
        ones), if any; returns the number of unreachable objects found."""
        generation = -1
        for index, (count, threshold) in enumerate(zip(gc.get_count(), self.threshold, strict=False)):
            if threshold <= 0 or count <= threshold:  # (0: a generation the collector leaves alone)
                break
            generation = index
        return gc.collect(generation) if generation >= 0 else 0


def collect_on_gui_thread() -> GuiThreadCollector:
    """Turn automatic collection off and collect on the application's thread from now on (once per
    application; later calls return the same collector). Needs a ``QCoreApplication``; raises
    ``RuntimeError`` without one."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QCoreApplication: the collector's timer needs the GUI thread's event loop")
    collector = app.findChild(GuiThreadCollector)
    return collector if collector is not None else GuiThreadCollector(app)
