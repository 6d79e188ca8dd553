"""The facade the window and the command line use: articles and their problems."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from .content.loader import load_directory
from .content.model import Article
from .content.problems import Problem
from .content.renderer import render_article
from .paths import bundled_content_dir, user_cache_dir
from .search import SearchEngine
from .store import BookmarkStore


class Library:
    """The articles of one content folder, loaded once."""

    def __init__(self, content_dir: Path | None = None, index_dir: Path | None = None) -> None:
        self.content_dir = content_dir or bundled_content_dir()
        self.index_dir = index_dir or default_index_dir()
        loaded = load_directory(self.content_dir)
        self.problems: list[Problem] = loaded.problems
        self._articles = {article.slug: article for article in loaded.articles}

    @property
    def articles(self) -> list[Article]:
        """Every article, by title."""
        return sorted(self._articles.values(), key=lambda article: article.title.casefold())

    def article(self, slug: str) -> Article | None:
        return self._articles.get(slug)

    def render(self, slug: str) -> str:
        article = self._articles[slug]
        return render_article(article)

    @cached_property
    def store(self) -> BookmarkStore:
        """Bookmarks and reading history, opened at first use (the file in the user data folder).

        ``store.notice`` holds a message for the user when the file had to be set aside.
        """
        return BookmarkStore()

    @cached_property
    def search_engine(self) -> SearchEngine:
        """Full-text search over the articles, created at first use.

        Call ``search_engine.ensure_index()`` (in a worker thread from the window)
        before searching; a search before that builds the index itself.
        """
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


def default_index_dir() -> Path:
    """``GUIDE_READER_INDEX_DIR`` when set, else ``index`` in the user cache folder."""
    override = os.environ.get("GUIDE_READER_INDEX_DIR")
    return Path(override) if override else user_cache_dir() / "index"
