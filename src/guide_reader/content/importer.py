"""Raw article text copied from a web page -> Article (a saved page goes through html_importer).

Layouts are read by kinds of line, never by site: one paragraph a line or blank-line
paragraphs, headings as bare short lines, FAQ, sources, disclaimer (the 'Guide Complet'
template in both its versions, magazines, blogs, question pages, encyclopedia pages).
The steps, in order: decode; group pipe tables; drop debris (debris.py: ads, navigation,
share widgets, captions, credits); take the bylines (bylines.py); mend broken paragraphs;
find the title (a site's name above it, the condition's name under it); drop captions
among headings; then read the structure. Every line left out is returned as a Dropped,
so that an import never loses text silently.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..safe_files import FileTooLargeError, read_limited
from . import debris
from .anchors import BOOKMARK_PREFIX, FOLD_PREFIX, REFERENCE_PREFIX, UNRESOLVED_PREFIX
from .bylines import Byline, parse_byline
from .markdown_format import escape_inline, escape_paragraph, table_markdown
from .model import Article, FaqItem, Publication, Reference, Section, WebResource
from .problems import ContentError, Problem
from .text import fold, slugify, unique_anchor

MAX_SOURCE_BYTES = 2 * 1024 * 1024
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml"})
MAX_HEADING_LENGTH = 120
MAX_HEADING_WORDS = 16
MAX_ELLIPSIS_HEADING_WORDS = 10
MAX_REPEATED_TITLE_WORDS = 6
MAX_LINES_ABOVE_TITLE = 3
_ORGANIZATION = re.compile(
    r"(service|pole|departement|unite|equipe|centre hospitalier|chu|chru|hopital|clinique|institut|maison de sante"
    r"|cabinet|pharmacie|la redaction|redaction)\b"
)
"""A department or an institution that signs a page, folded: the line just above its byline."""
MAX_TABLE_ROWS = 400
"""Rows of one table or items of one list in the written article (the loader reads 500 lines a block)."""

_FRENCH_MONTHS = {
    "janv": 1, "janvier": 1, "févr": 2, "fevr": 2, "février": 2, "mars": 3, "avr": 4,
    "avril": 4, "mai": 5, "juin": 6, "juil": 7, "juillet": 7, "août": 8, "aout": 8,
    "sept": 9, "septembre": 9, "oct": 10, "octobre": 10, "nov": 11, "novembre": 11,
    "déc": 12, "dec": 12, "décembre": 12,
}  # fmt: skip
_DATED_SNIPPET = re.compile(r"^(\d{1,2})\s+([a-zéû]+)\.?\s+(\d{4})\s+[—–-]\s+(.*)$", re.IGNORECASE)
_GLUED_QUESTION = re.compile(r"^(.{8,300}?\?)\s*([A-ZÀ-Ý«\"].*)$")
_REFERENCE_LINE = re.compile(r"^\[(\d{1,4})\]\s*(.*?)\s*(?:Lien)?$")
_PUBLICATION_LINE = re.compile(r"^(.*?)\s*\((\d{4})\)\s*$")
_WEB_TITLE_LINE = re.compile(r"^(.*?)\s*\(([^()\s]+\.[a-z]{2,})\)\s*$", re.IGNORECASE)
_DISCLAIMER = re.compile(r"^avertissement\s*:\s*(.+)$", re.IGNORECASE)
_LINK_PREFIXES = (REFERENCE_PREFIX, UNRESOLVED_PREFIX, FOLD_PREFIX, BOOKMARK_PREFIX)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
"""Invisible control characters of a copied page (the whitespace ones become spaces): a NUL
made the written article a 'binary file' for the loader, STX/ETX vanished in Markdown."""
_TABLE_ROW = re.compile(r"^\|?[^|]*(\|[^|]*)+$")
_TABLE_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?")
_BYLINE_KEYWORD = re.compile(
    r"(publie|ecrit|redige|paru|mis a jour|mise a jour|derniere|modifie|actualise|par|auteur)\b"
)
BYLINE_LINES = 6
"""How far from the top a line holding only a date is read as the page's date."""
_SUBTITLE_HINT = re.compile(r"\bguide\b|\b(19|20)\d\d\b", re.IGNORECASE)

