"""Whether a phrase is in a document: Whoosh's ordered phrase, over the document's index terms.

Candidates for a phrase (``topk``) and the alert section's rule (``alerts``) check it in the
document's own text. Analyzing a whole section for its terms, stemming each word not met before,
took about 1.4 ms a section at 10,000 articles: most of a phrase search's time. A text's terms are
those of its written forms one after the other (``analysis.analyze``), so ``phrase_in_texts``
analyzes only the forms that can give the phrase's first term (``clues.may_give``) and the few
forms after each: the same answer as ``phrase_in`` over every term.
"""

from __future__ import annotations

from collections.abc import Sequence

from .analysis import PIECES, piece, terms
from .clues import TOKEN, clue, letters, may_give


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
    first, others = words[0], list(words[1:])
    hints = (hint,)
    needed = [found for found in map(clue, words) if found]
    for text in texts:
        held = letters(text)
        if not all(found in held for found in needed):
            continue  # (a text whose letters lack a term's clue cannot give the term)
        forms = TOKEN.findall(text)
        starts = {form for form in set(forms) if may_give(form, hints)}
        if any(form in starts and _starts_at(forms, at, first, others) for at, form in enumerate(forms)):
            return True
    return False


def _starts_at(forms: Sequence[str], at: int, first: str, others: list[str]) -> bool:
    """Whether the terms of ``forms[at:]`` hold ``first`` in the form at ``at``, with ``others`` right after."""
    own = _terms_of(forms[at])
    for index, term in enumerate(own):
        if term != first:
            continue
        following, after = own[index + 1 :], at + 1
        while len(following) < len(others) and after < len(forms):
            following += _terms_of(forms[after])
            after += 1
        if following[: len(others)] == others:
            return True
    return False


def _terms_of(written: str) -> list[str]:
    return [term for _, term in (PIECES.get(written) or piece(written)).forms]
