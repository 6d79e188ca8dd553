"""The facade the window and the command line use: articles and their problems."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from .content.loader import load_directory
from .content.model import Article
from .content.problems import Problem
from .content.renderer import render_article
from .paths import bundled_content_dir
from .store import BookmarkStore


class Library:
    """The articles of one content folder, loaded once."""

    def __init__(self, content_dir: Path | None = None) -> None:
        self.content_dir = content_dir or bundled_content_dir()
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

    def close(self) -> None:
        """Close the store if it was opened."""
        store = self.__dict__.pop("store", None)
        if store is not None:
            store.close()
