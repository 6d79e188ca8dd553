"""What would show badly in the reader, found in an article's Markdown source.

The loader already reports what it cannot read (missing title, duplicate anchor,
unresolved citation); these checks look at the text for things the viewer shows
differently from what the author meant: HTML tags shown as text, images and
outside links that are never loaded, an article with nothing to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import debris
from .bylines import parse_byline
from .model import Article
from .problems import Problem, Severity

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")
# Each pattern stops at the next character that could start another match: linear time on any line.
_ADDRESS_END = r"(?:[^()]|\([^()]*\))*\)"  # the rest of '(address)', one level of parentheses inside
_IMAGE = re.compile(r"!\[[^\[\]]*\]\(" + _ADDRESS_END)
_LINK = re.compile(r"(?<!!)\[[^\[\]]+\]\((?!#)" + _ADDRESS_END + r"|<(?:https?|ftp|file|mailto):[^<>]*>")
_CODE_SPAN = re.compile(r"`[^`]*`")
MAX_HEADING_LENGTH = 160
_SHOWN_FIELDS = ("title", "subtitle", "author", "publisher")
"""The header's fields the reader shows."""


def _header_line(text: str, key: str) -> int | None:
    """The line of the header field ``key`` (the header ends at its first blank line)."""
    field = re.compile(rf"[ ]{{0,3}}{key}[ \t]*:", re.IGNORECASE)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() and number > 1:
            return None
        if field.match(line):
            return number
    return None


def _yaml_like(value: str) -> bool:
    """A value YAML would read as a list or a mapping, or with a bracket or quote it opens and never
    closes: shown here as written ('[Grippe, hiver]', '[Grippe', '"Grippe'). A title quoted whole
    ('"Je ne dors plus"') is a title."""
    if value[:1] and value[0] in "[{":
        closer = "]" if value[0] == "[" else "}"
        return value.endswith(closer) or value.count(value[0]) > value.count(closer)
    if value[:1] == '"':
        return value.count('"') % 2 == 1
    return value[:1] == "'" and value.count("'") == 1


def _body_lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines after the front matter, code spans blanked."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((index + 1 for index in range(1, len(lines)) if lines[index].strip() in ("---", "...")), 0)
    for number, line in enumerate(lines[start:], start + 1):
        yield number, _CODE_SPAN.sub("", line)


def _looks_like_debris(text: str) -> str | None:
    """What a title or heading looks like when it is no title: navigation, a cookie banner, a caption or a byline."""
    if kind := debris.debris_kind(text):
        return "de la navigation" if kind == "navigation" else f"un bloc de {kind}"
    if debris.is_cookie_banner(text):
        return "un bandeau de cookies"
    if parse_byline(text):
        return "une signature (auteur ou date)"
    if debris.looks_like_french_caption(text):
        return "une légende de photo"
    return None


def display_problems(file: str, text: str, article: Article) -> list[Problem]:
    problems: list[Problem] = []

    def report(line: int | None, message: str, severity: Severity = "error") -> None:
        problems.append(Problem(file, line, message, severity))

    for number, line in _body_lines(text):
        if (tag := _HTML_TAG.search(line)) and not line.lstrip().startswith("\\"):
            report(number, f"balise HTML {tag.group(0)[:40]!r} : elle serait affichée telle quelle, pas interprétée")
        if _IMAGE.search(line):
            report(number, "image : le lecteur n'affiche aucune image (rien n'est chargé hors des articles)")
        elif _LINK.search(line):
            report(number, "lien vers une adresse extérieure : affiché en texte, jamais ouvert", "warning")
    for key in _SHOWN_FIELDS:
        value = getattr(article, key)
        if value and _yaml_like(value):
            report(
                _header_line(text, key),
                f"« {key}: {value[:60]} » : l'en-tête n'est pas du YAML, la valeur s'affiche telle quelle, "
                "crochets et guillemets compris (écrivez-la sans eux)",
                "warning",
            )
    if not article.lead.strip() and not article.sections and not article.faq:
        report(None, "article vide : ni chapeau, ni section, ni question")
    lines = list(_body_lines(text))
    if look := _looks_like_debris(article.title):
        report(1, f"titre qui ressemble à {look} : « {article.title[:60]} »", "warning")
    for section in article.sections:
        if look := _looks_like_debris(section.heading):
            line = next((number for number, text in lines if f"{{#{section.anchor}}}" in text), None)
            report(line, f"intertitre qui ressemble à {look} : « {section.heading[:60]} »", "warning")
        if len(section.heading) > MAX_HEADING_LENGTH:
            length = len(section.heading)
            report(None, f"titre de section très long ({length} caractères) : « {section.heading[:50]}… »", "warning")
    return problems
