"""The « Quand consulter » section first within its guide, for a symptom the reader typed.

A worried reader who types a symptom ('fievre') and presses Enter must land on
what to do about it, not on a chatty section that mentions it more often. The
section is the one the article model marks as the alert (``Section.is_alert``);
a *symptom word* is a typed word that this section's text holds and the guide's
title does not (the guide's subject is not a symptom of itself). The section goes
first within its guide when:

- the query finds it at least as well as the guide's first hit: in the same tier
  or an earlier one (a section found only through a synonym never passes one
  found by the typed word), and
- no other section of the guide names every symptom word in its heading (for
  'symptomes leucopenie' or 'traitements', the section so named stays first; a
  question of the FAQ does not count: an FAQ answer is no place to learn when to
  call a doctor).

Nothing here reads the index: the section's words come from the article. Its body,
most of its text, is analyzed only where it can give a term asked about (``candidates``):
a search's guides are mostly new to it, and their alert sections mostly hold no
typed word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property

from whoosh import query as wq
from whoosh.reading import IndexReader

from .analysis import COMMON_WORD_MARK, analyze_all, common_word_term
from .candidates import given
from .documents import IndexDoc
from .phrases import phrase_in_texts
from .query import Plan, Tier

Ranked = tuple[IndexDoc, float, int]
"""A hit before it is shown: its document, score and tier (the number of the query that found it)."""


def typed_terms(plan: Plan) -> set[str]:
    """The terms of the reader's own words (and their typo fixes), synonyms left out."""
    found: set[str] = set()
    for clause in plan.clauses:
        if clause.fuzzy:
            continue
        found.update(clause.terms)
        if clause.also:
            found.add(clause.also)
        for correction in clause.corrections:
            found.update(term for _, term in analyze_all(correction)[0])
    return found


class AlertSection:
    """A guide's alert section, read only as far as the rule needs: which terms it holds, its body's
    words analyzed only where they can give one (kept with the guide's documents between searches)."""

    def __init__(self, doc: IndexDoc, other_headings: Sequence[frozenset[str]]) -> None:
        """``other_headings``: the terms of each of the guide's other sections' headings."""
        self.doc = doc
        self.other_headings = other_headings
        self._in_body: dict[str, bool] = {}

    @cached_property
    def outside_body(self) -> frozenset[str]:
        """The terms the index holds for the section's title and heading (words, extras, the heading's
        stop words), but the body's."""
        title, title_extras, _ = analyze_all(self.doc.title)
        head, head_extras, head_stops = analyze_all(self.doc.head, stops=True)
        found = {term for _, term in title} | {term for _, term in head}
        found.update(title_extras, head_extras, (common_word_term(word) for word in head_stops))
        return frozenset(found)

    def in_body(self, term: str) -> bool:
        """Whether the body holds the term (as a word or an extra term), its words analyzed only where they
        can give it."""
        return term in self.body_holds((term,))

    def body_holds(self, terms: Iterable[str]) -> set[str]:
        """Those of ``terms`` that the body holds (read in one pass for those not asked before)."""
        known = self._in_body
        asked = {term for term in terms if term not in known}
        if asked:
            readable = {t for t in asked if not t.startswith(COMMON_WORD_MARK)}  # (in a heading, never a body)
            found = given(self.doc.body, readable) if readable else set()
            known.update((term, term in found) for term in asked)
        return {term for term in terms if known[term]}

    def holds(self, term: str) -> bool:
        """Whether the index holds the term for this section (its words, extras and heading's stop words)."""
        return term in self.outside_body or self.in_body(term)


AlertOf = Callable[[str], AlertSection | None]
"""A guide's alert section, or None."""
Unmatched = Callable[[str, int], bool]
"""``unmatched(slug, tier)``: True when the index shows that no query of the tiers up to ``tier`` finds the
guide's alert section (False when it cannot tell)."""


def promote_alerts(
    ranked: Sequence[Ranked],
    tiers: Sequence[Tier],
    plan: Plan,
    alert_of: AlertOf,
    reader: IndexReader,
    unmatched: Unmatched = lambda slug, tier: False,
) -> list[Ranked]:
    """``ranked`` with each guide's alert section moved to the guide's first place where it belongs there.

    ``alert_of(slug)``: the guide's alert section (nothing else of the guide is read: not the text of
    its other sections, references or questions), asked for only when a typed word is not in the
    guide's title, and ``unmatched`` cannot rule it out (a search's guides mostly hold no typed word
    in their alert section: measured over 200 queries of several words at 10,000 articles, 3 in 4 are
    ruled out so, each without reading the section).
    """
    typed = typed_terms(plan)
    firsts: dict[str, Ranked] = {}
    for item in ranked:
        firsts.setdefault(item[0].slug, item)
    promoted: dict[str, Ranked] = {}
    for slug, (first, score, tier) in firsts.items():
        if first.alert:
            continue
        wanted = typed.difference(first.title_terms)  # (every document of a guide has its title)
        if not wanted or unmatched(slug, tier):
            continue
        alert = alert_of(slug)
        if alert is None:
            continue
        symptoms = alert.body_holds(wanted)
        if not symptoms:
            continue
        if any(symptoms <= heading for heading in alert.other_headings):
            continue
        if any(matches(tiers[number].query, alert, reader) for number in range(tier + 1)):
            promoted[slug] = (alert.doc, score, tier)
    if not promoted:
        return list(ranked)
    result: list[Ranked] = []
    for item in ranked:
        doc = item[0]
        alert_item = promoted.get(doc.slug)
        if alert_item is not None:
            if doc.part == alert_item[0].part:
                continue  # moved up to its guide's first place
            if firsts[doc.slug] is item:
                result.append(alert_item)
        result.append(item)
    return result


def matches(query: wq.Query, alert: AlertSection, reader: IndexReader) -> bool:
    """Whether the query finds the alert section, read from the section's own words."""
    kind = type(query)
    if kind is wq.Term:
        return alert.holds(query.text)
    if kind is wq.Phrase:
        return phrase_in_texts(alert.doc.texts, query.words, query.slop)
    if kind is wq.And:
        return all(matches(part, alert, reader) for part in query.subqueries)
    if kind is wq.Or:
        return any(matches(part, alert, reader) for part in query.subqueries)
    if isinstance(query, wq.FuzzyTerm):
        return any(alert.holds(term_text(text)) for _, text in query.expanded_terms(reader))
    return False


def term_text(text: str | bytes) -> str:
    """A term as Whoosh's readers give it (bytes from some, str from others), as text."""
    return text.decode("utf-8") if isinstance(text, bytes) else str(text)
