"""Qt objects are destroyed on the GUI thread only, whatever thread Python collects garbage in.

Before: windows closed one after another while the next one built its index crashed the program
(segmentation fault in ``QObject::~QObject``) in about one run of 40 windows out of three.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThreadPool, Signal

from guide_reader.kiosk import hash_pin
from guide_reader.ui.gui_thread_gc import CHECK_INTERVAL_MS, collect_on_gui_thread
from guide_reader.ui.kiosk.overlays import PinCheck
from guide_reader.ui.pool_task import PoolTask, TaskSignals

from .test_ui_window import make_window


class Cycle:
    """An object in a reference cycle that says on which thread it was destroyed."""

    def __init__(self, destroyed_on: list[int]) -> None:
        self.me = self
        self.destroyed_on = destroyed_on

    def __del__(self) -> None:
        self.destroyed_on.append(threading.get_ident())


@pytest.fixture
def low_thresholds() -> Iterator[None]:
    """Python's collector run often: every 50 allocations (as they were before, afterwards)."""
    saved, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(50, 2, 2)
    yield
    gc.set_threshold(*saved)
    if not enabled:
        gc.disable()


def test_a_cycle_dropped_on_another_thread_is_collected_on_the_gui_thread(qtbot, qapp) -> None:
    collector = collect_on_gui_thread()
    assert collect_on_gui_thread() is collector and not gc.isenabled()
    destroyed_on: list[int] = []

    def work() -> None:
        for _ in range(20 * collector.threshold[0]):  # well past the threshold, on this thread
            Cycle(destroyed_on)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert destroyed_on == []
    qtbot.waitUntil(lambda: destroyed_on != [], timeout=5 * CHECK_INTERVAL_MS)
    assert set(destroyed_on) == {threading.get_ident()}


def deleted_on_thread(qtbot, signals: TaskSignals) -> list[int]:
    """The threads ``signals`` was deleted on (waited for)."""
    deleted_on: list[int] = []
    signals.destroyed.connect(lambda: deleted_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection)
    qtbot.waitUntil(lambda: not shiboken6.isValid(signals), timeout=30_000)
    return deleted_on


class EchoSignals(TaskSignals):
    said = Signal()


class Echo(PoolTask):
    signals: EchoSignals

    def work(self) -> None:
        self.signals.said.emit()


@pytest.mark.parametrize("task", [lambda: Echo(EchoSignals()), lambda: PinCheck("1234", hash_pin("1234"))])
def test_a_pool_tasks_signals_are_deleted_on_the_gui_thread_with_nobody_keeping_the_task(qtbot, task) -> None:
    started = task()
    signals = started.signals
    QThreadPool.globalInstance().start(started)
    del started  # the pool thread drops the last reference to the runnable
    assert deleted_on_thread(qtbot, signals) == [threading.get_ident()]


def test_the_index_workers_signals_are_deleted_on_the_gui_thread_once_it_ends(qtbot) -> None:
    window = make_window(qtbot)
    assert deleted_on_thread(qtbot, window._index_worker.signals) == [threading.get_ident()]


@pytest.mark.parametrize("round_", range(20))
def test_windows_closed_while_the_next_one_builds_its_index_do_not_crash(qtbot, low_thresholds, round_) -> None:
    gc.enable()  # garbage collected on any thread, often: the workers' objects must not care
    window = make_window(qtbot)
    window.search_for("fievre")
    window.open_article("leucopenie", "")
    assert window.article_page.article.slug == "leucopenie"
