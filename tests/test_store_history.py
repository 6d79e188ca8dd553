"""Reading history: visits recorded, consecutive repeats collapsed, recent places distinct."""

from __future__ import annotations

import pytest

from guide_reader.library import Library
from guide_reader.store import BookmarkStore, Status, resolve
from guide_reader.store import history as history_module


def _places(entries: list) -> list[tuple[str, str]]:
    return [(entry.slug, entry.anchor) for entry in entries]


def test_consecutive_visits_of_the_same_place_collapse(store: BookmarkStore) -> None:
    first = store.history.record("leucopenie", "a", article_title="Leucopénie", heading="A")
    again = store.history.record("leucopenie", "a", article_title="Leucopénie", heading="A bis")
    assert again.id == first.id
    assert again.visited_at > first.visited_at
    assert again.heading == "A bis"
    assert store.history.recent() == [again]


def test_recent_is_most_recent_first_and_distinct(store: BookmarkStore) -> None:
    history = store.history
    history.record("leucopenie", article_title="Leucopénie")
    history.record("leucopenie", "a", article_title="Leucopénie", heading="A")
    history.record("regression", "b", article_title="Régression", heading="B")
    history.record("leucopenie", "a", article_title="Leucopénie", heading="A")
    history.record("cancer", article_title="Cancer")
    assert _places(history.recent()) == [("cancer", ""), ("leucopenie", "a"), ("regression", "b"), ("leucopenie", "")]
    assert _places(history.recent(limit=2)) == [("cancer", ""), ("leucopenie", "a")]
    assert _places(history.recent_articles()) == [("cancer", ""), ("leucopenie", "a"), ("regression", "b")]


def test_record_article_takes_the_snapshot(store: BookmarkStore) -> None:
    library = Library()
    article = library.article("leucopenie")
    top = store.history.record_article(article)
    assert (top.slug, top.anchor, top.article_title, top.heading) == ("leucopenie", "", "Leucopénie", "")
    faq = store.history.record_article(article, "faq-la-leucopenie-est-elle-contagieuse")
    assert faq.heading == "La leucopénie est-elle contagieuse ?"
    assert resolve(top, library).status is Status.AVAILABLE
    assert resolve(faq, library).heading == faq.heading


def test_clear(store: BookmarkStore) -> None:
    store.history.record("leucopenie", article_title="Leucopénie")
    store.history.record("cancer", article_title="Cancer")
    bookmark = store.add("leucopenie", "a", kind="section", article_title="L", heading="A")
    assert store.history.clear() == 2
    assert store.history.recent() == []
    assert store.bookmarks() == [bookmark]  # bookmarks are not history


def test_only_the_latest_visits_are_kept(store: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history_module, "HISTORY_LIMIT", 3)
    for number in range(6):
        store.history.record("leucopenie", f"s{number}", article_title="L")
    assert _places(store.history.recent()) == [("leucopenie", f"s{number}") for number in (5, 4, 3)]
