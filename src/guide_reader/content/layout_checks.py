"""Lists and in-page links that would not show as the author meant, found with file and line.

Markdown needs a blank line before a list and four spaces to nest one: a list written
right under its paragraph line shows as run-on text (« vous avez : - une fièvre - des
frissons »), and one nested by two spaces shows flat. An in-page link to an anchor the
article does not have leads nowhere. Each is reported as a warning with its line.
"""

from __future__ import annotations

import re

from .anchors import REFERENCE_PREFIX
from .markdown_format import RESERVED_ANCHORS
from .model import Article
from .problems import Problem

_QUOTE = re.compile(r"^(?: {0,3}>[ ]?)+")
_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_CODE_SPAN = re.compile(r"`[^`]*`")
_IN_PAGE_LINK = re.compile(r"(?<!!)\[[^\[\]]+\]\(#([^()\s]*)\)")
_RENDERER_ANCHORS = frozenset({"top", "lead"})


def _body(text: str) -> list[tuple[int, str]]:
    """Numbered lines after the front matter, outside fenced code."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((index + 1 for index in range(1, len(lines)) if lines[index].strip() in ("---", "...")), 0)
    numbered, fenced = [], False
    for number, line in enumerate(lines[start:], start + 1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            numbered.append((number, line))
    return numbered


def _split_quote(line: str) -> tuple[str, str]:
    """(the ``>`` prefix, the rest): a list inside a quoted frame is checked like one outside."""
    match = _QUOTE.match(line)
    prefix = match.group(0) if match else ""
    return prefix.replace(" ", ""), line[len(match.group(0)) :] if match else line


def list_problems(file: str, text: str) -> list[Problem]:
    """Lists right under a paragraph line, and lists nested by fewer than four spaces."""
    problems: list[Problem] = []
    previous: tuple[str, str] | None = None  # (quote depth, text) of the line above
    item_indents: list[int] = []  # indentation of the items of the list going on
    for number, line in _body(text):
        depth, rest = _split_quote(line)
        item = _ITEM.match(rest)
        if not rest.strip():
            previous, item_indents = (depth, ""), []
            continue
        if item:
            indent = len(item.group(1))
            above = previous[1] if previous is not None and previous[0] == depth else ""
            if above.strip() and not item_indents and not _HEADING.match(above):
                problems.append(
                    Problem(
                        file,
                        number,
                        "liste collée au paragraphe du dessus : elle s'afficherait en texte continu "
                        "(ajoutez une ligne vide avant la liste)",
                        "warning",
                    )
                )
            elif item_indents and 0 < indent - item_indents[-1] < 4 and indent < 4:
                problems.append(
                    Problem(
                        file,
                        number,
                        f"sous-liste décalée de {indent - item_indents[-1]} espace(s) : elle s'afficherait "
                        "au même niveau que la liste (décalez-la de 4 espaces)",
                        "warning",
                    )
                )
            item_indents.append(indent)
        previous = (depth, rest)
    return problems


def _anchors(article: Article) -> set[str]:
    return (
        {section.anchor for section in article.sections}
        | {item.anchor for item in article.faq}
        | {f"{REFERENCE_PREFIX}{reference.number}" for reference in article.references}
        | RESERVED_ANCHORS
        | _RENDERER_ANCHORS
    )


def link_problems(file: str, text: str, article: Article) -> list[Problem]:
    """In-page links ``[texte](#ancre)`` to an anchor the article does not have."""
    anchors = _anchors(article)
    problems = []
    for number, line in _body(text):
        for match in _IN_PAGE_LINK.finditer(_CODE_SPAN.sub("", line)):
            if match.group(1) not in anchors:
                problems.append(
                    Problem(
                        file,
                        number,
                        f"lien interne vers « #{match.group(1)[:60]} » : "
                        "aucune section de ce nom, le lien ne mène nulle part",
                        "warning",
                    )
                )
    return problems


def layout_problems(file: str, text: str, article: Article) -> list[Problem]:
    """Every list and in-page link problem of one article's Markdown source."""
    return list_problems(file, text) + link_problems(file, text, article)
