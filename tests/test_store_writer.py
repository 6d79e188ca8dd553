"""The store's writer thread: order, coalescing, errors, and a window that never waits for a write."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from guide_reader.library import Library
from guide_reader.store import BookmarkStore, StoreWriteError, default_database_path
from guide_reader.store.writer import StoreWriter
from guide_reader.ui.bookmarks_page import BOOKMARK_ROLE
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.navigation import Location
from guide_reader.ui.settings import Settings


def test_jobs_run_in_order_and_report_back(store: BookmarkStore) -> None:
    writer = StoreWriter(store)
    results: list[object] = []
    for anchor in ("a", "b", "c"):
        writer.submit(
            lambda s, anchor=anchor: s.add("leucopenie", anchor, kind="section", article_title="L", heading=anchor),
            done=lambda bookmark: results.append(bookmark.anchor),
        )
    assert writer.flush(10)
    assert results == ["a", "b", "c"]
    assert [bookmark.anchor for bookmark in store.bookmarks()] == ["a", "b", "c"]
    writer.close(10)


def test_a_failing_job_reports_its_error_and_the_next_ones_still_run(store: BookmarkStore) -> None:
    writer = StoreWriter(store)
    errors: list[Exception] = []

    def fail(_store: BookmarkStore) -> None:
        raise StoreWriteError("disk-full")

    writer.submit(fail, failed=errors.append)
    writer.submit(lambda s: s.history.record("leucopenie", article_title="L"))
    assert writer.flush(10)
    assert [error.reason for error in errors] == ["disk-full"]
    assert len(store.history.recent()) == 1
    writer.close(10)


def test_jobs_of_one_key_waiting_together_are_coalesced(store: BookmarkStore) -> None:
    writer = StoreWriter(store)
    gate = threading.Event()
    writer.submit(lambda _s: gate.wait(10))  # holds the writer, as a busy file would
    for number in range(5):
        writer.submit(lambda s, n=number: s.history.record("leucopenie", f"s{n}", article_title="L"), key="history")
    gate.set()
    assert writer.flush(10)
    assert [entry.anchor for entry in store.history.recent()] == ["s4"]
    writer.close(10)


def test_the_window_never_waits_for_a_write_held_up_by_another_program(qtbot) -> None:
    """Another program holds the write lock (an import): pages still open, reads still answer."""
    window = MainWindow(Library(), Settings(in_memory=True))
    qtbot.addWidget(window)
    window.show()
    other = BookmarkStore(default_database_path())
    other.add("leucopenie", "quand-consulter-un-medecin", kind="section", article_title="L", heading="H")
    assert window.library.store.find("leucopenie", "quand-consulter-un-medecin") is not None
    transaction = other._database.write()
    transaction.__enter__()  # BEGIN IMMEDIATE: held until released below
    try:
        for slug in ("leucopenie", "cancer-qui-regresse-tout-seul", "regression-tumorale-spontanee"):
            window.open_article(slug)
            assert window.article_page.article.slug == slug
        assert not window.store_writes.writer.idle  # the history write is still waiting for the lock
        assert [b.anchor for b in window.library.store.bookmarks()] == ["quand-consulter-un-medecin"]
    finally:
        transaction.__exit__(None, None, None)
        other.close()
    assert window.store_writes.finish(30)
    recent = window.library.store.history.recent()
    assert recent[0].slug == "regression-tumorale-spontanee"
    # The visits made while it waited were coalesced: the first (already running), then one write
    # holding the last visit and the section read in the guide left just before (5 places without).
    assert len(recent) <= 3


HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


@contextmanager
def write_lock_held_by_another_process(path: Path) -> Iterator[None]:
    """Another program holds ``BEGIN IMMEDIATE`` on ``path`` (as an import does) until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.communicate("\n", timeout=30)


def test_the_bookmarks_page_never_waits_for_a_write_held_up_by_another_program(qtbot) -> None:
    """Removing, undoing, redoing and clearing the history while another program holds the lock."""
    window = MainWindow(Library(), Settings(in_memory=True))
    qtbot.addWidget(window)
    window.show()
    store = window.library.store
    for anchor in ("quand-consulter-un-medecin", "les-complications-possibles"):
        store.add_for(window.library.article("leucopenie"), anchor, f"note {anchor}")
    store.history.record("leucopenie", "quand-consulter-un-medecin", article_title="L", heading="H")
    window.go_to(Location("bookmarks"))
    page = window.bookmarks_page
    first, second = page._bookmark_items()
    page.tree.setCurrentItem(first)
    removed = first.data(0, BOOKMARK_ROLE)
    with write_lock_held_by_another_process(default_database_path()):
        page.remove_current()
        assert page._current_bookmark().id == second.data(0, BOOKMARK_ROLE).id  # the next one, at once
        page.clear_history()
        assert not window.store_writes.writer.idle  # the writes wait for the lock, the window does not
        assert len(store.bookmarks()) == 2  # reads still answer
        assert len(store.history.recent()) == 1
    assert window.store_writes.finish(30)
    assert store.find(removed.slug, removed.anchor) is None
    assert store.history.recent() == []
    assert page.history_list.item(0).text() == "Rien de lu pour le moment."
    with write_lock_held_by_another_process(default_database_path()):
        page.undo_remove()
        assert store.find(removed.slug, removed.anchor) is None  # queued, not yet written
    assert window.store_writes.finish(30)
    assert store.find(removed.slug, removed.anchor).note == removed.note
    assert page._current_bookmark().anchor == removed.anchor  # put back and selected
