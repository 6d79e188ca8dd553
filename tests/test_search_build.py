"""Building the index: the posting table gives what Whoosh's pool gave, and a build written by worker
processes holds exactly what one written in this thread holds, reports progress, cancels and
reports a broken article while writing the others."""

from __future__ import annotations

import random
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.writing import PostingPool

from guide_reader.content.model import Article, FaqItem, Section
from guide_reader.search import SearchEngine, segments, store
from guide_reader.search.postings import PostingTable
from guide_reader.search.source import ArticleList
from guide_reader.search.store import INDEX_NAME, MANIFEST_NAME, IndexStore


def test_the_posting_table_gives_the_postings_in_the_pool_s_order() -> None:
    rnd = random.Random(3)
    postings = [
        (field, f"t{rnd.randrange(40)}".encode(), rnd.randrange(200), rnd.choice((0.5, 1.0, 2.25)), value)
        for field in ("slug", "text")
        for value in (None, b"", b"v")
        for _ in range(300)
    ]
    postings = list({posting[:3]: posting for posting in postings}.values())  # one posting per document and term
    rnd.shuffle(postings)
    pool = PostingPool(RamStorage(), None, limitmb=1)
    table = PostingTable()
    for posting in postings:
        pool.add(posting)
        table.add(posting)
    expected = [(f, t, d, w, v or b"") for f, t, d, w, v in pool.iter_postings()]
    assert [(f, t, d, w, v or b"") for f, t, d, w, v in table.iter_postings()] == expected
    assert len(table) == len(postings)


def library(count: int) -> list[Article]:
    words = ["fièvre", "globules", "leucopénie", "varicelle", "anémie", "plaquettes", "ganglions", "toux"]
    return [
        Article(
            slug=f"guide-{n:02d}",
            title=f"Guide {n} {words[n % len(words)]}",
            lead=f"Un guide numéro {n} sur {words[(n + 1) % len(words)]}.",
            sections=[
                Section("symptomes", "Symptômes", f"La {words[n % 5]} et la {words[(n * 3) % 8]} ; {n} jours."),
                Section("quand-consulter", "Quand consulter un médecin ?", f"Si la {words[n % 8]} dure."),
            ],
            faq=[FaqItem("faq", f"Est-ce {words[(n + 2) % 8]} ?", "Oui, parfois.")],
        )
        for n in range(count)
    ]


def index_contents(index_dir: Path, blocks: bool = False) -> tuple[list[object], list[object]]:
    """Every term with its postings (document number, weight), and every document's stored fields;
    ``blocks``: each segment's term statistics and posting blocks too (as Whoosh skips by them)."""
    index = FileStorage(str(index_dir)).open_index(INDEX_NAME)
    with index.reader() as reader:
        postings: list[object] = []
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            found = []
            while matcher.is_active():
                found.append((matcher.id(), matcher.weight()))
                matcher.next()
            postings.append((fieldname, text, found))
        if blocks:
            for leaf, _ in reader.leaf_readers():
                for fieldname, text in leaf.all_terms():
                    info = leaf.term_info(fieldname, text)
                    stats = (info.weight(), info.doc_frequency(), info.max_weight(), info.min_id(), info.max_id())
                    matcher, read = leaf.postings(fieldname, text), []
                    while matcher.is_active():
                        read.append((matcher.block_max_id(), matcher.block_max_weight(), matcher.block_max_length()))
                        matcher.skip_to(matcher.block_max_id() + 1)
                    postings.append((fieldname, text, stats, read))
        documents = [(docnum, sorted(fields.items())) for docnum, fields in reader.iter_docs()]
    return postings, documents


def test_the_posting_table_writes_what_whoosh_s_writer_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = library(40)  # 160 documents: the terms of every document fill two blocks of 128 postings
    IndexStore(tmp_path / "adder").ensure(articles)
    monkeypatch.setattr(segments, "document_adder", lambda writer: lambda fields: writer.add_document(**fields))
    monkeypatch.setattr(store, "use_posting_table", lambda writer: None)
    IndexStore(tmp_path / "whoosh").ensure(articles)
    assert index_contents(tmp_path / "adder", blocks=True) == index_contents(tmp_path / "whoosh", blocks=True)
    postings, documents = index_contents(tmp_path / "adder", blocks=True)
    assert len(documents) == 40 * 4 and documents[0][1] == [("part", "lead"), ("slug", "guide-00")]
    slug_postings = {row[1]: row[2] for row in postings if row[0] == "slug" and len(row) == 3}
    assert slug_postings[b"guide-06"] == [(24, 1.0), (25, 1.0), (26, 1.0), (27, 1.0)]  # its 4 documents
    assert max(len(row[3]) for row in postings if len(row) == 4) == 2  # blocks of the most common term


