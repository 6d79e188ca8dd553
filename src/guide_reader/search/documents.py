"""Articles -> index documents: one per lead, section, FAQ item, reference, publication and web resource."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..content import markdown_format as fmt
from ..content.model import CITATION_PATTERN, Article

KIND_BOOSTS = {"lead": 1.2, "section": 1.0, "faq": 1.1, "reference": 0.4, "publication": 0.4, "web": 0.5}
"""Document boosts: what a lay reader wants first (sections, FAQ) ranks above the bibliography."""

BLOCK_HEADINGS = {
    "reference": ("Références", fmt.REFERENCES_ANCHOR),
    "publication": ("Publications scientifiques", fmt.PUBLICATIONS_ANCHOR),
    "web": ("Ressources web", fmt.WEB_RESOURCES_ANCHOR),
}

_MARKUP = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])|\*\*|(?<!\w)\*|\*(?!\w)|`")
_LINE_MARKERS = re.compile(r"^(?:>\s?|[-+*]\s+|\d+[.)]\s+)", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """Section Markdown as the reader sees it, minus the citation numbers ([13,14])."""
    text = CITATION_PATTERN.sub("", markdown)
    text = _LINE_MARKERS.sub("", text)
    text = _MARKUP.sub(lambda match: match.group(1) or "", text)
    text = re.sub(r"[ \t]+([.,;:])", r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


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

    def fields(self) -> dict[str, object]:
        """Keyword arguments for Whoosh's ``add_document``."""
        return {
            "slug": self.slug,
            "part": self.part,
            "title": self.title,
            "head": self.head,
            "body": self.body,
            "_boost": KIND_BOOSTS[self.kind],
        }


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
    """Changes whenever anything the index holds for the article changes."""
    return hashlib.blake2b(repr(article).encode("utf-8"), digest_size=12).hexdigest()
