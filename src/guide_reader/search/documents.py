"""Articles -> index documents: one per lead, section, FAQ item, reference, publication and web resource."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..content import markdown_format as fmt
from ..content.model import (
    CITATION_PATTERN,
    Article,
    FaqItem,
    Publication,
    Reference,
    Section,
    WebResource,
    is_when_to_see_doctor,
)
from .analysis import analyze_all, common_word_term
from .schema import TEXT_FIELD, prepare

KIND_BOOSTS = {"lead": 1.2, "section": 1.0, "faq": 1.1, "reference": 0.4, "publication": 0.4, "web": 0.5}
"""Document boosts: what a lay reader wants first (sections, FAQ) ranks above the bibliography."""

BIBLIOGRAPHY = frozenset({"reference", "publication", "web"})
BIBLIOGRAPHY_TERM = "~~bibliographie"
"""A term no text gives (analysis never gives '~~'): held by every bibliography document, so that
a search ranks a guide's text before its references among hits of the same tier."""

BLOCK_HEADINGS = {
    "reference": ("Références", fmt.REFERENCES_ANCHOR),
    "publication": ("Publications scientifiques", fmt.PUBLICATIONS_ANCHOR),
    "web": ("Ressources web", fmt.WEB_RESOURCES_ANCHOR),
}

_MARKUP = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])|\*\*|(?<!\w)\*|\*(?!\w)|`")
_LINE_MARKERS = re.compile(r"^[ \t]*(?:>\s?|[-+*]\s+|\d+[.)]\s+)", re.MULTILINE)
_IN_PAGE_LINK = re.compile(r"\[([^\[\]]*)\]\(#[\w-]*\)")


_CITATION = re.compile(r"[ \t\u00a0\u202f]*" + CITATION_PATTERN.pattern)
"""A citation and the space before it: « symptômes [17] : » -> « symptômes : » (the French space kept)."""
_SPACES = re.compile(r"[ \t]{2,}")
_LINE_START = frozenset(">-+*0123456789")


def plain_text(markdown: str) -> str:
    """Section Markdown as the reader sees it, minus the citation numbers ([13,14]) and the space
    before each; any other space, such as the French one before « : ; ? ! », is kept.

    Each substitution runs only when its characters are in the text: most paragraphs
    have no markup, and the scans cost more than the checks.
    """
    text = _CITATION.sub("", markdown) if "[" in markdown else markdown
    if "](#" in text:
        text = _IN_PAGE_LINK.sub(r"\1", text)
    if "|" in text:
        text = fmt.table_text(text)
    if "\n" in text or text[:1] in _LINE_START:
        text = _LINE_MARKERS.sub("", text)
    if "*" in text or "`" in text or "\\" in text:
        text = _MARKUP.sub(lambda match: match.group(1) or "", text)
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

    @cached_property
    def alert(self) -> bool:
        """The article's « Quand consulter » section (``Section.is_alert``, read when first asked)."""
        return self.kind == "section" and is_when_to_see_doctor(self.heading)

    @property
    def hit_kind(self) -> str:
        return "section" if self.kind == "lead" else self.kind

    def fields(self, title: Sequence[str] | None = None, words: set[str] | None = None) -> dict[str, object]:
        """Keyword arguments for Whoosh's ``add_document``.

        ``title``: the terms of the article title, when already known (the same for
        every document of an article); ``words`` collects the folded words of the
        heading and body (the spelling vocabulary). Besides the words in order, the
        postings hold each part's extra terms (a compound's parts joined) and the
        heading's stop words, so that a query of stop words only ('quand') finds headings.
        """
        head, head_extras, head_stops = analyze_all(self.head, stops=True)
        body, body_extras, _ = analyze_all(self.body)
        if words is not None:
            words.update(folded for folded, _ in head)
            words.update(folded for folded, _ in body)
        title_terms, title_extras = _title_analysis(self.title)
        parts = (
            ("title", title_terms if title is None else title),
            ("head", [term for _, term in head]),
            ("body", [term for _, term in body]),
        )
        if self.kind in BIBLIOGRAPHY:
            body_extras.append(BIBLIOGRAPHY_TERM)
        head_extras += [common_word_term(word) for word in head_stops]
        extras = (("title", title_extras), ("head", head_extras), ("body", body_extras))
        return {"slug": self.slug, "part": self.part, TEXT_FIELD: prepare(parts, KIND_BOOSTS[self.kind], extras)}

    @property
    def texts(self) -> tuple[str, str, str]:
        """The title, the heading and the body: where phrases are looked for (``phrases``)."""
        return self.title, self.head, self.body

    @property
    def title_terms(self) -> tuple[str, ...]:
        """The terms of the article title (analyzed once per title)."""
        return _title_analysis(self.title)[0]


