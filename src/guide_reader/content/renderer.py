"""Article -> the HTML the viewer shows (a subset Qt's QTextDocument renders).

Every section, FAQ item and reference gets an anchor (``<a name>`` for Qt,
``id`` for other viewers); citations link to their reference and each
reference lists the places that cite it. All article text is escaped: raw HTML
in an article shows as text, and nothing refers to an outside address.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date

from .anchors import BOOKMARK_PREFIX, FOLD_PREFIX, LISTEN_PREFIX
from .model import CITATION_PATTERN, Article, cited_numbers, is_when_to_see_doctor

FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip

DEFAULT_DISCLAIMER = (
    "Ces informations ne remplacent pas l'avis d'un médecin ou d'un autre professionnel de santé. "
    "En cas de doute ou de symptômes inquiétants, consultez ; en cas d'urgence, appelez le 15."
)

# Every text the renderer writes around an article's own text, by code, in French (the source
# language). The window passes them translated (ui/lower_texts.py); %1 stands for a value.
RENDERER_TEXTS: dict[str, str] = {
    "byline_author": "Par %1",
    "byline_date": "publié le %1",
    "byline_updated": "mis à jour le %1",
    "bookmark_add": "Marquer cette section",
    "bookmark_edit": "Signet enregistré : modifier la note",
    "faq": "Questions fréquentes",
    "answer_show": "Afficher la réponse",
    "answer_hide": "Masquer la réponse",
    "specialties": "Spécialités médicales concernées",
    "references": "Références",
    "cited_in": "Cité dans :",
    "introduction": "Introduction",
    "publications": "Publications scientifiques",
    "web_resources": "Ressources web",
    "disclaimer": "Avertissement :",
    "default_disclaimer": DEFAULT_DISCLAIMER,
    "listen": "Écouter cette section",
    "listen_label": "Écouter",
}

DEFAULT_STYLESHEET = """
body { font-family: sans-serif; line-height: 150%; }
h1 { font-size: 180%; margin-bottom: 4px; }
p.subtitle { font-size: 110%; margin-top: 0; }
p.byline { font-style: italic; }
p.lead { font-size: 115%; }
h2 { font-size: 140%; margin-top: 28px; }
h3.question { font-size: 115%; margin-top: 18px; margin-bottom: 4px; }
span.citation-unresolved { font-style: italic; }
p.cited-by { font-size: 90%; margin-top: 0; }
"""


def french_date(value: date) -> str:
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {FRENCH_MONTHS[value.month - 1]} {value.year}"


class ArticleRenderer:
    """Renders one article; keeps a Markdown instance set up for its references."""

    def __init__(
        self,
        article: Article,
        texts: Mapping[str, str] | None = None,
        format_date: Callable[[date], str] = french_date,
    ) -> None:
        """``texts``: ``RENDERER_TEXTS`` in the reader's language (French when None);
        ``format_date``: a date as the reader's language writes it."""
        from .markdown_ext import CitationExtension, article_markdown  # Markdown loads at first render

        self.article = article
        self.texts = {**RENDERER_TEXTS, **(texts or {})}
        self.format_date = format_date
        self.markdown = article_markdown(CitationExtension(ref.number for ref in article.references))
        self.bookmarked: Collection[str] | None = None
        self.listen = False

    def markdown_html(self, text: str) -> str:
        self.markdown.reset()
        try:
            return self.markdown.convert(text)
        except RecursionError:  # lists or quotes nested too deep for Python-Markdown: the text as it is
            self.markdown.reset()
            return "\n".join(
                f"<p>{html.escape(block, quote=False)}</p>" for block in text.split("\n\n") if block.strip()
            )

    def text(self, code: str, value: str = "") -> str:
        """The text ``code``, HTML-escaped, with ``value`` (escaped too) in place of %1."""
        return html.escape(self.texts[code], quote=False).replace("%1", html.escape(value, quote=False))

    def citing_places(self) -> dict[int, list[tuple[str, str]]]:
        """Reference number -> the (anchor, heading) of each section or FAQ item citing it."""
        places: dict[int, list[tuple[str, str]]] = {}
        sources: list[tuple[str, str, str]] = [("lead", self.texts["introduction"], self.article.lead)]
        sources += [(s.anchor, s.heading, s.body) for s in self.article.sections]
        sources += [(item.anchor, item.question, item.answer) for item in self.article.faq]
        for anchor, heading, text in sources:
            for match in CITATION_PATTERN.finditer(text):
                for number in cited_numbers(match.group(1)):
                    entries = places.setdefault(number, [])
                    if (anchor, heading) not in entries:
                        entries.append((anchor, heading))
        return places

    def render(
        self,
        stylesheet: str = DEFAULT_STYLESHEET,
        folded_faq: Collection[str] = (),
        bookmarked: Collection[str] | None = None,
        listen: bool = False,
    ) -> str:
        """The whole page; FAQ items whose anchor is in ``folded_faq`` show only their question.

        With ``bookmarked`` (the anchors already bookmarked), each section and question gets
        a bookmark button beside its heading: ☆ to add, ★ when it is bookmarked. With
        ``listen``, each section heading (and the questions' heading) gets an « Écouter » link.
        The texts of these controls are the renderer's ``texts`` (see ``RENDERER_TEXTS``).
        """
        self.bookmarked = bookmarked
        self.listen = listen
        parts = [
            "<!DOCTYPE html>",
            '<html lang="fr"><head><meta charset="utf-8">',
            f"<title>{html.escape(self.article.title)}</title>",
            f"<style>{stylesheet}</style></head><body>",
        ]
        parts += self._header()
        for section in self.article.sections:
            parts += self._section(section.anchor, section.heading, section.body)
        parts += self._faq(folded_faq)
        parts += self._sources()
        parts += self._disclaimer()
        parts.append("</body></html>")
        return "\n".join(parts)

    def _header(self) -> list[str]:
        article = self.article
        parts = [f'<a name="top"></a><h1 id="top">{html.escape(article.title)}</h1>']
        if article.subtitle:
            parts.append(f'<p class="subtitle">{html.escape(article.subtitle)}</p>')
        byline = []
        if article.author:
            byline.append(self.text("byline_author", article.author))
        if article.date:
            byline.append(self.text("byline_date", self.format_date(article.date)))
        if article.updated:
            byline.append(self.text("byline_updated", self.format_date(article.updated)))
        if byline:
            shown = ", ".join(byline)
            parts.append(f'<p class="byline">{shown[0].upper()}{shown[1:]}</p>')
        if article.lead:
            parts.append('<a name="lead"></a><div class="lead" id="lead">')
            parts.append(self.markdown_html(article.lead).replace("<p>", '<p class="lead">'))
            parts.append("</div>")
        return parts

    def _bookmark_button(self, anchor: str) -> str:
        if self.bookmarked is None:
            return ""
        marked = anchor in self.bookmarked
        symbol, code = ("★", "bookmark_edit") if marked else ("☆", "bookmark_add")
        href = html.escape(BOOKMARK_PREFIX + anchor, quote=True)
        title = html.escape(self.texts[code], quote=True)
        return f' <a class="bookmark" href="#{href}" title="{title}">{symbol}</a>'

    def _listen_button(self, anchor: str) -> str:
        if not self.listen:
            return ""
        href = html.escape(LISTEN_PREFIX + anchor, quote=True)
        title = html.escape(self.texts["listen"], quote=True)
        return (
            f' <a class="listen" href="#{href}" title="{title}">'
            f'<span style="font-size: small; font-weight: normal;">▶\u00a0{self.text("listen_label")}</span></a>'
        )

    def _section(self, anchor: str, heading: str, body: str) -> list[str]:
        anchor_attr = html.escape(anchor, quote=True)
        title = (
            f'<h2 id="{anchor_attr}"><a name="{anchor_attr}"></a>{html.escape(heading)}'
            f"{self._bookmark_button(anchor)}{self._listen_button(anchor)}</h2>"
        )
        content = self.markdown_html(body)
        if is_when_to_see_doctor(heading):
            return [
                '<table class="alert" width="100%" cellpadding="14" cellspacing="0"><tr><td class="alert">',
                title.replace("<h2 ", '<h2 class="alert" ').replace("</a>", "</a>⚠ ", 1),
                content,
                "</td></tr></table>",
            ]
        return [title, content]

    def _faq(self, folded: Collection[str]) -> list[str]:
        if not self.article.faq:
            return []
        parts = [
            f'<h2 id="questions-frequentes"><a name="questions-frequentes"></a>{self.text("faq")}'
            f"{self._listen_button('questions-frequentes')}</h2>"
        ]
        for item in self.article.faq:
            anchor = html.escape(item.anchor, quote=True)
            is_folded = item.anchor in folded
            marker, code = ("▸", "answer_show") if is_folded else ("▾", "answer_hide")
            action = html.escape(self.texts[code], quote=True)
            parts.append(
                f'<h3 class="question" id="{anchor}"><a name="{anchor}"></a>'
                f'<a class="question" href="#{FOLD_PREFIX}{anchor}" title="{action}">'
                f"{marker} {html.escape(item.question)}</a>{self._bookmark_button(item.anchor)}</h3>"
            )
            if not is_folded:
                parts.append(f'<div class="answer">{self.markdown_html(item.answer)}</div>')
        return parts

    def _sources(self) -> list[str]:
        article = self.article
        if not (article.references or article.publications or article.web_resources or article.specialties):
            return []
        parts: list[str] = []
        if article.specialties:
            parts.append(f'<h2 id="specialites"><a name="specialites"></a>{self.text("specialties")}</h2>')
            parts.append(_list(html.escape(name) for name in article.specialties))
        if article.references:
            parts.append(f'<h2 id="references"><a name="references"></a>{self.text("references")}</h2>')
            places = self.citing_places()
            for ref in article.references:
                parts.append(
                    f'<p class="reference" id="ref-{ref.number}"><a name="ref-{ref.number}"></a>'
                    f"<b>[{ref.number}]</b> {html.escape(ref.text)}</p>"
                )
                citing = places.get(ref.number, [])
                if citing:
                    links = ", ".join(
                        f'<a href="#{html.escape(anchor, quote=True)}">{html.escape(heading)}</a>'
                        for anchor, heading in citing
                    )
                    parts.append(f'<p class="cited-by">{self.text("cited_in")} {links}</p>')
        if article.publications:
            parts.append(f'<h2 id="publications"><a name="publications"></a>{self.text("publications")}</h2>')
            parts.append(
                _list(html.escape(pub.title) + (f" ({pub.year})" if pub.year else "") for pub in article.publications)
            )
        if article.web_resources:
            parts.append(f'<h2 id="ressources-web"><a name="ressources-web"></a>{self.text("web_resources")}</h2>')
            items = []
            for resource in article.web_resources:
                line = f"<b>{html.escape(resource.title)}</b>"
                if resource.site:
                    line += f' <span class="site">({html.escape(resource.site)})</span>'
                details = html.escape(resource.snippet)
                if resource.date:
                    details = f"{html.escape(self.format_date(resource.date))} — {details}"
                items.append(f"{line}<br>{details}" if details else line)
            parts.append(_list(items))
        return parts

    def _disclaimer(self) -> list[str]:
        """The article's own warning, or a general one: every article ends with it."""
        disclaimer = self.article.disclaimer or self.texts["default_disclaimer"]
        return [
            '<a name="avertissement"></a>',
            '<table class="disclaimer" width="100%" cellpadding="12" cellspacing="0"><tr><td class="disclaimer">',
            f"<p><b>{self.text('disclaimer')}</b> {html.escape(disclaimer, quote=False)}</p>",
            "</td></tr></table>",
        ]


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def render_article(
    article: Article,
    stylesheet: str = DEFAULT_STYLESHEET,
    folded_faq: Collection[str] = (),
    bookmarked: Collection[str] | None = None,
    listen: bool = False,
) -> str:
    return ArticleRenderer(article).render(stylesheet, folded_faq, bookmarked, listen)
