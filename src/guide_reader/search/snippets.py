"""Matched words in a text: HTML snippets for the result list, character spans for the article view.

Both run the index's analyzer over the plain text with character offsets, so a
word is marked exactly when it produces a term the query searched for
('fievre' marks 'fièvre', 'traitements' marks 'traitement').
"""

from __future__ import annotations

import html
from collections.abc import Collection

from whoosh.highlight import ContextFragmenter, HtmlFormatter, highlight

from .analysis import french_analyzer

SNIPPET_CHARS = 220
_ANALYZER = french_analyzer()


def snippet(text: str, terms: Collection[str]) -> str:
    """The best passages of ``text`` with ``terms`` marked; its start when no term is in it. HTML-safe."""
    text = " ".join(text.split())
    if terms:
        formatter = HtmlFormatter(tagname="b", classname="match", termclass="term", between=" … ")
        fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70)
        marked = highlight(text, frozenset(terms), _ANALYZER, fragmenter, formatter, top=2)
        if marked:
            return marked
    return html.escape(_shorten(text), quote=False)


def _shorten(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return text[: cut if cut > 0 else SNIPPET_CHARS] + " …"


def spans(text: str, terms: Collection[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of every word of ``text`` whose term is in ``terms``."""
    wanted = frozenset(terms)
    return [(token.startchar, token.endchar) for token in _ANALYZER(text, chars=True) if token.text in wanted]
