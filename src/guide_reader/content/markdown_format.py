"""The on-disk article format: Markdown with front matter, and its writer.

An article file looks like this (the anchors of the last blocks are fixed,
they tell the loader what a block holds; the headings are free text)::

    ---
    title: Leucopénie
    subtitle: Guide Complet 2025
    author: Jeanne Martin
    date: 2018-03-12
    publisher: Santé Magazine
    updated: 2019-01-05
    source: sources/002_leucopenie.txt
    ---

    Lead paragraph [1].

    ## Comment reconnaître les symptômes ? {#comment-reconnaitre-les-symptomes}

    Body paragraphs [2,3].

    ## Questions fréquentes {#questions-frequentes}

    ### La leucopénie est-elle contagieuse ? {#faq-la-leucopenie-est-elle-contagieuse}

    Non, ...

    ## Spécialités médicales concernées {#specialites}
    - Hématologie

    ## Références {#references}
    - [1] Santé Publique France, 2024.

    ## Publications scientifiques {#publications}
    - Title of the paper (2024)

    ## Ressources web {#ressources-web}
    - Title of the page (site.fr)
      2020-12-17 — snippet of the page

    ## Avertissement {#avertissement}

    Les connaissances médicales évoluent...
"""

from __future__ import annotations

import re

from .model import Article

FAQ_ANCHOR = "questions-frequentes"
SPECIALTIES_ANCHOR = "specialites"
REFERENCES_ANCHOR = "references"
PUBLICATIONS_ANCHOR = "publications"
WEB_RESOURCES_ANCHOR = "ressources-web"
DISCLAIMER_ANCHOR = "avertissement"
RESERVED_ANCHORS = frozenset(
    {
        FAQ_ANCHOR,
        SPECIALTIES_ANCHOR,
        REFERENCES_ANCHOR,
        PUBLICATIONS_ANCHOR,
        WEB_RESOURCES_ANCHOR,
        DISCLAIMER_ANCHOR,
    }
)

REFERENCE_ITEM = re.compile(r"^\[(\d{1,4})\]\s*(.*)$", re.DOTALL)
PUBLICATION_ITEM = re.compile(r"^(.*?)\s*\((\d{4})\)$", re.DOTALL)
WEB_RESOURCE_TITLE = re.compile(r"^(.*?)\s*\(([^()\s]+\.[^()\s]+)\)$")
WEB_RESOURCE_DATED_SNIPPET = re.compile(r"^(\d{4}-\d{2}-\d{2}) — (.*)$", re.DOTALL)

_INLINE_SPECIALS = re.compile(r"([\\`*_{}]|(?<=\])\()")
"""Emphasis and code marks; braces, so that a heading's text never hides its {#anchor}; and the '(' of
'[text](address)', so that text copied from a page never becomes a link (citations '[13]' stay)."""
_DEFINITION_START = re.compile(r"^([ ]{0,3})\[(?=[^\[\]\n]*\]:)", re.MULTILINE)
"""'[name]: address' on a line of its own is a link definition for Markdown: the line would vanish."""
_CLOSING_HASHES = re.compile(r"#+$")
_BLOCK_STARTS = re.compile(r"^(#|>|[-+*]\s|=+\s*$|-+\s*$)")
_NUMBERED_START = re.compile(r"^(\d+)\.(\s)")
"""'1. boire souvent' would start a numbered list: its dot is escaped ('1\\. ', shown '1. '), never the line
('\\1. ' showed a backslash). '3) ' starts no list in Python-Markdown."""


def escape_inline(text: str) -> str:
    """Escape the characters Python-Markdown would read as inline markup."""
    return _DEFINITION_START.sub(r"\1\\[", _INLINE_SPECIALS.sub(r"\\\1", text))


def escape_block_start(markdown_text: str) -> str:
    """Keep a paragraph from being read as a heading, list or quote."""
    if _BLOCK_STARTS.match(markdown_text):
        return "\\" + markdown_text
    return _NUMBERED_START.sub(r"\1\\.\2", markdown_text, count=1)


def escape_paragraph(text: str) -> str:
    """Escape plain text so that it reads back as one plain paragraph."""
    return escape_block_start(escape_inline(text))


