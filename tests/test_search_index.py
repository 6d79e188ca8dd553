"""The index lifecycle: built, kept, updated per article, rebuilt when damaged, never blocking."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from guide_reader.content.model import Article, FaqItem, Section
from guide_reader.search import IndexReport, SearchEngine, store
from guide_reader.search.store import INDEX_NAME, LOCK_NAME, MANIFEST_NAME


def make_articles() -> list[Article]:
    return [
        Article(
            slug=f"article-{n}",
            title=f"Article {n}",
            sections=[Section("fievre", "Fièvre", f"Une fièvre numéro {n} et des globules blancs.")],
            faq=[FaqItem("faq-sport", "Puis-je faire du sport ?", "Oui, modérément.")],
        )
        for n in range(3)
    ]


def segment_files(index_dir: Path) -> list[Path]:
    return sorted(index_dir.glob(f"{INDEX_NAME}_*.seg"))


def test_built_then_up_to_date_then_updated_per_article(tmp_path: Path) -> None:
    articles = make_articles()
    progress: list[tuple[int, int, str]] = []
    report = SearchEngine(articles, tmp_path).ensure_index(lambda *call: progress.append(call))
    assert (report.action, report.articles_indexed, report.problems) == ("built", 3, [])
    assert progress and progress[-1][0] == progress[-1][1] == 3
    assert SearchEngine(articles, tmp_path).ensure_index().action == "up-to-date"

    changed = [articles[0], replace(articles[1], sections=[Section("neuf", "Neuf", "Une varicelle.")]), articles[2]]
    engine = SearchEngine(changed, tmp_path)
    report = engine.ensure_index()
    assert (report.action, report.articles_indexed) == ("updated", 1)
    assert [hit.article_slug for hit in engine.search("varicelle").hits] == ["article-1"]
    assert "article-1" not in {hit.article_slug for hit in engine.search("fièvre").hits}
    engine.close()

    engine = SearchEngine(changed[:1], tmp_path)
    assert engine.ensure_index().action == "updated"
    assert {hit.article_slug for hit in engine.search("fièvre").hits} == {"article-0"}
    engine.close()


def test_rebuild_on_request(tmp_path: Path) -> None:
    engine = SearchEngine(make_articles(), tmp_path)
    engine.ensure_index()
    report = engine.ensure_index(rebuild=True)
    assert (report.action, report.articles_indexed, report.problems) == ("rebuilt", 3, [])
    assert engine.search("fièvre").hits


@pytest.mark.parametrize("damage", ["truncate", "garbage", "delete", "manifest", "fingerprint"])
def test_damaged_index_is_rebuilt(tmp_path: Path, damage: str) -> None:
    articles = make_articles()
    SearchEngine(articles, tmp_path).ensure_index()
    segment = segment_files(tmp_path)[0]
    manifest = tmp_path / MANIFEST_NAME
    if damage == "truncate":
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])
    elif damage == "garbage":
        size = segment.stat().st_size
        segment.write_bytes(os.urandom(size))
    elif damage == "delete":
        segment.unlink()
    elif damage == "manifest":
        manifest.write_text("{ not json", encoding="utf-8")
    else:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        data["fingerprint"] = "another analyzer"
        manifest.write_text(json.dumps(data), encoding="utf-8")
    engine = SearchEngine(articles, tmp_path)
    report = engine.ensure_index()
    assert report.action == "rebuilt" and report.problems
    assert len(engine.search("fièvre").hits) == 3
    assert SearchEngine(articles, tmp_path).ensure_index().action == "up-to-date"


def test_stale_lock_file_does_not_block(tmp_path: Path) -> None:
    articles = make_articles()
    SearchEngine(articles, tmp_path).ensure_index()
    (tmp_path / LOCK_NAME).write_bytes(b"left by a crashed process")
    engine = SearchEngine([*articles, replace(articles[0], slug="new")], tmp_path, lock_timeout=0.2)
    assert engine.ensure_index().action == "updated"


def test_index_locked_by_another_writer(tmp_path: Path) -> None:
    articles = make_articles()
    SearchEngine(articles, tmp_path).ensure_index()
    holder = os.open(tmp_path / LOCK_NAME, os.O_CREAT | os.O_WRONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        engine = SearchEngine([*articles, replace(articles[0], slug="new")], tmp_path, lock_timeout=0.2)
        report = engine.ensure_index()
        assert report.action == "up-to-date" and report.problems
        assert engine.search("fièvre").hits

        (tmp_path / MANIFEST_NAME).unlink()  # now it needs a full build: into a new folder, kept apart
        engine = SearchEngine(articles, tmp_path, lock_timeout=0.2)
        report = engine.ensure_index()
        assert report.action == "rebuilt" and "autre programme" in report.problems[-1]
        assert len(engine.search("fièvre").hits) == 3
    finally:
        fcntl.flock(holder, fcntl.LOCK_UN)
        os.close(holder)
    assert SearchEngine(articles, tmp_path).ensure_index().action == "rebuilt"


def test_unwritable_index_dir_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    engine = SearchEngine(make_articles(), blocker / "index")
    report = engine.ensure_index()
    assert report.action == "built" and report.problems
    assert len(engine.search("fièvre").hits) == 3


def test_search_before_ensure_builds_the_index(tmp_path: Path) -> None:
    engine = SearchEngine(make_articles(), tmp_path / "index")
    assert engine.search("sport").hits
    assert (tmp_path / "index" / MANIFEST_NAME).is_file()


WAIT = 10.0
"""Every wait in the thread tests is bounded: a deadlock fails the test instead of hanging the suite."""


def test_ensure_in_a_worker_thread_spawns_no_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("no process may be started")

    monkeypatch.setattr(subprocess.Popen, "__init__", forbidden)
    monkeypatch.setattr(os, "fork", forbidden)
    engine = SearchEngine(make_articles(), tmp_path)
    building, release = threading.Event(), threading.Event()

    def progress(done: int, total: int, message: str) -> None:
        if not building.is_set():
            building.set()
            release.wait(WAIT)  # the worker stays inside the build until the window has searched

    reports: list[IndexReport] = []
    worker = threading.Thread(target=lambda: reports.append(engine.ensure_index(progress)), daemon=True)
    worker.start()
    try:
        assert building.wait(WAIT), "the build never started"
        started = time.monotonic()
        early = engine.search("fièvre")  # the window's thread: answers at once, does not wait for the build
        assert time.monotonic() - started < WAIT / 2
        assert (early.total, early.hits) == (0, [])
        assert engine.complete("fiè") is not None
    finally:
        release.set()
    worker.join(WAIT)
    assert not worker.is_alive(), "the build did not finish"
    assert [report.action for report in reports] == ["built"]
    assert len(engine.search("fièvre").hits) == 3


def test_search_from_the_building_thread_does_not_deadlock(tmp_path: Path) -> None:
    engine = SearchEngine(make_articles(), tmp_path)
    answers: list[int] = []
    worker = threading.Thread(
        target=lambda: engine.ensure_index(lambda *_: answers.append(len(engine.search("fièvre").hits))),
        daemon=True,
    )
    worker.start()
    worker.join(WAIT)
    assert not worker.is_alive(), "a search made during the build waited for the build"
    assert answers and set(answers) == {0}
    assert len(engine.search("fièvre").hits) == 3


def test_searches_go_on_while_the_index_is_rebuilt(tmp_path: Path) -> None:
    engine = SearchEngine(make_articles(), tmp_path)
    engine.ensure_index()
    stop = threading.Event()
    failures: list[str] = []

    def rebuild() -> None:
        try:
            for _ in range(3):
                engine.ensure_index(rebuild=True)
        except Exception as error:  # pragma: no cover - reported below
            failures.append(repr(error))
        finally:
            stop.set()

    worker = threading.Thread(target=rebuild, daemon=True)
    worker.start()
    deadline = time.monotonic() + WAIT
    searches = 0
    while not stop.is_set() and time.monotonic() < deadline:
        assert len(engine.search("fièvre").hits) == 3  # the old index until the new one is swapped in
        searches += 1
        # A window searches between keystrokes, not in a tight loop: one that never
        # pauses takes the GIL back after every file operation of the build.
        time.sleep(0.002)
    worker.join(max(0.0, deadline - time.monotonic()))
    assert not worker.is_alive() and not failures and searches
    assert engine.problems == []


def test_a_long_build_is_written_in_segments_and_updated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "ARTICLES_PER_SEGMENT", 2)
    articles = [replace(make_articles()[0], slug=f"article-{n}", title=f"Article {n}") for n in range(5)]
    engine = SearchEngine(articles, tmp_path)
    assert engine.ensure_index().action == "built"
    assert len(segment_files(tmp_path)) == 3
    assert len(engine.search("fièvre").hits) == 5
    engine.close()

    changed = [*articles[:2], replace(articles[2], sections=[Section("neuf", "Neuf", "Une varicelle.")]), *articles[3:]]
    engine = SearchEngine(changed, tmp_path)
    assert engine.ensure_index().action == "updated"
    assert "article-2" not in {hit.article_slug for hit in engine.search("fièvre").hits}  # deleted in its segment
    assert len(engine.search("fièvre").hits) == 4
    assert [hit.article_slug for hit in engine.search("varicelle").hits] == ["article-2"]
    assert engine.search("varcelle").suggestion == "varicelle"  # the update's words are in the vocabulary
    engine.close()

    engine = SearchEngine([article for article in changed if article.slug != "article-2"], tmp_path)
    assert engine.ensure_index().action == "updated"
    assert engine.search("varcelle").suggestion is None  # still in the word list, no longer in the index
    engine.close()


def test_an_unchanged_index_is_opened_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = make_articles()
    SearchEngine(articles, tmp_path).ensure_index()
    read: list[str] = []
    crc = store._crc
    monkeypatch.setattr(store, "_crc", lambda path: read.append(path.name) or crc(path))
    assert SearchEngine(articles, tmp_path).ensure_index().action == "up-to-date"
    assert read == []
    segment = segment_files(tmp_path)[0]
    os.utime(segment, ns=(segment.stat().st_atime_ns, segment.stat().st_mtime_ns + 10**9))  # touched, not changed
    assert SearchEngine(articles, tmp_path).ensure_index().action == "up-to-date"
    assert read == [segment.name]


def test_two_readers_share_one_index(tmp_path: Path) -> None:
    articles = make_articles()
    first, second = SearchEngine(articles, tmp_path), SearchEngine(articles, tmp_path)
    first.ensure_index()
    assert second.ensure_index().action == "up-to-date"
    assert first.search("sport").hits == second.search("sport").hits
    first.close()
    second.close()


def test_hits_after_an_update_come_from_the_article_as_it_now_is(content_copy: Path) -> None:
    from guide_reader.library import Library

    library = Library(content_copy)
    engine = library.search_engine
    engine.ensure_index()
    before = engine.search("globules blancs")
    assert any(hit.article_slug == "leucopenie" for hit in before.hits)  # the article's documents were read
    path = content_copy / "leucopenie.md"
    text = path.read_text(encoding="utf-8")
    added = "## Le Xylophone du Service {#le-xylophone}\n\nLe xylophone calme les enfants hospitalisés.\n\n"
    path.write_text(text.replace("## Avertissement", added + "## Avertissement", 1), encoding="utf-8")
    library.sync()
    assert engine.ensure_index().action == "updated"
    after = engine.search("xylophone")
    assert [(hit.article_slug, hit.section_anchor) for hit in after.hits] == [("leucopenie", "le-xylophone")]
    assert "xylophone" in after.hits[0].snippet.lower()
    library.close()


def test_the_manifest_is_written_before_another_program_may_write(tmp_path: Path, monkeypatch) -> None:
    """Another writer between a write's segments and its manifest would have its own manifest replaced by one of
    older versions: a build, an update and a merge each hold the write lock until their manifest is written."""
    held: list[bool] = []
    save = store.IndexStore._save_manifest

    def watched(self, *args, **kwargs) -> None:
        with (self.index_dir / LOCK_NAME).open("a") as other:  # as another program would try
            try:
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held.append(False)
            except BlockingIOError:
                held.append(True)
        save(self, *args, **kwargs)

    monkeypatch.setattr(store.IndexStore, "_save_manifest", watched)
    articles = [Article(slug=f"a{n}", title=f"Guide {n}", sections=[Section("s", "S", "Un texte.")]) for n in range(3)]
    engine = SearchEngine(articles, tmp_path / "index")
    assert engine.ensure_index().action == "built"
    engine.close()
    articles[1] = replace(articles[1], sections=[Section("s", "S", "Un autre texte.")])
    engine = SearchEngine(articles, tmp_path / "index")
    assert engine.ensure_index().action == "updated"
    assert engine.merge_small_segments()
    engine.close()
    assert held == [True, True, True]
