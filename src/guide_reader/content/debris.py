"""Recognising web-page debris in raw article text: ads, captions, credits."""

from __future__ import annotations

import re

from .text import fold

AD_LINES = frozenset(
    fold(line)
    for line in (
        "Consultation remboursable *",
        "Consultation remboursable",
        "Ordonnance et arrêt de travail sécurisés (HDS)",
    )
)
"""Advertising bullets of the source site, compared after folding, bullet removed."""

SHARE_LINES = frozenset(
    fold(line) for line in ("Google News", "Partager", "Partager sur Facebook", "Partager sur Twitter", "Imprimer")
)

_CREDIT = re.compile(
    r"^(©|\(c\)|crédit|credit|photo\s*:|source\s*:\s*(adobe|getty|istock|shutterstock))"
    r"|^(adobe stock|getty images|istock|istockphoto|shutterstock|afp|bsip|pexels|unsplash)\b",
    re.IGNORECASE,
)

_ENGLISH_WORDS = frozenset(
    "the of on with and in an for to is at by from his her their its this that "
    "woman man women men doctor patient which can be used illustration concept".split()
)
_FRENCH_WORDS = frozenset(
    "le la les de des du et un une en pour avec sur est sont qui que dans au aux "
    "par ce cette ne pas plus se vous nous il elle on".split()
)
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)\]]$")


def strip_bullet(line: str) -> str:
    return re.sub(r"^\s*[-•*–]\s+", "", line).strip()


def is_ad(line: str) -> bool:
    return fold(strip_bullet(line)) in AD_LINES


def is_share_widget(line: str) -> bool:
    return fold(line.strip()) in SHARE_LINES


def is_credit(line: str) -> bool:
    return bool(_CREDIT.match(line.strip()))


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


def looks_like_caption(line: str) -> bool:
    """An image's alt text: unpunctuated, and lower-case or in English."""
    text = line.strip()
    if not text or ends_sentence(text) or text.startswith(("-", "[")) or _DATE.search(text):
        return False
    if text[0].islower():
        return True
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    english = sum(word in _ENGLISH_WORDS for word in words)
    french = sum(word in _FRENCH_WORDS for word in words)
    return english >= 2 and french == 0
