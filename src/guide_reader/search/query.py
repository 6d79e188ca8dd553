"""User text -> Whoosh queries: every word required first, then any word, with synonyms and typo fixes.

Whoosh's parser reads the text (quoted phrases, ``word~`` fuzzy terms) on a field
whose analyzer folds but does not stem, so each clause keeps the reader's word for
spelling suggestions; this module then stems the words and searches them in the
index's one text field (whose weights already rank headings above body text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.fields import TEXT, Schema
from whoosh.qparser import FuzzyTermPlugin, PhrasePlugin, QueryParser
from whoosh.searching import Searcher

from .analysis import french_analyzer, stem
from .schema import TEXT_FIELD
from .synonyms import Synonyms, Terms
from .vocabulary import Vocabulary

MAX_QUERY_CHARS = 300
MAX_CLAUSES = 12
"""A pasted page is cut to its first words: enough to find it, cheap to run."""
SYNONYM_WEIGHT = 0.8
CORRECTION_WEIGHT = 0.9
PHRASE_SLOP = 1
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")

_PARSE_FIELD = "words"
_PARSER = QueryParser(
    _PARSE_FIELD,
    Schema(**{_PARSE_FIELD: TEXT(analyzer=french_analyzer(stemming=False))}),
    plugins=[PhrasePlugin(), FuzzyTermPlugin()],
)


@dataclass
class Clause:
    """One thing the reader asked for: a word, a quoted phrase or a ``word~`` fuzzy word."""

    words: tuple[str, ...]
    """Folded, unstemmed."""
    phrase: bool = False
    fuzzy: int = 0
    span: tuple[int, int] | None = None
    """Where the word is in the cleaned query text (for the suggestion)."""
    corrections: list[str] = field(default_factory=list)

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(filter(None, (stem(word) for word in self.words)))


@dataclass
class Plan:
    text: str
    """The query text as searched (cleaned, cut to length)."""
    units: list[list[Clause]] = field(default_factory=list)
    """Clauses, those that a synonym covers grouped together."""
    alternatives: list[list[Terms]] = field(default_factory=list)
    """For each unit, its synonyms (analyzed expressions)."""

    @property
    def clauses(self) -> list[Clause]:
        return [clause for unit in self.units for clause in unit]


def clean(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())[:MAX_QUERY_CHARS]


def read_clauses(text: str) -> list[Clause]:
    """The clauses of a cleaned query text; never raises, whatever the text."""
    try:
        parsed = _PARSER.parse(text)
        leaves = [parsed] if parsed.is_leaf() else list(parsed.leaves())
    except Exception:  # Whoosh's parser is tolerant, but a user's text must never break the search
        leaves = [wq.Term(_PARSE_FIELD, word) for word in text.split()]
    clauses: list[Clause] = []
    for leaf in leaves:
        span = (leaf.startchar, leaf.endchar) if getattr(leaf, "startchar", None) is not None else None
        if isinstance(leaf, wq.Phrase):
            clauses.append(Clause(tuple(leaf.words), phrase=len(leaf.words) > 1))
        elif isinstance(leaf, wq.FuzzyTerm):
            clauses.append(Clause((leaf.text,), fuzzy=max(1, min(leaf.maxdist, 2)), span=span))
        elif isinstance(leaf, wq.Term) and isinstance(leaf.text, str):
            clauses.append(Clause((leaf.text,), span=span))
    return [clause for clause in clauses if clause.stems][:MAX_CLAUSES]


def plan(text: str, synonyms: Synonyms) -> Plan:
    """Read the text and group the clauses that a synonym expression covers."""
    result = Plan(clean(text))
    clauses = read_clauses(result.text)
    stems = [clause.stems[0] if len(clause.stems) == 1 and not clause.fuzzy else "" for clause in clauses]
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
    """Give every word the index does not know its nearest known words, the most frequent first."""
    for clause in plan_.clauses:
        if clause.phrase or clause.fuzzy or known(searcher, clause.stems[0]):
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
    stems = clause.stems
    if clause.fuzzy:
        return wq.FuzzyTerm(TEXT_FIELD, stems[0], maxdist=clause.fuzzy, prefixlength=1)
    if clause.phrase:
        return _terms_query(stems)
    if len(stems) > 1:  # one typed word that analysis splits (G-CSF): its parts in order
        return _terms_query(stems)
    if clause.corrections:
        fixes = {stem(word) or word for word in clause.corrections}
        return wq.Or([_terms_query((fix,), CORRECTION_WEIGHT) for fix in sorted(fixes)])
    return _terms_query(stems)


def unit_query(clauses: list[Clause], alternatives: list[Terms]) -> wq.Query:
    own = [clause_query(clause) for clause in clauses]
    query = own[0] if len(own) == 1 else wq.And(own)
    if not alternatives:
        return query
    return wq.Or([query, *(_terms_query(terms, SYNONYM_WEIGHT) for terms in alternatives)])


def queries(plan_: Plan) -> tuple[wq.Query | None, wq.Query | None]:
    """The strict query (every unit) and the any-unit fallback (None when it would be the same)."""
    units = [
        unit_query(clauses, alternatives) for clauses, alternatives in zip(plan_.units, plan_.alternatives, strict=True)
    ]
    if not units:
        return None, None
    if len(units) == 1:
        return units[0], None
    return wq.And(units), wq.Or(units)


def suggestion(plan_: Plan, display_forms: Callable[[], dict[str, str]]) -> str | None:
    """The query text with each corrected word replaced (as written: ``display_forms``, called
    only when something was corrected); None when nothing was corrected."""
    fixes = [(clause.span, clause.corrections[0]) for clause in plan_.clauses if clause.corrections and clause.span]
    if not fixes:
        return None
    display = display_forms()
    text = plan_.text
    for (start, end), word in sorted(fixes, reverse=True):
        text = text[:start] + display.get(word, word) + text[end:]
    return text
