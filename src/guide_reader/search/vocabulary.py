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

from whoosh.automata.fsa import ANY, EPSILON, NFA, find_all_matches

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
        """The words at most ``distance`` edits from ``word`` (``edit_automaton``'s) that share
        its first ``prefix`` letters, in alphabetical order."""
        words = self.words
        if not words or not word:
            return iter(())
        dfa = edit_automaton(word, distance, prefix).to_dfa()
        return find_all_matches(dfa, _Skipper(words))


def edit_automaton(word: str, distance: int, prefix: int = 0) -> NFA:
    """An automaton of the strings at most ``distance`` edits from ``word`` that start with its first
    ``prefix`` letters. An edit is a letter added, left out or replaced, or two neighbouring letters
    swapped ('blnacs' for 'blancs'): the optimal string alignment distance, a Damerau-Levenshtein
    distance where no letter is edited twice. Whoosh's ``levenshtein_automaton`` has no swap, so a
    swap cost two edits and a six-letter word, allowed one, found nothing.

    States: ``(letters of word read, edits made)``, and ``(letters read, edits made, "swap")`` between
    the two letters of a swap."""
    automaton = NFA((0, 0))
    for at in range(prefix):
        automaton.add_transition((at, 0), word[at], (at + 1, 0))
    for at in range(prefix, len(word)):
        letter = word[at]
        for edits in range(distance + 1):
            automaton.add_transition((at, edits), letter, (at + 1, edits))
            if edits == distance:
                continue
            automaton.add_transition((at, edits), ANY, (at, edits + 1))  # a letter added
            automaton.add_transition((at, edits), EPSILON, (at + 1, edits + 1))  # a letter left out
            automaton.add_transition((at, edits), ANY, (at + 1, edits + 1))  # a letter replaced
            if at + 1 < len(word) and word[at + 1] != letter:  # two letters swapped
                automaton.add_transition((at, edits), word[at + 1], (at, edits, "swap"))
                automaton.add_transition((at, edits, "swap"), letter, (at + 2, edits + 1))
    for edits in range(distance + 1):
        if edits < distance:
            automaton.add_transition((len(word), edits), ANY, (len(word), edits + 1))
        automaton.add_final_state((len(word), edits))
    return automaton


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
