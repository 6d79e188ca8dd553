"""Small text helpers shared by the importer, loader and search: the one folding, slugs, anchors."""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "'’‘ʼ´′"
"""Straight, typographic and look-alike apostrophes: all read as the straight one."""
HYPHENS = "-‐‑‒"
"""Hyphen-minus, hyphen, non-breaking hyphen, figure dash: all read as the hyphen-minus."""
SPACES = " \u00a0\u202f\u2009\u2007"
"""Space, no-break space, narrow no-break space (French « 60 000 », « symptômes : »), thin and figure spaces."""

_MARKS = {
    **{char: "'" for char in APOSTROPHES[1:]},
    **{char: "-" for char in HYPHENS[1:]},
    **{char: " " for char in SPACES[1:]},
}
FOLDING = str.maketrans(
    {
        **_MARKS,
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "µ": "u",  # micro sign (4000/µL)
        "μ": "u",  # Greek mu, the same unit typed another way
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
    }
)
MARKS = str.maketrans(_MARKS)
"""One character for one: apostrophes, hyphens and spaces read as their plain form (offsets kept)."""
_DIGIT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")
"""A number written the French way, digits grouped by three: « 60 000 », « 1 500 » (spaces already plain)."""
FOLD_VERSION = "2"
"""Bump when ``fold`` changes in a way its tables above do not show."""


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD), its combining characters left out: 'é' -> 'e'. At C speed but for one
    test per distinct character; no table is kept between calls (a table filled while ``str.translate``
    reads it, shared by the window's and the index's threads, crashed the program)."""
    decomposed = unicodedata.normalize("NFKD", text)
    marks = {code: None for code in map(ord, set(decomposed)) if code >= 0x300 and unicodedata.combining(chr(code))}
    return decomposed.translate(marks) if marks else decomposed


def fold_chars(text: str) -> str:
    """``fold`` without joining digit groups: each character folded on its own."""
    folded = text.translate(FOLDING).casefold()
    return folded if folded.isascii() else strip_accents(folded)


def fold(text: str) -> str:
    """The one text folding of search, highlighting and find-in-page.

    Lowercase, accents stripped, ligatures expanded, apostrophes, hyphens and spaces
    read as their plain forms, and a number's digit groups joined:
    'Cœur l’Immunité 60 000' -> "coeur l'immunite 60000".
    """
    folded = fold_chars(text)
    if " " in folded and _DIGIT_GROUPS.search(folded):
        folded = _DIGIT_GROUPS.sub(lambda match: match.group(0).replace(" ", ""), folded)
    return folded


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_SLUG_WORD = re.compile(r"(?:\b(?:[a-z]|qu|jusqu|lorsqu|puisqu)['’])?[a-z0-9]+")


def _anchor_fold(text: str) -> str:
    """The folding anchors were made with (kept as it was, so that existing anchors and bookmarks stay put)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.casefold()


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII, lowercase, hyphen-separated; cut at a word boundary past ``max_length``.

    An elided word stays with the next one ('d'ensemble' is one word, 'd-ensemble'): a cut never
    leaves a lone 'd' or 'qu' at the end.
    """
    words = [re.sub(r"[^a-z0-9]+", "-", word) for word in _SLUG_WORD.findall(_anchor_fold(text))]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length and slug:
            break
        slug = candidate
    return slug[:max_length]


def unique_anchor(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not yet in ``taken`` (which is updated)."""
    anchor = base or "section"
    counter = 2
    while anchor in taken:
        anchor = f"{base or 'section'}-{counter}"
        counter += 1
    taken.add(anchor)
    return anchor


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each folded character, the index of the character it came from."""
    folded: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        piece = fold_chars(char)
        folded.append(piece)
        positions.extend([index] * len(piece))
    joined = "".join(folded)
    if " " not in joined or not _DIGIT_GROUPS.search(joined):
        return joined, positions
    kept = [True] * len(joined)
    for match in _DIGIT_GROUPS.finditer(joined):
        for at in range(match.start(), match.end()):
            if joined[at] == " ":
                kept[at] = False
    return (
        "".join(char for char, keep in zip(joined, kept, strict=True) if keep),
        [position for position, keep in zip(positions, kept, strict=True) if keep],
    )


def find_folded(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans of ``text`` matching ``needle`` under ``fold`` (case, accents, ligatures, apostrophes,
    hyphens, spaces in numbers)."""
    target = fold(needle).strip()
    if not target:
        return []
    folded, positions = fold_with_positions(text)
    spans = []
    start = folded.find(target)
    while start != -1:
        end = start + len(target) - 1
        spans.append((positions[start], positions[end] + 1))
        start = folded.find(target, start + len(target))
    return spans
