"""The completions file beside the index: the same answers as in memory, kept in step with added,
changed and removed articles, written again when damaged, used as is when it cannot be written."""

from __future__ import annotations

import dataclasses
import os
import random
import sqlite3
import threading
from pathlib import Path

import pytest

from benchmarks.corpus import SHORT, ArticleMaker
from guide_reader.content.cache import versions_digest
from guide_reader.content.model import Article, FaqItem, Section
from guide_reader.library import Library
from guide_reader.search import SearchEngine, completion_store
from guide_reader.search.completion import Completer
from guide_reader.search.completion_store import COMPLETIONS_NAME, CompletionStore, open_completions, sync_completions
from guide_reader.search.source import ArticleList

CONTENT = Path(__file__).resolve().parent.parent / "content"


def generated(count: int, seed: int = 4) -> list[Article]:
    return list(ArticleMaker(seed, SHORT).articles(count))


def tricky() -> list[Article]:
    """Entries that tie on length and text, hyphens of every kind, accents written two ways, a title alone."""
    return [
        Article(
            slug="b-guide",
            title="Maladie auto-immune",
            sections=[
                Section("q1", "Quand consulter ?", "x"),
                Section("q2", "Quand consulter ?", "x"),  # the same heading twice in one guide
                Section("ai", "Une maladie auto‑immune", "x"),
                Section("m", "Le médecin et le medecin", "x"),
                Section("n", "Cœur : 60 000 battements", "x"),
            ],
            faq=[FaqItem("f1", "Est-ce contagieux ?", "y"), FaqItem("f2", "Quand consulter ?", "y")],
        ),
        Article(slug="a-guide", title="Quand consulter", sections=[Section("q", "Quand consulter ?", "x")]),
        Article(slug="c-guide", title="Le diabète autoimmune"),
    ]


def prefixes(articles: list[Article]) -> list[str]:
    """What a reader types: beginnings of every word (1 to 4 letters, accents and capitals as written),
    two words, hyphens, nothing, and words found nowhere."""
    typed = {"", " ", "-", "zzzz", "quand-consulter", "Quand-Consulter-Un-Méd", "auto-imm", "auto imm", "autoimm"}
    for article in articles:
        texts = [article.title, *(s.heading for s in article.sections), *(f.question for f in article.faq)]
        for text in texts:
            words = text.split()
            for word in words[:4]:
                for length in (1, 2, 3, 4):
                    typed.add(word[:length])
            if len(words) > 1:
                typed.add(f"{words[0]} {words[1][:2]}")
                typed.add(f"{words[-1]} {words[0][:3]}")
    return sorted(typed)


def written(index_dir: Path) -> list[tuple[object, ...]]:
    """The entries in id order, as stored (but the ids)."""
    with sqlite3.connect(index_dir / COMPLETIONS_NAME) as connection:
        rows = connection.execute(
            "SELECT kind, length, text, slug, anchor, title, version FROM entries "
            "JOIN articles ON articles.id = article ORDER BY entries.id"
        )
        return rows.fetchall()


def store_of(articles: list[Article], index_dir: Path) -> CompletionStore:
    index_dir.mkdir(parents=True, exist_ok=True)
    store = open_completions(index_dir, ArticleList(articles))
    assert isinstance(store, CompletionStore)
    return store


@pytest.mark.parametrize("kind", ["bundled", "generated", "tricky"])
def test_the_file_answers_as_the_completions_in_memory(tmp_path: Path, kind: str) -> None:
    if kind == "bundled":
        articles = list(Library(CONTENT).catalogue.iter_articles())
    else:
        articles = generated(40) if kind == "generated" else tricky()
    store = store_of(articles, tmp_path / "index")
    memory = Completer(articles)
    for typed in prefixes(articles):
        for limit in (1, 8, 100):
            assert store.complete(typed, limit) == memory.complete(typed, limit), (typed, limit)
    forms = memory.display_forms()
    # The same written form for every folded word (« médecin » first, not « medecin »); the digit groups
    # of « 60 000 » are no word of the file (« 60000 » is): they are shown as typed, as they are written.
    assert forms and {word: store.display_form(word) or word for word in forms} == forms
    assert store.display_form("zzzz") is None and store.display_form('"') is None
    store.close()


def test_tied_entries_keep_the_order_of_the_guide(tmp_path: Path) -> None:
    store = store_of(tricky(), tmp_path / "index")
    found = [(c.article_slug, c.anchor, c.kind) for c in store.complete("quand cons", 10)]
    assert found == [
        ("a-guide", "", "title"),
        ("a-guide", "q", "heading"),
        ("b-guide", "q1", "heading"),
        ("b-guide", "q2", "heading"),
        ("b-guide", "f2", "faq"),
    ]
    assert store.display_form("medecin") == "médecin" and store.display_form("coeur") == "cœur"


