"""What the store keeps: bookmarks and reading-history entries, as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

Kind = Literal["section", "faq"]
KINDS: tuple[str, ...] = get_args(Kind)


MAX_NOTE_CHARS = 10_000
"""The longest note kept: about four printed pages (a longer one slows the bookmarks page and the sheet)."""


class NoteTooLongError(ValueError):
    """A note over ``MAX_NOTE_CHARS`` characters (``length``); str() is a French message."""

    def __init__(self, length: int) -> None:
        super().__init__(f"note trop longue ({length} caractères, maximum {MAX_NOTE_CHARS})")
        self.length = length
        self.limit = MAX_NOTE_CHARS


def check_note(note: str) -> None:
    """Raise ``NoteTooLongError`` when ``note`` (stripped) is over ``MAX_NOTE_CHARS`` characters."""
    length = len(note.strip())
    if length > MAX_NOTE_CHARS:
        raise NoteTooLongError(length)


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_stamp(moment: datetime) -> str:
    """ISO 8601 in UTC, to the second: the form kept in the database and in exports."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_stamp(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Bookmark:
    """A marked section or FAQ question of an article, with an optional note.

    ``article_title`` and ``heading`` are snapshots taken when it was marked, so that
    a bookmark whose section later disappears can still say what it pointed at.
    """

    id: int
    slug: str
    anchor: str
    kind: Kind
    article_title: str
    heading: str
    note: str
    """Empty when there is none."""
    created_at: datetime
    updated_at: datetime

    @property
    def target(self) -> str:
        """``slug#anchor``, as typed on the command line."""
        return f"{self.slug}#{self.anchor}"


@dataclass(frozen=True)
class HistoryEntry:
    """One visit: an article, at a section (``anchor``) or at its top (``anchor == ""``)."""

    id: int
    slug: str
    anchor: str
    article_title: str
    heading: str
    visited_at: datetime
