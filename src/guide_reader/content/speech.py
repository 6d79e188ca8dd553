"""What is read aloud: an article cut into utterances (headings and sentences), ready to speak.

Each :class:`Utterance` keeps the text as the reader sees it (``shown``, to highlight it in the
page) and the text the voice says (``said``): citation marks such as ``[13,14]`` left out,
number ranges and powers of ten spelt out, and the pronunciation rules of
``content/pronunciation.txt`` applied. What a listener does not need is not read: references,
publications, web resources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .markdown_format import DISCLAIMER_ANCHOR, FAQ_ANCHOR
from .model import CITATION_PATTERN, Article
from .pronunciation import Pronunciation
from .renderer import DEFAULT_DISCLAIMER, is_when_to_see_doctor

EMERGENCY_SENTENCE = "En cas d'urgence, appelez le 15, le SAMU, ou le 112, le numéro d'urgence européen."
"""Said after « Quand consulter un médecin ? » when it is listened to from the top of a guide."""

FAQ_HEADING = "Questions fréquentes"
DISCLAIMER_HEADING = "Avertissement"

# Pauses after an utterance, in milliseconds: a heading stands apart, a paragraph ends.
PAUSE_AFTER_HEADING = 600
PAUSE_AFTER_PARAGRAPH = 450
PAUSE_AFTER_SENTENCE = 150


class Kind(Enum):
    HEADING = "heading"
    SENTENCE = "sentence"


@dataclass(frozen=True)
class Utterance:
    shown: str
    """The text as it is shown in the page (Markdown marks removed, citations kept)."""
    said: str
    """What the voice says."""
    kind: Kind
    anchor: str
    """The section (or FAQ question) the utterance belongs to; 'top' for the title and the lead."""
    pause_after: int
    """Silence after it, in milliseconds."""


# Inline Markdown ---------------------------------------------------------------------------

_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]*|[^>\s@]+@[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_BLOCK_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)")
_ATTRIBUTES = re.compile(r"\s*\{[#.][^}\n]*\}\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")


def plain_text(markdown_line: str) -> str:
    """One line of Markdown as the page shows it: no emphasis marks, links as their text."""
    text = _BLOCK_MARK.sub("", markdown_line)
    text = _ATTRIBUTES.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.replace("|", " ").split())


def paragraphs(markdown: str) -> list[str]:
    """The blocks of a Markdown body as plain text: a paragraph, or each item of a list."""
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", markdown):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        items: list[list[str]] = []
        for line in lines:
            if set(line.strip()) <= set("|-: "):  # a table's rule line
                continue
            if not items or _BLOCK_MARK.match(line):
                items.append([])
            items[-1].append(line.strip())
        blocks += [plain_text(" ".join(item)) for item in items]
    return [block for block in blocks if block]


# Sentences ---------------------------------------------------------------------------------

ABBREVIATIONS = frozenset(
    {"dr", "pr", "m", "mm", "mme", "mlle", "me", "st", "ste", "etc", "cf", "p", "ex", "env", "vs", "no", "fig", "vol"}
)
"""Words a full stop follows without ending the sentence (compared in lower case)."""

_BOUNDARY = re.compile(r"[.!?…]+(?:\s?[»\")\]])*\s+(?=[«\"(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])")


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut into sentences, at . ! ? or … followed by a capital or a digit.

    A full stop after an abbreviation (« Dr. », « etc. ») or a single capital (an initial) does
    not end a sentence.
    """
    parts: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        if match.group(0).startswith("."):
            word = re.search(r"(\w+)$", paragraph[start : match.start()])
            if word and (word.group(1).lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
        parts.append(paragraph[start : match.end()].strip())
        start = match.end()
    parts.append(paragraph[start:].strip())
    return [part for part in parts if part]


# What is said --------------------------------------------------------------------------------

_CITATION = re.compile(r"\s*" + CITATION_PATTERN.pattern)
_RANGE = re.compile(r"(?<![\w,.])(\d+(?:,\d+)?)\s?[-–]\s?(\d+(?:,\d+)?)(?![\w-])")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_POWER = re.compile(r"(\d)\s?([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_UNSPOKEN = re.compile(r"[⚠★☆▶▸▾•·*_#|]")


def said_text(shown: str, pronunciation: Pronunciation) -> str:
    """What the voice says for a shown text: citations out, rules applied, ranges and powers spelt out."""
    text = _CITATION.sub("", shown)
    text = pronunciation.apply(text)
    text = _POWER.sub(lambda match: f"{match.group(1)} puissance {_power(match.group(2))}", text)
    text = _RANGE.sub(r"\1 à \2", text)
    text = _UNSPOKEN.sub(" ", text)
    text = " ".join(text.split())
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([,.…)])", r"\1", text))


def _power(superscript: str) -> str:
    digits = superscript.translate(_SUPERSCRIPT_DIGITS)
    return f"moins {digits[1:]}" if digits.startswith("-") else digits


# An article --------------------------------------------------------------------------------


class _Builder:
    def __init__(self, pronunciation: Pronunciation) -> None:
        self.pronunciation = pronunciation
        self.utterances: list[Utterance] = []

    def heading(self, text: str, anchor: str) -> None:
        shown = plain_text(text)
        said = said_text(shown, self.pronunciation)
        if said:
            self.utterances.append(Utterance(shown, said, Kind.HEADING, anchor, PAUSE_AFTER_HEADING))

    def body(self, markdown: str, anchor: str) -> None:
        for paragraph in paragraphs(markdown):
            spoken = [(shown, said_text(shown, self.pronunciation)) for shown in sentences(paragraph)]
            spoken = [(shown, said) for shown, said in spoken if said.strip(" .,;:!?…-–")]
            for number, (shown, said) in enumerate(spoken, 1):
                pause = PAUSE_AFTER_PARAGRAPH if number == len(spoken) else PAUSE_AFTER_SENTENCE
                self.utterances.append(Utterance(shown, said, Kind.SENTENCE, anchor, pause))


def article_utterances(article: Article, pronunciation: Pronunciation, anchor: str = "") -> list[Utterance]:
    """What is read from ``anchor`` on: the whole article for '' or 'top', one part of it else.

    The whole article is its title, lead, sections, questions with their answers, and the
    closing warning. Every other anchor an utterance of the whole article carries reads that
    part only: a section, a question, the questions' heading (with every question), the
    warning (``avertissement``). Any other anchor gives an empty list.
    """
    builder = _Builder(pronunciation)
    builder.heading(article.title, "top")
    builder.body(article.lead, "top")
    for section in article.sections:
        builder.heading(section.heading, section.anchor)
        builder.body(section.body, section.anchor)
    if article.faq:
        builder.heading(FAQ_HEADING, FAQ_ANCHOR)
        for item in article.faq:
            builder.heading(item.question, item.anchor)
            builder.body(item.answer, item.anchor)
    builder.heading(DISCLAIMER_HEADING, DISCLAIMER_ANCHOR)
    builder.body(article.disclaimer or DEFAULT_DISCLAIMER, DISCLAIMER_ANCHOR)
    whole = builder.utterances
    if anchor in ("", "top", "lead"):
        return whole
    if anchor == FAQ_ANCHOR:
        questions = {item.anchor for item in article.faq}
        return [utterance for utterance in whole if utterance.anchor == FAQ_ANCHOR or utterance.anchor in questions]
    return [utterance for utterance in whole if utterance.anchor == anchor]


def when_to_see_doctor_utterances(article: Article, pronunciation: Pronunciation) -> list[Utterance]:
    """« Quand consulter un médecin ? » (every section so titled), then the emergency numbers.

    A guide without such a section still gives the emergency numbers.
    """
    builder = _Builder(pronunciation)
    for section in article.sections:
        if is_when_to_see_doctor(section.heading):
            builder.heading(section.heading, section.anchor)
            builder.body(section.body, section.anchor)
    builder.body(EMERGENCY_SENTENCE, "")
    return builder.utterances
