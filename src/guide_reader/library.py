"""The facade the window and the command line use: the catalogue of articles, their problems, search, store."""

from __future__ import annotations

import os
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .content.cache import Catalogue, CatalogueEntry, Progress, SyncReport
from .content.model import Article
from .content.problems import Problem
from .paths import content_file, default_content_dir, user_cache_dir

if TYPE_CHECKING:  # imported at first use: Whoosh and SQLite need not slow the window's start
    from .search import SearchEngine
    from .store import BookmarkStore

OPENED_ARTICLES = 8
"""Whole articles kept in memory after they were opened."""


@dataclass(frozen=True)
class _Listing:
    entries: list[CatalogueEntry]
    by_slug: dict[str, CatalogueEntry]
    problems: list[Problem]
    broken_files: int


class Library:
    """The articles of one content folder: a catalogue read at start, each article read when opened.

    ``entries``: what the home page lists (CatalogueEntry, by title); ``article(slug)``: the whole
    article; ``problems``: every problem of every file; ``broken_files``: how many files have errors.
    """

    def __init__(
        self,
        content_dir: Path | None = None,
        index_dir: Path | None = None,
        store_path: Path | None = None,
        progress: Progress | None = None,
        sync: bool = True,
    ) -> None:
        """``progress(done, total, file)`` is called while new or changed files are parsed. ``sync=False``
        lists the catalogue as it was last kept, without looking at the files: the window then calls
        ``sync`` in its worker, after the first paint."""
        self.content_dir = content_dir or default_content_dir()
        self.store_path = store_path
        self.index_dir = index_dir or default_index_dir(self.content_dir)
        self.catalogue = open_catalogue(self.content_dir)
        self.in_step = False
        """True once ``sync`` compared the catalogue with the files."""
        self._listing: _Listing | None = None
        if sync:
            self.sync(progress)
        else:
            self._read()

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """Bring the catalogue in step with the folder (a ``stat`` of each file; new and changed files
        parsed), then read the entries and problems again. Safe from a worker thread: the lists are
        replaced whole."""
        report = self.catalogue.sync(progress)
        self._read(listed=self._listing is not None)
        self.in_step = True
        return report

    def _read(self, listed: bool = False) -> None:
        """Forget the opened articles and the listing. ``listed``: the listing is read again now, in the
        calling thread (the window's worker: the window never reads the catalogue after its first paint),
        else at first use (``guide-reader search`` never lists the 10,000 entries)."""
        self._listing = self._load_listing() if listed else None
        self._opened: OrderedDict[str, Article] = OrderedDict()

    def _load_listing(self) -> _Listing:
        problems = self.catalogue.problems()
        if self.catalogue.notice is not None:  # a warning: no broken file
            problems.insert(0, self.catalogue.notice)
        if not self.content_dir.is_dir():
            problems.insert(0, Problem(str(self.content_dir), None, "dossier d'articles introuvable"))
        entries = self.catalogue.entries()
        return _Listing(entries, {entry.slug: entry for entry in entries}, problems, self.catalogue.broken_files())

    @property
    def _list(self) -> _Listing:
        listing = self._listing
        if listing is None:
            listing = self._listing = self._load_listing()
        return listing

    @property
    def entries(self) -> list[CatalogueEntry]:
        """What the home page lists, by title."""
        return self._list.entries

    @property
    def problems(self) -> list[Problem]:
        """Every problem of every file (and a missing folder, and a catalogue file that cannot be written)."""
        return self._list.problems

    @property
    def broken_files(self) -> int:
        """How many files have errors (not listed)."""
        return self._list.broken_files

    @property
    def articles(self) -> list[Article]:
        """Every article, whole, by title: reads the whole catalogue (for ``check`` and small libraries)."""
        return list(self.catalogue.iter_articles())

    def entry(self, slug: str) -> CatalogueEntry | None:
        return self._list.by_slug.get(slug)

    def article(self, slug: str) -> Article | None:
        """The whole article, read from the catalogue (the last few opened are kept), or None."""
        listing = self._listing
        if listing is not None and slug not in listing.by_slug:
            return None  # else the catalogue says so
        article = self._opened.get(slug)
        if article is None:
            article = self.catalogue.article(slug)
            if article is None:
                return None
            self._opened[slug] = article
            if len(self._opened) > OPENED_ARTICLES:
                self._opened.popitem(last=False)
        else:
            self._opened.move_to_end(slug)
        return article

    @cached_property
    def store(self) -> BookmarkStore:
        """Bookmarks and reading history, opened at first use (the file in the user data folder).

        ``store.notice`` holds a message for the user when the file had to be set aside.
        """
        from .store import BookmarkStore

        return BookmarkStore(self.store_path)

    @cached_property
    def search_engine(self) -> SearchEngine:
        """Full-text search over the articles, created at first use.

        Call ``search_engine.ensure_index()`` (in a worker thread from the window)
        before searching; a search before that builds the index itself.
        """
        from .search import SearchEngine
        from .search.source import CatalogueSource

        return SearchEngine(CatalogueSource(self.catalogue), self.index_dir, self.synonyms_file)

    @property
    def synonyms_file(self) -> Path:
        """``synonyms.txt`` of the content folder, else the one bundled with the program."""
        return content_file(self.content_dir, "synonyms.txt")

    def close(self) -> None:
        """Close the store and the search index if they were opened."""
        store = self.__dict__.pop("store", None)
        if store is not None:
            store.close()
        engine = self.__dict__.pop("search_engine", None)
        if engine is not None:
            engine.close()
        self.catalogue.close()


def folder_id(content_dir: Path) -> str:
    """A short name for a content folder, the same from one start to the next."""
    return f"{zlib.crc32(str(content_dir.resolve()).encode()):08x}"


def open_catalogue(content_dir: Path) -> Catalogue:
    """The catalogue of a folder, in ``catalogue/<folder id>.sqlite3`` of the user cache folder; in memory
    when the folder is missing (a mistyped path makes no file; an unmounted drive's catalogue is kept)."""
    if not content_dir.is_dir():
        return Catalogue(content_dir, None)
    return Catalogue(content_dir, user_cache_dir() / "catalogue" / f"{folder_id(content_dir)}.sqlite3")


def default_index_dir(content_dir: Path) -> Path:
    """``GUIDE_READER_INDEX_DIR`` when set, else ``index/<folder id>`` in the user cache folder:
    one index per content folder, so that switching folders rebuilds nothing."""
    override = os.environ.get("GUIDE_READER_INDEX_DIR")
    return Path(override) if override else user_cache_dir() / "index" / folder_id(content_dir)
