"""Matched words in a text: HTML snippets for the result list, character spans for the article view.

Both read the plain text with the index's analyzer (``analysis.piece``) and mark
an *expression* (a sequence of terms: a word, a quoted phrase, a synonym such as
'tumeur cutanée', a compound's parts) only where it is whole: its terms one after
the other, as a phrase is matched. So 'fievre' marks 'fièvre', 'autoimmune' marks
'auto-immune', and '"système immunitaire"' never marks 'immunitaire' alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .analysis import PIECES, piece, written_forms
from .candidates import forms_giving
from .clues import clue
from .phrases import phrase_end

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
    singles: dict[str, int] = {}
    starting: dict[str, list[tuple[int, tuple[str, ...]]]] = {}  # an expression of several terms, by its first
    for number, expression in enumerate(expressions):
        if len(expression) == 1:
            singles.setdefault(expression[0], number)
        elif expression:
            starting.setdefault(expression[0], []).append((number, tuple(expression[1:])))
    found: list[tuple[int, int, int]] = []
    runs: list[tuple[int, int, int]] = []  # the expressions of several terms (after the others, where they tie)
    # Only the forms that can give a single term asked for or the first term of an expression are
    # analyzed (``candidates``), and the forms after one that does; every form when a term is too short
    # to have a clue, or when stop words count.
    hints = None if stop_words else tuple(clue(term) for term in (*singles, *starting))
    if hints is not None and not all(hints):
        hints = None
    for match in written_forms(text) if hints is None else forms_giving(text, hints):
        written = match.group()
        forms, spans_, extras, stopped, _ = PIECES.get(written) or piece(written)
        if len(forms) == 1 and not starting and not extras and not (stop_words and stopped):  # the common case
            number = singles.get(forms[0][1])
            if number is not None:
                start = match.start()
                found.append((start + spans_[0][0], start + spans_[0][1], number))
            continue
        offset = match.start()
        for index, ((_, term), (start, end)) in enumerate(zip(forms, spans_, strict=True)):
            number = singles.get(term)
            if number is not None:
                found.append((offset + start, offset + end, number))
            for number, others in starting.get(term, ()):
                last = phrase_end(text, match, index, others)
                if last is not None:
                    runs.append((offset + start, last, number))
        for term in extras:
            number = singles.get(term)
            if number is not None:
                found.append((offset, match.end(), number))
        if stop_words:
            for start, end, word in stopped:
                number = singles.get(word)
                if number is not None:
                    found.append((offset + start, offset + end, number))
    found += runs
    found.sort(key=lambda mark: (mark[0], -mark[1]))
    merged: list[tuple[int, int, int]] = []
    for mark in found:
        if merged and (mark[0] < merged[-1][1] or text[merged[-1][1] : mark[0]] == " "):
            # inside, across or right after the one before (« globules blancs bas »): one mark
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
    ranges: list[tuple[int, int]] = []
    for group in chosen:
        start, end = _bounds(text, group)
        for mark_start, mark_end, _ in found:  # a passage never cuts a match (of a group not chosen)
            if mark_start < start < mark_end:
                start = mark_start
            if mark_start < end < mark_end:
                end = mark_end
        if ranges and start <= ranges[-1][1]:  # the contexts meet: one passage
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    # Every mark a passage shows is marked, those of the groups not chosen included.
    shown = [(start, end, [mark for mark in found if start <= mark[0] and mark[1] <= end]) for start, end in ranges]
    return " … ".join(_render(text, start, end, inside) for start, end, inside in shown)


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
