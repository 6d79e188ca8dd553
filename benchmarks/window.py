"""Window speed at a library's size: start to first paint and peak memory against a bare QMainWindow,
opening the longest article, and the slowest keystroke while typing queries. Prints one Markdown table.

    .venv/bin/python benchmarks/window.py --articles 10000 [--runs 5] [--queries 20]

``--articles 3`` uses the bundled guides; any other number a generated library
(benchmarks/corpus.py, kept in the temporary folder between runs). Its catalogue and
index are made once before measuring, as at a clinic after the first start (the cache
is kept beside the generated library). The program's modules are compiled first and
each child is started once untimed, so that every timed start finds the same ``.pyc``
files. Both start-ups are child processes started the same way (offscreen, same
interpreter), interleaved, the reader through its command line's entry point; the
child reports the moment its main window receives its first paint event (watched on
the window from its ``show()``, not by a filter on every object of the application),
and its peak RSS then.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import cached_corpus  # noqa: E402

FIRST_PAINT = """
import os, re, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            # The peak of this process's own memory (VmHWM: getrusage's maximum would count the parent's, on Linux).
            status = open("/proc/self/status").read()
            print(time.monotonic(), re.search(r"VmHWM:\\s+(\\d+)", status).group(1), flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
# Each main window is watched from its show() on. (A filter on the whole application would hand
# every event of every object to Python, Qt's internal ones too: PySide then creates its wrapper
# types, with their enums, for objects the program itself never sees, a cost no real start pays.)
watch = FirstPaint(app)
show = QMainWindow.show
def show_watched(window):
    window.installEventFilter(watch)
    show(window)
QMainWindow.show = show_watched
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
from guide_reader.cli import main
main([])  # as the guide-reader command starts the window
"""
)


def child_start(code: str, environment: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawning the child to its first paint, and the child's peak RSS then, in KiB."""
    started = time.monotonic()
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True, timeout=300
    ).stdout
    painted, peak = output.split()[-2:]
    return float(painted) - started, int(peak)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def typing_queries(titles: list[str], count: int) -> list[str]:
    """``count`` queries of 12 characters, from the words of the library's titles (as a reader types them)."""
    words = [word.lower() for title in titles for word in title.split() if len(word) >= 4]
    queries = []
    for number in range(count):
        text = " ".join(words[(number * 7 + offset) % len(words)] for offset in range(3))
        queries.append(text[:12])
    return queries