@lru_cache(maxsize=64)
def _title_analysis(title: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The title's terms and extras: the same for every document of an article, analyzed once."""
    forms, extras, _ = analyze_all(title)
    return tuple(term for _, term in forms), tuple(extras)


def _doc(article: Article, part: str, kind: str, anchor: str, heading: str, head: str, body: str) -> IndexDoc:
    return IndexDoc(article.slug, part, kind, anchor, heading, article.title, head, body)


def _lead(article: Article) -> IndexDoc:
    return _doc(article, "lead", "lead", "", article.title, article.title, plain_text(article.lead))


def _section(article: Article, section: Section) -> IndexDoc:
    body = plain_text(section.body)
    return _doc(article, f"section:{section.anchor}", "section", section.anchor, section.heading, section.heading, body)


def _faq(article: Article, item: FaqItem) -> IndexDoc:
    answer = plain_text(item.answer)
    return _doc(article, f"faq:{item.anchor}", "faq", item.anchor, item.question, item.question, answer)


def _reference(article: Article, ref: Reference) -> IndexDoc:
    heading, anchor = BLOCK_HEADINGS["reference"]
    body = f"[{ref.number}] {plain_text(ref.text)}"
    return _doc(article, f"reference:{ref.number}", "reference", anchor, heading, "", body)


def _publication(article: Article, number: int, pub: Publication) -> IndexDoc:
    heading, anchor = BLOCK_HEADINGS["publication"]
    year = f" ({pub.year})" if pub.year else ""
    return _doc(article, f"publication:{number}", "publication", anchor, heading, "", f"{pub.title}{year}")


def _web(article: Article, number: int, res: WebResource) -> IndexDoc:
    heading, anchor = BLOCK_HEADINGS["web"]
    return _doc(article, f"web:{number}", "web", anchor, heading, "", f"{res.title} ({res.site}) — {res.snippet}")


def article_documents(article: Article) -> Iterator[IndexDoc]:
    yield _lead(article)
    for section in article.sections:
        yield _section(article, section)
    for item in article.faq:
        yield _faq(article, item)
    for ref in article.references:
        yield _reference(article, ref)
    for number, pub in enumerate(article.publications):
        yield _publication(article, number, pub)
    for number, res in enumerate(article.web_resources):
        yield _web(article, number, res)


def document_position(article: Article, part: str) -> int | None:
    """Where the document ``part`` comes among ``article_documents``' (the lead, the sections, then the
    questions: an article's documents are written in a row in that order); None for another kind, or an
    anchor the article does not have."""
    kind, _, anchor = part.partition(":")
    if kind == "lead":
        return 0
    anchors = [section.anchor for section in article.sections]
    if kind == "section" and anchor in anchors:
        return 1 + anchors.index(anchor)
    questions = [item.anchor for item in article.faq]
    if kind == "faq" and anchor in questions:
        return 1 + len(anchors) + questions.index(anchor)
    return None


def article_document(article: Article, part: str) -> IndexDoc | None:
    """The one document ``part`` of an article (as ``article_documents`` makes it), or None: a search hit
    needs its own document only, not the plain text of the whole article."""
    kind, _, key = part.partition(":")
    if kind == "lead":
        return _lead(article)
    if kind == "section":
        return next((_section(article, s) for s in article.sections if s.anchor == key), None)
    if kind == "faq":
        return next((_faq(article, item) for item in article.faq if item.anchor == key), None)
    if kind == "reference" and key.isdigit():
        return next((_reference(article, ref) for ref in article.references if ref.number == int(key)), None)
    if (
        kind in ("publication", "web")
        and key.isdigit()
        and int(key) < len(article.publications if kind == "publication" else article.web_resources)
    ):
        number = int(key)
        if kind == "publication":
            return _publication(article, number, article.publications[number])
        return _web(article, number, article.web_resources[number])
    return None


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
