"""An article: table of contents beside the text, citations, FAQ folding, find."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..content import markdown_format as fmt
from ..content.anchors import BOOKMARK_PREFIX, FOLD_PREFIX, LISTEN_PREFIX, REFERENCE_PREFIX, UNRESOLVED_PREFIX
from ..content.model import Article
from ..content.renderer import ArticleRenderer, is_when_to_see_doctor
from .article_view import ArticleView, Span
from .find_bar import FindBar
from .lower_texts import interface_date, renderer_texts
from .read_aloud import ReadAloudBar
from .reference_panel import ReferencePanel
from .theme import Theme, document_css
from .widgets import plain_label, plain_tooltip

Highlighter = Callable[[str, str], list[Span]]
SEARCH_KIND = "search"
ANCHOR_ROLE = Qt.ItemDataRole.UserRole
NARROW_WIDTH = 760  # px: below this the contents panel starts folded away
CONTENTS_WIDTH = 320  # px: the contents panel's width when shown (the reader can drag it)


class ReflowRow(QWidget):
    """A button and a wrapping label side by side; one above the other when the row is too narrow for both
    (a portrait screen, large text): the button keeps its whole label, the label its reading width."""

    LABEL_WIDTH_EM = 16
    """The label goes below the button when less than this many average characters' width is left for it."""

    def __init__(self, button: QWidget, label: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button, self.label = button, label
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(6, 2, 6, 2)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, button.sizePolicy().verticalPolicy())  # left, not stretched
        button.setMinimumWidth(44)  # the row never widens the window: it stacks instead
        self.box.addWidget(button)
        self.box.addWidget(label, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        needed = self.button.sizeHint().width() + self.LABEL_WIDTH_EM * self.label.fontMetrics().averageCharWidth()
        direction = (
            QBoxLayout.Direction.TopToBottom if event.size().width() - 12 < needed else QBoxLayout.Direction.LeftToRight
        )
        if direction != self.box.direction():
            self.box.setDirection(direction)
        super().resizeEvent(event)


def trust_text(article: Article) -> str:
    """Who wrote or published the article, when, and when it was last updated: or that it is unknown."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("ArticlePage", text)

    source = article.publisher or article.author
    published, updated = article.date, article.updated
    parts = [
        tr("Source : %1").replace("%1", source) if source else tr("Source non indiquée"),
        tr("publié le %1").replace("%1", interface_date(published)) if published else tr("date inconnue"),
        tr("mis à jour le %1").replace("%1", interface_date(updated)) if updated else tr("mise à jour inconnue"),
    ]
    return " · ".join(parts)


class WrappingDelegate(QStyledItemDelegate):
    """Item heights for wrapped text: QTreeView sizes its rows for one line otherwise."""

    PADDING = 12  # px: the item padding of the style sheet, top and bottom

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 (Qt's name)
        view = self.parent()
        assert isinstance(view, QTreeWidget)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(40, view.viewport().width() - view.indentation() * (depth + 1) - 8)
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        bounds = QFontMetrics(styled.font).boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), styled.text
        )
        return QSize(width, bounds.height() + self.PADDING)


class ContentsTree(QTreeWidget):
    """The contents panel: its rows grow when it narrows, so that headings wrap instead of being cut."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.scheduleDelayedItemsLayout()


class ArticlePage(QWidget):
    jump_requested = Signal(str)  # an anchor of this article the reader asked to go to
    bookmark_requested = Signal(str)  # the anchor of a section or FAQ question

    def __init__(self, theme: Theme, text_size: int, highlighter: Highlighter | None = None) -> None:
        super().__init__()
        self.theme = theme
        self.text_size = text_size
        self.highlighter = highlighter
        self.article: Article | None = None
        self.renderer: ArticleRenderer | None = None
        self.query = ""
        self.folded_faq: set[str] = set()
        self.bookmarked: set[str] | None = set()  # None: no bookmark buttons
        self.chosen_anchor = ""  # the last anchor asked for: current even when it cannot reach the top
        self.toc = ContentsTree()
        self.toc.setHeaderHidden(True)
        self.toc.setAccessibleName(self.tr("Sommaire du guide"))
        self.toc.setMinimumWidth(160)
        self.toc.setWordWrap(True)  # long headings wrap onto more lines instead of ending in "…"
        self.toc.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.toc.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.toc.header().setStretchLastSection(True)
        self.toc.setItemDelegate(WrappingDelegate(self.toc))
        self.toc.itemClicked.connect(self._toc_item_chosen)
        self.toc.itemActivated.connect(self._toc_item_chosen)
        self.view = ArticleView()
        self.view.setAccessibleName(self.tr("Texte du guide"))
        self.view.focus_colour = theme.focus
        self.view.anchorClicked.connect(self._link_clicked)
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.reference_panel = ReferencePanel()
        self.reference_panel.go_to_reference.connect(self._go_to_reference)
        self.reference_panel.close_button.clicked.connect(lambda: self.view.setFocus())
        self.find_bar = FindBar(self.view, theme)
        self.find_bar.closed.connect(lambda: self.view.setFocus())
        self.find_bar.hide()
        self.toc_button = QToolButton()
        self.toc_button.setCheckable(True)
        self.toc_button.setChecked(True)
        self.toc_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toc_button.setToolTip(self.tr("Afficher ou masquer le sommaire (F9)"))
        self.toc_button.toggled.connect(self.show_toc)
        self.toc_button.setShortcut(QKeySequence("F9"))
        self.trust_label = plain_label()
        self.trust_label.setObjectName("muted")
        self.trust_label.setWordWrap(True)
        header = ReflowRow(self.toc_button, self.trust_label)
        self.read_aloud = ReadAloudBar(self.view, theme)
        self.read_aloud.add_shortcuts(self)
        self.read_aloud.utterance_started.connect(self._follow_scroll)
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        column_layout.addWidget(header)
        column_layout.addWidget(self.find_bar)
        column_layout.addWidget(self.view, 1)
        column_layout.addWidget(self.reference_panel)
        side = QWidget()  # « Écouter » above the contents: the text keeps its whole height
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.read_aloud)
        side_layout.addWidget(self.toc, 1)
        self.side = side
        self.splitter = splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(column)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([CONTENTS_WIDTH, 880])
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(8)  # a handle a mouse can take: the contents panel is resizable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.toc, self.toc_button)
        self.setTabOrder(self.toc_button, self.view)
        self._update_toc_button()

    def show_toc(self, shown: bool) -> None:
        """Unfold or fold the side panel, contents and read-aloud controls (folded, the text takes the width).

        Folded, the panel is one press away (F9 or « ◧ Sommaire »); reading aloud stays at hand
        with « ▶ Écouter » beside each heading and its shortcuts.
        """
        self.splitter.setCollapsible(0, True)
        total = sum(self.splitter.sizes()) or self.splitter.width()
        side = min(CONTENTS_WIDTH, total // 2) if shown else 0
        self.splitter.setSizes([side, max(0, total - side)])
        self.splitter.setCollapsible(0, False)  # the mouse cannot fold it by accident; the button does
        self.side.setEnabled(shown)  # folded, Tab and screen readers pass it by
        if self.toc_button.isChecked() != shown:
            self.toc_button.setChecked(shown)
        self._update_toc_button()

    def _update_toc_button(self) -> None:
        shown = self.toc_button.isChecked()
        self.toc_button.setText(self.tr("◧ Masquer le sommaire") if shown else self.tr("◧ Sommaire"))
        self.toc_button.setAccessibleName(self.tr("Sommaire affiché") if shown else self.tr("Sommaire masqué"))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        narrow = event.size().width() < NARROW_WIDTH
        if event.oldSize().width() < 0 or (event.oldSize().width() < NARROW_WIDTH) != narrow:
            self.show_toc(not narrow)  # the panel folds away on a small screen, and comes back
        super().resizeEvent(event)

    # Showing -----------------------------------------------------------------

    def show_article(
        self,
        article: Article,
        anchor: str = "",
        position: int | None = None,
        query: str = "",
        bookmarked: set[str] | None = None,
    ) -> None:
        self.layout().activate()  # a page just built or shown gets its size now, before any scrolling
        if self.article is None or article.slug != self.article.slug:
            self.article = article
            self.bookmarked = None if bookmarked is None else set(bookmarked)
            self.renderer = ArticleRenderer(article, renderer_texts(), interface_date)
            self.folded_faq = set()
            self.trust_label.setText(self.trust_text(article))
            self._fill_toc()
            self.reference_panel.hide()
            self.read_aloud.set_article(article)
            self._render()
        elif bookmarked is not None:
            self.set_bookmarked(bookmarked)
        if query != self.query:
            self.query = query
            self._highlight_query()
        self.go_to(anchor, position)

    def trust_text(self, article: Article) -> str:
        return trust_text(article)

    def go_to(self, anchor: str = "", position: int | None = None) -> None:
        """To a text position (where the reader was), else to an anchor, else to the top."""
        self.chosen_anchor = anchor if position is None else ""
        if position is not None:
            self.view.scroll_to_position(position)
        elif not anchor or not self.view.scroll_to(anchor):
            self.view.verticalScrollBar().setValue(0)
        self._follow_scroll()

    def _render(self) -> None:
        if self.renderer is None:
            return
        html = self.renderer.render(document_css(self.theme), self.folded_faq, self.bookmarked, listen=True)
        self.view.set_page(html, self.text_size)
        self._highlight_query()
        self.read_aloud.refresh_highlight()
        if self.find_bar.isVisible():
            self.find_bar.find(self.find_bar.field.text())

    def _rerender_in_place(self) -> None:
        position = self.reading_position()
        self._render()
        self.view.scroll_to_position(position)

    def refresh_highlights(self) -> None:
        self._highlight_query()

    def _highlight_query(self) -> None:
        spans: list[Span] = []
        if self.query and self.highlighter is not None:
            query, highlighter = self.query, self.highlighter
            spans = self.view.block_spans(lambda text: highlighter(text, query))
        self.view.set_highlights(SEARCH_KIND, spans, self.theme.match_background, self.theme.match_text)

    def _fill_toc(self) -> None:
        article = self.article
        assert article is not None
        self.toc.clear()

        def add(text: str, anchor: str, parent: QTreeWidgetItem | None = None) -> QTreeWidgetItem:
            item = QTreeWidgetItem([text])
            item.setData(0, ANCHOR_ROLE, anchor)
            item.setToolTip(0, plain_tooltip(text))
            if parent is None:
                self.toc.addTopLevelItem(item)
            else:
                parent.addChild(item)
            return item

        add(self.tr("Début du guide"), "top")
        for section in article.sections:
            item = add(section.heading, section.anchor)
            if is_when_to_see_doctor(section.heading):
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
                item.setText(0, "⚠ " + section.heading)
        if article.faq:
            faq = add(self.tr("Questions fréquentes"), fmt.FAQ_ANCHOR)
            for question in article.faq:
                add(question.question, question.anchor, faq)
        if article.references:
            add(self.tr("Références"), fmt.REFERENCES_ANCHOR)
        if article.publications:
            add(self.tr("Publications scientifiques"), fmt.PUBLICATIONS_ANCHOR)
        if article.web_resources:
            add(self.tr("Ressources web"), fmt.WEB_RESOURCES_ANCHOR)
        add(self.tr("Avertissement"), fmt.DISCLAIMER_ANCHOR)  # every article ends with one

    def _toc_items(self) -> list[QTreeWidgetItem]:
        items = []
        for index in range(self.toc.topLevelItemCount()):
            top = self.toc.topLevelItem(index)
            items.append(top)
            items += [top.child(child) for child in range(top.childCount())]
        return items

    # Following the reader ------------------------------------------------------

    def current_anchor(self) -> str:
        """The contents entry being read: the one heard while the guide is read aloud, else the last
        heading scrolled past the top of the view.

        At the end of the text the last headings can never reach the top: there, the one the
        reader chose (if it is on screen) or else the last one on screen is current.
        """
        anchors = [item.data(0, ANCHOR_ROLE) for item in self._toc_items()]
        heard = self.read_aloud.reading_anchor()
        if heard in anchors:
            return heard
        at_top = self.view.anchor_at_top(anchors) or "top"
        bar = self.view.verticalScrollBar()
        if bar.maximum() == 0 or bar.value() < bar.maximum():
            return at_top
        on_screen = self.view.anchors_on_screen(anchors)
        if self.chosen_anchor in on_screen:
            return self.chosen_anchor
        return on_screen[-1] if on_screen else at_top

    def reading_position(self) -> int:
        """The text position at the top of the view: stays right when the text size or width changes."""
        return self.view.top_position()

    def scroll_value(self) -> int:
        return self.view.verticalScrollBar().value()

    def _scrolled(self) -> None:
        bar = self.view.verticalScrollBar()
        if bar.value() < bar.maximum():
            self.chosen_anchor = ""  # the reader moved on from the entry they chose
        self._follow_scroll()

    def _follow_scroll(self) -> None:
        anchor = self.current_anchor()
        for item in self._toc_items():
            if item.data(0, ANCHOR_ROLE) == anchor:
                if self.toc.currentItem() is not item:
                    self.toc.blockSignals(True)
                    self.toc.setCurrentItem(item)
                    self.toc.blockSignals(False)
                break

    # Links and table of contents --------------------------------------------

    def _toc_item_chosen(self, item: QTreeWidgetItem) -> None:
        self.jump_requested.emit(str(item.data(0, ANCHOR_ROLE)))

    def _link_clicked(self, url: QUrl) -> None:
        name = url.fragment() if url.hasFragment() else ""
        if not name or url.scheme() or url.host() or url.path():
            return  # only in-page anchors are followed; nothing else exists in a rendered article
        if name.startswith(REFERENCE_PREFIX) and name[len(REFERENCE_PREFIX) :].isdigit():
            self.show_citation(int(name[len(REFERENCE_PREFIX) :]))
        elif name.startswith(UNRESOLVED_PREFIX) and name[len(UNRESOLVED_PREFIX) :].isdigit():
            self.reference_panel.show_unresolved(int(name[len(UNRESOLVED_PREFIX) :]))
        elif name.startswith(BOOKMARK_PREFIX):
            self.bookmark_requested.emit(name[len(BOOKMARK_PREFIX) :])
        elif name.startswith(LISTEN_PREFIX):
            self.read_aloud.listen_section(name[len(LISTEN_PREFIX) :])
        elif name.startswith(FOLD_PREFIX):
            self.toggle_faq(name[len(FOLD_PREFIX) :])
        else:
            self.jump_requested.emit(name)

    def _go_to_reference(self, number: int) -> None:
        self.jump_requested.emit(f"ref-{number}")
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # the keys keep reading the text

    def show_citation(self, number: int) -> None:
        reference = self.article.reference(number) if self.article else None
        if reference is None:
            self.reference_panel.show_unresolved(number)
        else:
            self.reference_panel.show_reference(reference)

    def set_bookmarked(self, anchors: set[str]) -> None:
        if anchors != self.bookmarked:
            self.bookmarked = set(anchors)
            self._rerender_in_place()

    def reset(self) -> None:
        """Forget the article and everything the reader did in it (the kiosk's reset)."""
        self.find_bar.field.setText("")  # forgets the undo history too
        self.find_bar.close_bar()
        self.reference_panel.hide()
        self.read_aloud.reset()
        self.article = None
        self.renderer = None
        self.query = ""
        self.folded_faq = set()
        self.bookmarked = set()
        self.toc.clear()
        self.view.set_page("", self.text_size)

    def bookmarkable_anchor(self) -> str | None:
        """The section or FAQ question being read: scrolled past the top, else the first one on screen."""
        if self.article is None:
            return None
        anchors = [section.anchor for section in self.article.sections] + [item.anchor for item in self.article.faq]
        at_top = self.view.anchor_at_top(anchors)
        if at_top is not None:
            return at_top
        on_screen = self.view.anchors_on_screen(anchors)
        return on_screen[0] if on_screen else None

    def toggle_faq(self, anchor: str) -> None:
        self.folded_faq ^= {anchor}
        self._rerender_in_place()

    # Preferences ---------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.view.focus_colour = theme.focus
        self.find_bar.theme = theme
        self.read_aloud.set_theme(theme)
        self._rerender_in_place()

    def set_text_size(self, size: int) -> None:
        self.text_size = size
        position = self.reading_position()
        self.view.set_text_size(size)
        self.view.scroll_to_position(position)

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        """Another page replaces this one: reading stops (a minimised window keeps reading)."""
        if not event.spontaneous():
            self.read_aloud.release()
        super().hideEvent(event)
