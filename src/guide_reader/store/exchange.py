"""The bookmarks export file: a versioned JSON document, read back to merge on import.

Format (UTF-8 JSON, version 1)::

    {
      "format": "guide-reader-bookmarks",
      "version": 1,
      "exported_at": "2026-11-23T10:15:00+00:00",
      "bookmarks": [
        {
          "slug": "leucopenie",                     # article
          "anchor": "quand-consulter-un-medecin",   # section or FAQ item in it
          "kind": "section",                        # "section" or "faq"
          "article_title": "Leucopénie : ...",      # snapshots, shown if it is gone
          "heading": "Quand consulter un médecin",
          "note": "demander au Dr si la fièvre de mardi compte",   # "" if none
          "created_at": "2026-11-20T08:00:00+00:00",
          "updated_at": "2026-11-21T09:30:00+00:00"
        }
      ]
    }

Ids are local to one database and are not exported: ``slug#anchor`` identifies a
bookmark. On reading, only ``slug`` and ``anchor`` are required; unknown keys are
ignored; a later ``version`` is refused rather than half understood.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from ..safe_files import check_replaceable, read_limited
from .model import KINDS, Bookmark, Kind, NoteTooLongError, check_note, from_stamp, to_stamp

FORMAT_NAME = "guide-reader-bookmarks"
FORMAT_VERSION = 1
MAX_EXPORT_BYTES = 64 * 1024 * 1024
MAX_FIELD_CHARS = 10_000
"""Characters of a bookmark's slug, anchor, kind, article title or heading in an imported file: a
crafted file's megabyte heading would freeze the bookmarks page (notes have MAX_NOTE_CHARS)."""
"""A bookmarks file larger than this is refused (about 6,000 bookmarks with notes at their longest)."""


class ExchangeFormatError(ValueError):
    """The file is not a bookmarks export this program can read.

    str() is « fichier de signets illisible : <reason> » (French); ``reason`` alone is kept too.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"fichier de signets illisible : {reason}")
        self.reason = reason


@dataclass(frozen=True)
class ExportedBookmark:
    """A bookmark as found in an export file: no id."""

    slug: str
    anchor: str
    kind: Kind
    article_title: str
    heading: str
    note: str
    created_at: datetime | None
    updated_at: datetime | None


@dataclass(frozen=True)
class ImportReport:
    added: tuple[Bookmark, ...]
    """New bookmarks."""
    merged: tuple[Bookmark, ...]
    """Bookmarks already there whose note took in the imported one (as they are now)."""
    skipped: int
    """Entries already there with nothing new."""


def bookmark_record(bookmark: Bookmark) -> dict[str, Any]:
    """One bookmark as it is written in the export file (no id: ``slug#anchor`` identifies it)."""
    return {
        "slug": bookmark.slug,
        "anchor": bookmark.anchor,
        "kind": bookmark.kind,
        "article_title": bookmark.article_title,
        "heading": bookmark.heading,
        "note": bookmark.note,
        "created_at": to_stamp(bookmark.created_at),
        "updated_at": to_stamp(bookmark.updated_at),
    }


def to_document(bookmarks: Iterable[Bookmark], exported_at: datetime) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": to_stamp(exported_at),
        "bookmarks": [bookmark_record(bookmark) for bookmark in bookmarks],
    }


def write_export(path: Path, bookmarks: Iterable[Bookmark], exported_at: datetime) -> None:
    """Write the file whole or not at all (a temporary file renamed over it).

    Raises ``OSError`` when it cannot be written, and ``NotRegularFileError`` when something
    other than a regular file is at ``path`` (it is left as it is).
    """
    check_replaceable(path)
    text = json.dumps(to_document(bookmarks, exported_at), ensure_ascii=False, indent=2) + "\n"
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as stream:
        stream.write(text)
    temporary = Path(stream.name)
    try:
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _text(
    entry: dict[str, Any], key: str, number: int, *, required: bool = False, limit: int | None = MAX_FIELD_CHARS
) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()) or not _encodable(value):
        raise ExchangeFormatError(f"signet n° {number} : champ « {key} » manquant ou invalide")
    if limit is not None and len(value.strip()) > limit:
        length = len(value.strip())
        raise ExchangeFormatError(
            f"signet n° {number} : champ « {key} » trop long ({length} caractères, maximum {limit})"
        )
    return value.strip()