def table_markdown(rows: list[list[str]]) -> str:
    """A pipe table from rows of cells already in inline Markdown; the first row is the header.

    Short rows are padded with empty cells, so that every row has as many cells as the longest;
    a '|' inside a cell is escaped.
    """
    width = max(len(row) for row in rows)
    lines = []
    for number, row in enumerate(rows):
        cells = [cell.replace("|", "\\|") for cell in [*row, *[""] * (width - len(row))]]
        lines.append("| " + " | ".join(cells) + " |")
        if number == 0:
            lines.append("| " + " | ".join(["---"] * width) + " |")
    return "\n".join(lines)


_TABLE_LINE = re.compile(r"^\| (.*) \|$")
_TABLE_RULE_LINE = re.compile(r"^\|( --- \|)+$")
_CELL_SEPARATOR = re.compile(r"(?<!\\) \| ")


def table_text(markdown_text: str) -> str:
    """The tables of a body as a reader sees them: a row's cells joined by ' · ', no rule line.

    The other lines are left as they are. For the search index and its snippets.
    """
    lines = []
    for line in markdown_text.split("\n"):
        if _TABLE_RULE_LINE.match(line):
            continue
        row = _TABLE_LINE.match(line)
        if row:
            cells = (cell.strip().replace("\\|", "|") for cell in _CELL_SEPARATOR.split(row.group(1)))
            line = " · ".join(cell for cell in cells if cell)
        lines.append(line)
    return "\n".join(lines)


def front_matter_fields(article: Article) -> dict[str, str | None]:
    """The front matter's fields, in their order: title, subtitle, author, date, publisher, updated
    (dates as YYYY-MM-DD), source; None where the article has no value."""
    return {
        "title": article.title,
        "subtitle": article.subtitle,
        "author": article.author,
        "date": article.date.isoformat() if article.date else None,
        "publisher": article.publisher,
        "updated": article.updated.isoformat() if article.updated else None,
        "source": article.source_file,
    }


def _front_matter(article: Article) -> list[str]:
    lines = ["---"]
    lines += [f"{key}: {value}" for key, value in front_matter_fields(article).items() if value]
    lines.append("---")
    return lines


def _heading(level: int, text: str, anchor: str) -> str:
    # Python-Markdown drops the '#' that end a heading's text ('## C# {#c}' reads 'C'): escape them.
    text = _CLOSING_HASHES.sub(lambda match: "\\#" * len(match.group()), escape_inline(text))
    return f"{'#' * level} {text} {{#{anchor}}}"


def _paragraphs(body: str) -> list[str]:
    """Body text is already Markdown; keep its blocks, one blank line apart."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", body) if block.strip()]
    lines: list[str] = []
    for block in blocks:
        lines += ["", block]
    return lines


def to_markdown(article: Article) -> str:
    """Serialize an article deterministically (same article, same bytes)."""
    lines = _front_matter(article)
    lines += _paragraphs(article.lead)
    for section in article.sections:
        lines += ["", _heading(2, section.heading, section.anchor)]
        lines += _paragraphs(section.body)
    if article.faq:
        lines += ["", _heading(2, "Questions fréquentes", FAQ_ANCHOR)]
        for item in article.faq:
            lines += ["", _heading(3, item.question, item.anchor)]
            lines += _paragraphs(item.answer)
    if article.specialties:
        lines += ["", _heading(2, "Spécialités médicales concernées", SPECIALTIES_ANCHOR), ""]
        lines += [f"- {escape_inline(name)}" for name in article.specialties]
    if article.references:
        lines += ["", _heading(2, "Références", REFERENCES_ANCHOR), ""]
        lines += [f"- [{ref.number}] {escape_inline(ref.text)}" for ref in article.references]
    if article.publications:
        lines += ["", _heading(2, "Publications scientifiques", PUBLICATIONS_ANCHOR), ""]
        for publication in article.publications:
            year = f" ({publication.year})" if publication.year else ""
            lines.append(f"- {escape_inline(publication.title)}{year}")
    if article.web_resources:
        lines += ["", _heading(2, "Ressources web", WEB_RESOURCES_ANCHOR), ""]
        for resource in article.web_resources:
            lines.append(f"- {escape_inline(resource.title)} ({resource.site})")
            snippet = escape_inline(resource.snippet)
            if resource.date:
                snippet = f"{resource.date.isoformat()} — {snippet}"
            if snippet:
                lines.append(f"  {snippet}")
    if article.disclaimer:
        lines += ["", _heading(2, "Avertissement", DISCLAIMER_ANCHOR)]
        lines += _paragraphs(escape_paragraph(article.disclaimer))
    return "\n".join(lines) + "\n"
