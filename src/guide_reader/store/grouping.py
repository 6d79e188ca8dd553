"""Bookmarks grouped by article, for the bookmarks panel and the printed sheet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..content.model import Article
from ..content.text import fold_chars
from .model import Bookmark
from .resolve import ArticleLookup, HasArticles, lookup_of


@dataclass(frozen=True)
class BookmarkGroup:
    slug: str
    article_title: str
    bookmarks: tuple[Bookmark, ...]


def _reading_position(article: Article | None, anchor: str) -> int:
    if article is not None:
        anchors = [section.anchor for section in article.sections] + [item.anchor for item in article.faq]
        if anchor in anchors:
            return anchors.index(anchor)
    return 1_000_000  # sections that are gone come last


def group_by_article(
    bookmarks: Iterable[Bookmark], articles: HasArticles | ArticleLookup | None = None
) -> list[BookmarkGroup]:
    """Groups sorted by article title; inside a group, the order given (creation order).

    With ``articles`` (the Library, or a lookup function), titles are the current ones
    and bookmarks follow the reading order of the article, the vanished sections last.
    """
    by_slug: dict[str, list[Bookmark]] = {}
    for bookmark in bookmarks:
        by_slug.setdefault(bookmark.slug, []).append(bookmark)
    lookup = lookup_of(articles) if articles is not None else None
    groups = []
    for slug, members in by_slug.items():
        article = lookup(slug) if lookup else None
        title = article.title if article else members[-1].article_title
        if lookup:
            members.sort(key=lambda bookmark: _reading_position(article, bookmark.anchor))
        groups.append(BookmarkGroup(slug, title, tuple(members)))
    groups.sort(key=lambda group: (fold_chars(group.article_title), group.slug))  # as the home page
    return groups