def test_the_file_follows_added_changed_and_removed_articles(tmp_path: Path) -> None:
    articles = generated(30)
    index_dir = tmp_path / "index"
    store_of(articles, index_dir).close()
    extra = generated(33, seed=8)[30:]
    renamed = dataclasses.replace(
        articles[5],
        title="Zygomatique aiguë",
        sections=[*articles[5].sections[:2], Section("nouveau", "Quand consulter en urgence ?", "x")],
    )
    now = [*articles[:5], renamed, *articles[7:], *extra]  # article 6 removed, 5 changed, 3 added
    source = ArticleList(now)
    assert sync_completions(index_dir, source, source.versions()) == "updated"
    assert sync_completions(index_dir, source, source.versions()) == "up-to-date"
    store = CompletionStore(index_dir / COMPLETIONS_NAME)
    memory = Completer(now)
    for typed in [*prefixes(now), "zygo", "quand consulter en urg", articles[6].title[:6]]:
        assert store.complete(typed, 20) == memory.complete(typed, 20), typed
    assert store.display_form("aigue") == "aiguë"
    assert store.in_step(source.versions())
    # The same rows, in the same order, as a file written whole.
    fresh = tmp_path / "fresh"
    store_of(now, fresh).close()
    assert written(index_dir) == written(fresh)
    store.close()


def test_no_room_between_two_ids_writes_every_id_again(tmp_path: Path, monkeypatch) -> None:
    articles = generated(6)
    index_dir = tmp_path / "index"
    monkeypatch.setattr(completion_store, "GAP", 1)  # no room left anywhere
    monkeypatch.setattr(completion_store, "_LAST_ID", 1)
    store_of(articles[:5], index_dir).close()
    source = ArticleList(articles)
    assert sync_completions(index_dir, source, source.versions()) == "built"
    store = CompletionStore(index_dir / COMPLETIONS_NAME)
    assert store.complete(articles[5].title, 1)[0].article_slug == articles[5].slug
    store.close()


def test_a_damaged_file_is_written_again(tmp_path: Path) -> None:
    articles = tricky()
    index_dir = tmp_path / "index"
    store_of(articles, index_dir).close()
    path = index_dir / COMPLETIONS_NAME
    path.write_bytes(b"not a database " * 300)
    store = store_of(articles, index_dir)
    assert [c.anchor for c in store.complete("autoimm")] == ["", "", "ai"]
    store.close()
    with sqlite3.connect(path) as connection:  # a file of the right version with its tables gone
        connection.execute("DROP TABLE entries")
    store = store_of(articles, index_dir)
    assert store.entry_count() == 11
    store.close()


@pytest.fixture
def read_only(monkeypatch):
    """Make a folder read-only: by its permissions; as root (who writes anyway), by SQLite refusing writes."""

    def make(folder: Path) -> None:
        if os.geteuid() != 0:
            for path in folder.iterdir():
                path.chmod(0o444)
            folder.chmod(0o555)
            return

        def refuse(self):
            raise sqlite3.OperationalError("attempt to write a readonly database")

        monkeypatch.setattr(CompletionStore, "_write", refuse)

    yield make


def test_a_file_that_cannot_be_written_is_used_when_in_step_else_memory(tmp_path: Path, read_only) -> None:
    articles = generated(8)
    index_dir = tmp_path / "index"
    store_of(articles[:6], index_dir).close()
    read_only(index_dir)
    try:
        in_step = open_completions(index_dir, ArticleList(articles[:6]))
        assert isinstance(in_step, CompletionStore)
        assert in_step.complete(articles[2].title, 1)[0].article_slug == articles[2].slug
        in_step.close()
        behind = open_completions(index_dir, ArticleList(articles))  # two articles more: cannot be written
        assert isinstance(behind, Completer)
        assert behind.complete(articles[7].title, 1)[0].article_slug == articles[7].slug
        source = ArticleList(articles)
        assert sync_completions(index_dir, source, source.versions()) is None  # never raises
    finally:
        index_dir.chmod(0o755)


def test_an_index_folder_not_made_yet_gives_completions_in_memory(tmp_path: Path) -> None:
    completions = open_completions(tmp_path / "index", ArticleList(tricky()))
    assert isinstance(completions, Completer) and not (tmp_path / "index").exists()


