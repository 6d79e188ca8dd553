"""Search results, grouped by article, with marked snippets."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QUrl, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .article_view import ArticleView
from .theme import Theme

if TYPE_CHECKING:
    from ..search import SearchHit, SearchResults

KIND_LABELS = {
    "faq": QT_TRANSLATE_NOOP("SearchPage", "Question fréquente"),
    "reference": QT_TRANSLATE_NOOP("SearchPage", "Référence"),
    "publication": QT_TRANSLATE_NOOP("SearchPage", "Publication scientifique"),
    "web": QT_TRANSLATE_NOOP("SearchPage", "Ressource web"),
}


class SearchPage(QWidget):
    hit_chosen = Signal(object)  # SearchHit
    suggestion_chosen = Signal(str)

    def __init__(self, theme: Theme, text_size: int) -> None:
        super().__init__()
        self.theme = theme
        self.text_size = text_size
        self.results: SearchResults | None = None
        self.hits: list[SearchHit] = []
        self.view = ArticleView()  # like an article: never loads a resource, never follows a link itself
        self.view.setAccessibleName(self.tr("Résultats de la recherche"))
        self.view.anchorClicked.connect(self._link_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._html = ""

    # States --------------------------------------------------------------------

    def show_hint(self) -> None:
        self.results, self.hits = None, []
        self._set_body(
            "<h2>{}</h2><p>{}</p><ul><li>fièvre</li><li>globules blancs bas</li><li>est-ce contagieux</li></ul>".format(
                html.escape(self.tr("Chercher dans tous les guides")),
                html.escape(self.tr("Tapez un mot ou une question, avec ou sans accents. Par exemple :")),
            )
        )

    def show_preparing(self, done: int = 0, total: int = 0) -> None:
        self.results, self.hits = None, []
        progress = f" ({done} / {total})" if total else ""
        self._set_body(
            "<h2>{}</h2><p>{}</p>".format(
                html.escape(self.tr("Préparation de la recherche…") + progress),
                html.escape(self.tr("Les résultats s'afficheront dès que l'index sera prêt.")),
            )
        )

    def show_unavailable(self, reason: str) -> None:
        self.results, self.hits = None, []
        self._set_body(
            "<h2>{}</h2><p>{}</p>".format(
                html.escape(self.tr("La recherche est indisponible")),
                html.escape(self.tr("Les guides restent lisibles depuis l'accueil. Détail : %1").replace("%1", reason)),
            )
        )

    def show_results(self, results: SearchResults) -> None:
        self.results = results
        self.hits = []
        parts: list[str] = []
        if results.suggestion:
            parts.append(
                '<p class="suggestion">{} <a href="#suggestion">{}</a> ?</p>'.format(
                    html.escape(self.tr("Vouliez-vous dire")), html.escape(results.suggestion)
                )
            )
        if not results.hits:
            advice = (
                self.tr(
                    "Ces mots sont trop courants pour être cherchés dans le texte : ils ne le sont que dans les "
                    "titres, intertitres et questions. Ajoutez un mot plus précis, ou choisissez une des "
                    "propositions sous le champ de recherche."
                )
                if results.common_words
                else self.tr(
                    "Essayez un mot plus simple ou plus courant, vérifiez l'orthographe, "
                    "ou retournez à l'accueil pour parcourir les guides."
                )
            )
            parts.append(
                "<h2>{}</h2><p>{}</p>".format(
                    html.escape(self.tr("Aucun résultat pour « %1 »").replace("%1", results.query)),
                    html.escape(advice),
                )
            )
        else:
            count = self.tr("%n résultat(s)", "", results.total)
            parts.append(f'<p class="count">{html.escape(count)}</p>')
        for _slug, title, hits in results.groups():
            parts.append(f"<h2>{html.escape(title)}</h2>")
            for hit in hits:
                index = len(self.hits)
                self.hits.append(hit)
                kind = KIND_LABELS.get(hit.kind, "")
                kind_html = f' <span class="kind">· {html.escape(self.tr(kind))}</span>' if kind else ""
                parts.append(
                    f'<p class="hit"><a href="#hit-{index}"><b>{html.escape(hit.section_heading)}</b></a>'
                    f"{kind_html}<br>{hit.snippet}</p>"
                )
        self._set_body("\n".join(parts))

    def _set_body(self, body: str) -> None:
        self._html = body
        self._apply()

    def _apply(self) -> None:
        theme = self.theme
        css = f"""
body {{ color: {theme.text}; background-color: {theme.background}; }}
a {{ color: {theme.link}; }}
h2 {{ font-size: 125%; margin-top: 20px; }}
p.hit {{ margin-left: 12px; margin-bottom: 14px; line-height: 145%; }}
span.kind, p.count {{ color: {theme.muted}; }}
b.match {{ background-color: {theme.match_background}; color: {theme.match_text}; }}
p.suggestion {{ font-size: 115%; }}
"""
        font = self.view.document().defaultFont()
        font.setPointSize(self.text_size)
        self.view.document().setDefaultFont(font)
        self.view.setHtml(f"<html><head><style>{css}</style></head><body>{self._html}</body></html>")

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._apply()

    def set_text_size(self, size: int) -> None:
        self.text_size = size
        self._apply()

    def _link_clicked(self, url: QUrl) -> None:
        name = url.fragment()
        if name == "suggestion" and self.results and self.results.suggestion:
            self.suggestion_chosen.emit(self.results.suggestion)
        elif name.startswith("hit-") and name[4:].isdigit() and int(name[4:]) < len(self.hits):
            self.hit_chosen.emit(self.hits[int(name[4:])])

    def open_first_hit(self) -> bool:
        if self.hits:
            self.hit_chosen.emit(self.hits[0])
            return True
        return False
