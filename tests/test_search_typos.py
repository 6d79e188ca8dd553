"""Typos a reader makes: a letter added, left out, replaced, or two letters swapped.

The spelling suggestion looks words up in the vocabulary through ``edit_automaton``; it is
checked here against a plain computation of the optimal string alignment distance on random
words, and as a reader meets it, through the search.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from guide_reader.content.model import Article, Section
from guide_reader.search import SearchEngine
from guide_reader.search.vocabulary import Vocabulary, edit_automaton


def alignment_distance(first: str, second: str) -> int:
    """The optimal string alignment distance, by the textbook dynamic programme."""
    rows = [[0] * (len(second) + 1) for _ in range(len(first) + 1)]
    for i in range(len(first) + 1):
        rows[i][0] = i
    for j in range(len(second) + 1):
        rows[0][j] = j
    for i in range(1, len(first) + 1):
        for j in range(1, len(second) + 1):
            cost = 0 if first[i - 1] == second[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and first[i - 1] == second[j - 2] and first[i - 2] == second[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]


def variants(word: str, rng: random.Random, letters: str) -> list[str]:
    """Strings one or two random edits (of every kind) away from ``word``, and a few unrelated ones."""
    found = []
    for _ in range(12):
        text = word
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            kind = rng.choice("aors")
            if kind == "a":
                text = text[:at] + rng.choice(letters) + text[at:]
            elif kind == "o" and at < len(text):
                text = text[:at] + text[at + 1 :]
            elif kind == "r" and at < len(text):
                text = text[:at] + rng.choice(letters) + text[at + 1 :]
            elif kind == "s" and at + 1 < len(text):
                text = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
        found.append(text)
    found += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(3)]
    return found


@pytest.mark.parametrize("seed", range(6))
def test_the_automaton_accepts_exactly_the_words_within_the_distance(seed: int) -> None:
    rng = random.Random(seed)
    letters = "abcé"  # few letters: many repeats and swaps of equal letters
    for _ in range(40):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 8)))
        distance, prefix = rng.randint(1, 2), rng.randint(0, 1)
        automaton = edit_automaton(word, distance, prefix).to_dfa()
        for other in variants(word, rng, letters):
            expected = alignment_distance(word, other) <= distance and other[:prefix] == word[:prefix]
            assert automaton.accept(other) == expected, (word, other, distance, prefix)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("blnacs", "blancs"),  # two letters swapped
        ("fiever", "fievre"),  # swapped at the end
        ("leucopneie", "leucopenie"),  # swapped in the middle of a long word
        ("leucopnie", "leucopenie"),  # a letter left out
        ("leucoppenie", "leucopenie"),  # a letter added
        ("leucapenie", "leucopenie"),  # a letter replaced
    ],
)
def test_the_vocabulary_finds_a_word_from_each_kind_of_typo(typed: str, meant: str) -> None:
    vocabulary = Vocabulary(words=["blanc", "blancs", "blancheur", "fievre", "fievres", "leucopenie", "leucocyte"])
    distance = 1 if len(typed) <= 6 else 2
    assert meant in list(vocabulary.near(typed, distance, prefix=1))


def test_a_swap_is_one_edit_not_two() -> None:
    vocabulary = Vocabulary(words=["blancs", "blocs"])
    assert list(vocabulary.near("blnacs", 1, prefix=1)) == ["blancs"]


GUIDE = Article(
    slug="leucopenie",
    title="Leucopénie",
    sections=[Section("globules", "Les globules blancs", "Une fièvre avec des globules blancs bas.")],
)


def test_a_swap_in_the_query_is_suggested_and_searched(tmp_path: Path) -> None:
    engine = SearchEngine([GUIDE], tmp_path / "index")
    results = engine.search("globules blnacs")
    assert results.suggestion == "globules blancs"
    assert [hit.section_anchor for hit in results.hits] == ["globules"]
    assert engine.search("globules blancs").suggestion is None
    engine.close()


def test_a_word_only_in_the_text_is_suggested_with_its_accents(tmp_path: Path) -> None:
    article = Article(
        slug="enfant",
        title="L'enfant malade",
        sections=[Section("surveiller", "Surveiller", "Une fièvre élevée chez le nourrisson se surveille.")],
    )
    engine = SearchEngine([article], tmp_path / "index")
    assert engine.search("fiever").suggestion == "fièvre"  # no title, heading or question holds it
    assert engine.search("nourirsson élevée").suggestion == "nourrisson élevée"
    engine.close()


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("globules blnacs", "globules blancs"),
        ("Globules Blnacs", "Globules Blancs"),
        ("GLOBULES BLNACS", "GLOBULES BLANCS"),
        ("Fiever", "Fièvre"),
    ],
)
def test_a_suggestion_keeps_the_case_the_words_were_typed_in(tmp_path: Path, typed: str, suggested: str) -> None:
    engine = SearchEngine([GUIDE], tmp_path / "index")
    assert engine.search(typed).suggestion == suggested
    engine.close()
