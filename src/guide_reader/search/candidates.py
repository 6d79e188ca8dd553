"""The written forms of a text that can give a term of some clues, found at C speed.

``clues.may_give`` tells whether one written form can give a term. Asking it of every
form of a text means cutting the whole text into forms (``analysis.TOKEN``) and one
Python step a form: about 180 µs for a section of 1,300 characters, and a search asks
it of some twenty sections (snippets, phrase checks, the alert section's rule). Here a
regular expression made of the clues finds, in the text lowered, where a clue can
start a folded part: each letter as a class of the characters folded to it (case and
accents), a ligature for its letters (œ for oe), hyphens and spaces allowed between any
two letters (a compound's joined parts). Only the forms at its matches are cut out and
asked ``may_give``: about 10 to 20 µs a section. (Measured on sections of 10,000
generated articles.)

The answer is the same as asking every form (tests compare both on generated guides and
on random texts of odd characters): a form that can give a term holds a match where one
of its folded parts starts. A text holding a letter not folded one for one (a combining
accent, a ligature such as ﬁ, a letter folded to a space) is read form by form, as
before; a character no form holds (…, ≥) does not matter.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterator

from ..content.text import FOLDING, HYPHENS, SPACES, fold_chars
from .analysis import PIECES, TOKEN, piece
from .clues import clue, may_give

_RANGES = ((0x80, 0x2B0), (0x370, 0x400), (0x1E00, 0x1F00), (0x2000, 0x2300))
"""The characters beyond ASCII a text may hold and still be searched here: Latin letters and
their accents, Greek (µ), punctuation, symbols (« » ’ – … ≥)."""
_BETWEEN = f"[{re.escape(HYPHENS + SPACES)}]*"
"""What may stand between two letters of a clue in a written form (a compound's parts, digit groups)."""
_WORD_CHAR = re.compile(r"\w")
"""A character no folded part follows but ``_AFTER_WORD``: a word starts a written form or follows a
hyphen or a space."""
_AFTER_WORD = re.compile(r"[\d°]")
"""What may start a written form right after a word character: a number ('2x500'), a degree sign ('38°C')."""
_IN_FORMS = HYPHENS + SPACES + ".,°"
"""The characters a written form holds besides word characters (``analysis.TOKEN_PATTERN``)."""
_CLUE_CHARS = 10
"""The letters of a clue the pattern is made of (more only narrows the candidates that ``may_give``
checks anyway, and each ligature's letters, oe, ae, ss, double the pattern)."""


class _Tables:
    """The characters of the lowered text folded to each one (``classes``), those folded to two letters
    or more (``ligatures``), and a pattern of any other character (``unsafe``). A character outside
    written forms (``…``, ``≥``) is safe whatever it folds to: no form holds it."""

    def __init__(self) -> None:
        self.classes: dict[str, set[str]] = {}
        self.ligatures: dict[str, str] = {}
        neutral: set[str] = set()
        codes = itertools.chain(range(0x80), *(range(*bounds) for bounds in _RANGES), FOLDING)
        for char in map(chr, codes):
            lowered = char.lower()
            folded = fold_chars(lowered)
            if len(lowered) != 1 or (lowered != char and folded != fold_chars(char)):
                continue
            in_words = bool(_WORD_CHAR.match(lowered))
            if not in_words and lowered not in _IN_FORMS and not unicodedata.combining(lowered):
                neutral.add(lowered)
            elif len(folded) == 1 and in_words == bool(_WORD_CHAR.match(folded)):  # (U+037A: a letter to ' ')
                self.classes.setdefault(folded, {folded}).add(lowered)
            elif in_words and folded.isascii() and folded.isalnum():
                self.ligatures[lowered] = folded
        safe = neutral.union(self.ligatures, *self.classes.values())
        self.unsafe = re.compile(f"[^{re.escape(''.join(sorted(safe)))}]")

    def letter(self, folded: str) -> str:
        """A pattern of the characters folded to ``folded`` (one character)."""
        chars = self.classes.get(folded, {folded})
        return re.escape(folded) if len(chars) == 1 else f"[{re.escape(''.join(sorted(chars)))}]"

    def clue(self, clue: str, at: int = 0) -> str:
        """A pattern of the clue's letters from ``at`` on, as a lowered text can write them."""
        if at == len(clue):
            return ""
        rest = clue[at:]
        options = [self._then(self.letter(clue[at]), clue, at + 1)]
        for ligature, letters in sorted(self.ligatures.items()):
            if rest.startswith(letters):
                options.append(self._then(re.escape(ligature), clue, at + len(letters)))
            elif letters.startswith(rest):  # the ligature's letters go on past the clue's end
                options.append(re.escape(ligature))
        return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"

    def _then(self, head: str, clue: str, at: int) -> str:
        tail = self.clue(clue, at)
        return f"{head}{_BETWEEN}{tail}" if tail else head


@functools.cache
def _tables() -> _Tables:
    """The tables, made at first use (about 3 ms)."""
    return _Tables()


@functools.lru_cache(maxsize=512)
def _pattern(clue: str) -> re.Pattern[str]:
    """The places where the clue can start (a look-ahead: one match may not hide the next one's start)."""
    return re.compile(f"(?={_tables().clue(clue[:_CLUE_CHARS])})")


def forms_giving(text: str, clues: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """The written forms of ``text`` (matches of ``analysis.TOKEN``) that can give a term of these clues
    (``clues.may_give``; none of them ''), in the order of the text."""
    lowered = _lowered(text)
    if lowered is None:
        return (form for form in TOKEN.finditer(text) if may_give(form.group(), clues))
    return _found(text, lowered, clues)


def fast(text: str) -> bool:
    """Whether ``forms_giving`` finds the forms of this text with its pattern (else it asks every form)."""
    return _lowered(text) is not None


def _lowered(text: str) -> str | None:
    """The text lowered, each character in its place; None when a character is not folded one for one."""
    lowered = text.lower()
    if len(lowered) != len(text) or (not lowered.isascii() and _tables().unsafe.search(lowered)):
        return None
    return lowered


def _found(text: str, lowered: str, clues: tuple[str, ...]) -> Iterator[re.Match[str]]:
    boundary = 0  # where the text's forms are cut as from its start, at or before the next place asked
    for start in (match.start() for match in _matches(lowered, clues)):
        if start < boundary:
            continue  # in a form already asked
        if start and _WORD_CHAR.match(lowered, start - 1) and not _AFTER_WORD.match(lowered, start):
            continue  # inside a word: no part starts there
        for form in TOKEN.finditer(text, _restart(text, start, boundary)):
            if form.end() > start:
                break
        else:
            return  # no form from here on
        if form.start() > start:  # (between two forms)
            boundary = form.start()
            continue
        boundary = form.end()
        if may_give(form.group(), clues):
            yield form


def _matches(lowered: str, clues: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """Each clue's matches, merged in the order of the text (one clue's pattern at a time: an
    alternation of all of them runs several times slower)."""
    if len(clues) == 1:
        return _pattern(clues[0]).finditer(lowered)
    return heapq.merge(*(_pattern(clue).finditer(lowered) for clue in set(clues)), key=re.Match.start)


def _restart(text: str, at: int, floor: int) -> int:
    """A place at or before ``at``, and not before ``floor`` (one already known), where the text's
    written forms are cut the same as from its start: after a space that no digit precedes (spaces
    inside a form follow a digit: « 60 000 », « H1 N1 »)."""
    space = text.rfind(" ", floor, at)
    while space > floor and text[space - 1].isdigit():
        space = text.rfind(" ", floor, space)
    return max(space + 1, floor)


def given(text: str, terms: Collection[str]) -> set[str]:
    """Those of ``terms`` that ``text`` gives, as words or extra terms (of ``analysis.analyze_all``),
    its forms analyzed only where they can give one (every form when a term is too short to have a clue)."""
    clues = tuple(clue(term) for term in terms)
    forms = forms_giving(text, clues) if all(clues) else TOKEN.finditer(text)
    found: set[str] = set()
    for form in forms:
        known = PIECES.get(form.group()) or piece(form.group())
        found.update(term for term in known.extras if term in terms)
        found.update(term for _, term in known.forms if term in terms)
        if len(found) == len(terms):
            break
    return found
