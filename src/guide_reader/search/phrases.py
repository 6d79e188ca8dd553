"""Whether a phrase is in a document: Whoosh's ordered phrase, over the document's index terms.

Candidates for a phrase (``topk``) and the alert section's rule (``alerts``) check it in the
document's own text. Analyzing a whole section for its terms, stemming each word not met before,
took about 1.4 ms a section at 10,000 articles: most of a phrase search's time. A text's terms are
those of its written forms one after the other (``analysis.analyze``), so ``phrase_in_texts``
analyzes only the forms that can give the phrase's first term (``candidates.forms_giving``) and
the few forms after each: the same answer as ``phrase_in`` over every term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .analysis import PIECES, TOKEN, piece, terms
from .candidates import forms_giving
from .clues import clue


def phrase_in(parts: Sequence[Sequence[str]], words: Sequence[str], slop: int) -> bool:
    """Whoosh's ordered phrase: each word 1 to ``slop`` terms after the one before, in one part
    (``parts``: the terms of each part of a document, in order)."""
    first, *others = words
    for part in parts:
        ends = [at for at, term in enumerate(part) if term == first]
        for word in others:
            ends = [at for end in ends for at in range(end + 1, min(end + slop, len(part) - 1) + 1) if part[at] == word]
        if ends:
            return True
    return False


def phrase_in_texts(texts: Sequence[str], words: Sequence[str], slop: int) -> bool:
    """``phrase_in`` over the terms of each text (a document's title, heading and body), analyzing only
    where the phrase can start. A phrase with gaps (``slop`` above 1), or whose first term is too short
    to have a clue, is looked for in every term."""
    hint = clue(words[0])
    if slop != 1 or not hint:
        return phrase_in([terms(text) for text in texts], words, slop)
    first, others = words[0], tuple(words[1:])
    for text in texts:
        for match in forms_giving(text, (hint,)):
            own = (PIECES.get(match.group()) or piece(match.group())).forms
            if any(term == first and (not others or phrase_end(text, match, index, others) is not None)
                   for index, (_, term) in enumerate(own)):  # fmt: skip
                return True
    return False


def phrase_end(text: str, match: re.Match[str], index: int, others: Sequence[str]) -> int | None:
    """Where, in ``text``, the terms right after the ``index``-th term of its written form ``match`` end
    when they are ``others`` (at least one; None when they are not): the forms after it are cut out and
    analyzed only as far as the phrase goes."""
    following: list[tuple[str, int]] = []  # (term, where it ends in the text)
    after = TOKEN.finditer(text, match.end())
    while len(following) < len(others) and match is not None:
        known = PIECES.get(match.group()) or piece(match.group())
        ends = [match.start() + end for _, end in known.spans[index + 1 :]]
        following += zip([term for _, term in known.forms[index + 1 :]], ends, strict=True)
        match, index = next(after, None), -1
    if [term for term, _ in following[: len(others)]] != list(others):
        return None
    return following[len(others) - 1][1]
