"""Search benchmark: this project's Whoosh index against SQLite FTS5 on the same synthetic corpus.

    python benchmarks/search_benchmark.py [--articles 10000] [--queries 200]

It makes N articles of about 300 words from the sentences, headings and
questions of the bundled ones, then measures for both engines: full build,
a one-article update, size on disk, opening time, query latency (median and
p95) for one word, several words, a phrase, a typo and an as-you-type prefix,
and the process's peak memory. It prints one Markdown table.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from guide_reader.content.loader import load_directory
from guide_reader.content.model import Article, FaqItem, Reference, Section
from guide_reader.paths import bundled_content_dir
from guide_reader.search import SearchEngine
from guide_reader.search.documents import article_documents, plain_text

Timings = list[float]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W\d_]{4,}")


class Corpus:
    """Sentences, headings and questions of the bundled articles, recombined into new articles."""

    def __init__(self, articles: Sequence[Article], seed: int) -> None:
        self.random = random.Random(seed)
        texts = [article.lead for article in articles] + [s.body for a in articles for s in a.sections]
        texts += [item.answer for a in articles for item in a.faq]
        self.sentences = [s for text in texts for s in _SENTENCE.split(plain_text(text)) if len(s.split()) > 5]
        self.headings = [s.heading for a in articles for s in a.sections]
        self.questions = [item.question for a in articles for item in a.faq]
        self.titles = [a.title for a in articles]
        self.references = [ref.text for a in articles for ref in a.references]

    def paragraph(self, count: int) -> str:
        return " ".join(self.random.choice(self.sentences) for _ in range(count))

    def article(self, number: int) -> Article:
        pick = self.random.choice
        sections = [
            Section(f"section-{n}", pick(self.headings), self.paragraph(4) + "\n\n" + self.paragraph(2))
            for n in range(3)
        ]
        return Article(
            slug=f"article-{number:05d}",
            title=f"{pick(self.titles)} ({number})",
            lead=self.paragraph(2),
            sections=sections,
            faq=[FaqItem("faq-1", pick(self.questions), self.paragraph(2))],
            references=[Reference(n, pick(self.references)) for n in (1, 2)],
        )


def percentile(values: Timings, fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def make_queries(corpus: Corpus, count: int) -> dict[str, list[str]]:
    rnd = random.Random(7)
    words = [w for s in corpus.sentences for w in _WORD.findall(s)]
    heading_words = [w for h in corpus.headings + corpus.questions for w in _WORD.findall(h)]

    def typo(word: str) -> str:
        at = rnd.randrange(1, len(word) - 1)
        return word[:at] + word[at + 1 :]

    def run(sentence: str, length: int) -> list[str]:
        found = _WORD.findall(sentence)
        start = rnd.randrange(max(1, len(found) - length))
        return found[start : start + length]

    several = [" ".join(run(rnd.choice(corpus.sentences), rnd.choice((2, 3)))) for _ in range(count)]
    phrase_words = [re.findall(r"[^\W\d_]+", rnd.choice(corpus.sentences))[1:3] for _ in range(count)]
    return {
        "one word": [rnd.choice(words) for _ in range(count)],
        "several words": [q for q in several if q] or ["globules blancs"],
        "phrase": [f'"{" ".join(pair)}"' for pair in phrase_words],
        "typo": [typo(rnd.choice([w for w in words if len(w) >= 6])) for _ in range(count)],
        "prefix": [rnd.choice(heading_words)[: rnd.choice((2, 3, 4))] for _ in range(count)],
    }


def dir_size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_whoosh(articles: list[Article], queries: dict[str, list[str]], work: Path) -> dict[str, object]:
    index_dir = work / "whoosh"
    synonyms = bundled_content_dir() / "synonyms.txt"
    result: dict[str, object] = {}
    engine = SearchEngine(articles, index_dir, synonyms)
    result["build"] = timed(lambda: engine.ensure_index())
    engine.close()
    changed = list(articles)
    changed[len(changed) // 2] = replace(changed[len(changed) // 2], lead="Un texte modifié pour la mise à jour.")
    engine = SearchEngine(changed, index_dir, synonyms)
    result["update"] = timed(lambda: engine.ensure_index())
    engine.close()
    result["size"] = dir_size(index_dir)
    engine = SearchEngine(changed, index_dir, synonyms)
    result["open"] = timed(lambda: (engine.ensure_index(), engine.search("leucopénie", 1)))
    timed(lambda: engine.complete("le"))  # builds the completion structure once
    for kind, texts in queries.items():
        if kind == "prefix":
            result[kind] = [timed(lambda t=text: engine.complete(t)) for text in texts]
        else:
            result[kind] = [timed(lambda t=text: engine.search(t, 20)) for text in texts]
    engine.close()
    result["memory"] = peak_memory_mb()
    return result


FTS_QUERY = (
    "SELECT slug, part, snippet(docs, 4, '<b>', '</b>', '…', 16) FROM docs WHERE docs MATCH ? "
    "ORDER BY bm25(docs, 0, 0, 1.0, 2.5, 1.0) LIMIT 20"
)


def fts_match(text: str, kind: str) -> str:
    if kind == "phrase":
        return text
    if kind == "prefix":
        return '{title head} : "' + text.replace('"', "") + '" *'
    return " ".join(f'"{word}"' for word in text.replace('"', "").split())


def bench_fts(articles: list[Article], queries: dict[str, list[str]], work: Path) -> dict[str, object]:
    path = work / "fts.sqlite"
    result: dict[str, object] = {}

    def rows(items: Sequence[Article]) -> list[tuple[str, ...]]:
        return [(d.slug, d.part, d.title, d.head, d.body) for a in items for d in article_documents(a)]

    def build() -> None:
        with sqlite3.connect(path) as db:
            db.execute(
                "CREATE VIRTUAL TABLE docs USING fts5(slug UNINDEXED, part UNINDEXED, title, head, body,"
                " tokenize='unicode61 remove_diacritics 2')"
            )
            db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows(articles))
        db.close()

    result["build"] = timed(build)
    target = replace(articles[len(articles) // 2], lead="Un texte modifié pour la mise à jour.")

    def update() -> None:
        with sqlite3.connect(path) as db:
            db.execute("DELETE FROM docs WHERE slug = ?", (target.slug,))
            db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows([target]))
        db.close()

    result["update"] = timed(update)
    result["size"] = path.stat().st_size
    db: sqlite3.Connection | None = None

    def open_db() -> None:
        nonlocal db
        db = sqlite3.connect(path)
        db.execute(FTS_QUERY, ('"leucopenie"',)).fetchall()

    result["open"] = timed(open_db)
    assert db is not None
    for kind, texts in queries.items():
        matches = [fts_match(text, kind) for text in texts]
        result[kind] = [timed(lambda m=match: db.execute(FTS_QUERY, (m,)).fetchall()) for match in matches]
    db.close()
    result["memory"] = peak_memory_mb()
    return result


def table(whoosh: dict[str, object], fts: dict[str, object], articles: int, words: int) -> str:
    lines = [
        f"{articles:,} articles, {words:,} words; one run on {os.cpu_count()} cores; times in ms unless noted;"
        " ratio = Whoosh / FTS5",
        "",
        "| measure | Whoosh (guide_reader.search) | SQLite FTS5 | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]

    def row(name: str, a: float, b: float, unit: str = "") -> None:
        ratio = f"{a / b:.1f}×" if b > 0 else "—"
        lines.append(f"| {name} | {a:,.1f}{unit} | {b:,.1f}{unit} | {ratio} |")

    row("full build (s)", float(whoosh["build"]), float(fts["build"]))  # type: ignore[arg-type]
    row("one-article update", 1000 * float(whoosh["update"]), 1000 * float(fts["update"]))  # type: ignore[arg-type]
    row("size on disk (MB)", int(whoosh["size"]) / 1e6, int(fts["size"]) / 1e6)  # type: ignore[call-overload]
    row("open, first query", 1000 * float(whoosh["open"]), 1000 * float(fts["open"]))  # type: ignore[arg-type]
    for kind in ("one word", "several words", "phrase", "typo", "prefix"):
        a, b = whoosh[kind], fts[kind]
        assert isinstance(a, list) and isinstance(b, list)
        row(f"{kind}: median", 1000 * statistics.median(a), 1000 * statistics.median(b))
        row(f"{kind}: p95", 1000 * percentile(a, 0.95), 1000 * percentile(b, 0.95))
    row("peak memory, process (MB)", float(whoosh["memory"]), float(fts["memory"]))  # type: ignore[arg-type]
    lines += [
        "",
        "Whoosh runs the full pipeline (every-word query, any-word fallback, synonyms, typo",
        "correction, HTML snippets); FTS5 runs a bm25 MATCH with snippet(). FTS5 has no typo",
        "tolerance (a typo finds nothing there). Whoosh's prefix is the completion structure of",
        "titles, headings and questions; FTS5's is a prefix query on those columns. Peak memory",
        "is the process's maximum so far: the FTS5 column includes the Whoosh phase before it.",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="synthetic articles (default 10,000)")
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    corpus = Corpus(load_directory(bundled_content_dir()).articles, args.seed)
    articles = [corpus.article(number) for number in range(args.articles)]
    words = sum(article.word_count() for article in articles)
    queries = make_queries(corpus, max(1, args.queries))
    print(f"corpus: {len(articles):,} articles, {words:,} words", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="guide-reader-bench-") as temporary:
        work = Path(temporary)
        whoosh = bench_whoosh(articles, queries, work)
        print("whoosh done", file=sys.stderr)
        fts = bench_fts(articles, queries, work)
    print(table(whoosh, fts, len(articles), words))
    return 0


if __name__ == "__main__":
    sys.exit(main())
