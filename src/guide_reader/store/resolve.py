"""Does a bookmark (or a history entry) still point at something in the current content?"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from ..content.model import Article
from .model import Kind

ArticleLookup = Callable[[str], Article | None]


@runtime_checkable
class HasArticles(Protocol):
    """The part of ``Library`` used here."""

    def article(self, slug: str) -> Article | None: ...


class Target(Protocol):
    """What a bookmark and a history entry have in common."""

    @property
    def slug(self) -> str: ...
    @property
    def anchor(self) -> str: ...
    @property
    def article_title(self) -> str: ...
    @property
    def heading(self) -> str: ...


class Status(StrEnum):
    AVAILABLE = "available"
    SECTION_MISSING = "section_missing"
    ARTICLE_MISSING = "article_missing"


MESSAGES = {
    Status.AVAILABLE: "",
    Status.SECTION_MISSING: "section plus disponible",
    Status.ARTICLE_MISSING: "article plus disponible",
}
"""French text for each status, for the command line (the window translates the status)."""


@dataclass(frozen=True)
class Resolution:
    status: Status
    article: Article | None
    """The current article; still there when only the section is gone (to link to it)."""
    article_title: str
    """The current title, or the snapshot when the article is gone."""
    heading: str
    """The current heading, or the snapshot when the section is gone."""
    kind: Kind | None
    """What the anchor currently is; None when it is gone."""

    @property
    def available(self) -> bool:
        return self.status is Status.AVAILABLE

    @property
    def message(self) -> str:
        """Empty when available, else « section plus disponible » or « article plus disponible »."""
        return MESSAGES[self.status]


def find_anchor(article: Article, anchor: str) -> tuple[Kind, str] | None:
    """The kind and heading (or question) of ``anchor`` in ``article``, or None."""
    for section in article.sections:
        if section.anchor == anchor:
            return "section", section.heading
    for item in article.faq:
        if item.anchor == anchor:
            return "faq", item.question
    return None


def lookup_of(articles: HasArticles | ArticleLookup) -> ArticleLookup:
    return articles.article if isinstance(articles, HasArticles) else articles


def resolve(target: Target, articles: HasArticles | ArticleLookup) -> Resolution:
    """Where ``target`` is now. An empty anchor means the top of the article."""
    article = lookup_of(articles)(target.slug)
    if article is None:
        return Resolution(Status.ARTICLE_MISSING, None, target.article_title, target.heading, None)
    if not target.anchor:
        return Resolution(Status.AVAILABLE, article, article.title, target.heading, None)
    found = find_anchor(article, target.anchor)
    if found is None:
        return Resolution(Status.SECTION_MISSING, article, article.title, target.heading, None)
    kind, heading = found
    return Resolution(Status.AVAILABLE, article, article.title, heading, kind)