_LIST_MODES = frozenset({"faq", "specialties", "sources", "references", "publications", "web"})
_FAQ_HEADINGS = {"questions frequentes", "faq", "foire aux questions", "vos questions"}
_SPECIALTY_HEADINGS = {"specialites medicales concernees", "specialites medicales", "specialites concernees"}
_SOURCES_HEADINGS = {"sources et references", "sources"}
_REFERENCE_HEADINGS = {"references", "bibliographie", "references bibliographiques"}
_PUBLICATION_HEADINGS = {"publications scientifiques", "publications"}
_WEB_HEADINGS = {"ressources web", "liens utiles", "sites web"}


@dataclass
class Block:
    """A line of the raw text, then a paragraph or block of the article; ``number``: its first line."""

    number: int
    text: str
    markdown: str | None = None
    """A block already written as Markdown (a table, a list): never a heading, never escaped again."""
    heading: bool | None = None
    """Known to be a heading or not (from a page's HTML); None: guessed from the text."""
    items: list[str] | None = None
    """A list's items, read one by one where a list is no body text (references, FAQ)."""
    ordered: bool = False


def _is_heading(line: Block) -> bool:
    if line.heading is not None:
        return line.heading
    return line.markdown is None and _is_heading_like(line.text)


@dataclass(frozen=True)
class Dropped:
    """A line or block of the raw text left out of the article: where, what kind of debris, its text."""

    line: int | None
    kind: str
    text: str


@dataclass
class ImportResult:
    article: Article
    warnings: list[Problem] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    words_outside: int | None = None
    """For a saved page: the words of its text left out as not main content (menus, footers, comments)."""
    place: str = "l."
    """What a Dropped's number counts: 'l.' lines of copied text, 'bloc' blocks of a page's main content."""


