"""A term's posting list read straight from the index file, a whole list at a time.

Whoosh's matcher reads a posting list block by block: for each block, a seek and
two reads through the compound file's Python layer to get its header, then the
data, and the document numbers decoded by a Python generator, one number per
step. Here the list's whole extent is read once (one read), each block's header
(count, last document, maximum weight, compression) taken from it, and a block's
documents and weights decoded only when asked for, the numbers summed at C speed
(``itertools.accumulate``). The format is Whoosh 3's (``whoosh.codec.whoosh3``):
``[int32 length (negative for the last block)][pickled header][pickled data,
zlib-compressed when the header says so]``; the data is ``(document number deltas,
weights, values)``, weights being None when all are 1.0 and one float when all are
the same.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher

_LENGTH = struct.Struct("!i")


@dataclass(slots=True)
class Block:
    """One block of postings: its header, and its data still encoded."""

    count: int
    last: int
    """The block's highest document number (in its segment)."""
    maxweight: float
    compression: int
    data: memoryview

    def decode(self) -> tuple[list[int], Sequence[float]]:
        """The block's document numbers (ascending, in its segment) and their weights."""
        raw = zlib.decompress(self.data) if self.compression else self.data
        deltas, weights, _ = pickle.loads(raw)
        if weights is None:
            weights = [1.0] * self.count
        elif isinstance(weights, float):
            weights = [weights] * self.count
        return list(accumulate(deltas)), weights


def blocks_of(matcher: Any) -> list[Block] | None:
    """The blocks of a posting list read from its start, or None when the matcher is not a Whoosh 3
    block list (a short list is kept inlined in the term's entry: its matcher holds it already).

    Raises ``ValueError``, ``struct.error`` or ``pickle.UnpicklingError`` on a damaged list.
    """
    if type(matcher) is not W3LeafMatcher or matcher._byteids:
        return None
    start, length = matcher._baseoffset, matcher._length
    if isinstance(length, tuple):  # Whoosh reads a term entry's length with struct's unpack: a 1-tuple
        (length,) = length
    buffer = memoryview(matcher._postfile.get(start, matcher._startoffset + length - start))
    stream = io.BytesIO(buffer)
    found: list[Block] = []
    position = 0
    while True:
        length = _LENGTH.unpack_from(buffer, position)[0]
        stream.seek(position + _LENGTH.size)
        count, last, maxweight, compression, _, _ = pickle.load(stream)
        following = position + _LENGTH.size + abs(length)
        found.append(Block(count, last, maxweight, compression, buffer[stream.tell() : following]))
        if length < 0:
            return found
        position = following
