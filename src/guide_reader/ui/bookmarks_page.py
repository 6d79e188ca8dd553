"""Bookmarks grouped by article, and the reading history."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..library import Library
from ..store import Bookmark, BookmarkStore, Status, StoreWriteError, resolve
from .widgets import plain_label, plain_tooltip

BOOKMARK_ROLE = Qt.ItemDataRole.UserRole
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


class BookmarksPage(QWidget):
    open_requested = Signal(str, str)  # slug, anchor ("" = top of the article)
    edit_requested = Signal(object)  # Bookmark
    export_requested = Signal()
    import_requested = Signal()
    print_requested = Signal()
    pdf_requested = Signal()
    write_failed = Signal(object)  # StoreWriteError: a removal, undo or clearing not kept

    def __init__(self, library: Library, files_allowed: bool = True, print_allowed: bool = True) -> None:
        super().__init__()
        self.library = library
        self.removed: Bookmark | None = None
        title = QLabel(self.tr("Mes signets"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._bookmarks_tab(files_allowed, print_allowed), self.tr("Signets"))
        self.tabs.addTab(self._history_tab(), self.tr("Lu récemment"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    @property
    def store(self) -> BookmarkStore:
        return self.library.store

    # Bookmarks tab ---------------------------------------------------------------

    def _bookmarks_tab(self, files_allowed: bool, print_allowed: bool) -> QWidget:
        tab = QWidget()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Section"), self.tr("Note")])
        self.tree.setAccessibleName(self.tr("Signets, groupés par guide"))
        self.tree.setColumnWidth(0, 380)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._open_item)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.empty_label = QLabel(
            self.tr("Aucun signet. Dans un guide, le bouton ☆ à côté d'un titre (ou Ctrl+D) marque la section.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("muted")
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("findBar")
        self.undo_label = plain_label()
        undo_button = QPushButton(self.tr("Annuler"))
        undo_button.setAccessibleName(self.tr("Annuler la suppression du signet"))
        undo_button.clicked.connect(self.undo_remove)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(undo_button)
        self.undo_bar.hide()
        self.open_button = self._button(self.tr("Ouvrir"), self._open_current)
        self.edit_button = self._button(self.tr("Modifier la note"), self._edit_current)
        self.remove_button = self._button(self.tr("Retirer"), self.remove_current)
        actions = QHBoxLayout()
        for button in (self.open_button, self.edit_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        print_button = self._button(self.tr("Imprimer…"), self.print_requested.emit)
        print_button.setVisible(print_allowed)
        self.file_buttons = [
            self._button(self.tr("Enregistrer en PDF…"), self.pdf_requested.emit),
            self._button(self.tr("Exporter…"), self.export_requested.emit),
            self._button(self.tr("Importer…"), self.import_requested.emit),
        ]
        for button in self.file_buttons:
            button.setVisible(files_allowed)
        for button in (print_button, *self.file_buttons):
            actions.addWidget(button)
        self.file_buttons.append(print_button)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree, self.remove_current).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        layout = QVBoxLayout(tab)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.undo_bar)
        layout.addLayout(actions)
        return tab

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        groups = self.store.grouped(self.library)
        for group in groups:
            top = QTreeWidgetItem([group.article_title])
            top.setFont(0, bold)
            top.setData(0, TARGET_ROLE, (group.slug, "") if self.library.article(group.slug) else None)
            self.tree.addTopLevelItem(top)
            for bookmark in group.bookmarks:
                resolution = resolve(bookmark, self.library)
                heading = resolution.heading
                if resolution.status is Status.SECTION_MISSING:
                    heading = self.tr("%1 — section plus disponible").replace("%1", heading)
                elif resolution.status is Status.ARTICLE_MISSING:
                    heading = self.tr("%1 — guide plus disponible").replace("%1", heading)
                item = QTreeWidgetItem([heading, bookmark.note])
                item.setData(0, BOOKMARK_ROLE, bookmark)
                anchor = bookmark.anchor if resolution.available else ""
                item.setData(0, TARGET_ROLE, (bookmark.slug, anchor) if resolution.article else None)
                item.setToolTip(1, plain_tooltip(textwrap.shorten(bookmark.note, 300, placeholder=" …")))
                if not resolution.available:
                    font = QFont(item.font(0))
                    font.setItalic(True)
                    item.setFont(0, font)
                top.addChild(item)
            top.setExpanded(True)
        self.empty_label.setVisible(not groups)
        self.tree.setVisible(bool(groups))
        if groups:
            self.tree.setCurrentItem(self.tree.topLevelItem(0).child(0))
        self._update_buttons()
        self._refresh_history()

    def _current_bookmark(self) -> Bookmark | None:
        item = self.tree.currentItem()
        return item.data(0, BOOKMARK_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        has_bookmark = self._current_bookmark() is not None
        item = self.tree.currentItem()
        self.open_button.setEnabled(item is not None and item.data(0, TARGET_ROLE) is not None)
        self.edit_button.setEnabled(has_bookmark)
        self.remove_button.setEnabled(has_bookmark)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, TARGET_ROLE)
        if target is not None:
            self.open_requested.emit(*target)

    def _open_current(self) -> None:
        if self.tree.currentItem() is not None:
            self._open_item(self.tree.currentItem())

    def _edit_current(self) -> None:
        bookmark = self._current_bookmark()
        if bookmark is not None:
            self.edit_requested.emit(bookmark)

    def remove_current(self) -> None:
        bookmark = self._current_bookmark()
        if bookmark is None:
            return
        try:
            self.removed = self.store.remove(bookmark.id)
        except StoreWriteError as error:
            self.write_failed.emit(error)
            return
        self.undo_label.setText(self.tr("Signet « %1 » retiré.").replace("%1", bookmark.heading))
        self.undo_bar.show()
        self.refresh()

    def reset(self) -> None:
        """Forget the last removal and show the first tab (the kiosk's reset)."""
        self.removed = None
        self.undo_bar.hide()
        self.tabs.setCurrentIndex(0)
        self.tree.clear()
        self.history_list.clear()

    def undo_remove(self) -> None:
        if self.removed is not None:
            try:
                self.store.restore(self.removed)
            except StoreWriteError as error:
                self.write_failed.emit(error)
                return  # the undo bar stays: it can be tried again
            self.removed = None
        self.undo_bar.hide()
        self.refresh()

    # History tab -----------------------------------------------------------------

    def _history_tab(self) -> QWidget:
        tab = QWidget()
        self.history_list = QListWidget()
        self.history_list.setAccessibleName(self.tr("Sections lues récemment"))
        self.history_list.itemActivated.connect(self._open_history_item)
        open_button = self._button(self.tr("Ouvrir"), self._open_current_history)
        clear_button = self._button(self.tr("Effacer l'historique"), self.clear_history)
        clear_button.setAccessibleDescription(self.tr("Oublie les guides et sections lus ; les signets restent."))
        actions = QHBoxLayout()
        actions.addWidget(open_button)
        actions.addStretch(1)
        actions.addWidget(clear_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.history_list, 1)
        layout.addLayout(actions)
        return tab

    def _refresh_history(self) -> None:
        self.history_list.clear()
        for entry in self.store.history.recent(30):
            resolution = resolve(entry, self.library)
            text = resolution.article_title
            if resolution.heading:
                text += f" — {resolution.heading}"
            when = entry.visited_at.astimezone().strftime("%d/%m/%Y %H:%M")
            item = QListWidgetItem(f"{text}   ({when})")
            item.setData(TARGET_ROLE, (entry.slug, entry.anchor) if resolution.available else None)
            self.history_list.addItem(item)
        if self.history_list.count() == 0:
            self.history_list.addItem(QListWidgetItem(self.tr("Rien de lu pour le moment.")))

    def _open_history_item(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if target is not None:
            self.open_requested.emit(*target)

    def _open_current_history(self) -> None:
        if self.history_list.currentItem() is not None:
            self._open_history_item(self.history_list.currentItem())

    def clear_history(self) -> None:
        try:
            self.store.history.clear()
        except StoreWriteError as error:
            self.write_failed.emit(error)
        self._refresh_history()