def test_two_writers_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    articles = generated(40)
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    source = ArticleList(articles)
    versions = source.versions()
    actions: list[str | None] = []
    threads = [
        threading.Thread(target=lambda: actions.append(sync_completions(index_dir, source, versions))) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(actions, key=str) == ["built", "up-to-date", "up-to-date"]
    store = CompletionStore(index_dir / COMPLETIONS_NAME)
    assert store.entry_count() == sum(1 + len(a.sections) + len(a.faq) for a in articles)
    with sqlite3.connect(index_dir / COMPLETIONS_NAME) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        connection.execute("INSERT INTO entry_words (entry_words) VALUES ('integrity-check')")
    store.close()


def test_the_index_writes_and_updates_the_file_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "guides"
    folder.mkdir()
    for path in CONTENT.glob("*.md"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    library = Library(folder, tmp_path / "index")
    engine = library.search_engine
    assert engine.ensure_index().action == "built"
    assert (tmp_path / "index" / COMPLETIONS_NAME).is_file()
    engine.prepare_completions()
    assert isinstance(engine._completer, CompletionStore)
    assert [c.article_slug for c in engine.complete("leuco", 1)] == ["leucopenie"]
    assert engine.search("leucopenia").suggestion == "leucopénie"  # the written form, from the file
    library.close()
    path = folder / "leucopenie.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Leucopénie :", "Leucopénie sévère :", 1), encoding="utf-8")
    (folder / "cancer-qui-regresse-tout-seul.md").unlink()
    library = Library(folder, tmp_path / "index")
    engine = library.search_engine
    assert engine.ensure_index().action == "updated"
    heading = "Leucopénie sévère : Définition et Vue d'Ensemble"
    assert [c.text for c in engine.complete("leucopénie sév", 1)] == [heading]
    assert not any(c.article_slug == "cancer-qui-regresse-tout-seul" for c in engine.complete("cancer", 50))
    library.close()


def test_folded_words_are_what_the_file_indexes(tmp_path: Path) -> None:
    store_of(tricky(), tmp_path / "index").close()
    with sqlite3.connect(tmp_path / "index" / COMPLETIONS_NAME) as connection:

        def texts(match: str) -> list[str]:
            return [text for (text,) in connection.execute(
                "SELECT text FROM entry_words JOIN entries ON entries.id = entry_words.rowid "
                "WHERE entry_words MATCH ? ORDER BY entry_words.rowid", (match,))]  # fmt: skip

        assert texts("autoimmune") == ["Maladie auto-immune", "Le diabète autoimmune", "Une maladie auto‑immune"]
        assert texts("coeur AND 60000") == ["Cœur : 60 000 battements"]
        assert texts("medecin") == ["Le médecin et le medecin"]
        assert texts("60") == []  # a number's digit groups are one word, as everywhere in search


def test_an_engine_before_any_index_completes_in_memory(tmp_path: Path) -> None:
    engine = SearchEngine(tricky(), tmp_path / "index")
    assert [c.anchor for c in engine.complete("autoimm")] == ["", "", "ai"]
    assert isinstance(engine._completer, Completer)


def test_a_file_damaged_inside_is_written_again_at_the_next_keystroke(tmp_path: Path) -> None:
    Library(CONTENT, tmp_path / "index").search_engine.ensure_index()
    path = tmp_path / "index" / COMPLETIONS_NAME
    with sqlite3.connect(path) as connection:  # the pages of the words' index: the articles' table stays readable
        pages = [page for (page,) in connection.execute("SELECT pageno FROM dbstat WHERE name = 'entry_words_data'")]
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as stream:
        for page in pages:
            stream.seek((page - 1) * size)
            stream.write(b"\xff" * size)
    library = Library(CONTENT, tmp_path / "index")
    engine = library.search_engine
    assert engine.complete("leuco") == [] and not path.exists()  # found damaged: set aside, typing goes on
    assert [c.article_slug for c in engine.complete("leuco", 1)] == ["leucopenie"]
    assert path.is_file()
    library.close()


def test_updates_one_after_another_keep_the_order_of_a_file_written_whole(tmp_path: Path) -> None:
    pool = generated(60, seed=11)  # every guide has « Quand consulter un médecin ? »: long runs of ties
    index_dir = tmp_path / "index"
    shown = pool[:40]
    store_of(shown, index_dir).close()
    chooser = random.Random(5)
    for step in range(12):
        shown = list(shown)
        if step % 3 == 0:
            shown.append(pool[40 + step])  # added
        elif step % 3 == 1:
            shown.pop(chooser.randrange(len(shown)))  # removed
        else:
            number = chooser.randrange(len(shown))  # changed: a heading renamed, one taken from another guide
            other = chooser.choice(pool)
            sections = [*shown[number].sections[1:], other.sections[0]]
            shown[number] = dataclasses.replace(shown[number], sections=sections)
        source = ArticleList(shown)
        assert sync_completions(index_dir, source, source.versions()) == "updated"
    fresh = tmp_path / "fresh"
    store_of(shown, fresh).close()
    assert written(index_dir) == written(fresh)


class CancelledError(Exception):
    pass


