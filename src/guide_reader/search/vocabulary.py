"""The spelling vocabulary: the folded, unstemmed words of the headings and texts.

'Vouliez-vous dire …' must offer words, not stems ('leucopénie', not 'leucopen'),
so the words are kept apart from the index, in a sorted list saved next to it
(one word a line). An update adds the words of the changed articles; words of
removed articles stay until the next full build, and a suggestion is only offered
when the index still finds its term.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path

from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton

VOCABULARY_NAME = "guide-reader-words.txt"


class Vocabulary:
    """Sorted words, read from ``path`` at first use, or given."""

    def __init__(self, path: Path | None = None, words: Iterable[str] = ()) -> None:
        self.path = path
        self._given = words

    @cached_property
    def words(self) -> list[str]:
        if self.path is None:
            return sorted(set(self._given))
        try:
            return self.path.read_text(encoding="utf-8").split()
        except (OSError, UnicodeDecodeError):
            return []

    def near(self, word: str, distance: int, prefix: int = 1) -> Iterator[str]:
        """The words at most ``distance`` edits (Damerau-Levenshtein) from ``word`` that share
        its first ``prefix`` letters, in alphabetical order."""
        words = self.words
        if not words or not word:
            return iter(())
        dfa = levenshtein_automaton(word, distance, prefix).to_dfa()
        return find_all_matches(dfa, _Skipper(words))


class _Skipper:
    """The first word at or after a string, for the automaton's leaps through the sorted list."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.at = 0

    def __call__(self, text: str) -> str | None:
        self.at = bisect_left(self.words, text, self.at)
        return self.words[self.at] if self.at < len(self.words) else None


def save_words(path: Path, words: Iterable[str]) -> None:
    """Write a vocabulary file (sorted, one word a line), replacing the old one at once."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text("\n".join(sorted(set(words))) + "\n", encoding="utf-8")
    temporary.replace(path)
