"""Where the search engine gets its articles: versions to compare with the index, articles or their parts on demand.

The engine never holds every article: when it opens the index it asks ``versions_digest()``, and
``versions()`` (slug -> a string that changes with the article) only when that digest is not the one
the index recorded; ``article(slug)`` for the few it writes, ``skeleton(slug)`` and
``body(slug, position)`` for the parts its hits show, and ``outlines()`` (titles, headings and
questions) for the completions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Protocol

from ..content.cache import UNPACKING_ERRORS, Catalogue
from ..content.model import Article
from .documents import article_hash

UNREADABLE = (sqlite3.Error, OSError, *UNPACKING_ERRORS)
"""What a source raises when it cannot give an article now (its catalogue locked past the wait, or damaged):
the article is tried again at the next open of the index."""


class Outline(Protocol):
    """What the completions read of an article: slug, title, section anchors and headings, questions."""

    @property
    def slug(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def sections(self) -> Sequence[object]: ...
    @property
    def faq(self) -> Sequence[object]: ...


class ArticleSource(Protocol):
    def versions(self) -> dict[str, str]:
        """slug -> version: the index rewrites an article whose version differs from its manifest's."""
        ...

    def versions_digest(self) -> str | None:
        """``versions_digest(self.versions())`` (``content.cache``) when the source keeps it, read without
        the versions; else None."""
        ...

    def article(self, slug: str) -> Article | None: ...

    def skeleton(self, slug: str) -> tuple[Article, str] | None:
        """The article, its sections' bodies and its questions' answers possibly left out (a hit reads
        its own with ``body``), and its version."""
        ...

    def body(self, slug: str, version: str, position: int) -> str | None:
        """A section's body or a question's answer (``position`` counts the sections, then the questions)
        of the article at ``version``; None when it has no such part, or is no longer at that version."""
        ...

    def outlines(self) -> Iterable[Outline]: ...


class ArticleList:
    """Articles already in memory (tests, benchmarks, a memory-only library); the version is the
    hash of what the index holds of the article."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = list(articles)
        self._by_slug = {article.slug: article for article in self.articles}

    def versions(self) -> dict[str, str]:
        return {article.slug: article_hash(article) for article in self.articles}

    def versions_digest(self) -> str | None:
        return None  # (not kept: the versions are made from the articles)

    def article(self, slug: str) -> Article | None:
        return self._by_slug.get(slug)

    def skeleton(self, slug: str) -> tuple[Article, str] | None:
        article = self._by_slug.get(slug)
        return (article, "") if article is not None else None  # (the list never changes: one version)

    def body(self, slug: str, version: str, position: int) -> str | None:
        texts = self._by_slug[slug].body_texts() if slug in self._by_slug else []
        return texts[position] if 0 <= position < len(texts) else None

    def outlines(self) -> Iterable[Outline]:
        return self.articles


class CatalogueSource:
    """A content folder's catalogue: versions from file sizes and times, articles read one at a time."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def versions(self) -> dict[str, str]:
        return self.catalogue.versions()

    def versions_digest(self) -> str | None:
        return self.catalogue.versions_digest()

    def article(self, slug: str) -> Article | None:
        return self.catalogue.article(slug)

    def skeleton(self, slug: str) -> tuple[Article, str] | None:
        return self.catalogue.skeleton(slug)

    def body(self, slug: str, version: str, position: int) -> str | None:
        return self.catalogue.body(slug, version, position)

    def outlines(self) -> Iterable[Outline]:
        return self.catalogue.outlines()
