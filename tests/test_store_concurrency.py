"""Two programs (or threads, each with its own store) writing at once lose nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from guide_reader.store import FORMAT_NAME, BookmarkStore

WRITER = """
import sys
from pathlib import Path
from guide_reader.store import BookmarkStore

path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with BookmarkStore(path) as store:
    if store.notice:
        sys.exit(store.notice)
    for number in range(count):
        store.add("leucopenie", f"{name}-{number}", kind="section", article_title="L", heading=str(number))
        store.add("leucopenie", "shared", kind="section", article_title="L", heading="shared")
        store.history.record("leucopenie", f"{name}-{number}", article_title="L")
"""


def _run_together(workers: list[Callable[[], None]]) -> None:
    """Start every worker at the same moment (a barrier), wait for all, re-raise the first error."""
    barrier = threading.Barrier(len(workers))
    errors: list[BaseException] = []

    def run(worker: Callable[[], None]) -> None:
        try:
            barrier.wait()
            worker()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def test_two_stores_writing_at_once_from_threads(tmp_path: Path) -> None:
    path = tmp_path / "guide-reader.sqlite3"
    count = 60
    with BookmarkStore(path) as first, BookmarkStore(path) as second:

        def writer(store: BookmarkStore, name: str) -> Callable[[], None]:
            def write() -> None:
                for number in range(count):
                    bookmark = store.add(
                        "leucopenie", f"{name}-{number}", kind="section", article_title="L", heading="H"
                    )
                    store.update_note(bookmark.id, f"note {name} {number}")
                    store.add("leucopenie", "shared", kind="section", article_title="L", heading="shared")
                    store.history.record("leucopenie", f"{name}-{number}", article_title="L")

            return write

        _run_together([writer(first, "a"), writer(second, "b")])
        bookmarks = first.bookmarks()
        assert second.bookmarks() == bookmarks
    assert len(bookmarks) == 2 * count + 1
    assert len({bookmark.id for bookmark in bookmarks}) == len(bookmarks)
    notes = {bookmark.anchor: bookmark.note for bookmark in bookmarks}
    assert all(notes[f"{name}-{n}"] == f"note {name} {n}" for name in "ab" for n in range(count))
    with BookmarkStore(path) as reopened:
        assert len(reopened.history.recent(limit=1000)) == 2 * count


def test_two_imports_at_once_merge_both_notes(tmp_path: Path) -> None:
    """Each import reads, merges and writes the same bookmark's note: neither note is lost."""
    path = tmp_path / "guide-reader.sqlite3"
    files = []
    for name in ("maison", "cabinet"):
        entries = [{"slug": "leucopenie", "anchor": "shared", "note": f"note de {name}"}]
        entries += [{"slug": "leucopenie", "anchor": f"{name}-{n}", "note": name} for n in range(40)]
        file = tmp_path / f"{name}.json"
        file.write_text(json.dumps({"format": FORMAT_NAME, "version": 1, "bookmarks": entries}), encoding="utf-8")
        files.append(file)
    with BookmarkStore(path) as first, BookmarkStore(path) as second:
        reports = []
        _run_together(
            [lambda: reports.append(first.import_from(files[0])), lambda: reports.append(second.import_from(files[1]))]
        )
        shared = first.find("leucopenie", "shared")
        assert len(first.bookmarks()) == 81
    assert "note de maison" in shared.note
    assert "note de cabinet" in shared.note
    assert sorted(len(report.added) + len(report.merged) for report in reports) == [41, 41]


def test_several_programs_writing_at_once(tmp_path: Path) -> None:
    """Separate processes start together on a file that does not exist yet."""
    path = tmp_path / "data" / "guide-reader.sqlite3"
    names, count = ["p1", "p2", "p3", "p4"], 40
    processes = [
        subprocess.Popen(
            [sys.executable, "-W", "error", "-c", WRITER, str(path), name, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    for process in processes:
        _, errors = process.communicate(timeout=90)
        assert process.returncode == 0, errors
    with BookmarkStore(path) as store:
        assert store.notice is None
        anchors = sorted(bookmark.anchor for bookmark in store.bookmarks())
        assert anchors == sorted([f"{name}-{n}" for name in names for n in range(count)] + ["shared"])
        assert len(store.history.recent(limit=1000)) == len(names) * count
    assert list(path.parent.glob("*.damaged-*")) == []
