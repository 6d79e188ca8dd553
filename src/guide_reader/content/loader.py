"""content/<slug>.md -> Article, through Python-Markdown's element tree.

Python-Markdown parses the file (front matter with ``meta``, anchors with
``attr_list``); this module only walks the resulting tree, reads each block
back as Markdown for the section bodies, and notes problems with their line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..safe_files import FileTooLargeError, read_limited
from . import markdown_format as fmt
from .anchors import BOOKMARK_PREFIX, FOLD_PREFIX, REFERENCE_PREFIX, UNRESOLVED_PREFIX
from .checks import display_problems
from .layout_checks import layout_problems
from .markdown_ext import MAX_FORMATTED_CHARS, article_markdown
from .model import CITATION_PATTERN, Article, FaqItem, Publication, Reference, Section, WebResource, cited_numbers
from .problems import ContentError, Problem
from .text import slugify

_LINK_PREFIXES = (REFERENCE_PREFIX, UNRESOLVED_PREFIX, FOLD_PREFIX, BOOKMARK_PREFIX)
_RENDERER_ANCHORS = frozenset({"top", "lead"})
_IN_PAGE_LINK = re.compile(r"#(?!(?:" + "|".join(map(re.escape, (BOOKMARK_PREFIX, FOLD_PREFIX))) + r"))[\w-]+")
"""An author's link to an anchor of the article; the viewer's own actions (mark, fold) are not links to keep."""
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

MAX_ARTICLE_BYTES = 512 * 1024
"""About 18 times the longest bundled article. Python-Markdown needs seconds for half a megabyte of
dense markup (thousands of tiny paragraphs, links or headings), and the window renders it again."""
MAX_BLOCK_LINES = 500
"""Lines without a blank line between them. Python-Markdown splits such a block again after each
heading, rule or list item in it: its time grows with the square of the block's length."""


@dataclass
class LoadResult:
    article: Article
    problems: list[Problem] = field(default_factory=list)


def _inline_markdown(element: etree.Element) -> str:
    """An element's content written back as inline Markdown."""
    parts = [fmt.escape_inline(element.text or "")]
    for child in element:
        inner = _inline_markdown(child)
        if child.tag == "strong":
            parts.append(f"**{inner}**")
        elif child.tag == "em":
            parts.append(f"*{inner}*")
        elif child.tag == "code":
            parts.append(f"`{''.join(child.itertext())}`")
        elif child.tag == "br":
            parts.append("  \n")
        elif child.tag in ("ul", "ol"):
            pass  # a list inside a list item: written below the item by _list_item_markdown
        elif child.tag == "a" and _IN_PAGE_LINK.fullmatch(child.get("href") or "") and not child.get("class"):
            parts.append(f"[{inner}]({child.get('href')})")  # a link to a place in the article stays a link
        else:
            parts.append(inner)
        parts.append(fmt.escape_inline(child.tail or ""))
    return "".join(parts)


def _list_item_markdown(item: etree.Element) -> str:
    """An item's text, then its own lists indented by four spaces (Markdown's nesting)."""
    blocks = [child for child in item if child.tag == "p"]
    if not blocks:
        text = _inline_markdown(item).strip()
    else:
        text = " ".join(_inline_markdown(block).strip() for block in blocks)
    for nested in (child for child in item if child.tag in ("ul", "ol")):
        text += "\n" + "\n".join(f"    {line}" for line in _block_markdown(nested).split("\n"))
    return text


def _block_markdown(element: etree.Element) -> str:
    if element.tag == "p":
        return fmt.escape_block_start(_inline_markdown(element).strip())
    if element.tag in ("ul", "ol"):
        items = [child for child in element if child.tag == "li"]
        if element.tag == "ul":
            return "\n".join(f"- {_list_item_markdown(item)}" for item in items)
        return "\n".join(f"{number}. {_list_item_markdown(item)}" for number, item in enumerate(items, 1))
    if element.tag == "blockquote":
        inner = "\n\n".join(_block_markdown(child) for child in element)
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
    if element.tag in ("h3", "h4", "h5", "h6"):
        return f"**{_inline_markdown(element).strip()}**"
    if element.tag == "table":
        rows = [[_inline_markdown(cell).strip() for cell in row] for row in element.iter("tr")]
        return fmt.table_markdown(rows)
    if element.tag == "hr":
        return "* * *"
    return fmt.escape_paragraph(" ".join("".join(element.itertext()).split()))


def _plain_text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _list_items(elements: list[etree.Element]) -> list[str]:
    """The text of every list item in these blocks, line breaks kept."""
    items: list[str] = []
    for element in elements:
        if element.tag in ("ul", "ol"):
            items += ["".join(item.itertext()).strip() for item in element if item.tag == "li"]
        elif element.tag == "p":
            items.append("".join(element.itertext()).strip())
    return [item for item in items if item]


