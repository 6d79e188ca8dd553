"""Raw article text copied from a web page -> Article.

Two layouts are recognised without per-file rules: the long 'Guide Complet'
template (one paragraph a line, headings as bare short lines, FAQ, sources,
disclaimer) and the magazine layout (byline, blank-line paragraphs, headings
printed twice around an image caption). The steps, in order: decode, drop
debris, mend broken paragraphs, then read the structure.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..safe_files import FileTooLargeError, read_limited
from . import debris
from .anchors import BOOKMARK_PREFIX, FOLD_PREFIX, REFERENCE_PREFIX, UNRESOLVED_PREFIX
from .markdown_format import escape_paragraph
from .model import Article, FaqItem, Publication, Reference, Section, WebResource
from .problems import ContentError, Problem
from .text import fold, slugify, unique_anchor

MAX_SOURCE_BYTES = 2 * 1024 * 1024
MAX_HEADING_LENGTH = 120
MAX_HEADING_WORDS = 16

_FRENCH_MONTHS = {
    "janv": 1, "janvier": 1, "févr": 2, "fevr": 2, "février": 2, "mars": 3, "avr": 4,
    "avril": 4, "mai": 5, "juin": 6, "juil": 7, "juillet": 7, "août": 8, "aout": 8,
    "sept": 9, "septembre": 9, "oct": 10, "octobre": 10, "nov": 11, "novembre": 11,
    "déc": 12, "dec": 12, "décembre": 12,
}  # fmt: skip
_DATED_SNIPPET = re.compile(r"^(\d{1,2})\s+([a-zéû]+)\.?\s+(\d{4})\s+[—–-]\s+(.*)$", re.IGNORECASE)
_BYLINE_AUTHOR = re.compile(r"^(?:publié\s+par|par|rédigé\s+par|auteur\s*:)\s+(.+?)\s*$", re.IGNORECASE)
_BYLINE_DATE = re.compile(r"^(?:publié\s+)?(?:le\s+)?(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+à\s+\S+)?\s*$", re.IGNORECASE)
_GLUED_QUESTION = re.compile(r"^(.{8,300}?\?)\s*([A-ZÀ-Ý«\"].*)$")
_REFERENCE_LINE = re.compile(r"^\[(\d{1,4})\]\s*(.*?)\s*(?:Lien)?$")
_PUBLICATION_LINE = re.compile(r"^(.*?)\s*\((\d{4})\)\s*$")
_WEB_TITLE_LINE = re.compile(r"^(.*?)\s*\(([^()\s]+\.[a-z]{2,})\)\s*$", re.IGNORECASE)
_DISCLAIMER = re.compile(r"^avertissement\s*:\s*(.+)$", re.IGNORECASE)
_LINK_PREFIXES = (REFERENCE_PREFIX, UNRESOLVED_PREFIX, FOLD_PREFIX, BOOKMARK_PREFIX)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
"""Invisible control characters of a copied page (the whitespace ones become spaces): a NUL
made the written article a 'binary file' for the loader, STX/ETX vanished in Markdown."""
_SUBTITLE_HINT = re.compile(r"\bguide\b|\b(19|20)\d\d\b", re.IGNORECASE)

_FAQ_HEADINGS = {"questions frequentes", "faq", "foire aux questions", "vos questions"}
_SPECIALTY_HEADINGS = {"specialites medicales concernees", "specialites medicales", "specialites concernees"}
_SOURCES_HEADINGS = {"sources et references", "sources"}
_REFERENCE_HEADINGS = {"references", "bibliographie", "references bibliographiques"}
_PUBLICATION_HEADINGS = {"publications scientifiques", "publications"}
_WEB_HEADINGS = {"ressources web", "liens utiles", "sites web"}


@dataclass
class _Line:
    number: int
    text: str


@dataclass
class ImportResult:
    article: Article
    warnings: list[Problem] = field(default_factory=list)


def decode(raw: bytes, source: str) -> tuple[str, list[Problem]]:
    """Bytes -> text (UTF-8, else Windows-1252 with a warning); binary is refused."""
    if len(raw) > MAX_SOURCE_BYTES:
        size = len(raw) / 1024 / 1024
        raise ContentError(source, None, f"fichier trop grand ({size:.1f} Mo, maximum 2 Mo)")
    if b"\x00" in raw[:8192]:
        raise ContentError(source, None, "fichier binaire, pas du texte")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise ContentError(source, line, "texte illisible : ni UTF-8 ni Windows-1252") from None
        warning = Problem(source, line, "pas en UTF-8 : lu comme Windows-1252", "warning")
        return text, [warning]


def _normalized_lines(text: str) -> list[_Line]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\t", " ").replace("\u00a0", " ").replace("\u200b", "")
    text = _CONTROL_CHARACTERS.sub("", text)
    return [_Line(number, re.sub(r"\s+", " ", line).strip()) for number, line in enumerate(text.split("\n"), 1)]


def _drop_debris(lines: list[_Line]) -> list[_Line]:
    """Remove ads, share widgets, image captions and credits, and doubled headings.

    Blank lines are kept (as empty text): they tell where magazine paragraphs end.
    """
    kept = [line for line in lines if not debris.is_ad(line.text) and not debris.is_share_widget(line.text)]
    drop: set[int] = set()
    filled = [index for index, line in enumerate(kept) if line.text]
    for position, index in enumerate(filled):
        text = kept[index].text
        previous = kept[filled[position - 1]].text if position > 0 else None
        following = kept[filled[position + 1]].text if position + 1 < len(filled) else None
        if debris.is_credit(text):
            drop.add(index)
            if previous is not None and debris.looks_like_caption(previous):
                drop.add(filled[position - 1])
        elif previous is not None and previous == following and _is_heading_like(previous) and text != previous:
            # A heading printed twice around its image caption: drop the caption and the copy.
            drop.add(index)
            drop.add(filled[position + 1])
        elif debris.looks_like_caption(text) and (
            previous is None or debris.ends_sentence(previous) or _is_heading_like(previous)
        ):
            drop.add(index)
    return [line for index, line in enumerate(kept) if index not in drop]


def _mend_paragraphs(lines: list[_Line]) -> list[_Line]:
    """One entry per paragraph; a sentence split across a blank line is joined again.

    The pieces of a paragraph are joined once at the end: joining them as they come took
    time growing with the square of the paragraph's length.
    """
    paragraphs: list[_Line] = []
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
            and len(line.text) == length
            and line.text == " ".join(pieces[-1])
            and _is_heading_like(line.text)
        ):
            pass  # the same heading printed twice in a row
        else:
            paragraphs.append(_Line(line.number, line.text))
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
    return not debris.ends_sentence(text) or text.endswith(")")


def _heading_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def _parse_title(text: str) -> tuple[str, str | None, str]:
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


class _Builder:
    """Reads paragraphs one by one into an Article; its mode is the block being read."""

    def __init__(self, article: Article, source: str) -> None:
        self.article = article
        self.source = source
        self.warnings: list[Problem] = []
        self.mode = "lead"
        self.lead: list[str] = []
        self.sections: list[tuple[_Line, list[str]]] = []
        self.faq: dict[str, list[str]] = {}
        self.faq_order: list[str] = []
        self.current_question: str | None = None
        self.references: dict[int, str] = {}
        self.pending_web_title: tuple[str, str] | None = None
        self.web: list[WebResource] = []
        self.questions: dict[str, str] = {}
        self.answer_starts: dict[str, list[int]] = {}

    def feed(self, line: _Line) -> None:
        text = line.text
        if disclaimer := _DISCLAIMER.match(text):
            self._flush_web()
            self.article.disclaimer = disclaimer.group(1).strip()
            self.mode = "after-disclaimer"
            return
        key = _heading_key(text)
        if _is_heading_like(text) and self._switch_mode(key):
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
            self._feed_web(text)
        elif self.mode == "sources":
            self.warnings.append(Problem(self.source, line.number, "ligne ignorée dans les sources", "warning"))
        elif self.mode == "after-disclaimer":
            self.warnings.append(Problem(self.source, line.number, "texte après l'avertissement ignoré", "warning"))
        elif _is_heading_like(text) and not text.startswith("- "):
            self.sections.append((line, []))
            self.mode = "section"
        elif self.mode == "section":
            self.sections[-1][1].append(text)
        else:
            self.lead.append(text)

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

    def _feed_faq(self, line: _Line) -> None:
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
                self.warnings.append(Problem(self.source, line.number, "réponse sans question ignorée", "warning"))
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

    def _feed_reference(self, line: _Line) -> None:
        match = _REFERENCE_LINE.match(debris.strip_bullet(line.text))
        if match:
            number = int(match.group(1))
            if number in self.references:
                self.warnings.append(Problem(self.source, line.number, f"référence [{number}] en double", "warning"))
            self.references.setdefault(number, match.group(2).strip())
        else:
            self.warnings.append(Problem(self.source, line.number, "référence sans numéro ignorée", "warning"))

    def _feed_publication(self, text: str) -> None:
        text = debris.strip_bullet(text)
        match = _PUBLICATION_LINE.match(text)
        if match:
            self.article.publications.append(Publication(match.group(1), int(match.group(2))))
        else:
            self.article.publications.append(Publication(text, None))

    def _feed_web(self, text: str) -> None:
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

    def _flush_web(self) -> None:
        if self.pending_web_title:
            self.web.append(WebResource(*self.pending_web_title, None, ""))
            self.pending_web_title = None

    def finish(self) -> Article:
        self._flush_web()
        article = self.article
        article.lead = "\n\n".join(escape_paragraph(text) for text in self.lead)
        taken: set[str] = {"questions-frequentes", "specialites", "references", "publications",
                           "ressources-web", "avertissement", "lead", "top"}  # fmt: skip
        for heading_line, paragraphs in self.sections:
            if not paragraphs:
                self.warnings.append(
                    Problem(self.source, heading_line.number, f"section vide retirée : {heading_line.text}", "warning")
                )
                continue
            anchor = unique_anchor(self._section_anchor(heading_line.text), taken)
            body = "\n\n".join(escape_paragraph(text) for text in paragraphs)
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
        return "\n\n".join(escape_paragraph(text) for text in best)


def import_text(text: str, source: str) -> ImportResult:
    """Structure the raw text of one article; ``source`` names it in messages."""
    lines = _normalized_lines(text)
    lines = _drop_debris(lines)
    paragraphs = _mend_paragraphs(lines)
    if not paragraphs:
        raise ContentError(source, None, "fichier vide : aucun texte")
    title_line = paragraphs[0]
    if len(title_line.text) > 200:
        raise ContentError(source, title_line.number, "pas de titre : la première ligne est un paragraphe")
    title, subtitle, short_title = _parse_title(title_line.text)
    slug = slugify(short_title, 50)
    if not slug:
        raise ContentError(source, title_line.number, f"titre sans lettres ni chiffres : {title_line.text!r}")
    article = Article(slug=slug, title=title, subtitle=subtitle, source_file=f"sources/{Path(source).name}")
    body = paragraphs[1:]
    body = _read_byline(article, body)
    builder = _Builder(article, source)
    for line in body:
        builder.feed(line)
    article = builder.finish()
    warnings = builder.warnings
    if not article.lead.strip() and not article.sections and not article.faq:
        raise ContentError(source, title_line.number, "aucun texte à lire après le titre")
    if not article.sections and not article.faq:
        warnings.append(Problem(source, None, "aucun intertitre trouvé : tout le texte est dans le chapeau", "warning"))
    return ImportResult(article, warnings)


def _read_byline(article: Article, paragraphs: list[_Line]) -> list[_Line]:
    """'Publié par NAME' / 'le 12/03/2018' just under the title."""
    remaining = list(paragraphs)
    for _ in range(2):
        if not remaining:
            break
        text = remaining[0].text
        if (author := _BYLINE_AUTHOR.match(text)) and article.author is None:
            article.author = author.group(1)
        elif (when := _BYLINE_DATE.match(text)) and article.date is None:
            day, month, year = (int(part) for part in when.groups())
            try:
                article.date = date(year, month, day)
            except ValueError:
                break
        else:
            break
        remaining.pop(0)
    return remaining


def import_file(path: Path) -> ImportResult:
    source = path.name
    try:
        raw = read_limited(path, MAX_SOURCE_BYTES)
    except FileTooLargeError as error:
        size = f"{error.size / 1024 / 1024:.1f} Mo" if error.size is not None else "plus de 2 Mo"
        raise ContentError(source, None, f"fichier trop grand ({size}, maximum 2 Mo)") from None
    except OSError as error:
        raise ContentError(source, None, f"lecture impossible : {error.strerror}") from None
    text, warnings = decode(raw, source)
    result = import_text(text, source)
    result.warnings[:0] = warnings
    return result