def test_writing_the_file_whole_reports_progress_and_a_cancelled_write_keeps_nothing(tmp_path, monkeypatch) -> None:
    articles = generated(30)
    source = ArticleList(articles)
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    calls: list[tuple[int, int, str]] = []
    assert sync_completions(index_dir, source, source.versions(), lambda *call: calls.append(call)) == "built"
    assert calls[0] == (1, 30, "complétions") and calls[-1] == (30, 30, "écriture des complétions")
    assert [done for done, _, _ in calls[:-1]] == list(range(1, 31))

    def cancel(done: int, total: int, message: str) -> None:
        if done == 20:
            raise CancelledError

    monkeypatch.setattr(completion_store, "UPDATE_MIN", 0)  # 31 articles changed: written whole
    more = ArticleList(generated(31, seed=6))
    with pytest.raises(CancelledError):
        sync_completions(tmp_path / "index", more, more.versions(), cancel)
    store = CompletionStore(index_dir / COMPLETIONS_NAME)
    assert store.in_step(source.versions())  # as it was before the cancelled write
    assert store.complete(articles[3].title, 1)[0].article_slug == articles[3].slug
    store.close()


def test_completions_opened_while_the_engine_closes_are_not_left_open(tmp_path: Path, monkeypatch) -> None:
    from guide_reader.search import engine as engine_module

    articles = generated(6)
    typing = articles[0].title[:4]
    engine = SearchEngine(articles, tmp_path / "index")
    engine.ensure_index()
    opening, go_on = threading.Event(), threading.Event()
    made: list[CompletionStore] = []

    def slowly_opened(index_dir: Path, source: object) -> CompletionStore:
        opening.set()
        go_on.wait(10)  # the window closes meanwhile (it does not wait for this thread)
        made.append(open_completions(index_dir, source))  # type: ignore[arg-type, arg-type]
        return made[-1]  # type: ignore[return-value]

    monkeypatch.setattr(engine_module, "open_completions", slowly_opened)
    typed: list[object] = []
    thread = threading.Thread(target=lambda: typed.append(engine.complete(typing)))
    thread.start()
    assert opening.wait(10)
    engine.close()  # at once: another thread holds the completions' lock
    go_on.set()
    thread.join(10)
    assert typed == [[]] and engine._completer is None
    with pytest.raises(sqlite3.ProgrammingError):  # the connection the late opening made was closed
        made[0].entry_count()
    monkeypatch.undo()
    assert engine.complete(typing)  # a later use opens them again
    engine.close()


def test_a_keystroke_does_not_wait_for_another_program_writing_the_file(tmp_path: Path) -> None:
    articles = generated(6)
    typing = articles[0].title[:4]
    engine = SearchEngine(articles, tmp_path / "index")
    engine.ensure_index()
    engine.prepare_completions()
    assert engine.complete(typing)
    other = sqlite3.connect(tmp_path / "index" / COMPLETIONS_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writes the file whole (seconds at 10,000 articles)
    answered: list[object] = []
    thread = threading.Thread(target=lambda: answered.append(engine.complete(typing)), daemon=True)
    thread.start()
    thread.join(10)
    try:
        assert answered == [[]]  # none for this keystroke, at once: not after the other program's write
        assert not engine._completer.damaged  # type: ignore[union-attr]
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert engine.complete(typing)  # the next keystroke reads the file again
    engine.close()


def test_written_forms_are_found_after_the_completions_were_opened_again(tmp_path: Path) -> None:
    engine = SearchEngine(generated(6), tmp_path / "index")
    engine.ensure_index()
    engine.prepare_completions()
    forms = engine._display_forms()  # taken by a search while the worker updates the index
    engine._forget_completions()  # the worker's update: the completions are closed, to be opened again
    assert forms.get("definition") == "définition"  # not the folded word for as long as the engine runs
    assert engine._display_forms().get("definition") == "définition"
    engine.close()


def test_the_file_keeps_the_digest_of_its_versions_and_compares_it_instead_of_every_version(tmp_path: Path) -> None:
    articles = generated(8)
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    source = ArticleList(articles[:6])
    versions = source.versions()
    assert sync_completions(index_dir, source, versions) == "built"
    store = CompletionStore(index_dir / COMPLETIONS_NAME)
    assert store.in_step({}, versions_digest(versions))  # the digest alone decides: no version is read
    assert not store.in_step(versions, versions_digest({}))
    store.close()
    for now in (
        articles[:5],
        [*articles[:5], articles[7]],
        [*articles[:4], dataclasses.replace(articles[4], title="Zythum")],
    ):
        changed = ArticleList(now)
        assert (
            sync_completions(index_dir, changed, changed.versions(), digest=versions_digest(changed.versions()))
            == "updated"
        )
        store = CompletionStore(index_dir / COMPLETIONS_NAME)
        assert store.in_step({}, versions_digest(changed.versions()))  # written with the update
        assert store.complete(now[-1].title, 1)[0].article_slug == now[-1].slug
        store.close()