class _ArticleReader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.source_lines = text.split("\n")
        self.problems: list[Problem] = []

    def line_of(self, needle: str, start: int = 0) -> int | None:
        for number, line in enumerate(self.source_lines[start:], start + 1):
            if needle in line:
                return number
        return None

    def report(self, line: int | None, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.path.name, line, message, severity))  # type: ignore[arg-type]

    def read(self, text: str) -> Article:
        self._check_blocks()
        md = article_markdown()
        try:
            md.convert(text)
        except RecursionError:  # Python-Markdown parses nested lists and quotes recursively
            raise ContentError(
                self.path.name, None, "listes ou citations imbriquées trop profondément : article illisible"
            ) from None
        for length, long_text in getattr(md, "long_texts", []):
            self.report(
                self.line_of(long_text.lstrip().split("\n", 1)[0][:60]),
                f"paragraphe de {length} caractères : affiché sans mise en forme "
                f"(au-delà de {MAX_FORMATTED_CHARS} caractères)",
                "warning",
            )
        meta: dict[str, list[str]] = getattr(md, "Meta", {})
        # Python-Markdown skips its tree processors on blank input: no tree then.
        tree: etree.Element = getattr(md, "article_tree", None) or etree.Element("div")

        def field_value(key: str) -> str | None:
            value = " ".join(meta.get(key, [])).strip()
            return value or None

        title = field_value("title")
        if not title:
            raise ContentError(self.path.name, 1, "titre manquant (ligne « title: » de l'en-tête)")
        article = Article(
            slug=self.path.stem,
            title=title,
            subtitle=field_value("subtitle"),
            author=field_value("author"),
            date=self._date(field_value("date")),
            publisher=field_value("publisher"),
            updated=self._date(field_value("updated"), "updated"),
            source_file=field_value("source"),
        )
        if slugify(self.path.stem) != self.path.stem:
            self.report(1, f"nom de fichier « {self.path.name} » : attendu minuscules ASCII et tirets", "warning")
        self._read_blocks(article, list(tree))
        self._check_citations(article)
        self.problems += display_problems(self.path.name, text, article)
        self.problems += layout_problems(self.path.name, text, article)
        return article

    def _check_blocks(self) -> None:
        """Refuse a block of more than ``MAX_BLOCK_LINES`` lines (blank: only spaces and tabs, as for Markdown)."""
        start, count = 0, 0
        for number, line in enumerate(self.source_lines, 1):
            if line.strip(" \t"):
                start, count = (start or number), count + 1
                if count > MAX_BLOCK_LINES:
                    message = f"plus de {MAX_BLOCK_LINES} lignes sans ligne vide : séparez les paragraphes"
                    raise ContentError(self.path.name, start, message)
            else:
                start, count = 0, 0

    def _date(self, value: str | None, key: str = "date") -> date | None:
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.report(self.line_of(f"{key}:"), f"date illisible « {value} » (attendu AAAA-MM-JJ)")
            return None

    def _read_blocks(self, article: Article, blocks: list[etree.Element]) -> None:
        lead: list[etree.Element] = []
        groups: list[tuple[etree.Element, list[etree.Element]]] = []
        for block in blocks:
            if block.tag in ("h1", "h2"):
                groups.append((block, []))
            elif groups:
                groups[-1][1].append(block)
            else:
                lead.append(block)
        article.lead = "\n\n".join(_block_markdown(block) for block in lead)
        taken: set[str] = set()
        cursor = 0
        for heading, content in groups:
            anchor = heading.get("id") or ""
            text = _plain_text(heading)
            line = self.line_of(f"{{#{anchor}}}" if anchor else text, cursor)
            cursor = line or cursor
            if not anchor:
                anchor = slugify(text)
                self.report(line, f"section « {text} » sans ancre {{#...}} : signets fragiles", "warning")
            if anchor in taken:
                self.report(line, f"ancre en double : #{anchor}")
            taken.add(anchor)
            self._check_anchor(anchor, line)
            self._read_group(article, anchor, text, content, line)

    def _check_anchor(self, anchor: str, line: int | None) -> None:
        """An anchor the viewer would take for one of its own links, or one that hides characters."""
        if anchor in _RENDERER_ANCHORS or anchor.startswith(_LINK_PREFIXES):
            self.report(line, f"ancre « {anchor} » réservée au lecteur : les liens vers elle feraient autre chose")
        elif not _SLUG.fullmatch(anchor):
            shown = anchor.encode("unicode_escape").decode("ascii")
            self.report(line, f"ancre « {shown} » : attendu minuscules sans accent, chiffres et tirets", "warning")

    def _read_group(
        self, article: Article, anchor: str, heading: str, content: list[etree.Element], line: int | None
    ) -> None:
        if anchor == fmt.FAQ_ANCHOR:
            article.faq += self._faq_items(content)
        elif anchor == fmt.SPECIALTIES_ANCHOR:
            article.specialties += _list_items(content)
        elif anchor == fmt.REFERENCES_ANCHOR:
            article.references += self._references(content)
        elif anchor == fmt.PUBLICATIONS_ANCHOR:
            article.publications += [self._publication(item) for item in _list_items(content)]
        elif anchor == fmt.WEB_RESOURCES_ANCHOR:
            article.web_resources += [self._web_resource(item) for item in _list_items(content)]
        elif anchor == fmt.DISCLAIMER_ANCHOR:
            article.disclaimer = "\n\n".join(_plain_text(block) for block in content) or None
        else:
            body = "\n\n".join(_block_markdown(block) for block in content)
            if not body.strip():
                self.report(line, f"section vide : « {heading} »", "warning")
            article.sections.append(Section(anchor, heading, body))

    def _faq_items(self, content: list[etree.Element]) -> list[FaqItem]:
        items: list[tuple[str, str, list[etree.Element]]] = []
        for block in content:
            if block.tag == "h3":
                question = _plain_text(block)
                items.append((block.get("id") or "faq-" + slugify(question, 50), question, []))
                if block.get("id"):
                    self._check_anchor(block.get("id") or "", self.line_of(f"{{#{block.get('id')}}}"))
            elif items:
                items[-1][2].append(block)
            else:
                self.report(self.line_of(fmt.FAQ_ANCHOR), "texte avant la première question ignoré", "warning")
        faq = []
        for anchor, question, blocks in items:
            answer = "\n\n".join(_block_markdown(block) for block in blocks)
            if not answer:
                self.report(self.line_of(question), f"question sans réponse : « {question} »", "warning")
            faq.append(FaqItem(anchor, question, answer))
        return faq

    def _references(self, content: list[etree.Element]) -> list[Reference]:
        references: list[Reference] = []
        for item in _list_items(content):
            match = fmt.REFERENCE_ITEM.match(item)
            if match is None:
                self.report(self.line_of(item[:40]), f"référence sans numéro [n] : « {item[:60]} »")
                continue
            number = int(match.group(1))
            if any(ref.number == number for ref in references):
                self.report(self.line_of(f"[{number}]"), f"référence [{number}] en double")
                continue
            references.append(Reference(number, " ".join(match.group(2).split())))
        return references

    @staticmethod
    def _publication(item: str) -> Publication:
        item = " ".join(item.split())
        match = fmt.PUBLICATION_ITEM.match(item)
        return Publication(match.group(1), int(match.group(2))) if match else Publication(item, None)

    @staticmethod
    def _web_resource(item: str) -> WebResource:
        title_line, _, rest = item.partition("\n")
        rest = " ".join(rest.split())
        match = fmt.WEB_RESOURCE_TITLE.match(title_line.strip())
        title, site = (match.group(1), match.group(2)) if match else (title_line.strip(), "")
        when = None
        if dated := fmt.WEB_RESOURCE_DATED_SNIPPET.match(rest):
            try:
                when = date.fromisoformat(dated.group(1))
                rest = dated.group(2)
            except ValueError:
                pass
        return WebResource(title, site, when, rest)

    def _check_citations(self, article: Article) -> None:
        for number in article.unresolved_citations():
            line = next(
                (
                    index
                    for index, text in enumerate(self.source_lines, 1)
                    if not text.startswith("- [")
                    and any(number in cited_numbers(m.group(1)) for m in CITATION_PATTERN.finditer(text))
                ),
                None,
            )
            self.report(line, f"citation [{number}] sans référence listée", "warning")


def read_article_text(path: Path) -> str:
    try:
        raw = read_limited(path, MAX_ARTICLE_BYTES)
    except FileTooLargeError as error:
        size = f"{error.size // 1024} Ko" if error.size is not None else f"plus de {error.limit // 1024} Ko"
        raise ContentError(path.name, None, f"fichier trop grand ({size}, maximum {error.limit // 1024} Ko)") from None
    except OSError as error:
        raise ContentError(path.name, None, f"lecture impossible : {error.strerror}") from None
    if b"\x00" in raw[:8192]:
        raise ContentError(path.name, None, "fichier binaire, pas un article Markdown")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(path.name, line, "texte qui n'est pas en UTF-8") from None
    if not text.strip():
        raise ContentError(path.name, None, "fichier vide : rien à lire (un guide commence par « title: »)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_article(path: Path) -> LoadResult:
    """Read one article file; raises ContentError when it cannot be an article. Its problems come in the
    order of their lines (those of the whole file last)."""
    text = read_article_text(path)
    reader = _ArticleReader(path, text)
    article = reader.read(text)
    return LoadResult(article, sorted(reader.problems, key=lambda problem: (problem.line is None, problem.line or 0)))
