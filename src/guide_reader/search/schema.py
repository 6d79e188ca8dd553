"""The Whoosh schema: one document per searchable unit, its words in one field whose weights are scores.

A document's title, heading and body go into the one ``text`` field. Each posting's
weight is computed at index time (``prepare``): the BM25 share of each part of the
document for that term (title, heading and body each saturated against its own
length, a heading counting 6 times), times the document's boost. A search then
scores a document with ``weight × idf`` (Whoosh's ``TF_IDF``, see ``topk``): one
posting list per word instead of one per word and part, and no field lengths to
read while scoring. The postings hold no positions: a phrase is checked in the
words of the few documents that could make the top hits (``topk``), so the index
is smaller, faster to write and faster to read.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
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
SCHEMA_VERSION = "4"


class Prepared(tuple):
    """A document's postings, ``(term, frequency, weight, b"")``, computed by ``prepare``."""

    __slots__ = ()


class ImpactWeights(Existence):
    """Postings with a ready-made weight each (see ``prepare``) and no stored value."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterable[tuple[str, int, float, bytes]]:
        if isinstance(value, Prepared):
            return value
        return prepare((("body", terms(value if isinstance(value, str) else " ".join(value))),), 1.0)


def prepare(
    parts: Sequence[tuple[str, Sequence[str]]],
    boost: float,
    extras: Sequence[tuple[str, Sequence[str]]] = (),
) -> Prepared:
    """The postings of one document from the terms of its parts (``"title"``, ``"head"``, ``"body"``).

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
    return Prepared((term, 1, weight, b"") for term, weight in zip(weights, rounded, strict=True))


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