@pytest.fixture
def in_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every build of 4 articles or more goes to 2 worker processes, in parts of at most 3 articles."""
    monkeypatch.setattr(store, "PARALLEL_ARTICLES", 4)
    monkeypatch.setattr(store, "ARTICLES_PER_SEGMENT", 3)
    monkeypatch.setattr(store, "worker_count", lambda: 2)
    monkeypatch.setattr(segments, "MESSAGE_SECONDS", 0.0)


def test_a_build_in_worker_processes_holds_what_one_in_this_thread_holds(tmp_path: Path, in_processes) -> None:
    articles = library(13)
    parallel = IndexStore(tmp_path / "parallel")
    _, vocabulary, report = parallel.ensure(articles)
    assert (report.action, report.articles_indexed, report.problems) == ("built", 13, [])
    assert len(list((tmp_path / "parallel").glob(f"{INDEX_NAME}_*.seg"))) == 6  # 13 articles: 6 parts of 3 or less
    store.PARALLEL_ARTICLES = 10**9
    here = IndexStore(tmp_path / "here")
    _, here_vocabulary, _ = here.ensure(articles)
    assert len(list((tmp_path / "here").glob(f"{INDEX_NAME}_*.seg"))) == 5

    assert index_contents(tmp_path / "parallel") == index_contents(tmp_path / "here")
    assert vocabulary.words == here_vocabulary.words and "leucopenie" in vocabulary.words

    engine = SearchEngine(articles, tmp_path / "parallel")
    assert engine.ensure_index().action == "up-to-date"
    assert {hit.article_slug for hit in engine.search("leucopénie").hits} == {
        article.slug
        for article in articles
        if "leucopénie" in article.title + article.lead + str(article.sections) + str(article.faq)
    }
    engine.close()


def test_a_build_in_worker_processes_reports_progress_then_writes(tmp_path: Path, in_processes) -> None:
    calls: list[tuple[int, int, str]] = []
    IndexStore(tmp_path).ensure(library(12), lambda done, total, message: calls.append((done, total, message)))
    calls = calls[: calls.index((12, 12, store.WRITING_MESSAGE)) + 1]  # the completions' progress follows
    counts = [done for done, _, _ in calls]
    assert counts == sorted(counts) and len(calls) >= 2 and {total for _, total, _ in calls} == {12}
    titles = {article.title for article in library(12)}
    assert all(message in titles for _, _, message in calls[:-1])


def test_a_cancelled_build_in_worker_processes_leaves_no_segment_behind(tmp_path: Path, in_processes) -> None:
    class CancelledError(Exception):
        pass

    def cancel(done: int, total: int, message: str) -> None:
        raise CancelledError

    with pytest.raises(CancelledError):
        IndexStore(tmp_path).ensure(library(30), cancel)
    assert not list(tmp_path.glob(f"{INDEX_NAME}_*.seg")), "the workers' segments are deleted"
    assert not (tmp_path / MANIFEST_NAME).exists()
    _, _, report = IndexStore(tmp_path).ensure(library(30))
    assert (report.action, report.articles_indexed) == ("rebuilt", 30)  # the empty index of the cancelled build


@pytest.mark.parametrize("where", ["worker processes", "this thread"])
def test_a_broken_article_is_reported_and_the_others_are_written(
    tmp_path: Path, in_processes, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if where == "this thread":
        monkeypatch.setattr(store, "PARALLEL_ARTICLES", 10**9)
    articles = library(9)
    broken = replace(articles[4], sections=[Section("vide", "Vide", None)])  # type: ignore[arg-type]
    articles[4] = broken
    engine = SearchEngine(articles, tmp_path)
    report = engine.ensure_index()
    assert report.action == "built"
    assert [problem for problem in report.problems if "non indexé" in problem] == [
        "article « guide-04 » non indexé : TypeError (argument of type 'NoneType' is not iterable)"
    ]
    assert {hit.article_slug for hit in engine.search("guide").hits} == {a.slug for a in articles} - {"guide-04"}
    engine.close()
    engine = SearchEngine(articles, tmp_path)  # told again at each open, tried again when it changes
    report = engine.ensure_index()
    assert (report.action, report.articles_indexed) == ("up-to-date", 0)
    assert [problem for problem in report.problems if "guide-04" in problem] == [
        "article « guide-04 » non indexé : TypeError (argument of type 'NoneType' is not iterable)"
    ]
    engine.close()
    articles[4] = replace(broken, sections=[Section("vide", "Vide", "Réparé : un xylophone.")])
    engine = SearchEngine(articles, tmp_path)
    report = engine.ensure_index()
    assert (report.action, report.articles_indexed, report.problems) == ("updated", 1, [])
    assert {hit.article_slug for hit in engine.search("xylophone").hits} == {"guide-04"}
    engine.close()


class BusySource(ArticleList):
    """Articles of which some cannot be read for now, as from a catalogue another program holds locked."""

    def __init__(self, articles: list[Article], busy: set[str], missing: bool = False) -> None:
        """``missing``: a busy article is not found (its catalogue made anew meanwhile) instead of locked."""
        super().__init__(articles)
        self.busy = busy
        self.missing = missing

    def article(self, slug: str) -> Article | None:
        if slug in self.busy:
            if self.missing:
                return None
            raise sqlite3.OperationalError("database is locked")
        return super().article(slug)


@pytest.mark.parametrize("missing", [False, True])
@pytest.mark.parametrize("write", ["build", "update"])
def test_an_article_the_source_cannot_give_now_is_written_at_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: str, missing: bool
) -> None:
    monkeypatch.setattr(store, "PARALLEL_ARTICLES", 10**9)  # (worker processes read the source anew)
    articles = library(9)
    if write == "update":
        engine = SearchEngine(articles, tmp_path)
        engine.ensure_index()
        engine.close()
    articles[4] = replace(articles[4], sections=[Section("neuf", "Neuf", "Un xylophone.")])
    source = BusySource(articles, {"guide-04"}, missing)
    engine = SearchEngine(source, tmp_path)
    report = engine.ensure_index()
    said = (
        []
        if missing
        else ["article « guide-04 » illisible pour l'instant, indexé plus tard : OperationalError (database is locked)"]
    )
    assert [problem for problem in report.problems if "guide-04" in problem] == said
    assert not engine.search("xylophone").hits
    engine.close()
    source.busy.clear()  # the lock is gone: the next open writes it, and says nothing more of it
    engine = SearchEngine(source, tmp_path)
    report = engine.ensure_index()
    assert (report.action, report.articles_indexed, report.problems) == ("updated", 1, [])
    assert {hit.article_slug for hit in engine.search("xylophone").hits} == {"guide-04"}
    engine.close()


@pytest.mark.parametrize("start", ["forkserver", "spawn"])
def test_a_build_in_worker_processes_runs_from_a_thread_as_the_window_s_worker_does(
    tmp_path: Path, in_processes, start: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segments, "start_method", lambda: start)
    reports = []
    thread = threading.Thread(target=lambda: reports.append(SearchEngine(library(8), tmp_path).ensure_index()))
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    assert [(report.action, report.articles_indexed, report.problems) for report in reports] == [("built", 8, [])]
    assert len(list(tmp_path.glob(f"{INDEX_NAME}_*.seg"))) == 4  # 8 articles: 4 parts of 2, 2 a worker


def test_the_bundle_s_entry_point_lets_worker_processes_start() -> None:
    entry = (Path(__file__).parent.parent / "packaging" / "entry_point.py").read_text(encoding="utf-8")
    body = entry.split('if __name__ == "__main__":', 1)[1]
    assert body.index("multiprocessing.freeze_support()") < body.index("main()")


def test_a_build_whose_workers_cannot_start_is_written_in_this_thread(
    tmp_path: Path, in_processes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_processes(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores here")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", no_processes)
    _, _, report = IndexStore(tmp_path).ensure(library(8))
    assert (report.action, report.articles_indexed, report.problems) == ("built", 8, [])
    assert len(list(tmp_path.glob(f"{INDEX_NAME}_*.seg"))) == 3  # this thread's parts of at most 3
