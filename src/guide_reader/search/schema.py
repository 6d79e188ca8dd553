"""The Whoosh schema: one document per searchable unit, its words in one field whose weights are scores.

A document's title, heading and body go into the one ``text`` field. Each posting's
weight is computed at index time (``prepare``): the BM25 share of each part of the
document for that term (title, heading and body each saturated against its own
length, a heading counting 6 times), times the document's boost. A search then
scores a document with ``weight × idf`` (Whoosh's ``TF_IDF``, see ``topk``): one
posting list per word instead of one per word and part, and no field lengths to
read while scoring. The postings hold no positions (they would make every posting
longer and every word slower to read). Instead, every two terms that follow each
other in a part file the document under two more terms (``pair_buckets``): a phrase
is looked for only in the words of the few documents filed under its pairs (``topk``).
"""

from __future__ import annotations

import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import pairwise
from typing import Any

from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.formats import Existence
from whoosh.scoring import TF_IDF, WeightingModel

from .analysis import french_analyzer, terms

TEXT_FIELD = "text"
FIELD_BOOSTS = {"title": 1.0, "head": 6.0, "body": 1.0}
"""A match in a section heading or an FAQ question beats one in the article title or
in body text. (With a field per part, a heading weighed 2.5 times body text and its
rarer words had a higher idf besides; in one field they share one idf, and 6 gives
the same ranking on the relevance set.)"""
AVERAGE_LENGTHS = {"title": 2.4, "head": 1.8, "body": 51.0}
"""Terms per document in each part, as in the bundled articles (BM25's average lengths)."""
K1 = 1.2
B = 0.75
SCHEMA_VERSION = "5"
PAIR_BITS = 15
"""Each pair of terms is filed in two of ``2 * 2**PAIR_BITS`` *pair buckets* (``pair_buckets``)."""
PAIR_SEPARATOR = b"\x1f"
"""Between a pair's two terms in what its CRC is taken of (a term may hold a space)."""
_PAIR_MASK = (1 << PAIR_BITS) - 1
_TERM_CODES: dict[str, tuple[bytes, int]] = {}
"""Term -> its UTF-8 bytes and the CRC-32 of the bytes and the separator (what a pair starting with it
continues from), for the terms seen so far (emptied past ``_TERM_CODES_SIZE``)."""
_TERM_CODES_SIZE = 500_000


class Prepared(tuple):
    """A document's postings, ``(term, frequency, weight, b"")``, computed by ``prepare``."""

    __slots__ = ()


class ImpactWeights(Existence):
    """Postings with a ready-made weight each (see ``prepare``) and no stored value."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterable[tuple[str, int, float, bytes]]:
        if isinstance(value, Prepared):
            return value
        return prepare((("body", terms(value if isinstance(value, str) else " ".join(value))),), 1.0)


def pair_buckets(first: str, second: str) -> tuple[str, str]:
    """The two bucket terms of a document where ``second`` comes right after ``first`` in one part.

    The CRC-32 of both terms' UTF-8 bytes, a separator between (a term may hold a space), gives one
    bucket by its low ``PAIR_BITS`` bits, the other by the next ones. Their first character, '~', is
    never a word's (analysis never gives it), so no word, typo fix or ``word~`` expansion is ever a
    bucket. A document that other pairs file in both buckets of a pair is rare, and what the buckets
    find is checked in the words: at 10,000 generated articles, the 200 two-word phrases of the search
    benchmark had 2,270 documents filed under both buckets, 6 of them without the phrase, where
    170,197 documents held both words.
    """
    code = zlib.crc32(_term_code(second)[0], _term_code(first)[1])
    firsts, seconds = _bucket_names()
    return firsts[code & _PAIR_MASK], seconds[(code >> PAIR_BITS) & _PAIR_MASK]


@cache
def _bucket_names() -> tuple[list[str], list[str]]:
    """The bucket terms of each number, made at first use (not at import: a search command needs few)."""
    return [f"~a{number:x}" for number in range(1 << PAIR_BITS)], [f"~b{number:x}" for number in range(1 << PAIR_BITS)]


def _term_code(term: str) -> tuple[bytes, int]:
    known = _TERM_CODES.get(term)
    if known is None:
        encoded = term.encode()
        known = (encoded, zlib.crc32(encoded + PAIR_SEPARATOR))
        if len(_TERM_CODES) >= _TERM_CODES_SIZE:
            _TERM_CODES.clear()
        _TERM_CODES[term] = known
    return known


def pair_terms(parts: Iterable[Sequence[str]]) -> set[str]:
    """The bucket terms of every two terms next to each other within one part of a document (as
    ``pair_buckets`` gives them, the CRC of the first term reused for the second's bytes)."""
    found: set[str] = set()
    add = found.add
    codes = _TERM_CODES
    firsts, seconds = _bucket_names()
    for part in parts:
        if len(part) < 2:
            continue
        known = [codes.get(term) or _term_code(term) for term in part]
        for (_, start), (encoded, _) in pairwise(known):
            code = zlib.crc32(encoded, start)
            add(firsts[code & _PAIR_MASK])
            add(seconds[(code >> PAIR_BITS) & _PAIR_MASK])
    return found


def prepare(
    parts: Sequence[tuple[str, Sequence[str]]],
    boost: float,
    extras: Sequence[tuple[str, Sequence[str]]] = (),
) -> Prepared:
    """The postings of one document from the terms of its parts (``"title"``, ``"head"``, ``"body"``),
    then its pair terms (weight 1: they only say which documents hold a pair, never score).

    ``extras``: more terms of a part that do not make it longer (a compound's joined form,
    a heading's stop words): weighed like the part's own terms, against the part's length.
    """
    weights: dict[str, float] = {}
    get = weights.get
    lengths = {name: len(part) for name, part in parts}
    for name, part in (*parts, *extras):
        if not part:
            continue
        norm = K1 * (1 - B + B * max(lengths.get(name, 0), 1) / AVERAGE_LENGTHS[name])
        scale = FIELD_BOOSTS[name] * (K1 + 1)
        for term, count in Counter(part).items():
            frequency = count * boost
            weights[term] = get(term, 0.0) + scale * frequency / (frequency + norm)
    # Weights are stored as 32-bit floats: rounded here already, so that the term
    # statistics Whoosh keeps (its maximum weight) are exactly the weights read back.
    # (The frequency, 1 here, is not stored: the field keeps no lengths.)
    rounded = array("f", weights.values()).tolist()
    pairs = pair_terms(part for _, part in parts)
    return Prepared(
        [(term, 1, weight, b"") for term, weight in zip(weights, rounded, strict=True)]
        + [(pair, 1, 1.0, b"") for pair in pairs]
    )


class ImpactText(TEXT):
    """A text field with ready-made weights: no positions, no field lengths kept."""

    def __init__(self) -> None:
        super().__init__(analyzer=french_analyzer(), phrase=False)
        self.format = ImpactWeights()
        self.scorable = False


def build_schema() -> Schema:
    return Schema(slug=ID(stored=True), part=STORED, text=ImpactText())


def weighting() -> WeightingModel:
    """How searches score: the posting's weight times the term's idf."""
    return TF_IDF()


def settings() -> str:
    """Everything here that decides what the index holds (for the index fingerprint)."""
    return repr((SCHEMA_VERSION, FIELD_BOOSTS, AVERAGE_LENGTHS, K1, B))
