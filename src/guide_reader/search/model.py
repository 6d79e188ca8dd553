"""What the search package hands out: hits, results, completions, index reports."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("section", "faq", "reference", "publication", "web")


@dataclass(frozen=True)
class SearchHit:
    article_slug: str
    article_title: str
    section_anchor: str
    """The anchor to open the article at; empty for the article's lead."""
    section_heading: str
    kind: str
    """One of ``KINDS``."""
    score: float
    snippet: str
    """HTML-safe: the text is escaped, matched words are wrapped in ``<b class="match …">``."""


@dataclass
class SearchResults:
    query: str
    suggestion: str | None
    """'Vouliez-vous dire …': the query with misspelled words corrected, or None."""
    total: int
    """Matching documents: exact up to the limit of the search, Whoosh's estimate beyond."""
    hits: list[SearchHit] = field(default_factory=list)
    common_words: bool = False
    """Every word of the query was a stop word ('quand'): they were searched as plain words,
    in titles, headings and questions only."""

    def groups(self) -> list[tuple[str, str, list[SearchHit]]]:
        """Hits grouped by article: ``(slug, title, hits)``, articles in the order of their best hit."""
        grouped: dict[str, tuple[str, str, list[SearchHit]]] = {}
        for hit in self.hits:
            grouped.setdefault(hit.article_slug, (hit.article_slug, hit.article_title, []))[2].append(hit)
        return list(grouped.values())

    def as_json(self) -> dict[str, object]:
        """The shape of ``guide-reader search --json``."""
        return {
            "query": self.query,
            "suggestion": self.suggestion,
            "total": self.total,
            "common_words": self.common_words,
            "hits": [
                {
                    "article_slug": hit.article_slug,
                    "article_title": hit.article_title,
                    "section_anchor": hit.section_anchor,
                    "section_heading": hit.section_heading,
                    "kind": hit.kind,
                    "score": round(hit.score, 4),
                    "snippet": hit.snippet,
                }
                for hit in self.hits
            ],
        }


@dataclass(frozen=True)
class Completion:
    """One completion: a title, heading or question of one guide (never merged with another guide's)."""

    text: str
    article_slug: str
    anchor: str
    """The section or question to open; empty for the guide's start."""
    kind: str
    """"title", "heading" or "faq"."""
    article_title: str = ""

    def as_json(self) -> dict[str, str]:
        """The shape of ``guide-reader complete --json``."""
        return {
            "text": self.text,
            "article_slug": self.article_slug,
            "article_title": self.article_title,
            "section_anchor": self.anchor,
            "kind": self.kind,
        }


@dataclass
class IndexReport:
    action: str
    """"up-to-date", "built", "updated" or "rebuilt"."""
    articles_indexed: int
    """Articles written by this call (all of them for a build, the changed ones for an update)."""
    seconds: float
    problems: list[str] = field(default_factory=list)
