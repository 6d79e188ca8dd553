"""A term's *clue*: letters that every written form giving the term holds once folded, found at C speed.

Analyzing a text (``analysis``) reads it written form by written form in Python,
and stems each form it has not met before. A search that only asks whether a text
holds a few terms (the alert section's rule), or where (the snippets), first looks
for their clues: a text without the clue cannot hold the term, and is not analyzed.

Snowball French rewrites at most the last two letters of the stem it keeps
('complication' -> 'compliqu', 'récemment' -> 'recent', 'chevaux' -> 'cheval');
every other letter of a term is, in order, in the folded word that gives it (a
compound's joined term in its folded parts joined). The clue is the term less its
last ``CUT`` letters (one more than Snowball rewrites); a term that short has no
clue, and any text may hold it.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import cache

from ..content.text import _FOLDING, APOSTROPHES, HYPHENS, SPACES
from .analysis import PIECES, TOKEN_PATTERN, piece

TOKEN = re.compile(TOKEN_PATTERN)
"""Written forms: ``TOKEN.findall(text)`` lists them at C speed."""
CUT = 3
"""Letters left out at the end of a term: Snowball French rewrites at most two."""
_HYPHENS = re.compile(f"[{re.escape(HYPHENS)}]+")
_SPECIAL = re.compile(
    "[" + re.escape("".join(chr(code) for code in _FOLDING if chr(code) not in APOSTROPHES + HYPHENS + SPACES)) + "]"
)
"""A character ``fold`` translates to letters (a ligature: œ -> oe)."""


def clue(term: str) -> str:
    """The letters of ``term`` that any folded form giving it holds; '' when the term is too short."""
    return term[: len(term) - CUT] if len(term) > CUT else ""


def letters(text: str) -> str:
    """``text`` folded as ``fold`` folds its letters (lowercase, accents stripped, ligatures expanded),
    hyphens and white space left out, apostrophes as written (no word holds one): each folded word, a
    compound's parts joined, is in it. At C speed (``fold`` strips accents a character at a time)."""
    if _SPECIAL.search(text):  # (a translation is slow, even of a text it leaves as it is; marks are left)
        text = text.translate(_FOLDING)
    folded = text.casefold()
    if not folded.isascii():
        folded = _combining().sub("", unicodedata.normalize("NFKD", folded))
    joined = "".join(folded.split())  # (every space: those of SPACES and line ends)
    return _HYPHENS.sub("", joined) if "-" in joined or not joined.isascii() else joined


def may_hold(text_letters: str, clues: Iterable[str]) -> bool:
    """Whether a text whose ``letters`` are given can hold a term of one of these clues."""
    return any(found in text_letters for found in clues)


def gives(written: Iterable[str], term: str) -> bool:
    """Whether one of these written forms (matches of ``TOKEN_PATTERN``) gives ``term``, as a word or an
    extra term (``IndexDoc.body_terms`` of their text); a form not analyzed before is analyzed only when
    its letters hold the term's clue."""
    found = clue(term)
    get = PIECES.get
    for form in written:
        known = get(form)
        if known is None:
            if found and found not in letters(form):
                continue
            known = piece(form)
        if term in known.extras or any(term == word for _, word in known.forms):
            return True
    return False


@cache
def _combining() -> re.Pattern[str]:
    """Every character ``fold`` strips after decomposing (``unicodedata.combining``), as one class:
    made at first use (about 40 ms)."""
    codes = [code for code in range(0x300, sys.maxunicode + 1) if unicodedata.combining(chr(code))]
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    marks = "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)
    return re.compile(f"(?=[^\\x00-\u02ff])[{marks}]+")  # (a letter fails the first test, not every range)
