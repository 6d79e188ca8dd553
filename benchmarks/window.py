"""Window speed: start to first paint against a bare QMainWindow, opening the longest
article, keystroke to results, peak memory. Prints one Markdown table of medians.

    .venv/bin/python benchmarks/window.py [--runs 7]

Both start-ups are child processes started the same way (offscreen, same interpreter);
the child reports the moment its main window receives its first paint event.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

FIRST_PAINT = """
import os, resource, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            print(time.monotonic(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
app.installEventFilter(FirstPaint(app))
"""
BARE_CHILD = (
    FIRST_PAINT
    + """
window = QMainWindow()
window.resize(1200, 820)
window.show()
app.exec()
"""
)
READER_CHILD = (
    FIRST_PAINT
    + """
from guide_reader.ui.app import WindowOptions, run
run(WindowOptions())
"""
)


def child_start(code: str, environment: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawning the child to its first paint, and the child's peak RSS then, in KiB."""
    started = time.monotonic()
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True, timeout=120
    ).stdout
    painted, peak = output.split()[-2:]
    return float(painted) - started, int(peak)


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def in_process_timings(runs: int) -> dict[str, float]:
    """Open the longest article, and search: measured inside one running window."""
    from PySide6.QtWidgets import QApplication

    from guide_reader.library import Library
    from guide_reader.ui.main_window import SEARCH_DELAY_MS, MainWindow
    from guide_reader.ui.navigation import Location
    from guide_reader.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = Library()
    window = MainWindow(library, Settings())
    window.resize(1200, 820)
    window.show()
    library.search_engine.ensure_index()
    window.index_is_ready = True
    longest = max(library.articles, key=lambda article: article.word_count())
    opening, searching = [], []
    queries = ["fievre", "globules blancs bas", "est-ce contagieux", "leucopnie", "traitement", "regression"]
    for run_index in range(runs):
        window.go_to(Location("home"))
        window.article_page.article = None  # a full render each time, as for a first opening
        app.processEvents()
        started = time.perf_counter()
        window.open_article(longest.slug)
        app.processEvents()
        opening.append(time.perf_counter() - started)
        query = queries[run_index % len(queries)]
        started = time.perf_counter()
        window.search_for(query)
        app.processEvents()
        searching.append(time.perf_counter() - started)
    window.close()
    return {
        "open": median_ms(opening),
        "search": median_ms(searching),
        "words": longest.word_count(),
        "pause": SEARCH_DELAY_MS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        environment = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=f"{home}/config",
            XDG_CACHE_HOME=f"{home}/cache",
            XDG_DATA_HOME=f"{home}/data",
        )
        os.environ.update(environment)
        subprocess.run([sys.executable, "-m", "guide_reader", "index"], env=environment, check=True,
                       capture_output=True)  # fmt: skip
        bare, reader, bare_peaks, reader_peaks = [], [], [], []
        for _ in range(args.runs):  # interleaved, so that load on the machine hits both alike
            seconds, peak = child_start(BARE_CHILD, environment)
            bare.append(seconds)
            bare_peaks.append(peak)
            seconds, peak = child_start(READER_CHILD, environment)
            reader.append(seconds)
            reader_peaks.append(peak)
        bare_peak, reader_peak = statistics.median(bare_peaks), statistics.median(reader_peaks)
        timings = in_process_timings(args.runs)
    ratio = median_ms(reader) / median_ms(bare)
    print(f"Window benchmark, {args.runs} runs each, medians")
    print()
    print("| measure | Guide Reader | bare QMainWindow | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| start to first paint | {median_ms(reader):.0f} ms | {median_ms(bare):.0f} ms | {ratio:.2f}x |")
    print(f"| peak memory (RSS) | {reader_peak / 1024:.0f} MiB | {bare_peak / 1024:.0f} MiB | "
          f"{reader_peak / max(bare_peak, 1):.2f}x |")  # fmt: skip
    print(f"| open the longest article ({timings['words']} words) | {timings['open']:.0f} ms | | |")
    print(
        f"| search to results shown (after the {timings['pause']} ms typing pause) | {timings['search']:.0f} ms | | |"
    )


if __name__ == "__main__":
    main()
