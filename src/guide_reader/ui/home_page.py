"""The library home: one card per article."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ..content.model import Article
from .widgets import plain_label, plain_tooltip

WORDS_PER_MINUTE = 200
LEAD_PREVIEW_CHARS = 220
CARD_MIN_CHARS = 24  # below this width (in average characters) the cards go into one column


def lead_preview(article: Article) -> str:
    """The first lines of the lead, without Markdown escapes or citations."""
    text = re.sub(r"\s*\[\d[\d,\s–-]*\]", "", article.lead).replace("\\", "")
    text = " ".join(text.split())
    if len(text) <= LEAD_PREVIEW_CHARS:
        return text
    return text[:LEAD_PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"


def reading_minutes(article: Article) -> int:
    return max(1, math.ceil(article.word_count() / WORDS_PER_MINUTE))


class ArticleCard(QFrame):
    """A focusable card; Enter, Space or a click opens the article."""

    activated = Signal(str)

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slug = article.slug
        self.setObjectName("articleCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        title = plain_label(article.title)
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        lead = plain_label(lead_preview(article))
        lead.setObjectName("cardLead")
        lead.setWordWrap(True)
        sections = len(article.sections)
        minutes = reading_minutes(article)
        details = QLabel(self.tr("%n section(s)", "", sections) + " · " + self.tr("%n min de lecture", "", minutes))
        details.setObjectName("cardDetails")
        details.setWordWrap(True)
        for label in (title, lead, details):
            # Wrapped more, never wider than the page (large text, a narrow screen).
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(lead)
        layout.addWidget(details)
        layout.addStretch(1)
        self.setAccessibleName(article.title)
        self.setAccessibleDescription(lead_preview(article))
        self.setToolTip(plain_tooltip(self.tr("Ouvrir « %1 »").replace("%1", article.title)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit(self.slug)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.slug)
            return
        super().keyPressEvent(event)


class HomePage(QScrollArea):
    article_chosen = Signal(str)

    def __init__(self, articles: list[Article], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        heading = QLabel(self.tr("Vos guides de santé"))
        heading.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "Tous les guides se lisent sans connexion. Choisissez un guide, ou cherchez un mot "
                "(Ctrl+K), par exemple « fièvre » ou « globules blancs »."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        heading.setWordWrap(True)
        for label in (heading, intro):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never wider than the page
        layout.addWidget(heading)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.grid = grid
        self.columns = 0
        self.cards: list[ArticleCard] = []
        for article in articles:
            card = ArticleCard(article)
            card.activated.connect(self.article_chosen)
            self.cards.append(card)
        self._arrange_cards()
        if not articles:
            empty = QLabel(self.tr("Aucun guide n'a pu être chargé. Vérifiez le dossier des articles."))
            empty.setWordWrap(True)
            grid.addWidget(empty, 0, 0)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(content)
        self.setAccessibleName(self.tr("Accueil : liste des guides"))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange_cards()

    def _arrange_cards(self) -> None:
        """Two columns of cards, or one where two would be narrower than CARD_MIN_CHARS characters
        (a portrait screen, large text): the page never scrolls sideways."""
        if not self.cards:
            return
        card_min = CARD_MIN_CHARS * self.cards[0].fontMetrics().averageCharWidth()
        available = self.viewport().width() - 64 - self.grid.spacing()
        columns = 2 if available >= 2 * card_min else 1
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for position, card in enumerate(self.cards):
            self.grid.addWidget(card, position // columns, position % columns)

    def focus_first_card(self) -> None:
        if self.cards:
            self.cards[0].setFocus(Qt.FocusReason.OtherFocusReason)
