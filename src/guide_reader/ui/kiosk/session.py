"""One visitor's session in the kiosk: everything the visitor can see or change, in one object.

The window keeps its visitor-visible state here (navigation history, the search text and its
completions, the text size) and builds its pages afresh for each visitor, so the reset replaces the
session whole instead of undoing each piece one by one. Bookmarks and reading history live in an
SQLite database in memory: nothing a visitor does is written to disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..navigation import NavigationHistory

if TYPE_CHECKING:
    from ...search import Completion
    from ...store import BookmarkStore

# SQLite's name for a database that lives in memory only (never a file, whatever the folder).
IN_MEMORY = Path(":memory:")


def memory_store() -> BookmarkStore:
    """A bookmark store that lives in memory: a visitor's notes and pages never reach the disk."""
    from ...store import BookmarkStore

    return BookmarkStore(IN_MEMORY)


@dataclass
class VisitorSession:
    """The state of one visit; a new visitor gets a new object (``VisitorSession(text_size)``).

    ``text_size``: the article text size in points; ``larger_text``: whether the visitor pressed
    « Agrandir le texte »; ``query``: the search text; ``completions``: the suggestions shown for it,
    by label; ``store``: the visit's bookmarks and reading history (in memory, opened at first use).
    """

    text_size: int
    larger_text: bool = False
    history: NavigationHistory = field(default_factory=NavigationHistory)
    query: str = ""
    completions: dict[str, Completion] = field(default_factory=dict)
    _store: BookmarkStore | None = field(default=None, repr=False)

    @property
    def store(self) -> BookmarkStore:
        if self._store is None:
            self._store = memory_store()
        return self._store

    def close(self) -> None:
        """Free the visit's memory database (its content is gone with it)."""
        if self._store is not None:
            self._store.close()
            self._store = None