def _utf16_encoding(raw: bytes) -> str | None:
    """'utf-16' for text with a byte order mark (Windows' 'Unicode'), 'utf-16-le'/'-be' for text
    whose every other byte is zero; None otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and 0 not in even:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and 0 not in odd:
        return "utf-16-be"
    return None


def decode(raw: bytes, source: str) -> tuple[str, list[Problem]]:
    """Bytes -> text (UTF-8, UTF-16, else Windows-1252 with a warning); binary is refused."""
    if len(raw) > MAX_SOURCE_BYTES:
        size = len(raw) / 1024 / 1024
        raise ContentError(source, None, f"fichier trop grand ({size:.1f} Mo, maximum 2 Mo)")
    if utf16 := _utf16_encoding(raw):
        try:
            return raw.decode(utf16), []
        except UnicodeDecodeError:
            raise ContentError(source, None, "texte illisible : UTF-16 abîmé") from None
    if b"\x00" in raw[:8192]:
        raise ContentError(source, None, "fichier binaire, pas du texte")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
    # Line by line: text pasted from two places mixes UTF-8 lines with Windows-1252 ones, and
    # reading the whole file as Windows-1252 would garble every accent of the UTF-8 lines.
    lines = raw.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    try:
        text = "\n".join(_decode_line(piece) for piece in lines)
    except UnicodeDecodeError:
        raise ContentError(source, line, "texte illisible : ni UTF-8 ni Windows-1252") from None
    return text, [Problem(source, line, "pas en UTF-8 : lu comme Windows-1252", "warning")]


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _normalized_lines(text: str) -> list[Block]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _tab_rows_to_pipes(text).replace("\t", " ").replace("\u00a0", " ").replace("\u200b", "")
    text = _CONTROL_CHARACTERS.sub("", text)
    return [Block(number, re.sub(r"\s+", " ", line).strip()) for number, line in enumerate(text.split("\n"), 1)]


_LIST_MARKER = re.compile(r"(\d{1,3}|[a-zA-Z])[.)]|[-•*–·o▪◦]")
"""A number or bullet that a word processor separates from its item by a tab: a list, not a table."""


def _tab_cells(line: str) -> list[str] | None:
    """The cells of a table row copied from a browser (separated by tabs), None for other lines."""
    cells = line.strip(" \r").split("\t")
    while cells and not cells[-1].strip():
        cells.pop()
    if len(cells) == 2 and _LIST_MARKER.fullmatch(cells[0].strip()):
        return None
    return [cell.strip() for cell in cells] if len(cells) >= 2 else None


def _tab_rows_to_pipes(text: str) -> str:
    """Two or more consecutive lines of tab-separated cells -> pipe rows ('| a | b |').

    A table copied from a browser's page comes as one line a row, its cells separated by tabs;
    the rows then go to the pipe-table step like those typed with pipes.
    """
    if "\t" not in text:
        return text
    lines = text.split("\n")
    cells = [_tab_cells(line) for line in lines]
    for index, row in enumerate(cells):
        in_run = (index > 0 and cells[index - 1] is not None) or (
            index + 1 < len(cells) and cells[index + 1] is not None
        )
        if row is not None and in_run:
            lines[index] = "| " + " | ".join(cell.replace("|", "/") for cell in row) + " |"
    return "\n".join(lines)


def _drop_debris(lines: list[Block], dropped: list[Dropped]) -> list[Block]:
    """Remove ads, share widgets, navigation, image captions and credits, and doubled headings.

    Blank lines are kept (as empty text): they tell where magazine paragraphs end. Every line
    removed is added to ``dropped``.
    """
    drop: dict[int, str] = {}
    filled = [index for index, line in enumerate(lines) if line.text and line.markdown is None]
    later_keys: Counter[str] = Counter()  # the lines below a 'Sommaire', to find its entries again
    at_top = True
    bulleted = False  # the links under 'À lire aussi' have bullets
    opener: str | None = None  # 'links' under 'À lire aussi', 'contents' under 'Sommaire', 'cookies'
    for position, index in enumerate(filled):
        text = lines[index].text
        if opener == "contents":
            later_keys[_heading_key(text)] -= 1
        if opener == "cookies" and debris.is_cookie_button(text):
            drop[index] = "cookies"
            continue
        if debris.is_cookie_banner(text):
            drop[index] = "cookies"
            opener = "cookies"
            continue
        if at_top and debris.is_bullet(text):
            drop[index] = "navigation"  # a menu or breadcrumb above the title
            continue
        at_top = False
        if opener == "links" and debris.is_bullet(text):
            drop[index] = "navigation"
            bulleted = True
            continue
        following = lines[filled[position + 1]].text if position + 1 < len(filled) else None
        if (  # a list of links copied without its bullets: titles one a line, up to a line of text
            opener == "links"
            and not bulleted
            and _is_heading_like(text)
            and (following is None or _is_heading_like(following))
        ):
            drop[index] = "navigation"
            continue
        if opener == "contents" and (debris.is_bullet(text) or later_keys[_heading_key(text)] > 0):
            drop[index] = "navigation"
            continue
        opener = None
        teaser = debris.TEASER_END.search(text)  # '… (...) Cliquez ici pour voir la suite' ending a paragraph
        if teaser and teaser.start() > 0:
            lines[index].text = text[: teaser.start()]
            dropped.append(Dropped(lines[index].number, "navigation", teaser.group().strip()))
            continue
        if kind := debris.debris_kind(text):
            drop[index] = kind
            if debris.is_contents_heading(text):
                opener = "contents"
                later_keys = Counter(_heading_key(lines[later].text) for later in filled[position + 1 :])
            elif debris.opens_link_list(text):
                opener, bulleted = "links", False
    kept = [index for index in filled if index not in drop]
    for position, index in enumerate(kept):
        text = lines[index].text
        previous = lines[kept[position - 1]].text if position > 0 else None
        following = lines[kept[position + 1]].text if position + 1 < len(kept) else None
        if debris.is_credit(text):
            drop[index] = "crédit photo"
            if previous is not None and debris.looks_like_caption(previous):
                drop[kept[position - 1]] = "légende"
        elif previous is not None and previous == following and _is_heading_like(previous) and text != previous:
            # A heading printed twice around its image caption: drop the caption and the copy.
            drop[index] = "légende"
            drop[kept[position + 1]] = "intertitre répété"
        elif debris.looks_like_caption(text) and (
            previous is None or debris.ends_sentence(previous) or _is_heading_like(previous)
        ):
            drop[index] = "légende"
    dropped += [Dropped(lines[i].number, kind, debris.strip_bullet(lines[i].text)) for i, kind in sorted(drop.items())]
    return [line for index, line in enumerate(lines) if index not in drop]


def _take_bylines(
    lines: list[Block], byline_lines: int, dropped: list[Dropped]
) -> tuple[list[Block], Byline, int | None]:
    """Remove the byline lines ('Publié le …', 'Par …', 'Mis à jour le …'), keeping their author and dates.

    A line that is only a date counts among the first ``byline_lines`` lines of text. Returns the
    lines left, the byline, and the number of its first line (None without a byline).
    """
    found = Byline()
    first: int | None = None
    kept: list[Block] = []
    position = 0
    for line in lines:
        if not line.text or line.markdown is not None:
            kept.append(line)
            continue
        position += 1
        byline = parse_byline(line.text)
        if byline is None or (position > byline_lines and not _BYLINE_KEYWORD.match(fold(line.text))):
            kept.append(line)
            continue
        found.author = found.author or byline.author
        found.published = found.published or byline.published
        found.updated = found.updated or byline.updated
        first = first or line.number
        dropped.append(Dropped(line.number, "signature", line.text))
    return kept, found, first


def _group_tables(lines: list[Block]) -> list[Block]:
    """Consecutive rows like 'Eczéma atopique | 15% des enfants |' (two or more) -> one Markdown table."""
    grouped: list[Block] = []
    run: list[Block] = []
    for line in [*lines, Block(0, "")]:
        if _TABLE_ROW.match(line.text) and ("|" in line.text.strip("|") or _TABLE_RULE.fullmatch(line.text)):
            run.append(line)
            continue
        if len(run) >= 2 and any(not _TABLE_RULE.fullmatch(row.text) for row in run):
            rows = [_table_cells(row.text) for row in run if not _TABLE_RULE.fullmatch(row.text)]
            grouped += table_blocks(run[0].number, rows)
        else:
            grouped += run
        run = []
        grouped.append(line)
    return grouped[:-1]


def table_blocks(number: int, rows: list[list[str]]) -> list[Block]:
    """Rows of plain-text cells (the first one the header) -> Markdown tables, one per
    ``MAX_TABLE_ROWS`` rows, the header repeated: the loader refuses a block past 500 lines."""
    header, body = rows[0], rows[1:] or [[]]
    blocks = []
    for start in range(0, len(body), MAX_TABLE_ROWS):
        chunk = [header, *body[start : start + MAX_TABLE_ROWS]]
        escaped = [[escape_inline(cell) for cell in row] for row in chunk if row]
        text = " ".join(" ".join(row) for row in chunk)
        blocks.append(Block(number, text, table_markdown(escaped), heading=False))
    return blocks


def _table_cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _mend_paragraphs(lines: list[Block], dropped: list[Dropped]) -> list[Block]:
    """One entry per paragraph; a sentence split across a blank line is joined again.

    The pieces of a paragraph are joined once at the end: joining them as they come took
    time growing with the square of the paragraph's length.
    """
    paragraphs: list[Block] = []
    pieces: list[list[str]] = []  # the lines of each paragraph
    length = 0  # of the last paragraph once joined
    blank_since_last = False
    for line in lines:
        if not line.text:
            blank_since_last = True
            continue
        previous = paragraphs[-1] if paragraphs else None
        continues = (
            previous is not None
            and line.markdown is None
            and previous.markdown is None
            and blank_since_last
            and line.text[0].islower()
            and not debris.ends_sentence(pieces[-1][-1])
            and not previous.text.startswith("- ")
        )
        if continues:
            pieces[-1].append(line.text)
            length += 1 + len(line.text)
        elif (
            previous is not None
            and line.markdown is None
            and len(line.text) == length
            and line.text == " ".join(pieces[-1])
            and _is_heading_like(line.text)
        ):
            dropped.append(Dropped(line.number, "intertitre répété", line.text))  # printed twice in a row
        else:
            paragraphs.append(Block(line.number, line.text, line.markdown))
            pieces.append([line.text])
            length = len(line.text)
        blank_since_last = False
    for paragraph, parts in zip(paragraphs, pieces, strict=True):
        paragraph.text = " ".join(parts)
    return paragraphs


def _is_heading_like(text: str) -> bool:
    if not text or len(text) > MAX_HEADING_LENGTH or len(text.split()) > MAX_HEADING_WORDS:
        return False
    if text.startswith(("-", "[", "•", "*", "«", '"')) or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith("?"):
        return True
    if text.endswith(("…", "...")):  # 'Et chez le nourrisson…'
        return len(text.split()) <= MAX_ELLIPSIS_HEADING_WORDS
    return not debris.ends_sentence(text) or text.endswith(")")


def _heading_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def parse_title(text: str) -> tuple[str, str | None, str]:
    """'Leucopénie : Guide Complet 2025 - ...' -> title, subtitle, short form for the slug."""
    short, separator, rest = text.partition(" : ")
    if not separator:
        short, separator, rest = text.partition(": ")
    if separator and rest and _SUBTITLE_HINT.search(rest):
        return short.strip(), rest.strip(), short.strip()
    return text.strip(), None, (short if separator else text).strip()


def _parse_french_date(day: str, month: str, year: str) -> date | None:
    month_number = _FRENCH_MONTHS.get(month.lower().rstrip("."))
    try:
        return date(int(year), month_number, int(day)) if month_number else None
    except ValueError:
        return None


def _markdown_block(line: Block) -> str:
    return line.markdown if line.markdown is not None else escape_paragraph(line.text)


class _Builder:
    """Reads paragraphs one by one into an Article; its mode is the block being read."""

    def __init__(self, article: Article, source: str) -> None:
        self.article = article
        self.source = source
        self.warnings: list[Problem] = []
        self.dropped: list[Dropped] = []
        self.followed: set[int] = set()
        """Sections with no text of their own but a heading right under them: a part and its subpart."""
        self.mode = "lead"
        self.lead: list[Block] = []
        self.sections: list[tuple[Block, list[Block]]] = []
        self.faq: dict[str, list[str]] = {}
        self.faq_order: list[str] = []
        self.current_question: str | None = None
        self.references: dict[int, str] = {}
        self.pending_web_title: tuple[str, str] | None = None
        self.web: list[WebResource] = []
        self.questions: dict[str, str] = {}
        self.answer_starts: dict[str, list[int]] = {}

    def ignore(self, line: Block, message: str) -> None:
        self.warnings.append(Problem(self.source, line.number, message, "warning"))
        self.dropped.append(Dropped(line.number, "ignoré", line.text))

    def feed(self, line: Block) -> None:
        text = line.text
        if line.markdown is not None and self.mode in ("lead", "section"):
            (self.sections[-1][1] if self.mode == "section" else self.lead).append(line)
            return
        if line.items is not None:
            for number, item in enumerate(line.items, 1):
                numbered = self.mode == "references" and line.ordered and not _REFERENCE_LINE.match(item)
                self.feed(Block(line.number, f"- [{number}] {item}" if numbered else f"- {item}", heading=False))
            return
        if disclaimer := _DISCLAIMER.match(text):
            self._flush_web()
            self.article.disclaimer = disclaimer.group(1).strip()
            self.mode = "after-disclaimer"
            return
        key = _heading_key(text)
        is_heading = _is_heading(line)
        if is_heading and self._switch_mode(key):
            return
        if line.heading and self.mode in _LIST_MODES and not (self.mode == "faq" and text.endswith("?")):
            self._flush_web()
            self.sections.append((line, []))  # a page's own heading ends the FAQ or a list of sources
            self.mode = "section"
            return
        if self.mode == "faq":
            self._feed_faq(line)
        elif self.mode == "specialties":
            self.article.specialties.append(debris.strip_bullet(text))
        elif self.mode == "references":
            self._feed_reference(line)
        elif self.mode == "publications":
            self._feed_publication(text)
        elif self.mode == "web":
            self._feed_web(line)
        elif self.mode == "sources":
            self.ignore(line, "ligne ignorée dans les sources")
        elif self.mode == "after-disclaimer":
            self.ignore(line, "texte après l'avertissement ignoré")
        elif is_heading and not text.startswith("- "):
            if self.mode == "section" and not self.sections[-1][1]:
                self.followed.add(len(self.sections) - 1)  # a heading right under it: kept, even empty
            self.sections.append((line, []))
            self.mode = "section"
        elif self.mode == "section":
            self.sections[-1][1].append(line)
        else:
            self.lead.append(line)

    def _switch_mode(self, key: str) -> bool:
        modes = (
            (_FAQ_HEADINGS, "faq"),
            (_SPECIALTY_HEADINGS, "specialties"),
            (_SOURCES_HEADINGS, "sources"),
            (_REFERENCE_HEADINGS, "references"),
            (_PUBLICATION_HEADINGS, "publications"),
            (_WEB_HEADINGS, "web"),
        )
        for keys, mode in modes:
            if key in keys:
                self._flush_web()
                self.mode = mode
                self.current_question = None
                return True
        return False

    def _feed_faq(self, line: Block) -> None:
        text = line.text
        glued = _GLUED_QUESTION.match(text)
        if text.endswith("?") and len(text) <= 300:
            question, answer = text, None
        elif glued and not text.startswith("- "):
            question, answer = glued.group(1), glued.group(2)
        elif self.current_question is None:
            if _is_heading_like(text):  # the FAQ is over: an ordinary section follows
                self.sections.append((line, []))
                self.mode = "section"
            else:
                self.ignore(line, "réponse sans question ignorée")
            return
        else:
            self.faq[self.current_question].append(text)
            return
        key = _heading_key(question)
        if key not in self.faq:
            self.faq_order.append(key)
            self.faq[key] = []
            self.questions[key] = question
            self.answer_starts[key] = []
        self.current_question = key
        self.answer_starts[key].append(len(self.faq[key]))
        if answer:
            self.faq[key].append(answer)

    def _feed_reference(self, line: Block) -> None:
        match = _REFERENCE_LINE.match(debris.strip_bullet(line.text))
        if match:
            number = int(match.group(1))
            if number in self.references:
                self.warnings.append(Problem(self.source, line.number, f"référence [{number}] en double", "warning"))
                if self.references[number] != match.group(2).strip():
                    self.dropped.append(Dropped(line.number, "référence en double", line.text))
            self.references.setdefault(number, match.group(2).strip())
        else:
            self.ignore(line, "référence sans numéro ignorée")

    def _feed_publication(self, text: str) -> None:
        text = debris.strip_bullet(text)
        match = _PUBLICATION_LINE.match(text)
        if match:
            self.article.publications.append(Publication(match.group(1), int(match.group(2))))
        else:
            self.article.publications.append(Publication(text, None))

    def _feed_web(self, line: Block) -> None:
        text = line.text
        title = _WEB_TITLE_LINE.match(debris.strip_bullet(text)) if text.startswith("- ") else None
        if title:
            self._flush_web()
            self.pending_web_title = (title.group(1), title.group(2).lower())
        elif self.pending_web_title:
            dated = _DATED_SNIPPET.match(text)
            when = _parse_french_date(*dated.groups()[:3]) if dated else None
            snippet = dated.group(4) if dated and when else text
            self.web.append(WebResource(*self.pending_web_title, when, snippet))
            self.pending_web_title = None
        else:
            self.ignore(line, "ligne des ressources web sans titre de page ignorée")

    def _flush_web(self) -> None:
        if self.pending_web_title:
            self.web.append(WebResource(*self.pending_web_title, None, ""))
            self.pending_web_title = None

    def finish(self) -> Article:
        self._flush_web()
        article = self.article
        article.lead = "\n\n".join(_markdown_block(line) for line in self.lead)
        taken: set[str] = {"questions-frequentes", "specialites", "references", "publications",
                           "ressources-web", "avertissement", "lead", "top"}  # fmt: skip
        for position, (heading_line, paragraphs) in enumerate(self.sections):
            if not paragraphs and position not in self.followed:
                self.warnings.append(
                    Problem(self.source, heading_line.number, f"section vide retirée : {heading_line.text}", "warning")
                )
                self.dropped.append(Dropped(heading_line.number, "intertitre sans texte", heading_line.text))
                continue
            anchor = unique_anchor(self._section_anchor(heading_line.text), taken)
            body = "\n\n".join(_markdown_block(line) for line in paragraphs)
            article.sections.append(Section(anchor, heading_line.text, body))
        for key in self.faq_order:
            answer = self._fuller_answer(key)
            question = self.questions[key]
            anchor = unique_anchor("faq-" + slugify(question, 50), taken)
            article.faq.append(FaqItem(anchor, question, answer))
        article.references = [Reference(number, text) for number, text in sorted(self.references.items())]
        article.web_resources = self.web
        return article

    def _section_anchor(self, heading: str) -> str:
        title_prefix = fold(self.article.title) + " :"
        if fold(heading).startswith(title_prefix):
            heading = heading[len(title_prefix) :]
        anchor = slugify(heading)
        # 'Marquer la date' must not give '#marquer-la-date': the viewer reads that as a bookmark button
        # ('Source non listée' neither: its second copy would be '#source-non-listee-2').
        return f"section-{anchor}" if f"{anchor}-".startswith(_LINK_PREFIXES) else anchor

    def _fuller_answer(self, key: str) -> str:
        """The FAQ may be printed twice: keep the longest of its answers."""
        paragraphs = self.faq[key]
        starts = self.answer_starts[key] + [len(paragraphs)]
        answers = [paragraphs[start:end] for start, end in itertools.pairwise(starts)]
        best = max(answers, key=lambda answer: sum(len(text) for text in answer))
        for answer in answers:
            if answer is not best and answer:
                self.dropped.append(Dropped(None, "réponse en double", " ".join(answer)))
        return "\n\n".join(escape_paragraph(text) for text in best)


def import_text(text: str, source: str) -> ImportResult:
    """Structure the raw text of one article; ``source`` names it in messages."""
    dropped: list[Dropped] = []
    lines = _group_tables(_normalized_lines(text))
    lines = _drop_debris(lines, dropped)
    lines, byline, byline_number = _take_bylines(lines, BYLINE_LINES, dropped)
    paragraphs = _mend_paragraphs(lines, dropped)
    if not paragraphs:
        raise ContentError(source, None, "fichier vide : aucun texte")
    paragraphs = _drop_site_name(paragraphs, byline, byline_number, dropped)
    title_line = paragraphs[0]
    if len(title_line.text) > 200:
        raise ContentError(source, title_line.number, "pas de titre : la première ligne est un paragraphe")
    title, subtitle, short_title = parse_title(title_line.text)
    article = Article(slug="", title=title, subtitle=subtitle, source_file=f"sources/{Path(source).name}")
    article.author, article.date, article.updated = byline.author, byline.published, byline.updated
    body = drop_repeated_title(title_line, paragraphs[1:], dropped)
    body = _drop_captions_among_headings(body, dropped)
    return build_article(article, short_title, title_line, body, source, dropped)


def _drop_site_name(
    paragraphs: list[Block], byline: Byline, byline_number: int | None, dropped: list[Dropped]
) -> list[Block]:
    """'Le blog santé de Marc' / 'Migraine : ce qui m'a aidé' / byline: the title is the line above the byline.

    Only short lines above a byline near the top count; the ones above the title are the site's name.
    A hospital's department ('Service de …', 'CHU de …') right above the byline is its author.
    """
    if byline_number is None:
        return paragraphs
    above = [line for line in paragraphs[: MAX_LINES_ABOVE_TITLE + 1] if line.number < byline_number]
    if not 2 <= len(above) <= MAX_LINES_ABOVE_TITLE or not all(_is_heading_like(line.text) for line in above):
        return paragraphs  # no byline right under the first lines
    rest = paragraphs[len(above) :]
    if byline.author is None and _ORGANIZATION.match(fold(above[-1].text)):
        # 'Asthme de l'adulte' / 'Service de pneumologie — CHU de …' / 'Mis à jour …': signed by a department.
        byline.author = above.pop().text
        dropped.append(Dropped(paragraphs[len(above)].number, "signature", byline.author))
    for line in above[:-1]:
        dropped.append(Dropped(line.number, "nom du site", line.text))
    return [above[-1], *rest]


def build_article(
    article: Article, short_title: str, title_line: Block, body: list[Block], source: str, dropped: list[Dropped]
) -> ImportResult:
    """Read the body paragraphs into ``article`` (slug from ``short_title``); ContentError if nothing is left."""
    article.slug = slugify(short_title, 50)
    if not article.slug:
        raise ContentError(source, title_line.number, f"titre sans lettres ni chiffres : {title_line.text!r}")
    builder = _Builder(article, source)
    for line in body:
        builder.feed(line)
    article = builder.finish()
    warnings = builder.warnings
    dropped += builder.dropped
    dropped.sort(key=lambda item: (item.line is None, item.line or 0))
    if not article.lead.strip() and not article.sections and not article.faq:
        message = "aucun texte à lire après le titre"
        if dropped:
            kinds = ", ".join(dict.fromkeys(item.kind for item in dropped))
            message += f" ({len(dropped)} ligne(s) ou bloc(s) écarté(s) : {kinds})"
        raise ContentError(source, title_line.number, message)
    if not article.sections and not article.faq:
        warnings.append(Problem(source, None, "aucun intertitre trouvé : tout le texte est dans le chapeau", "warning"))
    return ImportResult(article, warnings, dropped)


def drop_repeated_title(title: Block, body: list[Block], dropped: list[Dropped]) -> list[Block]:
    """'Angine' alone under 'Angine : Guide Complet 2025 …': the condition's name, not a section."""
    if not body or body[0].markdown is not None:
        return body
    first = body[0].text
    key = _heading_key(first)
    if (
        len(first.split()) <= MAX_REPEATED_TITLE_WORDS
        and not debris.ends_sentence(first)
        and key
        and _heading_key(title.text).startswith(key)
    ):
        dropped.append(Dropped(body[0].number, "titre répété", first))
        return body[1:]
    return body


