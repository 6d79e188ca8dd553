"""Python-Markdown set up for articles: no raw HTML, nothing fetched, citations.

* ``SafeArticleExtension``: raw HTML and entities stay text, images become
  their alt text, links to anything but an anchor in the page become text
  followed by the address, and no element keeps an attribute an article could
  have chosen (``attr_list`` may only give a heading its ``id``); the finished
  element tree is kept on the Markdown instance as ``md.article_tree`` for the
  loader to walk.
* ``CitationExtension``: ``[13,14]`` becomes links to ``#ref-13`` and
  ``#ref-14``, or to ``#source-non-listee-19``, styled apart, when a number is not listed.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection

import markdown
from markdown import util
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor, LinkInlineProcessor
from markdown.treeprocessors import Treeprocessor

from .anchors import REFERENCE_PREFIX, UNRESOLVED_PREFIX
from .model import CITATION_PATTERN, cited_numbers

MAX_FORMATTED_CHARS = 10_000
"""A paragraph longer than this (an article's longest is about 1,200) is shown as plain text:
Python-Markdown's inline formatting takes time that grows with the square of a paragraph's length."""

MAX_ADDRESS_CHARS = 500
"""The longest ``(address "title")`` of a link read as one."""

_PLAIN_LONG_TEXT_PRIORITY = 30  # before 'inline' (20)
_KEEP_TREE_PRIORITY = -100  # after 'unescape' (0), when the tree is final
_NEUTRALIZE_PRIORITY = -50  # after 'attr_list' (8), which could give a link an outside address, and 'unescape'

_ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},  # the anchors {#...}
    "a": frozenset({"href", "title", "class"}),  # in-page links and citations
    "span": frozenset({"class"}),  # citations
    "ol": frozenset({"start"}),  # a numbered list that does not start at 1
}
"""Every attribute an element of an article may keep; anything else (``style``, ``src``,
``on...``, set with ``{: ...}``) goes."""
_TABLE_ATTRIBUTES = {"border": "1", "cellpadding": "6", "cellspacing": "0"}
"""A table copied from a page shows its grid: QTextDocument draws no border without these."""
_OWN_CLASSES = frozenset({"citation", "citation-link", "citation-unresolved"})
_BACKSLASH_ESCAPE = re.compile(r"\\(.)")
_BRACKET = re.compile(r"[\[\]]")
_OBFUSCATED_ENTITY = re.compile(re.escape(util.AMP_SUBSTITUTE) + r"(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


class _KeepTree(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self.md.article_tree = root  # type: ignore[attr-defined]


class _PlainLongText(Treeprocessor):
    """Paragraphs over ``MAX_FORMATTED_CHARS`` stay plain text; ``md.long_texts`` lists them (length, text)."""

    def run(self, root: etree.Element) -> None:
        long_texts: list[tuple[int, str]] = []
        for element in root.iter():
            for name in ("text", "tail"):
                value = getattr(element, name)
                if value and len(value) > MAX_FORMATTED_CHARS and not isinstance(value, util.AtomicString):
                    plain = _BACKSLASH_ESCAPE.sub(self._unescape, value)
                    setattr(element, name, util.AtomicString(plain))
                    long_texts.append((len(value), value))
        self.md.long_texts = long_texts  # type: ignore[attr-defined]

    def _unescape(self, match: re.Match[str]) -> str:
        return match.group(1) if match.group(1) in self.md.ESCAPED_CHARS else match.group(0)


class _NeutralizeExternal(Treeprocessor):
    """Images -> alt text; external links -> 'label (address)' as plain text; foreign attributes dropped."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    _replace_with_text(parent, child, child.get("alt") or "")
                elif child.tag == "a" and not (child.get("href") or "").startswith("#"):
                    label = _deobfuscate("".join(child.itertext()))
                    address = _deobfuscate(child.get("href") or "")
                    shown = address.removeprefix("mailto:")
                    text = label if not shown or shown == label else f"{label} ({shown})"
                    _replace_with_text(parent, child, text)
        for element in root.iter():
            _keep_own_attributes(element)
            if element.tag == "table":
                element.attrib.update(_TABLE_ATTRIBUTES)


def _deobfuscate(text: str) -> str:
    """Python-Markdown writes ``<name@example.org>`` as entities hidden behind a placeholder: the plain address."""
    return _OBFUSCATED_ENTITY.sub(lambda match: html.unescape(f"&{match.group(1)};"), text)


def _keep_own_attributes(element: etree.Element) -> None:
    allowed = _ALLOWED_ATTRIBUTES.get(element.tag, frozenset())
    for name, value in list(element.items()):
        keep = name in allowed
        if name == "href":
            keep = keep and value.startswith("#")
        elif name == "class":
            keep = keep and value in _OWN_CLASSES
        elif name == "start":
            keep = keep and value.isascii() and value.isdigit()
        if not keep:
            del element.attrib[name]


def _replace_with_text(parent: etree.Element, child: etree.Element, text: str) -> None:
    """Swap ``child`` for plain text, joined to the text before it."""
    index = list(parent).index(child)
    text += child.tail or ""
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(child)


class _LinkBrackets:
    """Where a link's ``[`` closes, as Python-Markdown's ``LinkInlineProcessor.getText`` finds it, in linear time.

    Its six link and image patterns each scan from every ``[`` to the ``]`` that
    closes it, or to the end of the paragraph when none does: a paragraph of a few
    thousand unclosed brackets took seconds, a large file hours. A plain ``[text]``
    is found directly; nested or unclosed brackets are looked up in a table of every
    bracket pair of the paragraph, built once per paragraph text.
    """

    NEARBY_CHARS = 1000

    def __init__(self) -> None:
        self._data: str | None = None
        self._closing: dict[int, int] = {}

    def get_text(self, data: str, index: int) -> tuple[str, int, bool]:
        close = data.find("]", index, index + self.NEARBY_CHARS)
        if close != -1 and data.find("[", index, close) == -1:
            return data[index:close], close + 1, True
        if index < 1 or data[index - 1] != "[":  # not called for a bracket: scan as Python-Markdown does
            return _scan_link_text(data, index)
        if data is not self._data:
            self._data, self._closing = data, _closing_brackets(data)
        found = self._closing.get(index - 1)
        if found is None:
            return "", len(data), False  # the callers ignore the text of an unclosed bracket
        return data[index:found], found + 1, True


def _closing_brackets(data: str) -> dict[int, int]:
    """Position of each ``[`` -> position of the ``]`` that closes it (brackets nest)."""
    closing: dict[int, int] = {}
    opened: list[int] = []
    for match in _BRACKET.finditer(data):
        if match.group() == "[":
            opened.append(match.start())
        elif opened:
            closing[opened.pop()] = match.start()
    return closing


def _scan_link_text(data: str, index: int) -> tuple[str, int, bool]:
    """Python-Markdown's own ``LinkInlineProcessor.getText``, for a call that does not follow a ``[``."""
    depth = 1
    for position in range(index, len(data)):
        depth += {"[": 1, "]": -1}.get(data[position], 0)
        if depth == 0:
            return data[index:position], position + 1, True
    return data[index:], len(data), False


def _near_link(get_link: Callable[[str, int], tuple[str, str | None, int, bool]]) -> Callable[..., object]:
    """``getLink`` looking at most ``MAX_ADDRESS_CHARS`` ahead for the ``)`` that ends ``(address "title")``.

    Python-Markdown scans from every ``](`` to the end of the paragraph when nothing
    closes it; a longer address is not a link here (it would only be shown as text).
    """

    def near_link(data: str, index: int) -> tuple[str, str | None, int, bool]:
        return get_link(data[: index + MAX_ADDRESS_CHARS], index)

    return near_link


class SafeArticleExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.deregister("html_block")
        for name in ("html", "entity"):
            md.inlinePatterns.deregister(name)
        brackets = _LinkBrackets()
        for processor in md.inlinePatterns:
            if isinstance(processor, LinkInlineProcessor):
                processor.getText = brackets.get_text  # type: ignore[method-assign]
                processor.getLink = _near_link(processor.getLink)  # type: ignore[method-assign]
        md.treeprocessors.register(_PlainLongText(md), "plain_long_text", _PLAIN_LONG_TEXT_PRIORITY)
        md.treeprocessors.register(_NeutralizeExternal(md), "neutralize_external", _NEUTRALIZE_PRIORITY)
        md.treeprocessors.register(_KeepTree(md), "keep_tree", _KEEP_TREE_PRIORITY)


class _CitationProcessor(InlineProcessor):
    def __init__(self, is_listed: Callable[[int], bool]) -> None:
        super().__init__(CITATION_PATTERN.pattern)
        self.is_listed = is_listed

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # noqa: N802
        numbers = cited_numbers(m.group(1))
        wrapper = etree.Element("span", {"class": "citation"})
        wrapper.text = "["
        for position, number in enumerate(numbers):
            if self.is_listed(number):
                element = etree.SubElement(
                    wrapper, "a", {"href": f"#{REFERENCE_PREFIX}{number}", "class": "citation-link"}
                )
                element.set("title", f"Voir la référence {number}")
            else:
                element = etree.SubElement(
                    wrapper, "a", {"href": f"#{UNRESOLVED_PREFIX}{number}", "class": "citation-unresolved"}
                )
                element.set("title", f"Source {number} non listée dans l'article")
            element.text = str(number)
            element.tail = "," if position < len(numbers) - 1 else "]"
        return wrapper, m.start(0), m.end(0)


class CitationExtension(Extension):
    def __init__(self, listed_numbers: Collection[int]) -> None:
        super().__init__()
        self.listed = frozenset(listed_numbers)

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        # Before 'reference' (170), so '[13]' is a citation, never a link lookup.
        md.inlinePatterns.register(_CitationProcessor(self.listed.__contains__), "citation", 175)


def article_markdown(*extra: Extension) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["meta", "attr_list", "sane_lists", "tables", SafeArticleExtension(), *extra],
        output_format="html",
    )