def in_process_timings(runs: int, query_count: int) -> dict[str, float]:
    """Open the longest article, and type queries: measured inside one running window."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
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
    report = library.search_engine.ensure_index()
    assert report.action == "up-to-date", report
    window._index_finished(report)
    longest = max(library.entries, key=lambda entry: entry.minutes)
    opening = []
    for _ in range(runs):
        window.go_to(Location("home"))
        window.article_page.article = None  # a full render each time, as for a first opening
        library._opened.clear()  # and read from the catalogue again
        app.processEvents()
        started = time.perf_counter()
        window.open_article(longest.slug)
        app.processEvents()
        opening.append(time.perf_counter() - started)

    def pump(seconds: float) -> float:
        """Run the event loop for ``seconds``; the longest time one pass kept it busy."""
        longest_pass, end = 0.0, time.perf_counter() + seconds
        while time.perf_counter() < end:
            started = time.perf_counter()
            app.processEvents()
            longest_pass = max(longest_pass, time.perf_counter() - started)
            time.sleep(0.002)
        return longest_pass

    slowest = []
    queries = typing_queries([entry.title for entry in library.entries], query_count + 1)
    window.search_for(queries.pop())  # untimed: the search page is built at first use, once a session
    for query in queries:
        window.go_to(Location("home"))
        window.search_field.clear()
        window.search_field.setFocus()
        pump(0.05)
        worst = 0.0
        for position, character in enumerate(query):
            started = time.perf_counter()
            QTest.keyClick(window.search_field, character)
            worst = max(worst, time.perf_counter() - started)
            # A typist's pace, with one pause long enough for the search to run (as when one hesitates).
            pause = (SEARCH_DELAY_MS + 100) / 1000 if position in (5, len(query) - 1) else 0.09
            worst = max(worst, pump(pause))
        QTest.keyClick(window.search_field, Qt.Key.Key_Escape)
        slowest.append(worst)
    window.close()
    status = Path("/proc/self/status").read_text()
    return {
        "memory_after": int(status.split("VmHWM:")[1].split()[0]) / 1024,
        "open": statistics.median(opening) * 1000,
        "minutes": longest.minutes,
        "keystroke_p95": percentile(slowest, 0.95) * 1000,
        "keystroke_median": statistics.median(slowest) * 1000,
        "queries": len(slowest),
    }


def prepare(articles: int) -> tuple[Path | None, Path]:
    """The content folder (None: the bundled guides) and the cache folder, with catalogue and index made."""
    if articles == 3:
        content, cache = None, Path(tempfile.gettempdir()) / "guide-reader-corpus" / "bundled-guides-cache"
    else:
        content = cached_corpus(articles)
        cache = content.with_name(content.name + "-cache")
    environment = dict(os.environ, GUIDE_READER_CACHE_DIR=str(cache))
    command = [sys.executable, "-m", "guide_reader", *(["--content", str(content)] if content else []), "index"]
    subprocess.run(command, env=environment, check=True, capture_output=True)
    return content, cache


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    content, cache = prepare(args.articles)
    compileall.compile_dir(str(ROOT / "src" / "guide_reader"), quiet=1)
    with tempfile.TemporaryDirectory() as home:
        environment = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=f"{home}/config",
            XDG_DATA_HOME=f"{home}/data",
            XDG_STATE_HOME=f"{home}/state",  # the log
            GUIDE_READER_CACHE_DIR=str(cache),
        )
        if content is not None:
            environment["GUIDE_READER_CONTENT_DIR"] = str(content)
        os.environ.update(environment)
        load_before = load_average()
        child_start(BARE_CHILD, environment)  # untimed: the same .pyc and disk cache for every timed start
        child_start(READER_CHILD, environment)
        bare, reader, bare_peaks, reader_peaks = [], [], [], []
        for _ in range(args.runs):  # interleaved, so that load on the machine hits both alike
            seconds, peak = child_start(BARE_CHILD, environment)
            bare.append(seconds)
            bare_peaks.append(peak)
            seconds, peak = child_start(READER_CHILD, environment)
            reader.append(seconds)
            reader_peaks.append(peak)
        timings = in_process_timings(args.runs, args.queries)
    bare_ms, reader_ms = statistics.median(bare) * 1000, statistics.median(reader) * 1000
    bare_peak, reader_peak = statistics.median(bare_peaks) / 1024, statistics.median(reader_peaks) / 1024
    print(f"Window benchmark, {args.articles} articles, {args.runs} runs each, medians; load {load_before}")
    print()
    print("| measure | Guide Reader | bare QMainWindow | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| start to first paint | {reader_ms:.0f} ms | {bare_ms:.0f} ms | {reader_ms / bare_ms:.2f}x |")
    print(f"| peak memory (RSS) at first paint | {reader_peak:.0f} MiB | {bare_peak:.0f} MiB | "
          f"{reader_peak / bare_peak:.2f}x |")  # fmt: skip
    print(f"| open the longest article ({timings['minutes']:.0f} min of reading) | {timings['open']:.0f} ms | | |")
    print(
        f"| slowest keystroke of a 12-character query, p95 over {timings['queries']:.0f} queries "
        f"(median) | {timings['keystroke_p95']:.0f} ms ({timings['keystroke_median']:.0f} ms) | | |"
    )
    print(f"| peak memory after opening articles and typing the queries | {timings['memory_after']:.0f} MiB | | |")
    print(f"\nload after the run: {load_average()}")


if __name__ == "__main__":
    main()
