"""The top N hits of a query, computed a posting list at a time.

Whoosh answers a query by walking a tree of matchers one document at a time,
with several Python calls per matcher per document. On a large library a common
word, or a synonym that is a phrase of common words ('globules blancs bas'),
matches tens of thousands of documents: profiled at 10,000 articles, that walk
was nearly all the time of a search (a phrase also read the positions of its
words in every document holding them all). Whoosh's top-N shortcut, skipping
blocks of postings that cannot reach the top, is not sound for "every word" and
"any word" queries either (a word's blocks are skipped against the *current*
block of the other word; measured: exact top hits missing).

Here each word's postings are read once, block by block, into a mapping
``document -> weight × idf`` (the index's weights are ready-made scores, see
``schema``), and the query is combined with set and mapping operations: "every
word" is an intersection, "any word" a sum. For "every word", a word held by
many more documents than the rarest one is read only in the blocks that hold
one of the rarest word's documents (the other blocks are skipped by their
headers, their postings never decoded). A phrase is first taken as "every word
of the phrase, in documents filed under the buckets of each pair of them"
(``schema.pair_buckets``; its score is the sum of its words' scores, so this
*relaxed* score is never below the exact one); candidates are then taken best
first, and each is checked against the exact query, its phrases looked for in the
document's own text (``texts_of``, ``phrases``), until no remaining candidate can beat the
N-th exact score. The hits and scores are those Whoosh would give for the exact
query (ties in document order), without positions in the index.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, islice, pairwise
from operator import itemgetter

from whoosh import query as wq
from whoosh.matching import FilterMatcher, Matcher
from whoosh.searching import Searcher

from .blocks import blocks_of
from .phrases import phrase_in_texts
from .schema import pair_buckets

Scores = dict[int, float]
BLOCK_MAX_FROM = 2000
"""A one-word query on a word held by this many documents or more is answered from the blocks of
postings whose best weight can still make the top (``Run.top_of_term``); below, reading the word
whole costs little and gives the exact count."""
SKIP_RATIO = 16
"""A common term's postings are read only at the rarer terms' documents when it has this many times more:
below that, reading it whole costs about the same (and its whole list serves the query's other tiers)."""
TextsOf = Callable[[int], Sequence[str] | None]
"""A document's texts (title, heading, body), or None when unknown."""


@dataclass
class TopHits:
    hits: list[tuple[int, float]] = field(default_factory=list)
    """``(docnum, score)``, best first."""
    total: int = 0
    """Matching documents: exact when fewer than asked for, else an upper estimate. A common word answered
    block by block (``Run.by_blocks``) counts every document holding it with the unflagged ones and 0
    with the flagged ones: only the sum of both halves means something (and it is exact)."""


def top_hits(
    searcher: Searcher,
    query: wq.Query,
    limit: int,
    texts_of: TextsOf,
    run: Run | None = None,
    among: tuple[bytes, bool] | None = None,
) -> TopHits:
    """The ``limit`` best documents for ``query`` and how many match.

    ``run``: the evaluation of an earlier query on the same searcher, whose postings are reused
    (the tiers of one search share most of their words). ``among``: ``(flags, inside)``,
    only the documents whose flag (one byte per document number, 0 or 1) is set (``inside=True``) or not.
    """
    run = run if run is not None else Run(searcher, texts_of)
    if among is not None and run.by_blocks(query):
        return TopHits(run.top_of_term(query, limit, *among), run.count(query, *among))
    candidates = run.relaxed(query) if among is None else run.split(query, among[0])[among[1]]
    if not run.needs_check(query):
        return TopHits(list(islice(_best_first(candidates, limit), limit)), len(candidates))
    top: list[tuple[float, int]] = []  # (score, -docnum): the worst of the top first
    exhausted = True
    for docnum, bound in _best_first(candidates, limit):
        if len(top) >= limit and (bound, -docnum) <= top[0]:
            exhausted = False  # no candidate left can beat the N-th hit (nor tie it with a lower number)
            break
        score = run.exact(query, docnum)
        if score is None:
            continue
        if len(top) < limit:
            heapq.heappush(top, (score, -docnum))
        elif (score, -docnum) > top[0]:
            heapq.heapreplace(top, (score, -docnum))
    best = sorted(((-negated, score) for score, negated in top), key=_rank)
    return TopHits(best, len(best) if exhausted else len(candidates))


def _best_first(candidates: Scores, limit: int) -> Iterator[tuple[int, float]]:
    """``(docnum, score)`` by decreasing score (then increasing docnum), sorting only what is asked for:
    the best few first, four times more at each new round."""
    size, below = max(4 * limit, 64), math.inf
    while below > -math.inf:
        floor = heapq.nlargest(size, candidates.values())[-1] if size < len(candidates) else -math.inf
        yield from sorted([item for item in candidates.items() if floor <= item[1] < below], key=_rank)
        size, below = size * 4, floor


def _rank(item: tuple[int, float]) -> tuple[float, int]:
    return -item[1], item[0]


def _needs_check(query: wq.Query) -> bool:
    """Whether the query holds a phrase: one to look for in the words of each candidate."""
    return isinstance(query, wq.Phrase) or any(isinstance(leaf, wq.Phrase) for leaf in query.leaves())


def by_pairs(phrase: wq.Phrase) -> bool:
    """Whether the phrase's candidates are found through its pairs' buckets: each word right after the other."""
    return phrase.slop == 1 and len(phrase.words) >= 2


class Run:
    """One search's evaluation: the postings it read, kept while it runs (a word often appears twice)."""

    def __init__(self, searcher: Searcher, texts_of: TextsOf) -> None:
        self.searcher = searcher
        self.texts_of = texts_of
        self.postings: dict[tuple[str, str], Scores] = {}
        self.texts: dict[int, Sequence[str] | None] = {}
        self.combined: dict[int, tuple[wq.Query, Scores]] = {}
        """Each part's relaxed scores, by ``id`` (the part is kept with them, so its id stays its own)."""
        self.checked: dict[int, bool] = {}
        """Whether each part holds a phrase to check in the words (``_needs_check``), by ``id`` (the parts are
        in ``combined``)."""
        self.splits: dict[int, tuple[Scores, Scores]] = {}
        """Each query's relaxed scores split by ``split``, by ``id`` (the query is in ``combined``)."""

    def split(self, query: wq.Query, flags: bytes) -> tuple[Scores, Scores]:
        """The query's relaxed scores of the documents whose flag is 0, and of those whose flag is 1
        (``flags``: one byte per document number; read at C speed, no set of every flagged document)."""
        known = self.splits.get(id(query))
        if known is None:
            scores = self.relaxed(query)
            docnums = list(scores)
            picked = itemgetter(*docnums)(flags) if len(docnums) > 1 else [flags[d] for d in docnums]
            inside = list(compress(docnums, picked))
            if not inside:
                known = (scores, {})
            else:
                outside = dict(scores)
                for docnum in inside:
                    del outside[docnum]
                known = (outside, {docnum: scores[docnum] for docnum in inside})
            self.splits[id(query)] = known
        return known

    def count(self, query: wq.Query, flags: bytes, inside: bool) -> int:
        """How many documents the query finds among those whose flag is ``inside``. A common word
        answered block by block (``by_blocks``) is counted whole among the others (0 among the
        flagged): the sum is exact, its postings never decoded but for the blocks of deleted documents."""
        if self.by_blocks(query):
            return 0 if inside else self._live_frequency(query)  # type: ignore[arg-type]
        return len(self.split(query, flags)[inside])

    def _live_frequency(self, term: wq.Term) -> int:
        """How many documents not deleted hold the term: Whoosh's document frequency, which still counts
        the documents an update deleted, less those of them found in the blocks that hold them."""
        fieldname, text = term.fieldname, term.text
        count = self.searcher.doc_frequency(fieldname, text)
        for subsearcher, _ in self.searcher.leaf_searchers():
            reader = subsearcher.reader()
            if not reader.has_deletions() or (fieldname, text) not in reader:
                continue
            matcher = reader.postings(fieldname, text)
            if isinstance(matcher, FilterMatcher) and matcher._exclude:
                count -= len(read_weights_at(matcher.child, sorted(matcher._ids)))
        return count

    def by_blocks(self, query: wq.Query) -> bool:
        """Whether the query is one word held by ``BLOCK_MAX_FROM`` documents or more, not read yet."""
        return (
            type(query) is wq.Term
            and (query.fieldname, query.text) not in self.postings
            and self._frequency(query) >= BLOCK_MAX_FROM
        )

    def top_of_term(self, term: wq.Term, limit: int, flags: bytes, inside: bool) -> list[tuple[int, float]]:
        """The ``limit`` best documents holding ``term`` among those whose flag is ``inside``, with the
        scores ``relaxed`` gives, best first (ties in document order). A block of postings whose
        maximum weight (kept in its header) cannot beat the ``limit``-th score found so far is
        skipped, its postings never decoded: a common word reads a few blocks, not thousands."""
        fieldname, text, boost = term.fieldname, term.text, term.boost
        idf = self.searcher.idf(fieldname, text)
        top: list[tuple[float, int]] = []  # (score, -docnum): the worst of the top first
        wanted = 1 if inside else 0
        for subsearcher, offset in self.searcher.leaf_searchers():
            reader = subsearcher.reader()
            if (fieldname, text) not in reader:
                continue
            matcher = reader.postings(fieldname, text)
            excluded: Collection[int] = ()
            if isinstance(matcher, FilterMatcher) and matcher._exclude:
                excluded, matcher = matcher._ids, matcher.child
            blocks = blocks_of(matcher)
            if blocks is None:  # a short list, kept in the term's entry: read whole
                scores = self.split(term, flags)[inside]
                return list(islice(_best_first(scores, limit), limit))
            for block in blocks:
                if len(top) < limit or (block.maxweight * idf) * boost > top[0][0]:
                    docnums, weights = block.decode()
                    for docnum, weight in zip(docnums, weights, strict=True):
                        number = docnum + offset
                        if flags[number] != wanted or docnum in excluded:
                            continue
                        item = ((weight * idf) * boost, -number)
                        if len(top) < limit:
                            heapq.heappush(top, item)
                        elif item > top[0]:
                            heapq.heapreplace(top, item)
        return sorted(((-negated, score) for score, negated in top), key=_rank)

    def term(self, fieldname: str, text: str) -> Scores:
        """``docnum -> weight × idf`` for one term (Whoosh's TF_IDF score)."""
        key = (fieldname, text)
        found = self.postings.get(key)
        if found is None:
            found = {}
            holding = [(sub.reader(), offset) for sub, offset in self.searcher.leaf_searchers()]
            holding = [(reader, offset) for reader, offset in holding if (fieldname, text) in reader]
            idf = self.searcher.idf(fieldname, text) if holding else 0.0  # (an empty index has no idf)
            for reader, offset in holding:
                docnums, weights = read_postings(reader.postings(fieldname, text))
                numbers = map(offset.__add__, docnums) if offset else docnums  # (at C speed: no Python step each)
                found.update(zip(numbers, map(idf.__mul__, weights), strict=True))
            self.postings[key] = found
        return found

    def needs_check(self, query: wq.Query) -> bool:
        known = self.checked.get(id(query))
        if known is None:
            known = self.checked[id(query)] = _needs_check(query)
        return known

    def evaluated(self, query: wq.Query) -> Scores | None:
        """The query's relaxed scores when this run has made them already, else None (nothing is read)."""
        known = self.combined.get(id(query))
        return known[1] if known is not None else None

    def relaxed(self, query: wq.Query) -> Scores:
        """Every document the query can match, with a score never below its exact score."""
        known = self.combined.get(id(query))
        if known is None:
            known = self.combined[id(query)] = (query, self._relaxed(query))
        return known[1]

    def _relaxed(self, query: wq.Query) -> Scores:
        kind = type(query)
        if kind is wq.Term:
            scores = self.term(query.fieldname, query.text)
            return scores if query.boost == 1.0 else _scaled(scores, query.boost)
        if kind is wq.Phrase:
            words = [wq.Term(query.fieldname, word) for word in query.words]
            if not by_pairs(query):
                return self.relaxed(wq.And(words, boost=query.boost))
            buckets = {bucket for pair in pairwise(query.words) for bucket in pair_buckets(*pair)}
            pairs = [wq.Term(query.fieldname, bucket) for bucket in sorted(buckets)]
            scores = self._terms_of_all(pairs + words, scored=len(pairs))
            return scores if query.boost == 1.0 else _scaled(scores, query.boost)
        if kind in (wq.And, wq.Or):
            parts = query.subqueries
            if not parts:
                return {}
            if len(parts) == 1:  # Whoosh ignores the boost of a single-part group
                return self.relaxed(parts[0])
            if kind is wq.And and all(type(part) is wq.Term for part in parts):
                scores = self._terms_of_all(parts)
            else:
                scores = (_all_of if kind is wq.And else _any_of)([self.relaxed(part) for part in parts])
            return scores if query.boost == 1.0 else _scaled(scores, query.boost)
        return self._whoosh(query)

    def _terms_of_all(self, parts: Sequence[wq.Term], scored: int = 0) -> Scores:
        """The sum of the terms' scores (boost applied), in the order of ``parts``, for the documents holding
        every term; ``parts[:scored]`` only select documents, their scores left out. The rarest term is read
        whole; of a term held by many more documents, only the blocks of postings that hold one of those
        documents are decoded (a common word's thousands of blocks are skipped by their headers):
        'fait commun catastrophe' reads 'catastrophe', not all of 'fait'."""
        frequency = {id(part): self._frequency(part) for part in parts}
        found: dict[int, Scores] = {}
        holding: Collection[int] = ()
        for part in sorted(parts, key=lambda part: frequency[id(part)]):
            if id(part) in found:
                continue
            key = (part.fieldname, part.text)
            if not found or key in self.postings or len(holding) * SKIP_RATIO >= frequency[id(part)]:
                scores = self.relaxed(part)  # read whole (or already): as cheap as skipping
            else:
                scores = self._term_at(part, sorted(holding))
            found[id(part)] = scores
            holding = scores.keys() if len(found) == 1 else scores.keys() & holding
        return _summed([found[id(part)] for part in parts[scored:]], holding)

    def _frequency(self, term: wq.Term) -> int:
        """How many documents hold the term (Whoosh's term info: no postings read)."""
        if (term.fieldname, term.text) in self.postings:
            return len(self.postings[(term.fieldname, term.text)])
        return self.searcher.doc_frequency(term.fieldname, term.text)

    def _term_at(self, term: wq.Term, wanted: Sequence[int]) -> Scores:
        """``term``'s scores (as ``relaxed`` gives them) of the documents ``wanted`` (sorted) that hold it."""
        fieldname, text = term.fieldname, term.text
        holding = [(sub.reader(), offset) for sub, offset in self.searcher.leaf_searchers()]
        holding = [(reader, offset) for reader, offset in holding if (fieldname, text) in reader]
        if not holding:
            return {}
        idf = self.searcher.idf(fieldname, text)
        found: Scores = {}
        for reader, offset in holding:
            start = bisect_left(wanted, offset)
            end = bisect_left(wanted, offset + reader.doc_count_all())
            local = [docnum - offset for docnum in wanted[start:end]]
            if local:
                weights = read_weights_at(reader.postings(fieldname, text), local)
                found.update((docnum + offset, weight * idf) for docnum, weight in weights.items())
        return found if term.boost == 1.0 else _scaled(found, term.boost)

    def exact(self, query: wq.Query, docnum: int) -> float | None:
        """The exact score of one document of the relaxed results, or None when it does not match."""
        kind = type(query)
        if kind is wq.Phrase:
            score = self.relaxed(query).get(docnum)
            if score is None or not self._has_phrase(docnum, query.words, query.slop):
                return None
            return score
        if kind in (wq.And, wq.Or) and self.needs_check(query):
            parts = query.subqueries
            if len(parts) == 1:
                return self.exact(parts[0], docnum)
            scores = [self.exact(part, docnum) for part in parts]
            if kind is wq.And and None in scores:
                return None
            found = [score for score in scores if score is not None]
            return sum(found) * query.boost if found else None
        return self.relaxed(query).get(docnum)  # no phrase: relaxed is exact (and already read)

    def _has_phrase(self, docnum: int, words: Sequence[str], slop: int) -> bool:
        if docnum not in self.texts:
            self.texts[docnum] = self.texts_of(docnum)
        texts = self.texts[docnum]
        return texts is not None and phrase_in_texts(texts, words, slop)

    def _whoosh(self, query: wq.Query) -> Scores:
        """Any other query (``word~``): Whoosh's matcher, walked to the end."""
        found: Scores = {}
        for subsearcher, offset in self.searcher.leaf_searchers():
            matcher = query.matcher(subsearcher, subsearcher.context())
            while matcher.is_active():
                found[matcher.id() + offset] = matcher.score()
                matcher.next()
        return found


def read_postings(matcher: Matcher) -> tuple[list[int], list[float]]:
    """The documents and weights of a term's postings, deleted documents left out.

    A Whoosh 3 block list is read whole at once (``blocks.blocks_of``); a short list kept in the term's
    entry, a posting at a time.
    """
    excluded: Collection[int] = ()
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        excluded, matcher = matcher._ids, matcher.child
    docnums: list[int] = []
    weights: list[float] = []
    blocks = blocks_of(matcher)
    if blocks is not None:
        for block in blocks:
            ids, block_weights = block.decode()
            docnums += ids
            weights += block_weights
    else:  # (a filter may have stepped over deleted documents at the start: they are left out anyway)
        while matcher.is_active():
            docnums.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    if excluded:
        kept = [(docnum, weight) for docnum, weight in zip(docnums, weights, strict=True) if docnum not in excluded]
        docnums, weights = [docnum for docnum, _ in kept], [weight for _, weight in kept]
    return docnums, weights


def read_weights_at(matcher: Matcher, wanted: Sequence[int]) -> dict[int, float]:
    """The weights of the postings of the documents ``wanted`` (sorted), deleted ones left out; a block
    that holds none of them is skipped by its header, its documents and weights never decoded."""
    excluded: Collection[int] = ()
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        excluded, matcher = matcher._ids, matcher.child
    blocks = blocks_of(matcher)
    if blocks is None:  # a short list: read whole
        docnums, weights = read_postings(matcher)
        wanted_set = set(wanted)
        return {docnum: weight for docnum, weight in zip(docnums, weights, strict=True) if docnum in wanted_set}
    found: dict[int, float] = {}
    at, count = 0, len(wanted)
    for block in blocks:
        if at >= count:
            break
        if wanted[at] > block.last:
            continue
        end = bisect_right(wanted, block.last, at)
        docnums, weights = block.decode()
        places = dict(zip(docnums, range(len(docnums)), strict=True))
        for docnum in wanted[at:end]:
            place = places.get(docnum)
            if place is not None:
                found[docnum] = weights[place]
        at = end
    for docnum in excluded:
        found.pop(docnum, None)
    return found


def _scaled(scores: Scores, boost: float) -> Scores:
    return {docnum: score * boost for docnum, score in scores.items()}


def _all_of(parts: list[Scores]) -> Scores:
    ordered = sorted(parts, key=len)
    docnums = ordered[0].keys() & ordered[1].keys()
    for other in ordered[2:]:
        docnums &= other.keys()
    return _summed(parts, docnums)


def _summed(parts: Sequence[Scores], docnums: Collection[int]) -> Scores:
    """The sum of the parts' scores, added in the order of ``parts``, for the documents ``docnums`` (which
    every part holds)."""
    if len(parts) == 1:
        (only,) = parts
        return {docnum: only[docnum] for docnum in docnums}
    if len(parts) == 2:
        first, second = parts
        return {docnum: first[docnum] + second[docnum] for docnum in docnums}
    return {docnum: sum([part[docnum] for part in parts]) for docnum in docnums}


def _any_of(parts: list[Scores]) -> Scores:
    largest = max(range(len(parts)), key=lambda at: len(parts[at]))
    found = dict(parts[largest])  # copied at C speed; the smaller parts are added to it
    for at, part in enumerate(parts):
        if at != largest:
            get = found.get
            for docnum, score in part.items():
                found[docnum] = get(docnum, 0.0) + score
    return found
