"""Bookmarks grouped by article, and the reading history."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
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
from ..store import Bookmark, BookmarkStore, Status, resolve
from .toolstrip import FlowLayout
from .widgets import plain_label, plain_tooltip

if TYPE_CHECKING:
    from .store_writes import StoreWrites

BOOKMARK_ROLE = Qt.ItemDataRole.UserRole
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
HISTORY_SHOWN = 30
HISTORY_LOOKBACK = 200  # entries read to find HISTORY_SHOWN sections (older ones may have no heading)


class RemoveBookmark(QUndoCommand):
    """Removing one bookmark: undo puts it back, note and dates included, and selects it.

    The writes run on the store's writer thread; the page is refreshed when each is done. A
    removal not kept leaves the stack (nothing to undo); an undo not kept is redone without a
    write (the bookmark is still removed), so the stack always says what the file holds.
    """

    def __init__(self, page: BookmarksPage, bookmark: Bookmark) -> None:
        super().__init__(
            QCoreApplication.translate("BookmarksPage", "Signet « %1 » retiré.").replace("%1", bookmark.heading)
        )
        self.page = page
        self.bookmark = bookmark
        self.removed: Bookmark | None = None
        self._in_store = True  # False once the removal is written, True again once the undo is

    def redo(self) -> None:
        if not self._in_store:
            return  # an undo that was not kept, taken back: the bookmark is still removed
        page = self.page
        neighbour = page.neighbour_of(self.bookmark.id)
        page.hide_bookmark(self.bookmark.id, neighbour)
        page.write(
            lambda store: store.remove(self.bookmark.id),
            done=lambda removed: self._removed(removed, neighbour),
            failed=self._remove_failed,
        )

    def _removed(self, removed: Bookmark | None, neighbour: int | None) -> None:
        self.removed = removed or self.removed
        self._in_store = False
        self.page.refresh(select=neighbour)

    def _remove_failed(self, error: Exception) -> None:
        page, stack = self.page, self.page.undo_stack
        page.write_failed.emit(error)
        self.setObsolete(True)  # nothing was removed: nothing to undo
        if stack.index() > 0 and stack.command(stack.index() - 1) is self:
            stack.undo()  # leaves the stack (obsolete); undo() writes nothing: still in the store
        page.refresh(select=self.bookmark.id)

    def undo(self) -> None:
        if self._in_store:
            return  # the removal was not kept
        self.page.write(
            lambda store: store.restore(self.removed or self.bookmark),
            done=self._restored,
            failed=self._restore_failed,
        )

    def _restored(self, restored: Bookmark) -> None:
        self._in_store = True
        self.page.refresh(select=restored.id)

    def _restore_failed(self, error: Exception) -> None:
        stack = self.page.undo_stack
        self.page.write_failed.emit(error)
        if stack.command(stack.index()) is self:
            stack.redo()  # still removed: redo() writes nothing, and the undo can be tried again


class BookmarksPage(QWidget):
    open_requested = Signal(str, str)  # slug, anchor ("" = top of the article)
    edit_requested = Signal(object)  # Bookmark
    export_requested = Signal()
    import_requested = Signal()
    print_requested = Signal()
    pdf_requested = Signal()
    write_failed = Signal(object)  # the error of a removal, undo or clearing not kept

    def __init__(
        self,
        library: Library,
        writes: Callable[[], StoreWrites],
        files_allowed: bool = True,
        print_allowed: bool = True,
    ) -> None:
        super().__init__()
        self.library = library
        self._writes = writes  # the window's queue of store writes (the kiosk gives each visitor a new one)
        self.undo_stack = QUndoStack(self)  # every removal, undone one by one (Ctrl+Z), most recent first
        self.undo_stack.indexChanged.connect(self._update_undo_bar)
        title = QLabel(self.tr("Mes signets"))
        title.setObjectName("resultsHeading")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._bookmarks_tab(files_allowed, print_allowed), self.tr("Signets"))
        self.tabs.addTab(self._history_tab(), self.tr("Lu récemment"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    @property
    def store(self) -> BookmarkStore:
        return self.library.store

    def write(
        self,
        job: Callable[[BookmarkStore], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """Queue ``job`` on the store's writer thread; ``done``/``failed`` run later on the GUI thread."""
        self._writes().submit(job, done=done, failed=failed)

    # Bookmarks tab ---------------------------------------------------------------

    def _bookmarks_tab(self, files_allowed: bool, print_allowed: bool) -> QWidget:
        tab = QWidget()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Section"), self.tr("Note")])
        self.tree.setAccessibleName(self.tr("Signets, groupés par guide"))
        self.tree.setColumnWidth(0, 320)
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
        self.undo_button = QPushButton(self.tr("Annuler"))
        self.undo_button.setAccessibleName(self.tr("Annuler la suppression du signet"))
        self.undo_button.clicked.connect(self.undo_remove)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()
        undo = self.undo_stack.createUndoAction(self, self.tr("Annuler"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("Rétablir"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")])
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.open_button = self._button(self.tr("Ouvrir"), self._open_current)
        self.edit_button = self._button(self.tr("Modifier la note"), self._edit_current)
        self.remove_button = self._button(self.tr("Retirer"), self.remove_current)
        actions = FlowLayout()  # wraps on a small screen or with large text: no button is cut off
        for button in (self.open_button, self.edit_button, self.remove_button):
            actions.addWidget(button)
        self.with_texts = QCheckBox(self.tr("Joindre le texte des sections"))
        self.with_texts.setToolTip(
            self.tr("La feuille pour le médecin tient sur une page : vos notes, les sections et les sources.")
        )
        self.with_texts.setVisible(print_allowed or files_allowed)
        actions.addWidget(self.with_texts)
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
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.undo_bar)
        layout.addLayout(actions)
        return tab

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def refresh(self, select: int | None = None) -> None:
        """Fill the list again; the bookmark ``select`` (an id), else the one selected before, stays selected."""
        current = self._current_bookmark()
        wanted = select if select is not None else (current.id if current is not None else None)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        groups = self.store.grouped(self.library)
        chosen: QTreeWidgetItem | None = None
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
                if bookmark.id == wanted:
                    chosen = item
            top.setExpanded(True)
        self.empty_label.setVisible(not groups)
        self.tree.setVisible(bool(groups))
        if groups:
            self.tree.setCurrentItem(chosen or self.tree.topLevelItem(0).child(0))
        self._update_buttons()
        self._refresh_history()

    def _bookmark_items(self) -> list[QTreeWidgetItem]:
        return [
            self.tree.topLevelItem(group).child(index)
            for group in range(self.tree.topLevelItemCount())
            for index in range(self.tree.topLevelItem(group).childCount())
        ]

    def neighbour_of(self, bookmark_id: int) -> int | None:
        """The bookmark shown after ``bookmark_id`` (else the one before): selected once it is removed."""
        ids = [item.data(0, BOOKMARK_ROLE).id for item in self._bookmark_items()]
        if bookmark_id not in ids:
            return None
        place = ids.index(bookmark_id)
        others = ids[place + 1 :] + ids[:place][::-1]
        return others[0] if others else None

    def hide_bookmark(self, bookmark_id: int, select: int | None) -> None:
        """Hide ``bookmark_id`` and select ``select`` at once, while its removal is being written."""
        items = {item.data(0, BOOKMARK_ROLE).id: item for item in self._bookmark_items()}
        if select in items:
            self.tree.setCurrentItem(items[select])
        if bookmark_id in items:
            items[bookmark_id].setHidden(True)
        self._update_buttons()

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
        """Remove the selected bookmark (undoable); the selection moves to the next one."""
        bookmark = self._current_bookmark()
        if bookmark is None:
            return
        self.undo_stack.push(RemoveBookmark(self, bookmark))

    def reset(self) -> None:
        """Forget the removals and show the first tab (the kiosk's reset)."""
        self.undo_stack.clear()
        self.undo_bar.hide()
        self.tabs.setCurrentIndex(0)
        self.tree.clear()
        self.history_list.clear()

    def undo_remove(self) -> None:
        """Put back the last bookmark removed (and selects it); earlier ones stay undoable."""
        self.undo_stack.undo()

    def _update_undo_bar(self) -> None:
        self.undo_bar.setVisible(self.undo_stack.canUndo())
        if self.undo_stack.canUndo():
            count = self.undo_stack.index()
            text = self.undo_stack.undoText()
            if count > 1:
                text += " " + self.tr("(%n retrait(s) à annuler)", "", count)
            self.undo_label.setText(text)

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
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.history_list, 1)
        layout.addLayout(actions)
        return tab

    def refresh_history(self) -> None:
        """Fill « Lu récemment » again (a visit was just written)."""
        self._refresh_history()

    def _refresh_history(self) -> None:
        """One line per guide and section read, most recent first (places without a heading left out)."""
        self.history_list.clear()
        shown = 0
        for entry in self.store.history.recent(HISTORY_LOOKBACK):
            resolution = resolve(entry, self.library)
            if not entry.anchor or not resolution.heading or shown == HISTORY_SHOWN:
                continue
            shown += 1
            text = f"{resolution.article_title} — {resolution.heading}"
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
        """Forget the reading history (off the GUI thread); the list is filled again once written."""

        def failed(error: Exception) -> None:
            self.write_failed.emit(error)
            self._refresh_history()

        self.write(lambda store: store.history.clear(), done=lambda _result: self._refresh_history(), failed=failed)
