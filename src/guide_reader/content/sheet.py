"""The sheet to bring to the doctor, as printable HTML: read in a minute.

Page 1 lists the reader's notes and questions, each with the section it is about, then the
guides they come from (title, source, dates). The sections' texts follow on their own pages
only when asked, without the citation marks the guide does not list.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .model import CITATION_PATTERN, Article, cited_numbers
from .renderer import ArticleRenderer, french_date

SHEET_STYLESHEET = """
body { font-family: serif; color: #000000; }
h1 { font-size: 170%; margin-bottom: 0px; }
p.date { color: #333333; margin-top: 2px; }
h2 { font-size: 135%; margin-top: 22px; border-bottom: 1px solid #000000; }
h2.texts { page-break-before: always; }
h3 { font-size: 120%; margin-top: 16px; margin-bottom: 4px; }
h4 { font-size: 110%; margin-top: 14px; margin-bottom: 4px; }
li { margin-bottom: 10px; }
span.guide, p.source, p.references { color: #333333; }
p.references { font-size: 90%; }
p.missing { font-style: italic; }
a { color: #000000; text-decoration: none; }
p.footer { font-size: 85%; color: #333333; margin-top: 24px; }
"""

# Every text of the sheet, by code, in French (the window passes them translated: ui/lower_texts.py).
SHEET_TEXTS: dict[str, str] = {
    "title": "Mes questions pour le médecin",
    "prepared": "Préparé le %1 avec Guide Reader",
    "empty": "Aucun signet pour le moment.",
    "notes": "Mes notes et questions",
    "no_note": "(sans note)",
    "missing": "Cette section n'est plus disponible dans le guide.",
    "guides": "D'où viennent ces informations",
    "source": "Source : %1",
    "source_unknown": "source non indiquée",
    "published": "publié le %1",
    "published_unknown": "date de publication inconnue",
    "updated": "mis à jour le %1",
    "updated_unknown": "date de mise à jour inconnue",
    "texts": "Texte des sections",
    "references": "Références citées :",
    "footer": "Ces informations ne remplacent pas un avis médical. Montrez cette feuille à votre médecin.",
}


_SPACED_CITATION = re.compile(r"[ \u00a0]*" + CITATION_PATTERN.pattern)


@dataclass(frozen=True)
class SheetEntry:
    """One bookmarked place, as it stands now in the content."""

    slug: str
    article_title: str
    anchor: str
    heading: str
    note: str
    available: bool


def _section_body(article: Article | None, anchor: str) -> str | None:
    if article is None:
        return None
    for section in article.sections:
        if section.anchor == anchor:
            return section.body
    for item in article.faq:
        if item.anchor == anchor:
            return item.answer
    return None


def without_unresolved_citations(text: str, listed: set[int]) -> str:
    """``text`` (Markdown) with each citation mark cut down to the numbers in ``listed`` (gone if none)."""

    def keep(match: re.Match[str]) -> str:
        numbers = [number for number in cited_numbers(match.group(1)) if number in listed]
        if not numbers:
            return ""  # with the spaces before it: "globules [17]." reads "globules."
        spaces = match.group(0)[: match.group(0).index("[")]
        return f"{spaces}[{','.join(str(number) for number in numbers)}]"

    return _SPACED_CITATION.sub(keep, text)


class _Sheet:
    def __init__(self, texts: Mapping[str, str] | None, format_date: Callable[[date], str]) -> None:
        self.texts = {**SHEET_TEXTS, **(texts or {})}
        self.format_date = format_date

    def text(self, code: str, value: str = "") -> str:
        return html.escape(self.texts[code], quote=False).replace("%1", html.escape(value, quote=False))

    def source_line(self, article: Article) -> str:
        source = article.publisher or article.author
        parts = [
            self.text("source", source) if source else self.text("source", self.texts["source_unknown"]),
            self.text("published", self.format_date(article.date)) if article.date else self.text("published_unknown"),
            self.text("updated", self.format_date(article.updated))
            if article.updated
            else self.text("updated_unknown"),
        ]
        return " · ".join(parts)


def sheet_html(
    entries: Sequence[SheetEntry],
    lookup: Callable[[str], Article | None],
    today: date,
    with_texts: bool = False,
    texts: Mapping[str, str] | None = None,
    format_date: Callable[[date], str] = french_date,
) -> str:
    """The sheet: notes with their sections, then the guides' sources; with ``with_texts``, the sections' texts.

    ``texts``: ``SHEET_TEXTS`` in the reader's language (French when None).
    """
    sheet = _Sheet(texts, format_date)
    parts = [
        f'<html lang="fr"><head><meta charset="utf-8"><style>{SHEET_STYLESHEET}</style></head><body>',
        f"<h1>{sheet.text('title')}</h1>",
        f'<p class="date">{sheet.text("prepared", format_date(today))}</p>',
    ]
    if not entries:
        parts.append(f"<p>{sheet.text('empty')}</p>")
    else:
        parts.append(f"<h2>{sheet.text('notes')}</h2><ol>")
        for entry in entries:
            note = html.escape(entry.note, quote=False).replace("\n", "<br>") if entry.note else sheet.text("no_note")
            missing = "" if entry.available else f" <em>({sheet.text('missing')})</em>"
            parts.append(
                f'<li><b>{html.escape(entry.heading)}</b> — <span class="guide">{html.escape(entry.article_title)}'
                f"</span>{missing}<br>{note}</li>"
            )
        parts.append("</ol>")
        parts.append(f"<h2>{sheet.text('guides')}</h2><ul>")
        for slug in dict.fromkeys(entry.slug for entry in entries):
            article = lookup(slug)
            title = article.title if article else next(e.article_title for e in entries if e.slug == slug)
            line = sheet.source_line(article) if article else sheet.text("missing")
            parts.append(f"<li><b>{html.escape(title)}</b><br>{line}</li>")
        parts.append("</ul>")
    if with_texts and entries:
        parts += _texts(sheet, entries, lookup)
    parts.append(f'<p class="footer">{sheet.text("footer")}</p></body></html>')
    return "\n".join(parts)


def _texts(sheet: _Sheet, entries: Sequence[SheetEntry], lookup: Callable[[str], Article | None]) -> list[str]:
    parts = [f'<h2 class="texts">{sheet.text("texts")}</h2>']
    renderers: dict[str, ArticleRenderer] = {}
    current_slug = None
    for entry in entries:
        if entry.slug != current_slug:
            parts.append(f"<h3>{html.escape(entry.article_title)}</h3>")
            current_slug = entry.slug
        parts.append(f"<h4>{html.escape(entry.heading)}</h4>")
        article = lookup(entry.slug)
        body = _section_body(article, entry.anchor) if entry.available else None
        if body is None or article is None:
            parts.append(f'<p class="missing">{sheet.text("missing")}</p>')
            continue
        listed = {reference.number for reference in article.references}
        body = without_unresolved_citations(body, listed)
        renderer = renderers.setdefault(entry.slug, ArticleRenderer(article))
        parts.append(renderer.markdown_html(body))
        cited = sorted({n for m in CITATION_PATTERN.finditer(body) for n in cited_numbers(m.group(1)) if n in listed})
        if cited:
            references = "<br>".join(
                f"[{number}] {html.escape(article.reference(number).text)}"  # type: ignore[union-attr]
                for number in cited
            )
            parts.append(f'<p class="references">{sheet.text("references")}<br>{references}</p>')
    return parts
