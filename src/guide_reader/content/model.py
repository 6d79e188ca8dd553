"""The article model: plain dataclasses shared by every layer."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from .text import fold

CITATION_PATTERN = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]")
"""A citation as printed in the articles: ``[13]``, ``[13,14]`` or ``[6-8]``."""


def cited_numbers(citation_body: str) -> list[int]:
    """Expand the inside of a citation (``13,14`` or ``6-8``) into its numbers."""
    numbers: list[int] = []
    for part in citation_body.split(","):
        bounds = re.split(r"\s*[–-]\s*", part.strip())
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            if low <= high and high - low < 50:
                numbers.extend(range(low, high + 1))
                continue
        numbers.extend(int(bound) for bound in bounds if bound.isdigit())
    return numbers


@lru_cache(maxsize=4096)
def is_when_to_see_doctor(heading: str) -> bool:
    """The 'Quand consulter un médecin ?' section, whatever its exact wording (each heading folded once:
    a library repeats its headings, and search asks of many guides at each query)."""
    folded = fold(heading)
    return "quand consulter" in folded or "quand faut-il consulter" in folded or "signes d'alerte" in folded


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    body: str
    """Markdown paragraphs (and lists), citations left in the text."""

    @property
    def is_alert(self) -> bool:
        """The section that says when to see a doctor: shown framed in red, first in search within its guide."""
        return is_when_to_see_doctor(self.heading)


@dataclass(frozen=True)
class FaqItem:
    anchor: str
    question: str
    answer: str


@dataclass(frozen=True)
class Reference:
    number: int
    text: str


@dataclass(frozen=True)
class Publication:
    title: str
    year: int | None


@dataclass(frozen=True)
class WebResource:
    title: str
    site: str
    date: date | None
    snippet: str


@dataclass
class Article:
    slug: str
    title: str
    subtitle: str | None = None
    lead: str = ""
    author: str | None = None
    date: date | None = None  # first publication
    publisher: str | None = None  # site name or publisher
    updated: date | None = None  # last update
    sections: list[Section] = field(default_factory=list)
    faq: list[FaqItem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    web_resources: list[WebResource] = field(default_factory=list)
    specialties: list[str] = field(default_factory=list)
    disclaimer: str | None = None
    source_file: str | None = None

    def reference(self, number: int) -> Reference | None:
        return next((ref for ref in self.references if ref.number == number), None)

    def texts_with_citations(self) -> list[str]:
        return [self.lead, *self.body_texts()]

    def body_texts(self) -> list[str]:
        """The sections' bodies, then the questions' answers: most of the text, which a catalogue keeps
        apart (a text's *position* counts them in this order)."""
        return [section.body for section in self.sections] + [item.answer for item in self.faq]

    def with_body_texts(self, texts: Mapping[int, str]) -> Article:
        """The article with these texts by position (``body_texts``' order), every other one ''."""
        count = len(self.sections)
        return replace(
            self,
            sections=[replace(section, body=texts.get(at, "")) for at, section in enumerate(self.sections)],
            faq=[replace(item, answer=texts.get(count + at, "")) for at, item in enumerate(self.faq)],
        )

    def cited(self) -> list[int]:
        """Every number cited in the text, in order of first appearance."""
        seen: dict[int, None] = {}
        for text in self.texts_with_citations():
            for match in CITATION_PATTERN.finditer(text):
                for number in cited_numbers(match.group(1)):
                    seen.setdefault(number, None)
        return list(seen)

    def unresolved_citations(self) -> list[int]:
        """Cited numbers with no listed reference, sorted."""
        listed = {ref.number for ref in self.references}
        return sorted(number for number in self.cited() if number not in listed)

    def word_count(self) -> int:
        texts = self.texts_with_citations() + [item.question for item in self.faq]
        return sum(len(text.split()) for text in texts)
