"""Which documents of an index are a guide's bibliography, kept beside the index per segment.

A search ranks a guide's text before its references, so it needs to know the
bibliography documents (every document holding ``BIBLIOGRAPHY_TERM``): one flag
byte per document number, which a search reads for its candidates only. Reading
that term's postings takes 60 to 80 ms at 10,000 articles (about half of the
documents are references), paid by every fresh ``guide-reader search``. A Whoosh
segment never changes once written (deletions only hide documents), so each
segment's answer is kept in ``BIBLIOGRAPHY_NAME``, a bitmap per segment id,
and read back in a few milliseconds. The file is a cache: missing, stale or
damaged, it is made again from the postings; when the index folder cannot be
written (a kiosk's read-only install) it is only not kept.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
import zlib
from pathlib import Path

from whoosh.searching import Searcher

from .documents import BIBLIOGRAPHY_TERM
from .schema import TEXT_FIELD
from .topk import read_postings

_log = logging.getLogger(__name__)

BIBLIOGRAPHY_NAME = "guide-reader-bibliography.json"
"""``{segment id: base64 of the zlib-compressed flags, one byte (0 or 1) per document}``."""


def bibliography_flags(searcher: Searcher, index_dir: Path | None) -> bytes:
    """One byte per document number of the searcher (global, as in hits): 1 for a bibliography
    document, else 0.

    ``index_dir``: where the per-segment cache is kept; None for an index in memory.
    """
    known = _read(index_dir) if index_dir is not None else {}
    kept: dict[str, str] = {}
    found: list[bytes] = []
    for subsearcher, _offset in searcher.leaf_searchers():  # numbered one segment after the other
        reader = subsearcher.reader()
        segment = reader.segment()
        segment_id = segment.segment_id() if segment is not None else None
        count = reader.doc_count_all()
        encoded = known.get(segment_id) if segment_id else None
        flags = _flags(encoded, count)
        if flags is None:
            flags = bytearray(count)
            if (TEXT_FIELD, BIBLIOGRAPHY_TERM) in reader:
                for docnum in read_postings(reader.postings(TEXT_FIELD, BIBLIOGRAPHY_TERM))[0]:
                    flags[docnum] = 1
            encoded = base64.b64encode(zlib.compress(bytes(flags))).decode("ascii")
        if segment_id:
            kept[segment_id] = encoded  # as read when it was good: not compressed again (4 ms at 10,000 articles)
        found.append(bytes(flags))
    if index_dir is not None and kept != known:
        _write(index_dir, kept)
    return b"".join(found)


def _flags(encoded: str | None, count: int) -> bytes | None:
    if encoded is None:
        return None
    try:
        flags = zlib.decompress(base64.b64decode(encoded))
    except (ValueError, zlib.error):
        return None
    return flags if len(flags) == count else None


def _read(index_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((index_dir / BIBLIOGRAPHY_NAME).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(key): value for key, value in data.items() if isinstance(value, str)}


def _write(index_dir: Path, kept: dict[str, str]) -> None:
    """Replace the cache at once (another copy of the program may read it meanwhile)."""
    path = index_dir / BIBLIOGRAPHY_NAME
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(kept), encoding="ascii")
        temporary.replace(path)
    except OSError as error:  # a read-only index folder: made again at each open
        _log.debug("bibliography cache not kept in %s: %s", index_dir, error)
        with contextlib.suppress(OSError):
            temporary.unlink()
