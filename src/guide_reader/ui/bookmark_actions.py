"""Bookmarks in the window: marking a section with a note, editing, the sheet for the doctor,
export and import. A mixin of MainWindow, kept apart so that each file has one job."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QWidget

from .widgets import plain_message

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

    from ..content.model import Article
    from ..store import Bookmark
    from .main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


def documents_folder() -> Path:
    """The user's documents folder (QStandardPaths), or the home folder when there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def file_dialog(parent: QWidget, mode: Literal["open", "save"], title: str, name: str, pattern: str) -> QFileDialog:
    """Qt's file dialog (in the interface language), in the documents folder, ``name`` proposed."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, str(documents_folder() / name) if name else str(documents_folder()), pattern)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(name)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


class BookmarkActions(_Base):
    # Texts are translated in this class's own context (a mixin's self.tr would use MainWindow's).
    def _ask_file(self, mode: Literal["open", "save"], title: str, name: str, pattern: str) -> Path | None:
        """A file chosen in Qt's dialog, or None (cancelled, or files are not allowed here).

        The dialog opens in the user's documents folder, and is Qt's own so that it speaks the
        interface language (a desktop's dialog speaks the desktop's).
        """
        from PySide6.QtWidgets import QFileDialog

        if not self.files_allowed:
            return None
        dialog = file_dialog(self, mode, title, name, pattern)
        self.file_dialog = dialog  # reachable while open (tests, the kiosk's reset)
        chosen = dialog.selectedFiles()[0] if dialog.exec() == QFileDialog.DialogCode.Accepted else ""
        self.file_dialog = None
        return Path(chosen) if chosen else None

    def _bookmarked_anchors(self, slug: str) -> set[str]:
        return {bookmark.anchor for bookmark in self.library.store.bookmarks() if bookmark.slug == slug}

    def bookmark_section(self, anchor: str | None = None) -> None:
        """Bookmark a section or question (the one being read when ``anchor`` is None), asking for a note."""
        from PySide6.QtWidgets import QMessageBox

        page = self._article_page
        article = page.article if page is not None else None
        if not self.bookmarks_allowed or page is None or self.pages.currentWidget() is not page or article is None:
            return
        anchor = anchor or self.article_page.bookmarkable_anchor()
        if anchor is None:
            message = QCoreApplication.translate(
                "BookmarkActions",
                "Aucune section n'est à l'écran : faites défiler jusqu'au titre d'une section, "
                "ou utilisez le bouton ☆ à côté du titre.",
            )
            self.status_label.setText(message)
            # said where the reader looks, and read by a screen reader
            self.bookmark_refused_box = plain_message(
                self,
                QMessageBox.Icon.Information,
                QCoreApplication.translate("BookmarkActions", "Marquer une section"),
                message,
            )
            return
        existing = self.library.store.find(article.slug, anchor)
        heading = next(
            (s.heading for s in article.sections if s.anchor == anchor),
            next((q.question for q in article.faq if q.anchor == anchor), anchor),
        )
        note = self.ask_note(self, heading, existing.note if existing else "")
        if note is not None:
            self.save_bookmark(article, anchor, heading, note)

    def save_bookmark(self, article: Article, anchor: str, heading: str, note: str) -> None:
        """Mark ``anchor`` with ``note`` off the GUI thread; if it is not kept, the note stays on screen."""

        def saved(_bookmark: object) -> None:
            page = self._article_page
            if page is not None and page.article is not None and page.article.slug == article.slug:
                page.set_bookmarked(self._bookmarked_anchors(article.slug))
            if self._bookmarks_page is not None and self.pages.currentWidget() is self._bookmarks_page:
                self._bookmarks_page.refresh()  # opened while the write was under way
            self.status_label.setText(
                QCoreApplication.translate("BookmarkActions", "Signet enregistré : %1").replace("%1", heading)
            )

        self.store_writes.submit(
            lambda store: store.add_for(article, anchor, note),
            done=saved,
            failed=lambda error: self._note_not_kept(
                heading, note, error, lambda text: self.save_bookmark(article, anchor, heading, text)
            ),
        )

    def edit_bookmark_note(self, bookmark: object) -> None:
        from ..store import Bookmark

        assert isinstance(bookmark, Bookmark)
        note = self.ask_note(self, bookmark.heading, bookmark.note)
        if note is not None:
            self.save_note(bookmark, note)

    def save_note(self, bookmark: Bookmark, note: str) -> None:
        """Replace the note of ``bookmark`` off the GUI thread; if it is not kept, the note stays on screen."""
        self.store_writes.submit(
            lambda store: store.update_note(bookmark.id, note),
            done=lambda _bookmark: self.bookmarks_page.refresh(),
            failed=lambda error: self._note_not_kept(
                bookmark.heading, note, error, lambda text: self.save_note(bookmark, text)
            ),
        )

    def _note_not_kept(self, heading: str, note: str, error: BaseException, retry: Callable[[str], None]) -> None:
        from .write_failures import NoteNotKeptDialog

        dialog = NoteNotKeptDialog(heading, note, error, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.retry_requested.connect(retry)
        dialog.open()
        self.note_not_kept_dialog = dialog
        self.report_write_failure(error)

    def _sheet_html(self, with_texts: bool | None = None) -> str:
        """The sheet for the doctor; the sections' texts too when asked (``with_texts``, else the page's box)."""
        from datetime import date

        from ..content.sheet import SheetEntry, sheet_html
        from ..store import resolve
        from .lower_texts import interface_date, sheet_texts

        if with_texts is None:
            page = self._bookmarks_page
            with_texts = page is not None and page.with_texts.isChecked()

        entries = []
        for group in self.library.store.grouped(self.library):
            for bookmark in group.bookmarks:
                resolution = resolve(bookmark, self.library)
                entry = SheetEntry(
                    slug=bookmark.slug,
                    article_title=group.article_title,
                    anchor=bookmark.anchor,
                    heading=resolution.heading,
                    note=bookmark.note,
                    available=resolution.available,
                )
                entries.append(entry)
        return sheet_html(entries, self.library.article, date.today(), with_texts, sheet_texts(), interface_date)

    def print_sheet(self) -> None:
        if self.print_allowed:
            from . import printing

            printing.print_with_dialog(self._sheet_html(), self, self.files_allowed)

    def save_sheet_pdf(self, path: Path | None = None) -> None:
        if not self.files_allowed:
            return
        path = path or self._ask_file(
            "save",
            QCoreApplication.translate("BookmarkActions", "Enregistrer la feuille en PDF"),
            "signets.pdf",
            QCoreApplication.translate("BookmarkActions", "Document PDF (*.pdf)"),
        )
        if path is None:
            return
        from . import printing

        printing.save_pdf(self._sheet_html(), path)
        self.status_label.setText(
            QCoreApplication.translate("BookmarkActions", "Feuille enregistrée : %1").replace("%1", str(path))
        )

    def export_bookmarks(self, path: Path | None = None) -> None:
        from PySide6.QtWidgets import QMessageBox

        if not self.files_allowed:
            return
        path = path or self._ask_file(
            "save",
            QCoreApplication.translate("BookmarkActions", "Exporter les signets"),
            "signets.json",
            QCoreApplication.translate("BookmarkActions", "Signets Guide Reader (*.json)"),
        )
        if path is None:
            return
        try:
            count = self.library.store.export_to(path)
        except OSError as error:
            self.message_box = plain_message(
                self,
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("BookmarkActions", "Export impossible"),
                f"{path} : {error.strerror or error}",
            )
            return
        self.status_label.setText(
            QCoreApplication.translate("BookmarkActions", "Signets exportés : %1").replace("%1", str(count))
        )

    def import_bookmarks(self, path: Path | None = None) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ..store import ExchangeFormatError, ImportReport

        if not self.files_allowed:
            return
        path = path or self._ask_file(
            "open",
            QCoreApplication.translate("BookmarkActions", "Importer des signets"),
            "",
            QCoreApplication.translate("BookmarkActions", "Signets Guide Reader (*.json)"),
        )
        if path is None:
            return

        def imported(report: ImportReport) -> None:
            self.bookmarks_page.refresh()
            self.status_label.setText(
                QCoreApplication.translate(
                    "BookmarkActions", "Import : %1 ajouté(s), %2 fusionné(s), %3 déjà présent(s)."
                )
                .replace("%1", str(len(report.added)))
                .replace("%2", str(len(report.merged)))
                .replace("%3", str(report.skipped))
            )

        def refused(error: Exception) -> None:
            if isinstance(error, OSError):
                reason = f"{path} : {error.strerror or error}"
            elif isinstance(error, ExchangeFormatError):
                reason = f"{path.name} : {error}"
            else:
                from .write_failures import reason_text  # with the bookmark store: after the first paint

                reason = reason_text(error)
                self.report_write_failure(error)
            self.message_box = plain_message(
                self,
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("BookmarkActions", "Import impossible"),
                reason,
            )

        self.store_writes.submit(lambda store: store.import_from(path), done=imported, failed=refused)

    def show_store_notice(self) -> None:
        """Tell the reader when their bookmark file was damaged and set aside, read-only, or not usable."""
        from PySide6.QtWidgets import QMessageBox

        store = self.library.store
        if store.read_only:
            self.degraded.say(
                "store",
                QCoreApplication.translate(
                    "BookmarkActions",
                    "Vos signets sont affichés, mais les nouveaux ne peuvent pas être enregistrés : "
                    "leur fichier est en lecture seule.",
                ),
            )
        elif store.path is None:
            self.degraded.say(
                "store",
                QCoreApplication.translate(
                    "BookmarkActions", "Les signets et l'historique de cette session ne seront pas enregistrés."
                ),
            )
        from .lower_texts import message_text

        message = store.notice_message
        if message is not None:
            notice = message_text(message)
            self.store_notice_box = plain_message(
                self, QMessageBox.Icon.Warning, QCoreApplication.translate("BookmarkActions", "Signets"), notice
            )
