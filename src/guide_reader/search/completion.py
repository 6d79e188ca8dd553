"""As-you-type completions from article titles, section headings and FAQ questions.

A prefix query over the whole index costs seconds on a large library; this small
in-memory structure answers each keystroke with a binary search in a sorted word
list, whatever the size of the body text.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from itertools import islice

from ..content.model import Article
from ..content.text import fold
from .model import Completion

_WORD = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
_KIND_ORDER = {"title": 0, "heading": 1, "faq": 2}
_CANDIDATES = 64


def fold_words(text: str) -> list[str]:
    """Folded words (``content.text.fold``); stop words kept, since a title is typed from its start.
    A compound also gives its parts joined, so that 'autoimm' completes « auto-immune »."""
    folded = fold(text)
    found = _WORD.findall(folded)
    if "-" in folded:
        found += [compound.replace("-", "") for compound in _COMPOUND.findall(folded)]
    return found


def _entries(articles: Sequence[Article]) -> Iterator[Completion]:
    for article in articles:
        yield Completion(article.title, article.slug, "", "title", article.title)
        for section in article.sections:
            yield Completion(section.heading, article.slug, section.anchor, "heading", article.title)
        for item in article.faq:
            yield Completion(item.question, article.slug, item.anchor, "faq", article.title)


class Completer:
    """Entries ranked once (titles, then headings, then questions; shorter first); queries walk that order."""

    def __init__(self, articles: Sequence[Article]) -> None:
        entries = sorted(_entries(articles), key=lambda e: (_KIND_ORDER[e.kind], len(e.text), e.text, e.article_slug))
        self._entries = entries
        self._words: list[set[str]] = []
        self._first_words: list[str] = []
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
        forms: dict[str, str] = {}
        for entry in self._entries:
            for written in _WORD.findall(entry.text.lower()):
                forms.setdefault(fold(written), written)
        return forms

    def complete(self, prefix: str, limit: int = 8) -> list[Completion]:
        """Up to ``limit`` entries holding every typed word, the last one as a prefix.

        A hyphen typed counts as a space ('quand-consulter') and as nothing ('auto-immune'
        completes « autoimmune »): the entries of both readings, the first one's first.
        """
        folded = fold(prefix)
        found = self._complete(_WORD.findall(folded), limit)
        if "-" in folded and len(found) < max(limit, 0):
            joined = _COMPOUND.sub(lambda compound: compound.group(0).replace("-", ""), folded)
            found += [entry for entry in self._complete(_WORD.findall(joined), limit) if entry not in found]
        return found[: max(limit, 0)]

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
        chosen = list(islice(candidates, _CANDIDATES))
        # Among the best ranked, those that start with what was typed come first.
        chosen.sort(key=lambda number: (not self._first_words[number].startswith(typed[0]), number))
        return [self._entries[number] for number in chosen[:limit]]


def _unique(numbers: Iterator[int]) -> Iterator[int]:
    previous = -1
    for number in numbers:
        if number != previous:
            yield number
            previous = number
