"""As-you-type completions from article titles, section headings and FAQ questions: what they match and
in which order, and ``Completer``, the same completions held in memory.

An entry holds every typed word, the last one as a prefix (a word starts with it). Entries are ranked
once: titles, then headings, then questions; shorter first; then by text and guide (``rank_key``).
Among the first ``CANDIDATES`` entries that match, those whose first word starts with the first
typed word come first. The search engine answers from the completions written beside the index
(``completion_store``); ``Completer`` serves when that file cannot be used (an index in memory,
a read-only cache that is out of date).
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Protocol

from ..content.text import fold
from .model import Completion
from .source import Outline

_WORD = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
KIND_ORDER = {"title": 0, "heading": 1, "faq": 2}
CANDIDATES = 64
"""Matching entries, in rank order, among which those starting with the typed words are put first."""


def fold_words(text: str) -> list[str]:
    """Folded words (``content.text.fold``); stop words kept, since a title is typed from its start.
    A compound also gives its parts joined, so that 'autoimm' completes « auto-immune »."""
    folded = fold(text)
    found = _WORD.findall(folded)
    if "-" in folded:
        found += [compound.replace("-", "") for compound in _COMPOUND.findall(folded)]
    return found


def written_forms(text: str) -> Iterator[tuple[str, str]]:
    """(folded word, the word as written in lower case) for each word of ``text``, in order."""
    for written in _WORD.findall(text.lower()):
        yield fold(written), written


def entries_of(outline: Outline) -> Iterator[Completion]:
    """An article's entries: its title, then its section headings, then its questions."""
    yield Completion(outline.title, outline.slug, "", "title", outline.title)
    for section in outline.sections:
        yield Completion(section.heading, outline.slug, section.anchor, "heading", outline.title)
    for item in outline.faq:
        yield Completion(item.question, outline.slug, item.anchor, "faq", outline.title)


def rank_key(entry: Completion) -> tuple[int, int, str, str]:
    """The completions' order: kind (titles first), length of the text, text, guide's slug."""
    return KIND_ORDER[entry.kind], len(entry.text), entry.text, entry.article_slug


MatchWords = Callable[[list[str], int], list[Completion]]
"""(typed folded words, limit) -> up to ``limit`` entries holding every word, the last one as a prefix."""


def complete_prefix(prefix: str, limit: int, match: MatchWords) -> list[Completion]:
    """Up to ``limit`` entries for what was typed, ``match`` finding the entries of given words.

    A hyphen typed counts as a space ('quand-consulter') and as nothing ('auto-immune'
    completes « autoimmune »): the entries of both readings, the first one's first.
    """
    folded = fold(prefix)
    found = match(_WORD.findall(folded), limit)
    if "-" in folded and len(found) < max(limit, 0):
        joined = _COMPOUND.sub(lambda compound: compound.group(0).replace("-", ""), folded)
        found += [entry for entry in match(_WORD.findall(joined), limit) if entry not in found]
    return found[: max(limit, 0)]


def typed_first(typed: list[str], chosen: Iterable[tuple[int, str, Completion]], limit: int) -> list[Completion]:
    """``chosen``: (rank, first folded word, entry) of the best ranked matches; those whose first word
    starts with the first typed word come first, each group in rank order."""
    ordered = sorted(chosen, key=lambda item: (not item[1].startswith(typed[0]), item[0]))
    return [entry for _, _, entry in ordered[:limit]]


class Completions(Protocol):
    """What the search engine asks of its completions (in memory or on disk)."""

    damaged: bool
    """True once they were found damaged: to be opened again."""

    def complete(self, prefix: str, limit: int = 8) -> list[Completion]: ...

    def display_form(self, folded: str) -> str | None: ...

    def close(self) -> None: ...


class Completer:
    """Every entry in memory, ranked once; queries walk that order (a few hundred MiB at 10,000 articles)."""

    damaged = False

    def __init__(self, articles: Iterable[Outline]) -> None:
        entries = sorted((entry for article in articles for entry in entries_of(article)), key=rank_key)
        self._entries = entries
        self._words: list[set[str]] = []
        self._first_words: list[str] = []
        self._forms: dict[str, str] | None = None
        postings: dict[str, list[int]] = {}
        for number, entry in enumerate(entries):
            words = fold_words(entry.text)
            self._words.append(set(words))
            self._first_words.append(words[0] if words else "")
            for word in dict.fromkeys(words):
                postings.setdefault(word, []).append(number)
        self._vocabulary = sorted(postings)
        self._postings = [postings[word] for word in self._vocabulary]

    def display_forms(self) -> dict[str, str]:
        """Folded word -> the word as written (accents kept), for the suggestions shown to a reader."""
        if self._forms is None:
            forms: dict[str, str] = {}
            for entry in self._entries:
                for folded, written in written_forms(entry.text):
                    forms.setdefault(folded, written)
            self._forms = forms
        return self._forms

    def display_form(self, folded: str) -> str | None:
        """The folded word as first written in the entries (accents kept), or None."""
        return self.display_forms().get(folded)

    def complete(self, prefix: str, limit: int = 8) -> list[Completion]:
        """Up to ``limit`` entries holding every typed word, the last one as a prefix (``complete_prefix``)."""
        return complete_prefix(prefix, limit, self._complete)

    def close(self) -> None:
        """Nothing to release: kept for ``Completions``."""

    def _complete(self, typed: list[str], limit: int) -> list[Completion]:
        if not typed or limit <= 0:
            return []
        *others, last = typed
        start = bisect_left(self._vocabulary, last)
        lists = []
        for position in range(start, len(self._vocabulary)):
            if not self._vocabulary[position].startswith(last):
                break
            lists.append(self._postings[position])
        candidates = (
            number
            for number in _unique(heapq.merge(*lists))
            if all(any(word.startswith(other) for word in self._words[number]) for other in others)
        )
        chosen = ((number, self._first_words[number], self._entries[number]) for number in candidates)
        return typed_first(typed, islice(chosen, CANDIDATES), limit)


def _unique(numbers: Iterator[int]) -> Iterator[int]:
    previous = -1
    for number in numbers:
        if number != previous:
            yield number
            previous = number
