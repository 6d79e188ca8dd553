"""Search results: a list of items (model/view), each a section with its guide and a marked snippet.

A list view gives what a results page needs for the keyboard and for screen readers: arrow
keys move from result to result, Enter opens one, each result is an item with a spoken
name, and the count is announced when the results change.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QFontMetrics, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from .announce import announce
from .theme import Theme
from .widgets import plain_label

if TYPE_CHECKING:
    from ..search import SearchHit, SearchResults

KIND_LABELS = {
    "faq": QT_TRANSLATE_NOOP("SearchPage", "Question fréquente"),
    "reference": QT_TRANSLATE_NOOP("SearchPage", "Référence"),
    "publication": QT_TRANSLATE_NOOP("SearchPage", "Publication scientifique"),
    "web": QT_TRANSLATE_NOOP("SearchPage", "Ressource web"),
}
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
RESULTS_COLUMN = 90  # characters: the results list is no wider than this
_TAG = re.compile(r"<[^>]*>")


def snippet_text(snippet: str) -> str:
    """The words of an HTML-safe snippet, as a screen reader should say them."""
    return html.unescape(_TAG.sub("", snippet))


class SafeDocument(QTextDocument):
    """A text document that loads nothing (no image, no file, no address)."""

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt's name)
        return None


class ResultsModel(QAbstractListModel):
    """One row per hit: the display text is plain, ``HTML_ROLE`` is the marked-up item."""

    def __init__(self, page: SearchPage) -> None:
        super().__init__(page)
        self.page = page
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        kind = self.page.tr(KIND_LABELS[hit.kind]) if hit.kind in KIND_LABELS else ""
        heading = hit.section_heading + (f" · {kind}" if kind else "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{heading} — {hit.article_title} : {snippet_text(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return None
        if role == HTML_ROLE:
            return (
                f"<p><b>{html.escape(heading)}</b><br>"
                f'<span class="guide">{html.escape(hit.article_title)}</span><br>{hit.snippet}</p>'
            )
        if role == HIT_ROLE:
            return hit
        return None


class ResultDelegate(QStyledItemDelegate):
    """Draws an item's HTML (heading, guide, snippet with the searched words marked), wrapped."""

    MARGIN = 10  # px around each item's text

    def __init__(self, page: SearchPage) -> None:
        super().__init__(page)
        self.page = page

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, selected: bool = False) -> QTextDocument:
        theme = self.page.theme
        colour = theme.on_accent if selected else theme.text
        muted = theme.on_accent if selected else theme.muted
        document = SafeDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(self.MARGIN)
        document.setDefaultStyleSheet(
            f"p {{ color: {colour}; margin: 0; line-height: 140%; }} span.guide {{ color: {muted}; }}"
            f"b.match {{ background-color: {theme.match_background}; color: {theme.match_text}; }}"
        )
        document.setHtml(str(index.data(HTML_ROLE)))
        document.setTextWidth(max(80, option.rect.width() or self.page.view.viewport().width()))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        styled = QStyleOptionViewItem(option)
        styled.rect.setWidth(self.page.view.viewport().width())
        document = self._document(styled, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        selected = bool(styled.state & QStyle.StateFlag.State_Selected)
        styled.text = ""  # the frame and selection from the style; the text drawn below
        style = styled.widget.style() if styled.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, styled, painter, styled.widget)
        document = self._document(option, index, selected)
        painter.save()
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        context.palette.setColor(QPalette.ColorRole.Text, painter.pen().color())
        document.documentLayout().draw(painter, context)
        painter.restore()


