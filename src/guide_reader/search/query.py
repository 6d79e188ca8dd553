"""User text -> Whoosh queries: every word required first, then any word, with synonyms and typo fixes.

The reader's text is read here (``read_clauses``): quoted phrases (straight
quotes, “…” or « … »), ``word~`` fuzzy words, and plain words, each cut and
analyzed by the index's own analyzer, so a compound ('auto-immune', 'IL-6'), a
pair of codes ('H1 N1') or a French number ('60 000') is read the way the index
holds it. A query made of stop words only ('quand') is read again with them kept.

Ranking goes by tiers (``tiers``): the typed words (and their typo fixes) first,
then what only a synonym finds, each as "every word" then "any word"; a later
tier adds documents, it never reorders the ones above.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from whoosh import query as wq
from whoosh.searching import Searcher

from .analysis import common_word_term, piece, stem, written_forms
from .schema import TEXT_FIELD
from .synonyms import Synonyms, Terms
from .vocabulary import Vocabulary

MAX_QUERY_CHARS = 300
MAX_CLAUSES = 12
"""A pasted page is cut to its first words: enough to find it, cheap to run."""
SYNONYM_WEIGHT = 0.8
CORRECTION_WEIGHT = 0.9
PHRASE_SLOP = 1
MAX_FUZZY = 2
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»‹›″", '"'))
"""Typographic quotes, one character for one, so that offsets in the text stay right."""
_FUZZY = re.compile(r"(?<!\S)([^\s\"~]+)~([12])?(?=\s|$)")


@dataclass
class Clause:
    """One thing the reader asked for: a word (or a compound), a quoted phrase or a ``word~`` fuzzy word."""

    words: tuple[str, ...]
    """Folded, unstemmed."""
    terms: tuple[str, ...]
    """The index terms, in order."""
    phrase: bool = False
    fuzzy: int = 0
    span: tuple[int, int] | None = None
    """Where the word is in the cleaned query text (for the suggestion)."""
    also: str | None = None
    """Another term that finds the clause: a compound's parts joined ('auto-immune' also finds
    'autoimmune'), a stop word as headings hold it (``common_word_term``)."""
    corrections: list[str] = field(default_factory=list)

    @property
    def stems(self) -> tuple[str, ...]:
        return self.terms


@dataclass
class Plan:
    text: str
    """The query text as searched (cleaned, cut to length)."""
    units: list[list[Clause]] = field(default_factory=list)
    """Clauses, those that a synonym covers grouped together."""
    alternatives: list[list[Terms]] = field(default_factory=list)
    """For each unit, its synonyms (analyzed expressions)."""
    common_words: bool = False
    """Every word was a stop word: they are searched as plain words."""

    @property
    def clauses(self) -> list[Clause]:
        return [clause for unit in self.units for clause in unit]


def clean(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())[:MAX_QUERY_CHARS]


def read_clauses(text: str, keep_stops: bool = False) -> list[Clause]:
    """The clauses of a cleaned query text; never raises, whatever the text.

    ``keep_stops``: stop words are searched too (for a query made of nothing else).
    """
    normalized = text.translate(_QUOTES)
    if keep_stops:  # stop words are searched one by one (headings hold them apart, not in order)
        return _plain_clauses(normalized.replace('"', " "), 0, len(normalized), True)[:MAX_CLAUSES]
    quotes = [at for at, char in enumerate(normalized) if char == '"']
    if len(quotes) % 2:  # an unclosed quote is read as a space
        normalized = normalized[: quotes[-1]] + " " + normalized[quotes[-1] + 1 :]
        quotes.pop()
    clauses: list[Clause] = []
    start = 0
    for opening, closing in zip(quotes[::2], quotes[1::2], strict=True):
        clauses += _plain_clauses(normalized, start, opening, keep_stops)
        phrase = _phrase_clause(normalized[opening + 1 : closing], keep_stops)
        if phrase is not None:
            clauses.append(phrase)
        start = closing + 1
    clauses += _plain_clauses(normalized, start, len(normalized), keep_stops)
    return clauses[:MAX_CLAUSES]


def _words_of(written: str, keep_stops: bool) -> tuple[list[str], list[str], list[tuple[int, int]]]:
    """Folded words, terms and spans of one written form (stop words too with ``keep_stops``)."""
    analyzed = piece(written)
    found = [(span, folded, term) for (folded, term), span in zip(analyzed.forms, analyzed.spans, strict=True)]
    if keep_stops:
        found += [((start, end), folded, folded) for start, end, folded in analyzed.stopped]
        found.sort()
    return [folded for _, folded, _ in found], [term for _, _, term in found], [span for span, _, _ in found]


def _plain_clauses(text: str, start: int, end: int, keep_stops: bool) -> list[Clause]:
    clauses: list[Clause] = []
    at = start
    for fuzzy in _FUZZY.finditer(text, start, end):
        clauses += _word_clauses(text, at, fuzzy.start(), keep_stops)
        words, terms, _ = _words_of(fuzzy.group(1), keep_stops)
        if terms:
            distance = max(1, min(int(fuzzy.group(2) or 1), MAX_FUZZY))
            clauses.append(Clause((words[0],), (terms[0],), fuzzy=distance, span=(fuzzy.start(), fuzzy.end())))
        at = fuzzy.end()
    return clauses + _word_clauses(text, at, end, keep_stops)


def _word_clauses(text: str, start: int, end: int, keep_stops: bool) -> list[Clause]:
    clauses = []
    for match in written_forms(text[start:end]):
        words, terms, spans = _words_of(match.group(0), keep_stops)
        if keep_stops:  # every word apart, searched as written and as a heading's stop word
            for word, term, (word_start, word_end) in zip(words, terms, spans, strict=True):
                span = (start + match.start() + word_start, start + match.start() + word_end)
                clauses.append(Clause((word,), (term,), span=span, also=common_word_term(word)))
            continue
        if terms:
            extras = piece(match.group(0)).extras
            span = (start + match.start(), start + match.end())
            clauses.append(Clause(tuple(words), tuple(terms), span=span, also=extras[0] if extras else None))
    return clauses


def _phrase_clause(text: str, keep_stops: bool) -> Clause | None:
    words: list[str] = []
    terms: list[str] = []
    forms = list(written_forms(text))
    for match in forms:
        found_words, found_terms, _ = _words_of(match.group(0), keep_stops)
        words += found_words
        terms += found_terms
    if not terms:
        return None
    extras = piece(forms[0].group(0)).extras if len(forms) == 1 else ()
    return Clause(tuple(words), tuple(terms), phrase=len(terms) > 1, also=extras[0] if extras else None)


def plan(text: str, synonyms: Synonyms) -> Plan:
    """Read the text and group the clauses that a synonym expression covers."""
    result = Plan(clean(text))
    clauses = read_clauses(result.text)
    if not clauses:
        clauses = read_clauses(result.text, keep_stops=True)
        result.common_words = bool(clauses)
    stems = [clause.terms[0] if len(clause.terms) == 1 and not clause.fuzzy else "" for clause in clauses]
    index = 0
    while index < len(clauses):
        length, alternatives = synonyms.match(stems, index) if stems[index] else (0, [])
        length = max(length, 1)
        result.units.append(clauses[index : index + length])
        result.alternatives.append(alternatives)
        index += length
    return result


def typo_distance(word: str) -> int:
    """Edits allowed to find the word a typo was meant to be: none for short words."""
    if len(word) <= 3 or word.isdigit():
        return 0
    return 1 if len(word) <= 6 else 2


def correct(plan_: Plan, searcher: Searcher, vocabulary: Vocabulary) -> None:
    """Give every word the index does not know its nearest known words, the most frequent first. A query of
    common words only ('quand') is not corrected: a common word is no typo of a rarer one ('quant')."""
    if plan_.common_words:
        return
    for clause in plan_.clauses:
        if clause.phrase or clause.fuzzy or len(clause.terms) > 1 or known(searcher, clause.terms[0]):
            continue
        word = clause.words[0]
        for distance in range(1, typo_distance(word) + 1):
            ranked = []
            for suggestion_ in vocabulary.near(word, distance, prefix=1):
                term = stem(suggestion_)
                frequency = frequency_in(searcher, term) if term and suggestion_ != word else 0
                if frequency:  # 0: a stop word, or a word of an article since removed
                    ranked.append((-frequency, suggestion_))
            if ranked:
                clause.corrections = [found for _, found in sorted(ranked)[:3]]
                break


def known(searcher: Searcher, term: str) -> bool:
    return bool(frequency_in(searcher, term))


def frequency_in(searcher: Searcher, term: str) -> int:
    """The documents holding the term; 0 when only deleted ones do (Whoosh still counts those)."""
    frequency = searcher.doc_frequency(TEXT_FIELD, term)
    reader = searcher.reader()
    if frequency and reader.has_deletions() and not reader.postings(TEXT_FIELD, term).is_active():
        return 0
    return frequency


def _terms_query(stems: Terms, boost: float = 1.0) -> wq.Query:
    if len(stems) == 1:
        return wq.Term(TEXT_FIELD, stems[0], boost=boost)
    return wq.Phrase(TEXT_FIELD, list(stems), slop=PHRASE_SLOP, boost=boost)


def clause_query(clause: Clause) -> wq.Query:
    terms = clause.terms
    if clause.fuzzy:
        return wq.FuzzyTerm(TEXT_FIELD, terms[0], maxdist=clause.fuzzy, prefixlength=1)
    if clause.corrections and len(terms) == 1:
        fixes = {stem(word) or word for word in clause.corrections}
        return wq.Or([_terms_query((fix,), CORRECTION_WEIGHT) for fix in sorted(fixes)])
    query = _terms_query(terms)  # a phrase, or one typed word that analysis splits (G-CSF): its parts in order
    if clause.also:
        return wq.Or([query, wq.Term(TEXT_FIELD, clause.also)])
    return query


def unit_query(clauses: list[Clause], alternatives: list[Terms]) -> wq.Query:
    own = [clause_query(clause) for clause in clauses]
    query = own[0] if len(own) == 1 else wq.And(own)
    if not alternatives:
        return query
    return wq.Or([query, *(_terms_query(terms, SYNONYM_WEIGHT) for terms in alternatives)])


def queries(plan_: Plan, synonyms: bool = True) -> tuple[wq.Query | None, wq.Query | None]:
    """The strict query (every unit) and the any-unit fallback (None when it would be the same);
    without ``synonyms``, the typed words only."""
    units = [
        unit_query(clauses, alternatives if synonyms else [])
        for clauses, alternatives in zip(plan_.units, plan_.alternatives, strict=True)
    ]
    if not units:
        return None, None
    if len(units) == 1:
        return units[0], None
    return wq.And(units), wq.Or(units)


class WrittenForms(Protocol):
    """Folded word -> the word as written (accents kept), looked up one word at a time."""

    def get(self, folded: str, default: str | None = None) -> str | None: ...


@dataclass(frozen=True)
class Tier:
    query: wq.Query
    loose: bool
    """An any-word query: its hits come after every every-word hit."""


def tiers(plan_: Plan) -> list[Tier]:
    """The queries to rank by, in order: typed words, then synonyms too; every word, then any word.

    A hit on the typed word outranks one found only through a synonym, whatever their scores.
    """
    strict, loose = queries(plan_, synonyms=False)
    if strict is None:
        return []
    if not any(plan_.alternatives):
        return [Tier(strict, False)] + ([Tier(loose, True)] if loose is not None else [])
    wide_strict, wide_loose = queries(plan_, synonyms=True)
    assert wide_strict is not None
    found = [Tier(strict, False), Tier(wide_strict, False)]
    if loose is not None and wide_loose is not None:
        found += [Tier(loose, True), Tier(wide_loose, True)]
    return found


def expressions(plan_: Plan) -> list[Terms]:
    """What to mark in a text for this query: each typed word or phrase, typo fix and synonym
    expression, as a sequence of terms marked only where it is whole ('tumeur cutanée' marks
    neither 'tumeur' nor 'cutanée' alone)."""
    found: dict[Terms, None] = {}
    for clauses, alternatives in zip(plan_.units, plan_.alternatives, strict=True):
        for clause in clauses:
            found[clause.terms] = None
            if clause.also:
                found[(clause.also,)] = None
            for correction in clause.corrections:
                fixed = stem(correction)
                if fixed:
                    found[(fixed,)] = None
        for alternative in alternatives:
            found[alternative] = None
    return list(found)


def suggestion(plan_: Plan, display_forms: Callable[[], WrittenForms]) -> str | None:
    """The query text with each corrected word replaced (as written: ``display_forms``, called
    only when something was corrected); None when nothing was corrected."""
    fixes = [(clause.span, clause.corrections[0]) for clause in plan_.clauses if clause.corrections and clause.span]
    if not fixes:
        return None
    display = display_forms()
    text = plan_.text
    for (start, end), word in sorted(fixes, reverse=True):
        text = text[:start] + _cased_as(text[start:end], display.get(word, word) or word) + text[end:]
    return text


def _cased_as(typed: str, word: str) -> str:
    """``word`` in the case of the word typed: all capitals (« GLOBULES BLNACS »), a first capital, or as written."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
