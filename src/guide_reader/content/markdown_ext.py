"""Python-Markdown set up for articles: no raw HTML, nothing fetched, citations.

* ``SafeArticleExtension``: raw HTML and entities stay text, images become
  their alt text, links to anything but an anchor in the page become text
  followed by the address; the finished element tree is kept on the Markdown
  instance as ``md.article_tree`` for the loader to walk.
* ``CitationExtension``: ``[13,14]`` becomes links to ``#ref-13`` and
  ``#ref-14``, or to ``#source-non-listee-19``, styled apart, when a number is not listed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from .anchors import REFERENCE_PREFIX, UNRESOLVED_PREFIX
from .model import CITATION_PATTERN, cited_numbers

_KEEP_TREE_PRIORITY = -100  # after 'unescape' (0), when the tree is final


class _KeepTree(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self.md.article_tree = root  # type: ignore[attr-defined]


class _NeutralizeExternal(Treeprocessor):
    """Images -> alt text; external links -> 'label (address)' as plain text."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    _replace_with_text(parent, child, child.get("alt") or "")
                elif child.tag == "a" and not (child.get("href") or "").startswith("#"):
                    label = "".join(child.itertext())
                    address = child.get("href") or ""
                    text = label if not address or address == label else f"{label} ({address})"
                    _replace_with_text(parent, child, text)


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


class SafeArticleExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.deregister("html_block")
        for name in ("html", "entity"):
            md.inlinePatterns.deregister(name)
        md.treeprocessors.register(_NeutralizeExternal(md), "neutralize_external", 15)
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
        extensions=["meta", "attr_list", "sane_lists", SafeArticleExtension(), *extra],
        output_format="html",
    )
