"""A term's *clue*: the letters that start, once folded, every word or compound giving the term.

Analyzing a written form (``analysis.piece``) stems its words: about 30 µs for a
form not met before, and a search's guides are mostly new to it. A search that
only asks whether a text holds a few terms (the alert section's rule), or where
(the snippets, the phrase check), analyzes only the forms that can give one: those
whose folded letters start with the term's clue, or one of whose parts does
(``candidates.forms_giving`` finds them).

Snowball French rewrites at most the last two letters of the stem it keeps
('complication' -> 'compliqu', 'récemment' -> 'recent', 'chevaux' -> 'cheval'): the
other letters of a term start the folded word that gives it (a compound's joined
term, its folded parts joined). The clue is the term less its last ``CUT``
letters; a term that short has no clue, and any form may give it. (Measured on
the words of 4,000 generated articles, 121,000 written forms: 1,349 terms differ
from their word in the last letter, 108 in the last two, none further.)
"""

from __future__ import annotations

import re

from ..content.text import HYPHENS, SPACES, fold_chars

CUT = 2
"""Letters left out at the end of a term: Snowball French rewrites at most two ('amment' -> 'ant',
'ic' -> 'iqu'; ``stem_folded`` gives it words without accents, so its un-accent step changes nothing)."""
_PARTS = re.compile(f"[{re.escape(HYPHENS + SPACES)}]+")
"""What is between the parts of a compound, a number's digit groups or a run of codes."""
_HYPHENATED = re.compile(f"[{re.escape(HYPHENS)}]+")


_STARTS: dict[str, tuple[str, ...]] = {}
"""Written form -> its folded parts joined, then each part (a word: itself alone), for ``may_give``:
a form not analyzed yet is met again by the next searches."""
_MAX_STARTS = 200_000


def clue(term: str) -> str:
    """The letters that start, once folded, every word or compound giving ``term``; '' when the term is
    too short to have any."""
    return term[: len(term) - CUT] if len(term) > CUT else ""


def folded_parts(written: str) -> list[str]:
    """A written form's parts (split at hyphens and spaces), each folded as ``fold`` folds it."""
    return _PARTS.split(fold_chars(written))


def _grouped(written: str) -> list[str]:
    """The parts of a compound (split at hyphens only) that hold spaces, joined without them: a number
    written with its digit groups is one term ('24-60 000' gives '60000'), which no part starts."""
    groups = [group.split() for group in _HYPHENATED.split(fold_chars(written))]  # (split: every space)
    return ["".join(group) for group in groups if len(group) > 1]


def may_give(written: str, clues: tuple[str, ...]) -> bool:
    """Whether the written form can give a term of one of these clues (none of them ''): one starts the
    form's folded parts joined, or one of its parts."""
    starts = _STARTS.get(written)
    if starts is None:
        parts = folded_parts(written)
        starts = (parts[0],) if len(parts) == 1 else ("".join(parts), *parts, *_grouped(written))
        if len(_STARTS) >= _MAX_STARTS:
            _STARTS.clear()
        _STARTS[written] = starts
    if len(starts) == 1:
        return starts[0].startswith(clues)
    return any(start.startswith(clues) for start in starts)
