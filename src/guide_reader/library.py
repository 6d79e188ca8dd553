"""The facade the window and the command line use: articles and their problems."""

from __future__ import annotations

import os
import zlib
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .content import cache
from .content.model import Article
from .content.problems import Problem
from .paths import bundled_content_dir, default_content_dir, user_cache_dir

if TYPE_CHECKING:  # imported at first use: Whoosh and SQLite need not slow the window's start
    from .search import SearchEngine
    from .store import BookmarkStore


class Library:
    """The articles of one content folder, loaded once."""

    def __init__(
        self, content_dir: Path | None = None, index_dir: Path | None = None, store_path: Path | None = None
    ) -> None:
        self.content_dir = content_dir or default_content_dir()
        self.store_path = store_path
        self.index_dir = index_dir or default_index_dir()
        articles, self.problems = load_articles(self.content_dir)
        self._articles = {article.slug: article for article in articles}

    @property
    def articles(self) -> list[Article]:
        """Every article, by title."""
        return sorted(self._articles.values(), key=lambda article: article.title.casefold())

    def article(self, slug: str) -> Article | None:
        return self._articles.get(slug)

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

        return SearchEngine(self.articles, self.index_dir, self.synonyms_file)

    @property
    def synonyms_file(self) -> Path:
        """``synonyms.txt`` of the content folder, else the one bundled with the program."""
        own = self.content_dir / "synonyms.txt"
        return own if own.is_file() else bundled_content_dir() / "synonyms.txt"

    def close(self) -> None:
        """Close the store and the search index if they were opened."""
        store = self.__dict__.pop("store", None)
        if store is not None:
            store.close()
        engine = self.__dict__.pop("search_engine", None)
        if engine is not None:
            engine.close()


def load_articles(content_dir: Path) -> tuple[list[Article], list[Problem]]:
    """The articles of a folder and the problems found, from the cache when the files are unchanged."""
    folder_id = f"{zlib.crc32(str(content_dir.resolve()).encode()):08x}"  # one cache file per content folder
    cache_file = user_cache_dir() / "articles" / f"{folder_id}.json"
    key = cache.cache_key(content_dir) if content_dir.is_dir() else ""
    cached = cache.read_cache(cache_file, key) if key else None
    if cached is not None:
        return cached
    from .content.loader import load_directory  # Markdown is only needed when the files changed

    loaded = load_directory(content_dir)
    if key:
        cache.write_cache(cache_file, key, loaded.articles, loaded.problems)
    return loaded.articles, loaded.problems


def default_index_dir() -> Path:
    """``GUIDE_READER_INDEX_DIR`` when set, else ``index`` in the user cache folder."""
    override = os.environ.get("GUIDE_READER_INDEX_DIR")
    return Path(override) if override else user_cache_dir() / "index"
