"""Matched words in a text: HTML snippets for the result list, character spans for the article view.

Both read the plain text with the index's analyzer (``analysis.locate``) and mark
an *expression* (a sequence of terms: a word, a quoted phrase, a synonym such as
'tumeur cutanée', a compound's parts) only where it is whole: its terms one after
the other, as a phrase is matched. So 'fievre' marks 'fièvre', 'autoimmune' marks
'auto-immune', and '"système immunitaire"' never marks 'immunitaire' alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .analysis import locate

SNIPPET_CHARS = 220
SURROUND = 70
"""Characters of context on each side of the marked words."""
FRAGMENTS = 2
_SPACES = re.compile(r"[ \t\r\n]+")
"""Runs of ordinary white space (a no-break space before « : » is kept as it is)."""

Span = tuple[int, int]


def marks(text: str, expressions: Sequence[Sequence[str]], stop_words: bool = False) -> list[tuple[int, int, int]]:
    """``(start, end, expression number)`` of every whole expression in ``text``, by position, not overlapping.

    ``stop_words``: one-word expressions also mark stop words (a query of stop words only).
    """
    located = locate(text)
    positional = [found for found in located if found.position is not None]
    found: list[tuple[int, int, int]] = []
    for number, expression in enumerate(expressions):
        if not expression:
            continue
        if len(expression) == 1:
            term = expression[0]
            found += [
                (item.start, item.end, number)
                for item in located
                if item.term == term and (stop_words or not item.stop)
            ]
            continue
        first, *others = expression
        for at, item in enumerate(positional):
            if item.term != first or at + len(others) >= len(positional):
                continue
            if all(positional[at + 1 + offset].term == term for offset, term in enumerate(others)):
                found.append((item.start, positional[at + len(others)].end, number))
    found.sort(key=lambda mark: (mark[0], -mark[1]))
    merged: list[tuple[int, int, int]] = []
    for mark in found:
        if merged and mark[0] < merged[-1][1]:  # inside or across the one before: keep the longer
            if mark[1] > merged[-1][1]:
                merged[-1] = (merged[-1][0], mark[1], merged[-1][2])
            continue
        merged.append(mark)
    return merged


def spans(text: str, expressions: Sequence[Sequence[str]], stop_words: bool = False) -> list[Span]:
    """``(start, end)`` of every whole expression in ``text`` (the article view's highlights)."""
    return [(start, end) for start, end, _ in marks(text, expressions, stop_words)]


def snippet(text: str, expressions: Sequence[Sequence[str]], stop_words: bool = False) -> str:
    """The best passages of ``text`` (at most two, about ``SNIPPET_CHARS`` each) with the expressions
    marked as ``<b class="match termN">``; the text's start when none is in it. HTML-safe."""
    text = _SPACES.sub(" ", text).strip()
    found = marks(text, expressions, stop_words) if expressions else []
    if not found:
        return html.escape(_shorten(text), quote=False)
    groups: list[list[tuple[int, int, int]]] = []
    for mark in found:
        if groups and mark[1] - groups[-1][0][0] <= SNIPPET_CHARS - 2 * SURROUND:
            groups[-1].append(mark)
        else:
            groups.append([mark])
    best = sorted(groups, key=lambda group: (-len({number for _, _, number in group}), -len(group), group[0][0]))
    chosen = sorted(best[:FRAGMENTS], key=lambda group: group[0][0])
    ranges: list[tuple[int, int, list[tuple[int, int, int]]]] = []
    for group in chosen:
        start, end = _bounds(text, group)
        if ranges and start <= ranges[-1][1]:  # the contexts meet: one passage
            ranges[-1] = (ranges[-1][0], end, ranges[-1][2] + group)
        else:
            ranges.append((start, end, group))
    return " … ".join(_render(text, start, end, group) for start, end, group in ranges)


def _bounds(text: str, group: list[tuple[int, int, int]]) -> tuple[int, int]:
    """The passage around a group of marks, cut at spaces."""
    start = max(0, group[0][0] - SURROUND)
    if start > 0 and text[start - 1] != " ":
        space = text.find(" ", start, group[0][0])
        start = space + 1 if space != -1 else start
    end = min(len(text), group[-1][1] + SURROUND)
    if end < len(text):
        space = text.rfind(" ", group[-1][1], end)
        end = space if space != -1 else end
    return start, end


def _render(text: str, start: int, end: int, group: list[tuple[int, int, int]]) -> str:
    parts = []
    at = start
    for mark_start, mark_end, number in group:
        parts.append(html.escape(text[at:mark_start], quote=False))
        parts.append(f'<b class="match term{number}">{html.escape(text[mark_start:mark_end], quote=False)}</b>')
        at = mark_end
    parts.append(html.escape(text[at:end], quote=False))
    return "".join(parts).strip()


def _shorten(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text.rfind(" ", 0, SNIPPET_CHARS)
    return text[: cut if cut > 0 else SNIPPET_CHARS] + " …"
