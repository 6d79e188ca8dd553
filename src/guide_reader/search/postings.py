"""A segment writer's postings, held per term in arrays instead of Whoosh's sorting pool.

Whoosh's ``PostingPool`` keeps every posting as a tuple (about 170 bytes) and, past its
memory limit, pickles the sorted tuples into runs on disk and merges them back one
posting at a time: at 1,000 generated articles (1.9 million postings) that was half of
the build's time. ``PostingTable`` keeps each term's document numbers and weights in
two arrays (12 bytes a posting), so a segment's postings always fit in memory, and
gives them back in the order Whoosh's pool would: by field, term, document number.
The segment written is the same, byte for byte in its postings and terms.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

Posting = tuple[str, bytes, int, float, bytes | None]
"""(field name, term bytes, document number, weight, value bytes), as Whoosh's writer adds them."""


class PostingTable:
    """Stands in for ``whoosh.writing.PostingPool`` in a ``SegmentWriter`` (``writer.pool``)."""

    def __init__(self) -> None:
        self._postings: dict[tuple[str, bytes], tuple[array[int], array[float]]] = {}
        self._values: dict[tuple[str, bytes], list[bytes | None]] = {}
        """Value bytes of the terms that have any (the schema's formats give none)."""
        self.fieldnames: set[str] = set()

    def add(self, item: Posting) -> None:
        fieldname, text, docnum, weight, value = item
        key = (fieldname, text)
        postings = self._postings.get(key)
        if postings is None:
            postings = self._postings[key] = (array("q"), array("d"))
            self.fieldnames.add(fieldname)
        if value or key in self._values:
            self._values.setdefault(key, [None] * len(postings[0])).append(value)
        postings[0].append(docnum)
        postings[1].append(weight)

    def __len__(self) -> int:
        return sum(len(docnums) for docnums, _ in self._postings.values())

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting, sorted by field name, term, document number (then weight and value)."""
        postings, values = self._postings, self._values
        for key in sorted(postings):
            fieldname, text = key
            docnums, weights = postings[key]
            held = values.get(key)
            if held is None and all(a < b for a, b in pairwise(docnums)):  # the usual case
                for docnum, weight in zip(docnums, weights, strict=True):
                    yield fieldname, text, docnum, weight, None
                continue
            rows = sorted(zip(docnums, weights, held or [None] * len(docnums), strict=True), key=_row_order)
            for docnum, weight, value in rows:
                yield fieldname, text, docnum, weight, value

    items = iter_postings

    def save(self) -> None:
        """Nothing to spill: the postings stay in memory."""

    def cleanup(self) -> None:
        self._postings.clear()
        self._values.clear()


def _row_order(row: tuple[int, float, bytes | None]) -> tuple[Any, ...]:
    docnum, weight, value = row
    return docnum, weight, value is not None, value or b""


def use_posting_table(writer: Any) -> None:
    """Give a fresh ``SegmentWriter`` a ``PostingTable`` instead of its sorting pool (before any document)."""
    writer.pool.cleanup()
    writer.pool = PostingTable()
