"""The sheet to bring to the doctor: bookmarked sections with their notes, as printable HTML."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from .model import Article
from .renderer import ArticleRenderer, french_date

SHEET_STYLESHEET = """
body { font-family: serif; color: #000000; }
h1 { font-size: 170%; margin-bottom: 0px; }
p.date { color: #333333; margin-top: 2px; }
h2 { font-size: 135%; margin-top: 22px; border-bottom: 1px solid #000000; }
h3 { font-size: 115%; margin-top: 14px; margin-bottom: 4px; }
table.note { background-color: #eeeeee; margin-bottom: 8px; }
p.missing { font-style: italic; }
a { color: #000000; text-decoration: none; }
p.footer { font-size: 85%; color: #333333; margin-top: 24px; }
"""


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


def sheet_html(entries: Sequence[SheetEntry], lookup: Callable[[str], Article | None], today: date) -> str:
    """Titled and dated; grouped by article; each place with its note, then its text."""
    parts = [
        f'<html lang="fr"><head><meta charset="utf-8"><style>{SHEET_STYLESHEET}</style></head><body>',
        "<h1>Mes questions pour le médecin</h1>",
        f'<p class="date">Préparé le {french_date(today)} avec Guide Reader</p>',
    ]
    if not entries:
        parts.append("<p>Aucun signet pour le moment.</p>")
    renderers: dict[str, ArticleRenderer] = {}
    current_slug = None
    for entry in entries:
        if entry.slug != current_slug:
            parts.append(f"<h2>{html.escape(entry.article_title)}</h2>")
            current_slug = entry.slug
        parts.append(f"<h3>{html.escape(entry.heading)}</h3>")
        if entry.note:
            note = html.escape(entry.note, quote=False).replace("\n", "<br>")
            parts.append(
                '<table class="note" width="100%" cellpadding="8" cellspacing="0"><tr><td>'
                f"<b>Ma note :</b> {note}</td></tr></table>"
            )
        article = lookup(entry.slug)
        body = _section_body(article, entry.anchor) if entry.available else None
        if body is None:
            parts.append('<p class="missing">Cette section n\'est plus disponible dans le guide.</p>')
            continue
        assert article is not None
        renderer = renderers.setdefault(entry.slug, ArticleRenderer(article))
        parts.append(renderer.markdown_html(body))
    parts.append(
        '<p class="footer">Ces informations ne remplacent pas un avis médical. '
        "Montrez cette feuille à votre médecin.</p></body></html>"
    )
    return "\n".join(parts)
