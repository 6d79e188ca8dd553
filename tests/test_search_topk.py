"""``topk``'s set-at-a-time evaluation gives Whoosh's own answers, and reading a common word only at the
rarer words' documents gives the same scores as reading it whole."""

from __future__ import annotations

import random
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from whoosh import query as wq

from benchmarks.corpus import SHORT, ArticleMaker
from guide_reader.content.model import Article, Section
from guide_reader.search import SearchEngine, store, topk
from guide_reader.search.analysis import terms
from guide_reader.search.documents import BIBLIOGRAPHY_TERM
from guide_reader.search.schema import TEXT_FIELD


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    """Forty generated guides in several segments, with deleted documents (two guides updated)."""
    folder: Path = tmp_path_factory.mktemp("topk")
    articles = list(ArticleMaker(11, SHORT).articles(40))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "ARTICLES_PER_SEGMENT", 15)
        SearchEngine(articles, folder).ensure_index()
    articles[3] = replace(articles[3], lead=articles[3].lead + " Une phrase ajoutée.")
    articles[30] = replace(articles[30], lead=articles[30].lead + " Une autre phrase.")
    engine = SearchEngine(articles, folder)
    assert engine.ensure_index().action == "updated"
    return engine


def queries(engine: SearchEngine) -> list[list[str]]:
    """Term pairs and triples from the common to the rare (what makes a common word's blocks skipped)."""
    with engine._search_lock:
        reader = engine._current_searcher().reader()
        by_frequency = sorted(
            (reader.doc_frequency(TEXT_FIELD, term), term)
            for term in (text.decode() if isinstance(text, bytes) else text for text in reader.lexicon(TEXT_FIELD))
            if not term.startswith("~")
        )
    common = [term for _, term in by_frequency[-6:]]
    rare = [term for count, term in by_frequency if 2 <= count <= 5][:6]
    middle = [term for _, term in by_frequency[len(by_frequency) // 2 : len(by_frequency) // 2 + 4]]
    return (
        [[a, b] for a in common for b in rare]
        + [[a, b, c] for a, b, c in zip(common, middle, rare, strict=False)]
        + [common[:2]]
    )


def test_a_common_word_read_at_the_rare_words_documents_scores_as_read_whole(engine, monkeypatch) -> None:
    skipped = 0
    for words in queries(engine):
        query = wq.And([wq.Term(TEXT_FIELD, word) for word in words])
        with engine._search_lock:
            searcher = engine._current_searcher()
            monkeypatch.setattr(topk, "SKIP_RATIO", 10**9)  # never skip
            whole = topk.Run(searcher, lambda docnum: None).relaxed(query)
            monkeypatch.setattr(topk, "SKIP_RATIO", 1)  # skip whenever the other word is more frequent
            run = topk.Run(searcher, lambda docnum: None)
            skipping = run.relaxed(query)
            skipped += sum((TEXT_FIELD, word) not in run.postings for word in words)
        assert skipping == whole, words  # the same documents, the same floats
    assert skipped > 10  # the common words were not read whole


def test_the_top_hits_are_whooshs_own(engine) -> None:
    with engine._search_lock:
        searcher = engine._current_searcher()
        for words in queries(engine)[:12]:
            for kind in (wq.And, wq.Or):
                query = kind([wq.Term(TEXT_FIELD, word) for word in words])
                ours = topk.top_hits(searcher, query, 10, lambda docnum: None)
                theirs = searcher.search(query, limit=10)
                assert [docnum for docnum, _ in ours.hits] == [hit.docnum for hit in theirs], words
                assert [score for _, score in ours.hits] == pytest.approx([hit.score for hit in theirs], rel=1e-6)


def test_postings_read_a_list_at_a_time_are_those_whoosh_walks(engine) -> None:
    """Every term of every segment (deleted documents in two of them), block lists and inlined ones."""
    blocks = 0
    with engine._search_lock:
        for subsearcher, _ in engine._current_searcher().leaf_searchers():
            reader = subsearcher.reader()
            for term in reader.lexicon(TEXT_FIELD):
                walked = []
                matcher = reader.postings(TEXT_FIELD, term)
                while matcher.is_active():
                    walked.append((matcher.id(), matcher.weight()))
                    matcher.next()
                docnums, weights = topk.read_postings(reader.postings(TEXT_FIELD, term))
                assert list(zip(docnums, weights, strict=True)) == walked, term
                blocks += len(walked) > 128
    assert blocks >= 2  # lists of several blocks among them


def test_weights_read_at_some_documents_are_those_of_the_whole_postings(engine) -> None:
    longest = 0
    with engine._search_lock:
        searcher = engine._current_searcher()
        for word in [*queries(engine)[-1], BIBLIOGRAPHY_TERM]:  # the last: several blocks of 128 postings
            for subsearcher, _ in searcher.leaf_searchers():
                reader = subsearcher.reader()
                docnums, weights = topk.read_postings(reader.postings(TEXT_FIELD, word))
                whole = dict(zip(docnums, weights, strict=True))
                longest = max(longest, len(docnums))
                for wanted in (docnums, docnums[::7], docnums[127::128], sorted({d + 1 for d in docnums[::5]})):
                    expected = {docnum: whole[docnum] for docnum in wanted if docnum in whole}
                    assert topk.read_weights_at(reader.postings(TEXT_FIELD, word), wanted) == expected
    assert longest > 128  # several blocks read, and skipped


def test_a_common_word_answered_block_by_block_gives_the_same_top(engine, monkeypatch) -> None:
    from guide_reader.search.blocks import Block

    decoded = []
    decode = Block.decode
    monkeypatch.setattr(Block, "decode", lambda self: decoded.append(1) or decode(self))
    with engine._search_lock:
        searcher = engine._current_searcher()
        flags = engine._bibliography(searcher)
        words = [*queries(engine)[-1], BIBLIOGRAPHY_TERM]
        for word in words:
            for inside in (False, True):
                for limit in (1, 5, 20):
                    query = wq.Term(TEXT_FIELD, word)
                    monkeypatch.setattr(topk, "BLOCK_MAX_FROM", 10**9)
                    whole = topk.top_hits(searcher, query, limit, lambda docnum: None, among=(flags, inside))
                    monkeypatch.setattr(topk, "BLOCK_MAX_FROM", 1)
                    decoded.clear()
                    blocks = topk.top_hits(searcher, query, limit, lambda docnum: None, among=(flags, inside))
                    assert blocks.hits == whole.hits, (word, inside, limit)
                    holding = len(topk.Run(searcher, lambda docnum: None).relaxed(query))  # deleted ones left out
                    assert blocks.total == (0 if inside else holding)
    assert decoded


def test_blocks_that_cannot_make_the_top_are_not_decoded(tmp_path: Path, monkeypatch) -> None:
    from guide_reader.search.blocks import Block

    articles = sorted(ArticleMaker(12, SHORT).articles(30), key=lambda article: article.slug)
    first = articles[0]
    articles[0] = replace(first, references=[replace(first.references[0], text="Court."), *first.references[1:]])
    engine = SearchEngine(articles, tmp_path)  # one segment: the shortest reference, the best, comes first
    engine.ensure_index()
    decoded = []
    decode = Block.decode
    monkeypatch.setattr(Block, "decode", lambda self: decoded.append(1) or decode(self))
    monkeypatch.setattr(topk, "BLOCK_MAX_FROM", 1)
    with engine._search_lock:
        searcher = engine._current_searcher()
        query = wq.Term(TEXT_FIELD, BIBLIOGRAPHY_TERM)
        best = topk.top_hits(searcher, query, 1, lambda docnum: None, among=(engine._bibliography(searcher), True))
        assert searcher.stored_fields(best.hits[0][0])["slug"] == first.slug
        assert searcher.doc_frequency(TEXT_FIELD, BIBLIOGRAPHY_TERM) > 2 * 128  # three blocks or more
    assert len(decoded) == 1  # the first block only
    engine.close()


class CannedRun(topk.Run):
    """A query's relaxed scores (upper bounds) and exact scores, given: no index read."""

    def __init__(self, relaxed: dict[int, float], exact: dict[int, float]) -> None:
        super().__init__(None, lambda docnum: None)  # type: ignore[arg-type]
        self._bounds, self._exact = relaxed, exact

    def relaxed(self, query: wq.Query) -> dict[int, float]:
        return self._bounds

    def exact(self, query: wq.Query, docnum: int) -> float | None:
        return self._exact.get(docnum)


def test_a_phrase_query_breaks_a_tie_of_exact_scores_in_document_order() -> None:
    # Guide 9 holds the phrase's words apart and the other word: a high bound, an exact score of the
    # other word only. Guide 3 holds that other word alone, as weighted: the same exact score (two
    # guides sharing a section's text tie). Whoosh ranks the lower document number first.
    query = wq.Or([wq.Phrase(TEXT_FIELD, ["globules", "blancs"]), wq.Term(TEXT_FIELD, "fievre")])
    run = CannedRun({9: 3.0, 3: 2.0, 5: 1.0}, {9: 2.0, 3: 2.0, 5: 1.0})
    assert topk.top_hits(None, query, 1, lambda docnum: None, run).hits == [(3, 2.0)]  # type: ignore[arg-type]
    assert topk.top_hits(None, query, 2, lambda docnum: None, run).hits == [(3, 2.0), (9, 2.0)]  # type: ignore[arg-type]


def phrases(engine: SearchEngine) -> list[list[str]]:
    """Runs of two and three terms as documents hold them, and pairs of common words (mostly apart)."""
    rnd = random.Random(5)
    found: list[list[str]] = []
    with engine._search_lock:
        searcher = engine._current_searcher()
        for docnum in rnd.sample(range(searcher.doc_count_all()), 40):
            texts = engine._texts_of(searcher, docnum)
            part = max([terms(text) for text in texts or ()] or [[]], key=len)
            if len(part) >= 3:
                start = rnd.randrange(len(part) - 2)
                found += [part[start : start + 2], part[start : start + 3]]
    common = queries(engine)[-1]
    return [*found, common, common[::-1]]


def test_a_phrase_found_through_its_pairs_gives_the_hits_of_the_words_checked_in_each_document(
    engine, monkeypatch
) -> None:
    checked = 0
    for words in phrases(engine):
        query = wq.Phrase(TEXT_FIELD, words, slop=1)
        with engine._search_lock:
            searcher = engine._current_searcher()
            texts_of = partial(engine._texts_of, searcher)
            by_pairs = topk.top_hits(searcher, query, 10, texts_of)
            with monkeypatch.context() as patch:
                patch.setattr(topk, "by_pairs", lambda phrase: False)
                by_words = topk.top_hits(searcher, query, 10, texts_of)
        assert by_pairs.hits == by_words.hits, words
        assert by_pairs.total == by_words.total or len(by_words.hits) == 10, words
        checked += bool(by_words.hits)
    assert checked >= 60  # most runs taken from documents are found


def test_a_phrase_is_looked_for_only_in_documents_filed_under_its_pairs(tmp_path: Path) -> None:
    # Sixty guides hold both words; five hold them as the phrase. Each guide has other words of its own.
    articles = [
        Article(
            slug=f"guide-{n}",
            title=f"Guide {n}",
            sections=[
                Section("bilan", "Bilan", f"Le bilan {n} compte les globules blancs." if n % 12 == 0 else
                        f"Des draps blancs au bilan {n}, puis les globules rouges et les plaquettes."),
                Section("suite", "Suite", " ".join(f"mot{n}x{k} terme{k}y{n}" for k in range(40))),
            ],
        )
        for n in range(60)
    ]  # fmt: skip
    engine = SearchEngine(articles, tmp_path)
    engine.ensure_index()
    with engine._search_lock:
        searcher = engine._current_searcher()
        texts_of = partial(engine._texts_of, searcher)
        read: list[int] = []
        phrase = wq.Phrase(TEXT_FIELD, ["globul", "blanc"], slop=1)
        found = topk.top_hits(searcher, phrase, 20, lambda docnum: read.append(docnum) or texts_of(docnum))
        holding = topk.Run(searcher, texts_of).relaxed(wq.And([wq.Term(TEXT_FIELD, w) for w in phrase.words]))
        slugs = {searcher.stored_fields(docnum)["slug"] for docnum, _ in found.hits}
    engine.close()
    assert len(holding) == 60
    assert slugs == {f"guide-{n}" for n in range(0, 60, 12)}
    assert len(read) <= 6  # the five, and at most one other filed under both buckets by chance