def _drop_captions_among_headings(body: list[Block], dropped: list[Dropped]) -> list[Block]:
    """In a run of heading-like lines, the ones that read as a photo's caption are not headings.

    'Quand consulter ?' / 'Médecin examinant la gorge d'un enfant' / text: the caption goes, the
    heading stays. A run keeps at least one line.
    """
    drop: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*body, Block(0, "")]):
        if _is_heading(line) and not line.text.startswith("- "):
            run.append(index)
            continue
        if len(run) >= 2:
            captions = [position for position in run if debris.looks_like_french_caption(body[position].text)]
            if len(captions) < len(run):
                drop.update(captions)
        run = []
    for index in sorted(drop):
        dropped.append(Dropped(body[index].number, "légende", body[index].text))
    return [line for index, line in enumerate(body) if index not in drop]


def read_source(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a raw article file, at most ``limit`` bytes; ContentError (naming the file) otherwise."""
    source = path.name
    try:
        raw = read_limited(path, limit)
    except FileTooLargeError as error:
        size = f"{error.size / 1024 / 1024:.1f} Mo" if error.size is not None else f"plus de {limit // 1024 // 1024} Mo"
        raise ContentError(source, None, f"fichier trop grand ({size}, maximum {limit // 1024 // 1024} Mo)") from None
    except OSError as error:
        raise ContentError(source, None, f"lecture impossible : {error.strerror}") from None
    return raw


def import_bytes(raw: bytes, source: str) -> ImportResult:
    """Raw bytes of the file named ``source`` (copied text or a saved HTML page) -> ImportResult.

    Raises ContentError, naming ``source``, when they cannot be an article.
    """
    from .html_importer import import_html, looks_like_html, looks_like_web_archive  # trafilatura only for a page

    if looks_like_html(raw) or looks_like_web_archive(raw, source) or Path(source).suffix.lower() in HTML_SUFFIXES:
        return import_html(raw, source)
    text, warnings = decode(raw, source)
    result = import_text(text, source)
    result.warnings[:0] = warnings
    return result


def source_limit(path: Path) -> int:
    """The largest file ``read_source`` takes for this kind of source (by its name), in bytes."""
    from .html_importer import MAX_HTML_BYTES, MAX_WEB_ARCHIVE_BYTES, WEB_ARCHIVE_SUFFIXES

    suffix = path.suffix.lower()
    if suffix in WEB_ARCHIVE_SUFFIXES:
        return MAX_WEB_ARCHIVE_BYTES
    return MAX_HTML_BYTES if suffix in HTML_SUFFIXES else MAX_SOURCE_BYTES


def import_file(path: Path) -> ImportResult:
    """The article in the file at ``path`` (text or saved page); ContentError naming the file otherwise."""
    return import_bytes(read_source(path, source_limit(path)), path.name)