def _encodable(value: str) -> bool:
    """False for a string holding a lone surrogate (``"\\ud800"`` in JSON): it cannot be stored."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _note(entry: dict[str, Any], number: int) -> str:
    note = _text(entry, "note", number, limit=None)  # checked below, with the note's own limit
    try:
        check_note(note)
    except NoteTooLongError as error:
        raise ExchangeFormatError(f"signet n° {number} : {error}") from None
    return note


def _moment(entry: dict[str, Any], key: str, number: int) -> datetime | None:
    value = entry.get(key)
    if value is None:
        return None
    try:
        moment = from_stamp(value)
        to_stamp(moment)  # year 1 at UTC+14 is before year 1 in UTC: OverflowError
    except (TypeError, ValueError, OverflowError):
        raise ExchangeFormatError(f"signet n° {number} : date « {key} » invalide") from None
    return moment


def parse_document(document: object) -> list[ExportedBookmark]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ExchangeFormatError("ce fichier n'est pas un export de signets de Guide Reader")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise ExchangeFormatError("version du fichier de signets manquante ou invalide")
    if version > FORMAT_VERSION:
        raise ExchangeFormatError(
            f"fichier de signets en version {version}, créé par une version plus récente du programme"
        )
    entries = document.get("bookmarks")
    if not isinstance(entries, list):
        raise ExchangeFormatError("liste « bookmarks » manquante dans le fichier de signets")
    parsed = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ExchangeFormatError(f"signet n° {number} : objet attendu")
        kind = entry.get("kind", "section")
        if not isinstance(kind, str) or kind not in KINDS:
            shown = kind if isinstance(kind, str) else type(kind).__name__
            raise ExchangeFormatError(f"signet n° {number} : type « {shown[:80]} » inconnu")
        anchor = _text(entry, "anchor", number, required=True)
        parsed.append(
            ExportedBookmark(
                slug=_text(entry, "slug", number, required=True),
                anchor=anchor,
                kind=cast(Kind, kind),
                article_title=_text(entry, "article_title", number),
                heading=_text(entry, "heading", number) or anchor,
                note=_note(entry, number),
                created_at=_moment(entry, "created_at", number),
                updated_at=_moment(entry, "updated_at", number),
            )
        )
    return parsed


def read_export(path: Path) -> list[ExportedBookmark]:
    """Parse an export file (UTF-8, with or without a byte-order mark).

    Raises ``OSError`` if it cannot be read (missing, not a regular file, over ``MAX_EXPORT_BYTES``),
    ``ExchangeFormatError`` for anything else wrong in it, and nothing else.
    """
    raw = read_limited(path, MAX_EXPORT_BYTES)
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ExchangeFormatError(f"ligne {line} : texte qui n'est pas en UTF-8") from None
    except json.JSONDecodeError as error:
        raise ExchangeFormatError(f"ligne {error.lineno}, colonne {error.colno} : {error.msg}") from None
    except RecursionError:
        raise ExchangeFormatError("listes ou objets imbriqués trop profondément") from None
    except ValueError as error:  # a number of thousands of digits
        raise ExchangeFormatError(f"valeur invalide ({str(error)[:120]})") from None
    return parse_document(document)


def merge_notes(local: str, incoming: str) -> str:
    """One note keeping both texts; merging the same note again changes nothing.

    A note contained in the other gives way to it; two different notes are kept
    one after the other, the local one first.
    """
    local, incoming = local.strip(), incoming.strip()
    if incoming in local:
        return local
    if local in incoming:
        return incoming
    return f"{local}\n\n{incoming}"
