"""Articles -> index documents: one per lead, section, FAQ item, reference, publication and web resource."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..content import markdown_format as fmt
from ..content.model import CITATION_PATTERN, Article
from .analysis import analyze, terms
from .schema import TEXT_FIELD, prepare

KIND_BOOSTS = {"lead": 1.2, "section": 1.0, "faq": 1.1, "reference": 0.4, "publication": 0.4, "web": 0.5}
"""Document boosts: what a lay reader wants first (sections, FAQ) ranks above the bibliography."""

BLOCK_HEADINGS = {
    "reference": ("Références", fmt.REFERENCES_ANCHOR),
    "publication": ("Publications scientifiques", fmt.PUBLICATIONS_ANCHOR),
    "web": ("Ressources web", fmt.WEB_RESOURCES_ANCHOR),
}

_MARKUP = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])|\*\*|(?<!\w)\*|\*(?!\w)|`")
_LINE_MARKERS = re.compile(r"^(?:>\s?|[-+*]\s+|\d+[.)]\s+)", re.MULTILINE)


_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \t]+([.,;:])")
_SPACES = re.compile(r"[ \t]{2,}")
_LINE_START = frozenset(">-+*0123456789")


def plain_text(markdown: str) -> str:
    """Section Markdown as the reader sees it, minus the citation numbers ([13,14]).

    Each substitution runs only when its characters are in the text: most paragraphs
    have no markup, and the scans cost more than the checks.
    """
    text = CITATION_PATTERN.sub("", markdown) if "[" in markdown else markdown
    if "|" in text:
        text = fmt.table_text(text)
    if "\n" in text or text[:1] in _LINE_START:
        text = _LINE_MARKERS.sub("", text)
    if "*" in text or "`" in text or "\\" in text:
        text = _MARKUP.sub(lambda match: match.group(1) or "", text)
    if " ." in text or " ," in text or " ;" in text or " :" in text or "\t" in text:
        text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


@dataclass(frozen=True)
class IndexDoc:
    """One searchable unit of an article, and where it sends the reader."""

    slug: str
    part: str
    """Unique within the article: 'lead', 'section:<anchor>', 'faq:<anchor>', 'reference:<n>', …"""
    kind: str
    """'lead' (shown as a section) or a SearchHit kind."""
    anchor: str
    heading: str
    title: str
    head: str
    body: str

    @property
    def hit_kind(self) -> str:
        return "section" if self.kind == "lead" else self.kind

    def fields(self, title: Sequence[str] | None = None, words: set[str] | None = None) -> dict[str, object]:
        """Keyword arguments for Whoosh's ``add_document``.

        ``title``: the terms of the article title, when already known (the same for
        every document of an article); ``words`` collects the folded words of the
        heading and body (the spelling vocabulary).
        """
        head, body = analyze(self.head), analyze(self.body)
        if words is not None:
            words.update(folded for folded, _ in head)
            words.update(folded for folded, _ in body)
        parts = (
            ("title", terms(self.title) if title is None else title),
            ("head", [term for _, term in head]),
            ("body", [term for _, term in body]),
        )
        return {"slug": self.slug, "part": self.part, TEXT_FIELD: prepare(parts, KIND_BOOSTS[self.kind])}

    @cached_property
    def terms(self) -> tuple[list[str], list[str], list[str]]:
        """The index terms of the title, the heading and the body, in order (where phrases are looked for)."""
        return terms(self.title), terms(self.head), terms(self.body)


def article_documents(article: Article) -> Iterator[IndexDoc]:
    def doc(part: str, kind: str, anchor: str, heading: str, head: str, body: str) -> IndexDoc:
        return IndexDoc(article.slug, part, kind, anchor, heading, article.title, head, body)

    yield doc("lead", "lead", "", article.title, article.title, plain_text(article.lead))
    for section in article.sections:
        body = plain_text(section.body)
        yield doc(f"section:{section.anchor}", "section", section.anchor, section.heading, section.heading, body)
    for item in article.faq:
        yield doc(f"faq:{item.anchor}", "faq", item.anchor, item.question, item.question, plain_text(item.answer))
    heading, anchor = BLOCK_HEADINGS["reference"]
    for ref in article.references:
        yield doc(f"reference:{ref.number}", "reference", anchor, heading, "", f"[{ref.number}] {plain_text(ref.text)}")
    heading, anchor = BLOCK_HEADINGS["publication"]
    for number, pub in enumerate(article.publications):
        year = f" ({pub.year})" if pub.year else ""
        yield doc(f"publication:{number}", "publication", anchor, heading, "", f"{pub.title}{year}")
    heading, anchor = BLOCK_HEADINGS["web"]
    for number, res in enumerate(article.web_resources):
        yield doc(f"web:{number}", "web", anchor, heading, "", f"{res.title} ({res.site}) — {res.snippet}")


def article_hash(article: Article) -> str:
    """Changes whenever anything the index holds (or shows in a hit) for the article changes."""
    held = (
        article.slug,
        article.title,
        article.lead,
        [(section.anchor, section.heading, section.body) for section in article.sections],
        [(item.anchor, item.question, item.answer) for item in article.faq],
        [(ref.number, ref.text) for ref in article.references],
        [(pub.title, pub.year) for pub in article.publications],
        [(res.title, res.site, res.snippet) for res in article.web_resources],
    )
    return hashlib.blake2b(repr(held).encode("utf-8"), digest_size=12).hexdigest()
