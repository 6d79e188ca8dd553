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

Nothing here reads the index: the section's words come from the article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from whoosh import query as wq
from whoosh.reading import IndexReader

from .analysis import analyze_all
from .documents import IndexDoc
from .query import Plan, Tier
from .topk import phrase_in

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


AlertOf = Callable[[str], tuple[IndexDoc, Sequence[frozenset[str]]] | None]
"""A guide's alert section and the terms of each of its other sections' headings, or None."""


def promote_alerts(
    ranked: Sequence[Ranked],
    tiers: Sequence[Tier],
    plan: Plan,
    alert_of: AlertOf,
    reader: IndexReader,
) -> list[Ranked]:
    """``ranked`` with each guide's alert section moved to the guide's first place where it belongs there.

    ``alert_of(slug)``: the guide's alert section and its other headings (nothing else of the guide
    is read: not the text of its other sections, references or questions).
    """
    typed = typed_terms(plan)
    firsts: dict[str, Ranked] = {}
    for item in ranked:
        firsts.setdefault(item[0].slug, item)
    promoted: dict[str, Ranked] = {}
    for slug, (first, score, tier) in firsts.items():
        if first.alert:
            continue
        found = alert_of(slug)
        if found is None:
            continue
        alert, other_headings = found
        symptoms = (typed & alert.body_terms).difference(alert.title_terms)
        if not symptoms:
            continue
        if any(symptoms <= heading for heading in other_headings):
            continue
        if any(matches(tiers[number].query, alert, reader) for number in range(tier + 1)):
            promoted[slug] = (alert, score, tier)
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


def matches(query: wq.Query, doc: IndexDoc, reader: IndexReader) -> bool:
    """Whether the query finds the document, read from the document's own words."""
    kind = type(query)
    if kind is wq.Term:
        return query.text in doc.bag
    if kind is wq.Phrase:
        return phrase_in(doc.terms, query.words, query.slop)
    if kind is wq.And:
        return all(matches(part, doc, reader) for part in query.subqueries)
    if kind is wq.Or:
        return any(matches(part, doc, reader) for part in query.subqueries)
    if isinstance(query, wq.FuzzyTerm):
        return any(term_text(text) in doc.bag for _, text in query.expanded_terms(reader))
    return False


def term_text(text: str | bytes) -> str:
    """A term as Whoosh's readers give it (bytes from some, str from others), as text."""
    return text.decode("utf-8") if isinstance(text, bytes) else str(text)
