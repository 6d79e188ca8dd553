"""An article: table of contents beside the text, citations, FAQ folding, find."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QHideEvent
from PySide6.QtWidgets import QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..content import markdown_format as fmt
from ..content.anchors import BOOKMARK_PREFIX, FOLD_PREFIX, LISTEN_PREFIX, REFERENCE_PREFIX, UNRESOLVED_PREFIX
from ..content.model import Article
from ..content.renderer import ArticleRenderer, is_when_to_see_doctor
from .article_view import ArticleView, Span
from .find_bar import FindBar
from .read_aloud import ReadAloudBar
from .reference_panel import ReferencePanel
from .theme import Theme, document_css
from .widgets import plain_tooltip

Highlighter = Callable[[str, str], list[Span]]
SEARCH_KIND = "search"
ANCHOR_ROLE = Qt.ItemDataRole.UserRole


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
        self.toc = QTreeWidget()
        self.toc.setHeaderHidden(True)
        self.toc.setAccessibleName(self.tr("Sommaire du guide"))
        self.toc.setMinimumWidth(240)
        self.toc.setWordWrap(True)
        self.toc.itemClicked.connect(self._toc_item_chosen)
        self.toc.itemActivated.connect(self._toc_item_chosen)
        self.view = ArticleView()
        self.view.setAccessibleName(self.tr("Texte du guide"))
        self.view.anchorClicked.connect(self._link_clicked)
        self.view.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self.reference_panel = ReferencePanel()
        self.reference_panel.go_to_reference.connect(lambda number: self.jump_requested.emit(f"ref-{number}"))
        self.reference_panel.close_button.clicked.connect(lambda: self.view.setFocus())
        self.find_bar = FindBar(self.view, theme)
        self.find_bar.closed.connect(lambda: self.view.setFocus())
        self.find_bar.hide()
        self.read_aloud = ReadAloudBar(self.view, theme)
        self.read_aloud.add_shortcuts(self)
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        column_layout.addWidget(self.find_bar)
        column_layout.addWidget(self.view, 1)
        column_layout.addWidget(self.reference_panel)
        side = QWidget()  # « Écouter » above the contents: the text keeps its whole height
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.read_aloud)
        side_layout.addWidget(self.toc, 1)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(column)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 880])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.toc, self.view)

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
            self.renderer = ArticleRenderer(article)
            self.folded_faq = set()
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

    def go_to(self, anchor: str = "", position: int | None = None) -> None:
        """To a text position (where the reader was), else to an anchor, else to the top."""
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
        anchors = [item.data(0, ANCHOR_ROLE) for item in self._toc_items()]
        return self.view.anchor_at_top(anchors) or "top"

    def reading_position(self) -> int:
        """The text position at the top of the view: stays right when the text size or width changes."""
        return self.view.top_position()

    def scroll_value(self) -> int:
        return self.view.verticalScrollBar().value()

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
        """The section or FAQ question being read, if any."""
        if self.article is None:
            return None
        anchors = [section.anchor for section in self.article.sections] + [item.anchor for item in self.article.faq]
        return self.view.anchor_at_top(anchors)

    def toggle_faq(self, anchor: str) -> None:
        self.folded_faq ^= {anchor}
        self._rerender_in_place()

    # Preferences ---------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
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
