"""Bylines and dates of a copied page: 'Publié le 9 février 2023 par Claire Dubois', 'Mis à jour le 12/03/2018'.

A byline is recognised only as a whole line (a sentence that starts with 'Par' is text). Its parts
go to the article's front matter: ``author``, ``date`` (first published) and ``updated``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .text import fold

_MONTHS = {
    "janv": 1, "janvier": 1, "fevr": 2, "fevrier": 2, "mars": 3, "avr": 4, "avril": 4, "mai": 5, "juin": 6,
    "juil": 7, "juillet": 7, "aout": 8, "sept": 9, "septembre": 9, "oct": 10, "octobre": 10, "nov": 11,
    "novembre": 11, "dec": 12, "decembre": 12,
}  # fmt: skip
_DATE = r"(?:(\d{1,2})(?:er)?\s+([a-z]{3,9})\.?\s+(\d{4})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{4})-(\d{2})-(\d{2}))"
_TIME = r"(?:\s*(?:a|,)\s*\d{1,2}\s*[h:]\s*\d{0,2})?"
_PUBLISHED = re.compile(rf"(?:publie|ecrit|redige|paru|mis en ligne)?\s*(?:le\s+)?{_DATE}{_TIME}")
_UPDATED = re.compile(
    rf"(?:mis a jour|mise a jour|modifie|actualise|derniere mise a jour)\s*(?:le\s*|:\s*)?{_DATE}{_TIME}"
)
_TRAILING_DATE = re.compile(rf"\s((?:publie\s+)?le\s+{_DATE}{_TIME})$")
_READING_TIME = re.compile(
    r"(?:temps de )?lecture\s*:?\s*\d{1,3}\s*(?:min|minutes?|mn)\.?|\d{1,3}\s*(?:min|minutes?|mn)\.?\s+de lecture"
)
"""'6 min de lecture', 'Temps de lecture : 3 minutes': a part of the byline that is kept nowhere."""
_AUTHOR_LEAD = re.compile(r"(?:publie|ecrit|redige|article redige|signe)?\s*par\s+|auteur\s*:\s*|auteure\s*:\s*")
_NAME_WORD = re.compile(r"(?:Dr\.?|Pr\.?|[A-ZÀ-Ý][\w'’.-]*|de|du|des|la|le|van|von|d'|d’)$")
_SEPARATORS = re.compile(r"\s*(?:[|,·•–—]|\s-\s)\s*")
_HINT = re.compile(r"\d|\bpar\b|auteur", re.IGNORECASE)
"""Every byline has a date (a digit) or an author ('par', 'auteur'): other lines are not folded at all."""
MAX_BYLINE_LENGTH = 160


@dataclass
class Byline:
    author: str | None = None
    published: date | None = None
    updated: date | None = None


def _date(match: re.Match[str]) -> date | None:
    groups = match.groups()
    try:
        if groups[0]:
            month = _MONTHS.get(groups[1].rstrip("."))
            return date(int(groups[2]), month, int(groups[0])) if month else None
        if groups[3]:
            return date(int(groups[5]), int(groups[4]), int(groups[3]))
        return date(int(groups[6]), int(groups[7]), int(groups[8]))
    except ValueError:
        return None


def _author(original: str) -> str | None:
    """'Claire Dubois', 'Dr Marc Lévy', 'UN MÉDECIN' -> 'Un médecin'; None for a sentence."""
    name = original.strip(" .")
    if name.isupper():
        name = name.capitalize()
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[0][0].isupper():
        return None
    if words[0] in ("Un", "Une"):  # 'un médecin', 'une diététicienne': no name, but who wrote it
        return name if len(words) <= 3 else None
    return name if all(_NAME_WORD.match(word) for word in words) else None


def parse_byline(line: str) -> Byline | None:
    """The author and dates of a whole byline line, or None if the line is anything else."""
    if not line or len(line) > MAX_BYLINE_LENGTH or not _HINT.search(line):
        return None
    byline = Byline()
    # Folding keeps the length: positions in the folded line are positions in the line.
    folded = fold(line)
    if len(folded) != len(line):
        folded = line.lower()
    parts = [part for part in _split(line, folded) if part[1]]
    if not parts:
        return None
    for original, key in parts:
        for piece_original, piece_key in _split_author(original, key):
            if not _read_part(byline, piece_original, piece_key):
                return None
    return byline


def _split(line: str, folded: str) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    start = 0
    for match in _SEPARATORS.finditer(folded):
        pieces.append((line[start : match.start()].strip(), folded[start : match.start()].strip()))
        start = match.end()
    pieces.append((line[start:].strip(), folded[start:].strip()))
    return pieces


def _split_author(original: str, key: str) -> list[tuple[str, str]]:
    """'le 12/03/2018 à 10h30 par Claire Dubois' -> the date part and the author part."""
    if _AUTHOR_LEAD.match(key) and (dated := _TRAILING_DATE.search(key)):  # 'Par NAME le 5 mai 2021'
        return [(original[: dated.start()].strip(), key[: dated.start()].strip()),
                (original[dated.start(1) :].strip(), key[dated.start(1) :].strip())]  # fmt: skip
    match = re.search(r"\s(par)\s", key)
    if match and not _AUTHOR_LEAD.match(key):
        return [(original[: match.start()].strip(), key[: match.start()].strip()),
                (original[match.start(1) :].strip(), key[match.start(1) :].strip())]  # fmt: skip
    return [(original, key)]


def _read_part(byline: Byline, original: str, key: str) -> bool:
    if match := _UPDATED.fullmatch(key):
        byline.updated = byline.updated or _date(match)
        return byline.updated is not None
    if match := _PUBLISHED.fullmatch(key):
        byline.published = byline.published or _date(match)
        return byline.published is not None
    if _READING_TIME.fullmatch(key):
        return True
    if match := _AUTHOR_LEAD.match(key):
        author = _author(original[match.end() :])
        if author and byline.author is None:
            byline.author = author
            return True
    return False
