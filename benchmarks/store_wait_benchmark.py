"""How long the caller waits to record a visit while another program holds the store's write lock.

    python benchmarks/store_wait_benchmark.py [--hold 1.0] [--runs 5]

Another process takes ``BEGIN IMMEDIATE`` on the bookmarks file and keeps it ``--hold``
seconds (as ``guide-reader bookmarks import`` does). Measured in the same run, interleaved:
recording a visit directly (``history.record``, what the window did on its thread) and
handing it to the ``StoreWriter`` (what the window does now). Prints a Markdown table of
medians with the machine's load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guide_reader.store import BookmarkStore
from guide_reader.store.writer import StoreWriter

HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""


def _held(path: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hold", type=float, default=1.0, help="seconds the other program keeps the lock")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    direct, queued, free = [], [], []
    with tempfile.TemporaryDirectory(prefix="guide-reader-store-") as temporary:
        path = Path(temporary) / "store.sqlite3"
        with BookmarkStore(path) as store:
            writer = StoreWriter(store)
            for run in range(max(1, args.runs)):
                started = time.perf_counter()
                store.history.record("leucopenie", f"free-{run}", article_title="L")
                free.append(time.perf_counter() - started)
                holder = _held(path, args.hold)
                started = time.perf_counter()
                store.history.record("leucopenie", f"direct-{run}", article_title="L")
                direct.append(time.perf_counter() - started)
                holder.wait()
                holder = _held(path, args.hold)
                started = time.perf_counter()
                writer.submit(lambda s, run=run: s.history.record("leucopenie", f"queued-{run}", article_title="L"))
                queued.append(time.perf_counter() - started)
                holder.wait()
                writer.flush(30)
            writer.close(30)
    load = os.getloadavg()[0]
    print(f"| caller's wait, lock held {args.hold:.1f} s by another program (load {load:.2f}) | median (ms) |")
    print("| --- | --- |")
    print(f"| record a visit, no other program (baseline) | {statistics.median(free) * 1000:.2f} |")
    print(f"| record a visit directly (before: on the window's thread) | {statistics.median(direct) * 1000:.1f} |")
    print(f"| hand it to the store's writer (now) | {statistics.median(queued) * 1000:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
