"""What the index's full check costs: reading every file against its CRC, after the window's index is ready.

    python benchmarks/index_check_benchmark.py [--articles 2000] [--runs 5]

Builds an index of N generated articles (``benchmarks/corpus.py``, as the other benchmarks), then measures, in
the same run and interleaved: opening the index up to date (the baseline: what every start
does) and ``IndexGenerations.verify`` (the check the window's worker runs after it, off the
GUI thread, so that a file damaged with its time kept is found). Prints one Markdown table
with medians, the index size and the machine's load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import ArticleMaker
from guide_reader.search import SearchEngine
from guide_reader.search.generations import IndexGenerations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    articles = list(ArticleMaker(1).articles(args.articles))
    with tempfile.TemporaryDirectory(prefix="guide-reader-check-") as temporary:
        index_dir = Path(temporary) / "index"
        started = time.perf_counter()
        SearchEngine(articles, index_dir).ensure_index()
        build = time.perf_counter() - started
        opens, checks = [], []
        for _ in range(max(1, args.runs)):
            engine = SearchEngine(articles, index_dir)
            started = time.perf_counter()
            assert engine.ensure_index().action == "up-to-date"
            opens.append(time.perf_counter() - started)
            engine.close()
            started = time.perf_counter()
            assert IndexGenerations(index_dir).verify() == []
            checks.append(time.perf_counter() - started)
        size = sum(path.stat().st_size for path in index_dir.iterdir() if path.is_file()) / 1024 / 1024
    load = os.getloadavg()[0]
    print(f"| {args.articles:,} articles, index {size:.1f} MB, build {build:.1f} s, load {load:.2f} | median (s) |")
    print("| --- | --- |")
    print(f"| open, up to date (baseline, every start) | {statistics.median(opens):.3f} |")
    print(f"| full check of every file (worker, after search is ready) | {statistics.median(checks):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