class ResultsView(QListView):
    """The list of results; its items re-measure when the width changes (the text wraps).

    ``chosen``: a click, or Enter on the current item (not ``activated``, which some
    platforms also send on the double click that follows a click).
    """

    chosen = Signal(QModelIndex)

    def __init__(self) -> None:
        super().__init__()
        self.clicked.connect(self.chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.scheduleDelayedItemsLayout()


class SearchPage(QWidget):
    hit_chosen = Signal(object)  # SearchHit
    suggestion_chosen = Signal(str)

    def __init__(self, theme: Theme, text_size: int) -> None:
        super().__init__()
        self.theme = theme
        self.text_size = text_size
        self.results: SearchResults | None = None
        self.heading = plain_label()
        self.heading.setObjectName("resultsHeading")
        self.heading.setWordWrap(True)
        self.message = plain_label()
        self.message.setObjectName("pageIntro")
        self.message.setWordWrap(True)
        self.suggestion_button = QPushButton()
        self.suggestion_button.setProperty("flat", True)
        self.suggestion_button.clicked.connect(self._suggestion_clicked)
        self.model = ResultsModel(self)
        self.view = ResultsView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(ResultDelegate(self))
        self.view.setAccessibleName(self.tr("Résultats de la recherche"))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.chosen.connect(self._activated)
        self.column = QWidget()
        column = QVBoxLayout(self.column)
        column.setContentsMargins(16, 8, 16, 4)
        column.addWidget(self.suggestion_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.heading)
        column.addWidget(self.message)
        column.addWidget(self.view, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.column, 100)
        layout.addStretch(1)
        self._cap_width()

    @property
    def hits(self) -> list[SearchHit]:
        return self.model.hits

    # States --------------------------------------------------------------------

    def _show(self, heading: str, message: str = "", hits: list[SearchHit] | None = None) -> None:
        self.heading.setText(heading)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.model.set_hits(hits or [])
        self.view.setVisible(bool(hits))
        if hits:
            self.view.setCurrentIndex(self.model.index(0))
        announce(self.heading, heading if not message else f"{heading}. {message}")

    def show_hint(self) -> None:
        self.results = None
        self.suggestion_button.hide()
        self._show(
            self.tr("Chercher dans tous les guides"),
            self.tr("Tapez un mot ou une question, avec ou sans accents. Par exemple :")
            + " fièvre ; globules blancs bas ; est-ce contagieux",
        )

    def show_preparing(self, done: int = 0, total: int = 0) -> None:
        self.results = None
        self.suggestion_button.hide()
        progress = f" ({done} / {total})" if total else ""
        self._show(
            self.tr("Préparation de la recherche…") + progress,
            self.tr("Les résultats s'afficheront dès que l'index sera prêt."),
        )

    def show_unavailable(self, reason: str) -> None:
        self.results = None
        self.suggestion_button.hide()
        self._show(
            self.tr("La recherche est indisponible"),
            self.tr("Les guides restent lisibles depuis l'accueil. Détail : %1").replace("%1", reason),
        )

    def show_results(self, results: SearchResults) -> None:
        self.results = results
        if results.suggestion:
            self.suggestion_button.setText(
                self.tr("Vouliez-vous dire « %1 » ?").replace("%1", results.suggestion).replace("&", "&&")
            )
        self.suggestion_button.setVisible(bool(results.suggestion))
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
            self._show(self.tr("Aucun résultat pour « %1 »").replace("%1", results.query), advice)
            return
        hits = [hit for _slug, _title, group in results.groups() for hit in group]
        guides = len(results.groups())
        heading = self.tr("%Ln résultat(s)", "", results.total) + " · " + self.tr("%Ln guide(s)", "", guides)
        self._show(heading, "", hits)

    def plain_text(self) -> str:
        """Everything the page shows, as text (the suggestion, the heading, the message, each result)."""
        parts = [self.suggestion_button.text().replace("&&", "&")] if self.suggestion_button.isVisible() else []
        parts += [self.heading.text(), self.message.text()]
        parts += [str(self.model.data(self.model.index(row))) for row in range(self.model.rowCount())]
        return "\n".join(part for part in parts if part)

    # Preferences ---------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.view.viewport().update()

    def set_text_size(self, size: int) -> None:
        self.text_size = size
        self._cap_width()
        self.view.scheduleDelayedItemsLayout()

    def _cap_width(self) -> None:
        self.column.setMaximumWidth(round(QFontMetrics(self.font()).averageCharWidth() * RESULTS_COLUMN) + 48)

    def changeEvent(self, event: object) -> None:  # noqa: N802
        super().changeEvent(event)  # type: ignore[arg-type]
        self._cap_width()  # the program's text size changed the font

    # Choosing ------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_chosen.emit(hit)

    def _suggestion_clicked(self) -> None:
        if self.results and self.results.suggestion:
            self.suggestion_chosen.emit(self.results.suggestion)

    def open_hit_at(self, row: int) -> bool:
        if 0 <= row < self.model.rowCount():
            self._activated(self.model.index(row))
            return True
        return False

    def open_first_hit(self) -> bool:
        return self.open_hit_at(0)
