"""Small text helpers shared by the importer, loader and search."""

from __future__ import annotations

import re
import unicodedata

_SLUG_WORD = re.compile(r"(?:\b(?:[a-z]|qu|jusqu|lorsqu|puisqu)['’])?[a-z0-9]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def fold(text: str) -> str:
    """Lowercase, strip accents and expand ligatures: 'Cœur Fièvre' -> 'coeur fievre'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.casefold()


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII, lowercase, hyphen-separated; cut at a word boundary past ``max_length``.

    An elided word stays with the next one ('d'ensemble' is one word, 'd-ensemble'): a cut never
    leaves a lone 'd' or 'qu' at the end.
    """
    words = [re.sub(r"[^a-z0-9]+", "-", word) for word in _SLUG_WORD.findall(fold(text))]
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
        piece = fold(char)
        folded.append(piece)
        positions.extend([index] * len(piece))
    return "".join(folded), positions


def find_folded(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans of ``text`` matching ``needle`` ignoring case, accents and ligatures."""
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
