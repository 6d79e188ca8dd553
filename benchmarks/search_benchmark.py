"""Search benchmark: this project's Whoosh index against SQLite FTS5 on the same generated library.

    python benchmarks/search_benchmark.py [--articles 10000] [--runs 3] [--queries 200]
    python benchmarks/search_benchmark.py --update-at 100000

The library comes from benchmarks/corpus.py (kept in the temporary folder between
runs); both engines index the same documents, read from the same catalogue. Each run
measures, for both engines: the full build, a one-article update, the size on disk,
open + first query in a fresh process (interpreter start, imports of the compiled modules and
whatever the command loads: ``guide-reader search`` for Whoosh, a short sqlite3 script for FTS5),
then the queries of each kind, the two engines interleaved query by query, and the
peak memory of a separate process per engine that opens the index and runs every
query. Queries whose words are all stop words for Whoosh are left out (FTS5 has none).
The table gives the median over the runs of each figure and of each run's ratio
to FTS5. ``--update-at N`` measures only the one-article update, on N short articles.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import BUNDLED, SHORT, Lengths, cached_corpus  # noqa: E402
from guide_reader.content.model import Article  # noqa: E402
from guide_reader.library import Library  # noqa: E402
from guide_reader.search.analysis import terms  # noqa: E402
from guide_reader.search.documents import article_documents, plain_text  # noqa: E402

KINDS = ("one word", "several words", "phrase", "typo")
_WORD = re.compile(r"[^\W\d_]{3,}")
FTS_QUERY = (
    "SELECT slug, part, snippet(docs, 4, '<b>', '</b>', '…', 16) FROM docs WHERE docs MATCH ? "
    "ORDER BY bm25(docs, 0, 0, 1.0, 2.5, 1.0) LIMIT 20"
)
FTS_CHILD = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute(sys.argv[2], (sys.argv[3],)).fetchall()[:1])
"""
MEMORY_CHILD = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
from benchmarks.search_benchmark import run_queries_alone
run_queries_alone(sys.argv[2], json.loads(sys.argv[3]))
print(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
"""
FTS_MEMORY_CHILD = """
import json, re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for match in json.loads(sys.argv[3]):
    db.execute(sys.argv[2], (match,)).fetchall()
print(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
"""
"""FTS5's own process imports sqlite3 only, as a program built on it would."""


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def make_queries(articles: Iterable[Article], count: int, seed: int = 7) -> dict[str, list[str]]:
    """Queries of each kind from the library's own sentences; none made only of Whoosh's stop words."""
    rnd = random.Random(seed)
    sentences = [
        sentence
        for article in articles
        for section in article.sections
        for sentence in plain_text(section.body).split(". ")
        if len(sentence.split()) > 6
    ]

    def words_of(sentence: str) -> list[str]:
        return _WORD.findall(sentence.lower())

    def run(length: int) -> str:
        found = words_of(rnd.choice(sentences))
        start = rnd.randrange(max(1, len(found) - length))
        return " ".join(found[start : start + length])

    def typo() -> str:
        word = rnd.choice([w for w in words_of(rnd.choice(sentences)) if len(w) >= 6] or ["leucopenie"])
        at = rnd.randrange(1, len(word) - 1)
        return word[:at] + word[at + 1 :]

    makers: dict[str, Callable[[], str]] = {
        "one word": lambda: rnd.choice(words_of(rnd.choice(sentences)) or ["fievre"]),
        "several words": lambda: run(rnd.choice((2, 3))),
        "phrase": lambda: f'"{run(2)}"',
        "typo": typo,
    }
    queries: dict[str, list[str]] = {}
    for kind, make in makers.items():
        chosen: list[str] = []
        while len(chosen) < count:
            text = make()
            words = text.replace('"', " ").split()
            if terms(" ".join(words)) and len(words) >= (1 if kind in ("one word", "typo") else 2):
                chosen.append(text)
        queries[kind] = chosen
    return queries


def fts_match(text: str, kind: str) -> str:
    if kind == "phrase":
        return text
    return " ".join(f'"{word}"' for word in text.replace('"', "").split())


def fts_rows(articles: Iterable[Article]) -> Iterable[tuple[str, ...]]:
    return ((d.slug, d.part, d.title, d.head, d.body) for a in articles for d in article_documents(a))


def fts_build(path: Path, articles: Iterable[Article]) -> None:
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(slug UNINDEXED, part UNINDEXED, title, head, body,"
            " tokenize='unicode61 remove_diacritics 2')"
        )
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", fts_rows(articles))
    db.close()


def fts_update(path: Path, article: Article) -> None:
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM docs WHERE slug = ?", (article.slug,))
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", fts_rows([article]))
    db.close()


def edit_one_article(content: Path, slug: str, number: int) -> None:
    """Change one article file as an editor would (its text, then its modification time)."""
    path = content / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n## ", f"\nUne phrase ajoutée, version {number}.\n\n## ", 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000 * (number + 1)))


def fresh_process_open(content: Path, cache: Path, index_dir: Path, fts_path: Path, query: str) -> tuple[float, float]:
    """Seconds from spawning to the end of a process that opens the index and runs one query, per engine."""
    environment = dict(os.environ, GUIDE_READER_CACHE_DIR=str(cache))
    whoosh = [sys.executable, "-m", "guide_reader", "--content", str(content), "search", query, "--json",
              "--index-dir", str(index_dir)]  # fmt: skip
    fts = [sys.executable, "-c", FTS_CHILD, str(fts_path), FTS_QUERY, fts_match(query, "one word")]
    return (
        timed(lambda: subprocess.run(whoosh, env=environment, check=True, capture_output=True)),
        timed(lambda: subprocess.run(fts, env=environment, check=True, capture_output=True)),
    )


def run_queries_alone(target: str, queries: dict[str, list[str]]) -> None:
    """For Whoosh's memory child: open the index as the reader does and run every query
    (``target``: content folder|cache folder|index folder)."""
    content, cache, index_dir = target.split("|")
    os.environ["GUIDE_READER_CACHE_DIR"] = cache
    library = Library(Path(content), Path(index_dir))
    engine = library.search_engine
    engine.ensure_index()
    for texts in queries.values():
        for text in texts:
            engine.search(text, 20)
    library.close()


def memory_of(engine: str, target: str, queries: dict[str, list[str]]) -> float:
    """The peak memory (VmHWM, MiB) of a process that opens one engine's index and runs every query."""
    import json

    if engine == "fts":
        matches = [fts_match(text, kind) for kind, texts in queries.items() for text in texts]
        command = [sys.executable, "-c", FTS_MEMORY_CHILD, target, FTS_QUERY, json.dumps(matches)]
    else:
        command = [sys.executable, "-c", MEMORY_CHILD, str(ROOT), target, json.dumps(queries)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return int(output.split()[-1]) / 1024


def one_run(
    content: Path, queries: dict[str, list[str]], work: Path, run_dir: Path, number: int
) -> dict[str, tuple[float, float]]:
    """Every measure of one run: (Whoosh, FTS5), in seconds, bytes or MiB."""
    cache, index_dir, fts_path = work / "cache", run_dir / "whoosh", run_dir / "fts.sqlite"
    os.environ["GUIDE_READER_CACHE_DIR"] = str(cache)
    library = Library(content, index_dir)  # the catalogue: parsed once, read by both engines
    slugs = [entry.slug for entry in library.entries]
    result: dict[str, tuple[float, float]] = {}
    result["full build (s)"] = (
        timed(lambda: library.search_engine.ensure_index()),
        timed(lambda: fts_build(fts_path, library.catalogue.iter_articles())),
    )
    library.close()
    target = slugs[len(slugs) // 2]
    edit_one_article(content, target, number)
    library = Library(content, index_dir)  # finds the edited file by its size and time, parses it alone
    whoosh_update = timed(lambda: library.search_engine.ensure_index())
    edited = library.article(target)
    assert edited is not None
    result["one-article update (ms)"] = (whoosh_update * 1000, timed(lambda: fts_update(fts_path, edited)) * 1000)
    merged = timed(library.search_engine.merge_small_segments)
    library.close()
    size = sum(path.stat().st_size for path in index_dir.iterdir() if path.is_file())
    result["size on disk (MB)"] = (size / 1e6, fts_path.stat().st_size / 1e6)
    opens = [fresh_process_open(content, cache, index_dir, fts_path, queries["one word"][n]) for n in range(3)]
    result["open + first query, fresh process (ms)"] = (
        statistics.median(whoosh for whoosh, _ in opens) * 1000,
        statistics.median(fts for _, fts in opens) * 1000,
    )
    library = Library(content, index_dir)
    engine = library.search_engine
    engine.ensure_index()
    db = sqlite3.connect(fts_path)
    for kind, texts in queries.items():
        whoosh_times: list[float] = []
        fts_times: list[float] = []
        for position, text in enumerate(texts):  # interleaved, each engine first every other query
            match = fts_match(text, kind)
            steps = [
                (whoosh_times, lambda text=text: engine.search(text, 20)),
                (fts_times, lambda match=match: db.execute(FTS_QUERY, (match,)).fetchall()),
            ]
            for times, step in steps if position % 2 == 0 else steps[::-1]:
                times.append(timed(step))
        result[f"{kind}: median (ms)"] = (statistics.median(whoosh_times) * 1000, statistics.median(fts_times) * 1000)
        result[f"{kind}: p95 (ms)"] = (percentile(whoosh_times, 0.95) * 1000, percentile(fts_times, 0.95) * 1000)
    db.close()
    library.close()
    result["peak memory, own process (MiB)"] = (
        memory_of("whoosh", f"{content}|{cache}|{index_dir}", queries),
        memory_of("fts", str(fts_path), queries),
    )
    result["merge of small segments, in the background (ms)"] = (merged * 1000, 0.0)
    return result


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def print_table(runs: list[dict[str, tuple[float, float]]], title: str) -> None:
    print(title)
    print()
    print("| measure | Whoosh (guide_reader.search) | SQLite FTS5 | ratio (median of the runs' ratios) |")
    print("| --- | ---: | ---: | ---: |")
    for name in runs[0]:
        whoosh = statistics.median(run[name][0] for run in runs)
        fts = statistics.median(run[name][1] for run in runs)
        ratios = [run[name][0] / run[name][1] for run in runs if run[name][1] > 0]
        ratio = f"{statistics.median(ratios):.2f}×" if ratios else "—"
        print(f"| {name} | {whoosh:,.1f} | {fts:,.1f} | {ratio} |" if ratios else f"| {name} | {whoosh:,.1f} | | |")


def copy_library(source: Path, work: Path) -> Path:
    """A private copy of the generated library, so that edits do not touch the cached one."""
    target = work / "content"
    shutil.copytree(source, target)
    return target


def update_at(articles: int, runs: int) -> None:
    """The one-article update on a large library of short articles, against FTS5's."""
    source = cached_corpus(articles, lengths=SHORT)
    # Kept between runs beside the generated library: the first build takes long at this size.
    work = source.with_name(source.name + "-update")
    work.mkdir(exist_ok=True)
    content = work / "content"
    if not content.is_dir():
        copy_library(source, work)
    os.environ["GUIDE_READER_CACHE_DIR"] = str(work / "cache")
    started = time.perf_counter()
    library = Library(content, work / "whoosh")
    catalogue_seconds = time.perf_counter() - started
    build = timed(lambda: library.search_engine.ensure_index())
    fts_path = work / "fts.sqlite"
    fts_path.unlink(missing_ok=True)
    fts_build_seconds = timed(lambda: fts_build(fts_path, library.catalogue.iter_articles()))
    slugs = [entry.slug for entry in library.entries]
    library.close()
    results = []
    for number in range(runs):
        target = slugs[(number + 1) * len(slugs) // (runs + 1)]
        edit_one_article(content, target, number)
        sync_started = time.perf_counter()
        library = Library(content, work / "whoosh")
        sync = time.perf_counter() - sync_started
        whoosh = timed(lambda library=library: library.search_engine.ensure_index())
        edited = library.article(target)
        assert edited is not None
        fts = timed(lambda edited=edited: fts_update(fts_path, edited))
        merge = timed(library.search_engine.merge_small_segments)
        library.close()
        results.append({
            "catalogue in step after the edit (ms)": (sync * 1000, 0.0),
            "one-article update (ms)": (whoosh * 1000, fts * 1000),
            "merge of small segments, in the background (ms)": (merge * 1000, 0.0),
        })  # fmt: skip
    print_table(results, f"One-article update at {articles:,} short articles, {runs} runs; {load_average()}")
    print()
    print(f"(catalogue {catalogue_seconds:.0f} s, Whoosh index brought in step {build:.0f} s, FTS5 build "
          f"{fts_build_seconds:.0f} s)")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles (default 10,000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind (default 200)")
    parser.add_argument("--short", action="store_true", help="short articles (about 600 words)")
    parser.add_argument("--update-at", type=int, metavar="N", help="only the one-article update, at N articles")
    args = parser.parse_args(argv)
    # The fresh processes load compiled modules, as an installed program does (whatever PYTHONDONTWRITEBYTECODE says).
    compileall.compile_dir(str(ROOT / "src" / "guide_reader"), quiet=1)
    if args.update_at:
        update_at(args.update_at, args.runs)
        return 0
    lengths: Lengths = SHORT if args.short else BUNDLED
    source = cached_corpus(args.articles, lengths=lengths)
    load_before = load_average()
    runs = []
    with tempfile.TemporaryDirectory(prefix="guide-reader-bench-") as temporary:
        work = Path(temporary)
        content = copy_library(source, work)  # one copy and one catalogue for every run; each run edits another file
        os.environ["GUIDE_READER_CACHE_DIR"] = str(work / "cache")
        sample = Library(content, work / "unused")
        queries = make_queries(filter(None, map(sample.article, [e.slug for e in sample.entries[:300]])), args.queries)
        sample.close()
        for number in range(args.runs):
            run_dir = work / f"run-{number}"
            run_dir.mkdir()
            runs.append(one_run(content, queries, work, run_dir, number))
            print(f"run {number + 1} done", file=sys.stderr)
    print_table(runs, f"{args.articles:,} generated articles, {args.runs} runs, {args.queries} queries of each kind; "
                      f"{load_before}")  # fmt: skip
    print(f"\nafter the runs: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
