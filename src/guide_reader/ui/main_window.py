"""The reader window: home, article and search pages, navigation and preferences."""

from __future__ import annotations

import itertools
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QMouseEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from .. import __version__
from ..library import Library

if TYPE_CHECKING:
    from ..content.model import Article
    from ..content.pronunciation import Pronunciation
    from ..search import Completion, IndexReport, SearchHit, SearchResults
    from .article_page import ArticlePage
    from .bookmarks_page import BookmarksPage
    from .search_page import SearchPage
    from .store_writes import StoreWrites
from .announce import StatusLabel
from .bookmark_actions import BookmarkActions
from .completion_model import CompletionModel, fit_popup_width
from .degraded import DegradedStates
from .gui_thread_gc import collect_on_gui_thread
from .home_page import HomePage
from .i18n import AVAILABLE_LANGUAGES
from .index_worker import IndexWorker
from .navigation import Location, NavigationHistory
from .search_worker import LatestOnly
from .settings import DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE, MIN_TEXT_SIZE, Settings
from .theme import THEMES, apply_theme
from .toolstrip import ToolStrip

_log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
GIL_SWITCH_SECONDS = 0.001
ABOUT_SOURCES_UP_TO = 30
"""The about box lists each guide's sources up to this many guides (a large library: only their number)."""
INDEX_RETRY_S = 10.0
INDEX_STOP_WAIT_MS = 10_000
THEME_LABELS = {
    "light": QT_TRANSLATE_NOOP("MainWindow", "Clair"),
    "dark": QT_TRANSLATE_NOOP("MainWindow", "Sombre"),
    "high-contrast": QT_TRANSLATE_NOOP("MainWindow", "Contraste élevé"),
}


class MainWindow(BookmarkActions, QMainWindow):
    index_ready = Signal()
    index_unavailable = Signal()
    page_shown = Signal(str)  # "home", "article" or "search", after the page is in place

    def __init__(
        self,
        library: Library,
        settings: Settings,
        files_allowed: bool = True,
        print_allowed: bool = True,
        bookmarks_allowed: bool = True,
    ) -> None:
        """``files_allowed``: export, import and PDF file dialogs; ``print_allowed``: the print dialog."""
        super().__init__()
        collect_on_gui_thread()  # the index and search threads must never destroy this window's objects
        self._painted = False
        self._after_paint: list[Callable[[], object]] = []
        self._first_paint_watch = FirstPaint(self)
        self.installEventFilter(self._first_paint_watch)
        # Python threads hand the GIL over every 5 ms by default: a search in a worker could keep
        # each of the window's Python calls waiting that long. Every millisecond keeps keys prompt.
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_SECONDS))
        self.library = library
        self.files_allowed = files_allowed
        self.print_allowed = print_allowed
        self.bookmarks_allowed = bookmarks_allowed
        self.ask_note = ask_note  # replaceable, for tests and the kiosk
        self.settings = settings
        self.theme = THEMES[settings.theme]
        self.text_size = settings.text_size
        self.history = NavigationHistory()
        self._leaving: tuple[str, str | None] = ("", None)  # the guide and section being left, for the history
        self._problems_seen = 0  # how many problems the search engine had when the background search began
        self.index_is_ready = False
        self.index_error: str | None = None
        self._rebuilding = False
        self._last_index_try = 0.0
        self._pending_query = ""
        self.setWindowTitle(self.tr("Guide Reader — guides de santé hors ligne"))
        self.home_page = HomePage(library.entries)
        self.home_page.set_text_size(self.text_size)
        if not library.in_step and not library.entries:
            self.home_page.show_reading()  # a first start: the worker reads the folder after the first paint
        self.home_page.article_chosen.connect(lambda slug: self.go_to(Location("article", slug)))
        self._back_buttons = BackForwardButtons(self)
        self._watch_back_buttons(self.home_page.filter_field)
        apply_theme(QApplication.instance(), self.theme, self.text_size)
        # The other pages are built at first use, so that the home page shows sooner.
        self._article_page: ArticlePage | None = None
        self._search_page: SearchPage | None = None
        self._bookmarks_page: BookmarksPage | None = None
        self._store_writes: StoreWrites | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.home_page)
        self.setCentralWidget(self.pages)
        self._build_toolbar()
        self._watch_back_buttons(self.search_field)
        self._build_shortcuts()
        self._build_status_bar()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search_in_background)
        self.background_search = LatestOnly(self)
        self.background_search.done.connect(self._show_found)
        self.background_completions = LatestOnly(self)
        self.background_completions.done.connect(self._show_completions)
        self.go_to(Location("home"))
        self.focus_page()  # the keys start on the page, not on the first button of the tool bar

    # Building --------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.toolbar = toolbar = ToolStrip(self.tr("Barre d'outils"))
        toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.setMenuWidget(toolbar)  # wraps onto more lines when narrow: no control is ever hidden
        self.back_action = self._action(self.tr("◀ Retour"), self.go_back, QKeySequence.StandardKey.Back)
        self.back_action.setToolTip(self.tr("Page précédente (Alt+Gauche)"))
        self.forward_action = self._action(self.tr("Suivant ▶"), self.go_forward, QKeySequence.StandardKey.Forward)
        self.forward_action.setToolTip(self.tr("Page suivante (Alt+Droite)"))
        self.home_action = self._action(self.tr("Accueil"), lambda: self.go_to(Location("home")), "Alt+Home")
        self.home_action.setToolTip(self.tr("Liste des guides (Alt+Début)"))
        self.bookmarks_action = self._action(self.tr("Signets"), lambda: self.go_to(Location("bookmarks")), "Ctrl+B")
        self.bookmarks_action.setToolTip(self.tr("Mes signets et l'historique de lecture (Ctrl+B)"))
        toolbar.addAction(self.back_action, self.tr("Page précédente"))
        toolbar.addAction(self.forward_action, self.tr("Page suivante"))
        toolbar.addAction(self.home_action, self.tr("Accueil"))
        toolbar.addAction(self.bookmarks_action, self.tr("Mes signets et l'historique de lecture"))
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Chercher dans les guides (Ctrl+K)"))
        self.search_field.setAccessibleName(self.tr("Chercher dans les guides"))
        self.search_field.setAccessibleDescription(
            self.tr("Les résultats s'affichent pendant la frappe ; Entrée ouvre le premier résultat.")
        )
        self.search_field.setClearButtonEnabled(True)
        for button in self.search_field.findChildren(QToolButton):  # the clear button
            button.setAccessibleName(self.tr("Effacer la recherche"))
        self.search_field.setMinimumWidth(200)
        self.search_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search_field.textEdited.connect(self._query_edited)
        self.search_field.returnPressed.connect(self._open_first_result)
        self.completion_model = CompletionModel(self)
        self.completer = QCompleter(self.completion_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.activated[QModelIndex].connect(self._completion_chosen)
        self.search_field.setCompleter(self.completer)
        self.search_field_action = toolbar.addWidget(self.search_field)
        self.bookmark_action = self._action(self.tr("☆ Marquer"), lambda: self.bookmark_section(None), "Ctrl+D")
        self.bookmark_action.setToolTip(self.tr("Marquer la section en cours, avec une note (Ctrl+D)"))
        toolbar.addAction(self.bookmark_action, self.tr("Marquer la section en cours"))
        self.smaller_action = self._action(
            self.tr("A−"), lambda: self.change_text_size(-1), QKeySequence.StandardKey.ZoomOut
        )
        self.smaller_action.setToolTip(self.tr("Texte plus petit (Ctrl+−)"))
        self.larger_action = self._action(
            self.tr("A+"), lambda: self.change_text_size(+1), QKeySequence.StandardKey.ZoomIn
        )
        self.larger_action.setToolTip(self.tr("Texte plus grand (Ctrl++)"))
        self.larger_action.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.reset_size_action = self._action(self.tr("Taille normale"), self.reset_text_size, "Ctrl+0")
        toolbar.addAction(self.smaller_action, self.tr("Texte plus petit"))
        toolbar.addAction(self.larger_action, self.tr("Texte plus grand"))
        self.view_button = QToolButton()
        self.view_button.setText(self.tr("Affichage"))
        self.view_button.setAccessibleName(self.tr("Affichage : thème, taille du texte, langue"))
        self.view_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.view_button.setMenu(self._view_menu())
        self.view_button_action = toolbar.addWidget(self.view_button)
        widgets = toolbar.focus_order()
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def _action(self, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _view_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.larger_action)
        menu.addAction(self.smaller_action)
        menu.addAction(self.reset_size_action)
        menu.addSeparator()
        self.theme_actions = QActionGroup(self)
        for name in THEMES:
            action = QAction(self.tr(THEME_LABELS[name]), self.theme_actions)
            action.setCheckable(True)
            action.setChecked(name == self.theme.name)
            action.triggered.connect(lambda _checked=False, name=name: self.set_theme(name))
            menu.addAction(action)
        menu.addSeparator()
        language_menu = menu.addMenu(self.tr("Langue"))
        languages = QActionGroup(self)
        for code, label in (("auto", self.tr("Langue du système")), *AVAILABLE_LANGUAGES.items()):
            action = QAction(label, languages)
            action.setCheckable(True)
            action.setChecked(code == self.settings.language)
            action.triggered.connect(lambda _checked=False, code=code: self._choose_language(code))
            language_menu.addAction(action)
        menu.addSeparator()
        if self.files_allowed:
            menu.addAction(self.tr("Dossier des guides…"), self.choose_content_folder)
            menu.addAction(self.tr("Guides fournis avec le programme"), lambda: self._use_content_folder(None))
        menu.addAction(self.tr("À propos de Guide Reader"), self.show_about)
        return menu

    def _build_shortcuts(self) -> None:
        QShortcut(QKeySequence("Ctrl+K"), self, self.focus_search)
        QShortcut(QKeySequence("F6"), self, lambda: self.focus_next_pane(+1))
        QShortcut(QKeySequence("Shift+F6"), self, lambda: self.focus_next_pane(-1))
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_in_article)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_field, self._leave_search_field)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _build_status_bar(self) -> None:
        self.status_label = StatusLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setAccessibleName(self.tr("Préparation de la recherche"))
        self.progress_bar.hide()
        self.problems_label = StatusLabel()  # announced to a screen reader when it changes
        for label in (self.status_label, self.problems_label):  # two long messages share the bar, wrapped
            label.setWordWrap(True)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addWidget(self.problems_label, 1)
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.degraded = DegradedStates(self.status_label)
        self._show_broken_files()

    def _show_broken_files(self) -> None:
        """Said for as long as it is true, beside the other messages of the status bar: the files with errors,
        and a catalogue that cannot be written (a warning, not counted as a broken file)."""
        broken = self.library.broken_files
        parts = []
        if broken:
            parts.append(
                self.tr(
                    "%Ln fichier(s) de guide avec des erreurs : la commande « guide-reader check » les détaille.",
                    "",
                    broken,
                )
            )
        if self.library.catalogue.notice is not None:
            parts.append(
                self.tr("Catalogue des guides impossible à enregistrer : chaque démarrage relira tous les guides.")
            )
        self.problems_label.setText(" ".join(parts))
        self.problems_label.setVisible(bool(parts))

    # Index -----------------------------------------------------------------------

    def start_indexing_after_first_paint(self) -> None:
        """Start the index work once the window is on screen, so it never delays the first paint."""
        self.after_first_paint(self.start_indexing)

    def after_first_paint(self, call: Callable[[], object]) -> None:
        """Run ``call`` once the window is on screen (soon, if it already is), in the order asked: work
        that must not delay the first paint. (A zero timer set before ``show`` would run before the
        first paint: the paint event comes after the timers.)"""
        if self._painted:
            QTimer.singleShot(0, call)
        else:
            self._after_paint.append(call)

    def _first_paint(self) -> None:
        """Called once, by the filter that watches the window until it is painted (then removed: no
        Python call on each of the window's events after that)."""
        self._painted = True
        self.removeEventFilter(self._first_paint_watch)
        QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        calls, self._after_paint = self._after_paint, []
        for call in calls:
            call()

    def start_indexing(self, rebuild: bool = False) -> None:
        """Build or update (or ``rebuild``) the search index on a pool thread; the window stays responsive."""
        self._last_index_try = time.monotonic()
        worker = IndexWorker(self.library, rebuild)
        worker.signals.progress.connect(self._index_progress)
        worker.signals.catalogue_changed.connect(self._catalogue_changed)
        worker.signals.finished.connect(self._index_finished)
        worker.signals.failed.connect(self._index_failed)
        self._index_worker = worker  # keep the signals object alive
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.status_label.setText(self.tr("Préparation de la recherche…"))
        QThreadPool.globalInstance().start(worker)

    def _catalogue_changed(self) -> None:
        """The worker found added, changed or removed files (or read the folder a first time): list the
        guides again."""
        self.home_page.set_entries(self.library.entries)
        self._show_broken_files()

    def _index_progress(self, done: int, total: int, _message: str) -> None:
        self.progress_bar.setRange(0, total)  # total 0: busy (another copy of the program builds it)
        self.progress_bar.setValue(done)
        page = self._search_page
        if page is not None and self.pages.currentWidget() is page and not self.index_is_ready:
            page.show_preparing(done, total)

    def _index_finished(self, report: IndexReport) -> None:
        self.index_is_ready = True
        self.index_error = None
        self.progress_bar.hide()
        self.status_label.setText(self.tr("Recherche prête."))
        self._say_index_problems(report.problems)
        self.index_ready.emit()
        if self._pending_query:
            self._run_search()
        if self._article_page is not None and self._article_page.query:
            self._article_page.refresh_highlights()  # words searched before the index was ready

    def _index_failed(self, message: str) -> None:
        _log.error("search index unavailable: %s", message)
        self._last_index_try = time.monotonic()
        plain = self.tr("La recherche est indisponible pour le moment ; la lecture des guides continue.")
        self.index_error = self.tr("l'index de recherche n'a pas pu être préparé ; une prochaine recherche réessaiera.")
        self.progress_bar.hide()
        self.degraded.say("index", plain)
        self.status_label.setText(plain)
        self.index_unavailable.emit()
        if self._search_page is not None:
            self._search_page.show_unavailable(self.index_error)

    def _retry_indexing(self) -> None:
        """After a failed build, a later search tries again (not more than once every ``INDEX_RETRY_S``)."""
        now = time.monotonic()
        if now - self._last_index_try >= INDEX_RETRY_S:
            self._last_index_try = now
            self.index_error = None
            self.start_indexing()

    def _say_index_problems(self, problems: list[str]) -> None:
        """Each degraded state of the index said once in plain words (the details go to the log)."""
        for problem in problems:
            _log.warning("search index: %s", problem)
            if problem.startswith(("index endommagé", "index illisible")):
                self.degraded.say("search", self.tr("L'index de recherche était endommagé : il a été reconstruit."))
            elif "index en mémoire" in problem:
                self.degraded.say(
                    "index-memory",
                    self.tr(
                        "La recherche fonctionne, mais son index n'a pas pu être enregistré : "
                        "il sera refait au prochain démarrage."
                    ),
                )
            elif "synonymes" in problem:
                self.degraded.say(
                    "synonyms", self.tr("La liste des synonymes n'a pas pu être lue : la recherche marche sans elle.")
                )

    def _search(self, query: str) -> SearchResults:
        """Search; a search that fails on a damaged index says so once and rebuilds it in the worker."""
        seen = len(self.library.search_engine.problems)
        results = self.library.search_engine.search(query)
        self._rebuild_if_search_failed(seen)
        return results

    def _rebuild_if_search_failed(self, seen: int) -> None:
        """The engine's problems past the first ``seen``: a failed search rebuilds the index, said once."""
        engine = self.library.search_engine
        failures = [problem for problem in engine.problems[seen:] if problem.startswith("recherche impossible")]
        if failures and not self._rebuilding:
            _log.error("search failed on the index: %s", failures[0])
            self._rebuilding = True
            self.index_is_ready = False
            self.start_indexing(rebuild=True)
            self.degraded.say(
                "search",
                self.tr("L'index de recherche était endommagé : il est reconstruit, les résultats vont revenir."),
            )

    def _highlight_spans(self, text: str, query: str) -> list[tuple[int, int]]:
        if not self.index_is_ready:
            return []
        return self.library.search_engine.highlight_spans(text, query)

    # Navigation ------------------------------------------------------------------

    def go_to(self, location: Location) -> None:
        if location.page == "article" and self.library.article(location.slug) is None:
            self.status_label.setText(self.tr("Guide introuvable : %1").replace("%1", location.slug))
            return  # no history step, and no page built, for a guide that is not there
        self._remember_position()
        self.history.visit(location)
        self._show(location)

    def go_back(self) -> None:
        self._remember_position()
        location = self.history.back()
        if location is not None:
            self._show(location)

    def go_forward(self) -> None:
        self._remember_position()
        location = self.history.forward()
        if location is not None:
            self._show(location)

    def _remember_position(self) -> None:
        current = self.history.current
        if current is not None and current.page == "article":
            self.history.remember_position(self.article_page.reading_position())
            self._leaving = (current.slug, self.article_page.bookmarkable_anchor())

    def _record_reading(self, slug: str, anchor: str | None) -> None:
        """Note the visit in the reading history: at the section being read, else at the guide itself.

        The section the reader was at when leaving the previous article is noted first, in the
        same write (a later visit replaces a write still waiting; the two stay together).
        « Lu récemment » lists sections only: a reference, the top, the questions' heading are
        noted as the guide, which the list leaves out.
        """
        from ..store.resolve import find_anchor  # the bookmark store's modules: loaded after the first paint

        places: list[tuple[Article, str]] = []
        for place_slug, place_anchor in (self._leaving, (slug, anchor)):
            article = self.library.article(place_slug) if place_slug else None
            if article is not None:
                valid = place_anchor and find_anchor(article, place_anchor) is not None
                places.append((article, place_anchor if valid else ""))
        self._leaving = ("", None)
        if places:
            self.store_writes.submit(
                lambda store: [store.history.record_article(article, place) for article, place in places],
                key="history",
                done=lambda _entries: self._history_written(),
            )

    def _history_written(self) -> None:
        page = self._bookmarks_page
        if page is not None and self.pages.currentWidget() is page:
            page.refresh_history()

    def _show(self, location: Location) -> None:
        before = self.pages.currentWidget()
        focus = QApplication.focusWidget()
        focus_in_page = focus is not None and before is not None and before.isAncestorOf(focus)
        if not self._show_page(location):
            return
        if focus_in_page and self.pages.currentWidget() is not before:
            self.focus_page()  # the focus was in the page that went away: it moves into the new one
        self.page_shown.emit(location.page)

    def focus_page(self) -> None:
        """Put the keyboard focus on the current page's main control (text, results, list)."""
        page = self.pages.currentWidget()
        if page is self._article_page or page is self._search_page:
            target = page.view if page.view.isVisible() else self.search_field
        elif page is self._bookmarks_page:
            target = page.tree if page.tree.isVisible() else page.tabs
        elif page is self.home_page:
            self.home_page.focus_first_card()  # the list of guides, its first (or current) card
            return
        else:
            target = page
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def panes(self) -> list[QWidget]:
        """The window's parts in order, for F6 / Shift+F6: the tool bar, then the page's main controls."""
        page = self.pages.currentWidget()
        if page is self._article_page:
            parts = [page.toc, page.view]
        elif page is self._search_page:
            parts = [page.view]
        elif page is self._bookmarks_page:
            parts = [page.tree if page.tree.isVisible() else page.tabs]
        elif page is self.home_page:
            parts = [self.home_page.filter_field, self.home_page.list]
        else:
            parts = [page]
        first = self.toolbar.widgetForAction(self.back_action)
        tool = next((widget for widget in self.toolbar.focus_order() if widget.isEnabled()), first)
        return [tool, *(part for part in parts if part.isVisible() and part.isEnabled())]

    def focus_next_pane(self, step: int) -> None:
        """Move the focus to the next (``step`` +1) or previous (-1) part of the window."""
        panes = self.panes()
        focus = QApplication.focusWidget()
        here = next((i for i, pane in enumerate(panes) if focus is pane or pane.isAncestorOf(focus)), None)
        if here is None and focus is not None and self.toolbar.isAncestorOf(focus):
            here = 0
        target = panes[((here if here is not None else -1) + step) % len(panes)]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_page(self, location: Location) -> bool:
        if location.page != "article" and self._leaving[0]:
            self._record_reading("", None)  # only the section the reader was at in the guide left
        """Show the page of ``location``; False when its guide is not there."""
        if location.page == "article":
            article = self.library.article(location.slug)
            if article is None:
                self.status_label.setText(self.tr("Guide introuvable : %1").replace("%1", location.slug))
                return False
            self.pages.setCurrentWidget(self.article_page)
            bookmarked = self._bookmarked_anchors(article.slug) if self.bookmarks_allowed else None
            self.article_page.show_article(article, location.anchor, location.position, location.query, bookmarked)
            self.setWindowTitle(f"{article.title} — Guide Reader")
            self._record_reading(article.slug, location.anchor)
        elif location.page == "search":
            self.pages.setCurrentWidget(self.search_page)
            if self.search_field.text() != location.query:
                self.search_field.setText(location.query)
            self._pending_query = location.query
            self._search_in_background()
            self.setWindowTitle(self.tr("Recherche — Guide Reader"))
        elif location.page == "bookmarks":
            self.bookmarks_page.refresh()
            self.pages.setCurrentWidget(self.bookmarks_page)
            self.setWindowTitle(self.tr("Mes signets — Guide Reader"))
        else:
            self.pages.setCurrentWidget(self.home_page)
            self.setWindowTitle(self.tr("Guide Reader — guides de santé hors ligne"))
        self.bookmark_action.setEnabled(self.bookmarks_allowed and location.page == "article")
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        return True

    def _jump_in_article(self, anchor: str) -> None:
        current = self.history.current
        if current is None or current.page != "article":
            return
        if current.anchor == anchor:  # a double click on the contents: one step, not two
            self.article_page.go_to(anchor)
            return
        self.go_to(Location("article", current.slug, anchor, query=current.query))

    def open_article(self, slug: str, anchor: str = "") -> None:
        self.go_to(Location("article", slug, anchor))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Mouse back / forward buttons: a press that the widget under the mouse left unhandled comes
        here (no filter on every event of the program), as from the home page's list, which leaves them
        unhandled; the other item views send theirs through ``eventFilter``."""
        if event.button() == Qt.MouseButton.BackButton:
            self.go_back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.go_forward()
        else:
            super().mousePressEvent(event)

    def _watch_back_buttons(self, widget: QWidget) -> None:
        """Item views take every mouse press: the back / forward buttons are watched on these alone."""
        widget.installEventFilter(self._back_buttons)

    # Search ----------------------------------------------------------------------

    def focus_search(self) -> None:
        if not self.search_field.isEnabled():
            return
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()
        if not self.search_field.text():
            self.go_to(Location("search", query=""))

    def search_for(self, query: str) -> None:
        self.search_field.setText(query)
        self._query_edited(query)
        self.search_timer.stop()
        self._run_search()

    def _query_edited(self, text: str) -> None:
        self.background_search.cancel()  # the results of what was typed before would come too late
        self._pending_query = text
        location = Location("search", query=text)
        current = self.history.current
        if current is not None and current.page == "search":
            self.history.replace_current(location)
            self.pages.setCurrentWidget(self.search_page)
        else:
            self.go_to(location)
        self._update_completions(text)
        self.search_timer.start()

    def _update_completions(self, text: str) -> None:
        if not self.index_is_ready or len(text.strip()) < 2:
            self.background_completions.cancel()
            self.completion_model.set_completions([])
            return
        engine = self.library.search_engine
        self.background_completions.start(text, lambda: engine.complete(text))  # off the window's thread

    def _show_completions(self, text: str, completions: list[Completion]) -> None:
        if text != self.search_field.text():
            return  # typed on since: a newer list is on its way
        self.completion_model.set_completions(completions)
        fit_popup_width(self.completer)
        if completions and self.search_field.isVisible() and self.search_field.completer() is self.completer:
            self.completer.complete()  # the list came after the keystroke: show it now

    def _completion_chosen(self, index: QModelIndex) -> None:
        """A row of the popup (Enter or a click): that guide's section, even when another guide's
        heading reads the same."""
        completion = self.completion_model.completion(index)
        if completion is not None:
            self.go_to(Location("article", completion.article_slug, completion.anchor))
            self.focus_page()

    def _search_in_background(self) -> None:
        """The search after a pause in typing: on a pool thread, so that the next keystroke never waits."""
        query = self._pending_query
        page = self._search_page
        if page is None or self.pages.currentWidget() is not page:
            return
        if query.strip() and self.index_is_ready and self.index_error is None:
            engine = self.library.search_engine
            self._problems_seen = len(engine.problems)
            self.background_search.start(query, lambda: engine.search(query))
        else:
            self._run_search()

    def _show_found(self, query: str, results: object) -> None:
        self._rebuild_if_search_failed(self._problems_seen)
        page = self._search_page
        if page is not None and self.pages.currentWidget() is page and query == self._pending_query:
            page.show_results(results)
            self.page_shown.emit("search")

    def _run_search(self) -> None:
        self.background_search.cancel()  # this answer replaces any still on its way
        query = self._pending_query
        if self._search_page is None or self.pages.currentWidget() is not self._search_page:
            return
        if not query.strip():
            self.search_page.show_hint()
        elif self.index_error is not None:
            self.search_page.show_unavailable(self.index_error)
            self._retry_indexing()
        elif not self.index_is_ready:
            self.search_page.show_preparing()
        else:
            results = self._search(query)
            if self.index_is_ready:
                self.search_page.show_results(results)
            else:  # the index was found damaged: it is being rebuilt, the results come back after
                self.search_page.show_preparing()
        self.page_shown.emit("search")

    def _open_first_result(self) -> None:
        if self.completer.popup().isVisible():
            return  # Enter chose a completion: that one opens, not the first result
        page = self._search_page
        if page is None or self.pages.currentWidget() is not page:
            return
        self.search_timer.stop()
        self._run_search()
        if page.open_first_hit():
            self.focus_page()  # like a browser after its address bar: the keys now read the text

    def open_hit(self, hit: SearchHit) -> None:
        self.go_to(Location("article", hit.article_slug, hit.section_anchor, query=self._pending_query))

    def _leave_search_field(self) -> None:
        if self.completer.popup().isVisible():
            self.completer.popup().hide()
            return
        current = self.pages.currentWidget()
        if current is not None and current in (self._article_page, self._search_page):
            current.view.setFocus()  # so that Page Down and the arrows scroll the text at once
        else:
            current.setFocus()

    def find_in_article(self) -> None:
        if self._article_page is not None and self.pages.currentWidget() is self._article_page:
            self._article_page.open_find()

    # Pages built at first use -------------------------------------------------------

    @property
    def article_page(self) -> ArticlePage:
        if self._article_page is None:
            from .article_page import ArticlePage

            page = ArticlePage(self.theme, self.text_size, self._highlight_spans)
            self._watch_back_buttons(page.toc.viewport())
            page.jump_requested.connect(self._jump_in_article)
            page.bookmark_requested.connect(self.bookmark_section)
            page.read_aloud.load_pronunciation = self._pronunciation
            self.pages.addWidget(page)
            page.resize(self.pages.size())  # laid out before the first scroll to a position
            self._article_page = page
        return self._article_page

    def _pronunciation(self) -> Pronunciation:
        """The read-aloud pronunciation rules of the content folder (else the bundled ones)."""
        from ..content.pronunciation import load_pronunciation, pronunciation_file

        return load_pronunciation(pronunciation_file(self.library.content_dir))

    @property
    def search_page(self) -> SearchPage:
        if self._search_page is None:
            from .search_page import SearchPage

            page = SearchPage(self.theme, self.text_size)
            page.hit_chosen.connect(self.open_hit)
            page.suggestion_chosen.connect(self.search_for)
            self.pages.addWidget(page)
            self._search_page = page
        return self._search_page

    @property
    def bookmarks_page(self) -> BookmarksPage:
        if self._bookmarks_page is None:
            from .bookmarks_page import BookmarksPage

            page = BookmarksPage(self.library, lambda: self.store_writes, self.files_allowed, self.print_allowed)
            self._watch_back_buttons(page.tree.viewport())
            page.open_requested.connect(self.open_article)
            page.edit_requested.connect(self.edit_bookmark_note)
            page.export_requested.connect(self.export_bookmarks)
            page.import_requested.connect(self.import_bookmarks)
            page.print_requested.connect(self.print_sheet)
            page.pdf_requested.connect(self.save_sheet_pdf)
            page.write_failed.connect(self.report_write_failure)
            self.pages.addWidget(page)
            self._bookmarks_page = page
        return self._bookmarks_page

    # Preferences -----------------------------------------------------------------

    def set_theme(self, name: str, remember: bool = True) -> None:
        self.theme = THEMES[name]
        if remember:
            self.settings.theme = name
        apply_theme(QApplication.instance(), self.theme, self.text_size)
        for page in (self._article_page, self._search_page):
            if page is not None:
                page.set_theme(self.theme)
        for action in self.theme_actions.actions():
            action.setChecked(action.text() == self.tr(THEME_LABELS[name]))

    def change_text_size(self, step: int) -> None:
        self.set_text_size(self.text_size + step)

    def reset_text_size(self) -> None:
        self.set_text_size(DEFAULT_TEXT_SIZE)

    def set_text_size(self, size: int, remember: bool = True) -> None:
        """Every text of the program at ``size`` pt for the article (the chrome in proportion)."""
        self.text_size = max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, size))
        if remember:
            self.settings.text_size = self.text_size
        apply_theme(QApplication.instance(), self.theme, self.text_size)  # first: it resizes the chrome
        for page in (self._article_page, self._search_page):
            if page is not None:
                page.set_text_size(self.text_size)
        self.home_page.set_text_size(self.text_size)

    def _choose_language(self, code: str) -> None:
        self.settings.language = code
        self.status_label.setText(self.tr("La langue choisie s'appliquera au prochain démarrage."))

    def choose_content_folder(self) -> None:
        """A clinic's own folder of articles (Markdown), used from the next start on."""
        if not self.files_allowed:
            return
        from PySide6.QtWidgets import QFileDialog

        chosen = QFileDialog.getExistingDirectory(self, self.tr("Dossier des guides"), str(self.library.content_dir))
        if chosen:
            self._use_content_folder(Path(chosen))

    def _use_content_folder(self, folder: Path | None) -> None:
        from ..paths import remember_content_dir

        remember_content_dir(folder)
        self.status_label.setText(
            self.tr("Les guides de « %1 » seront utilisés au prochain démarrage.").replace("%1", str(folder))
            if folder
            else self.tr("Les guides fournis seront utilisés au prochain démarrage.")
        )

    def about_html(self) -> str:
        import html

        from .article_page import trust_text

        rows = []
        listed = self.library.entries if len(self.library.entries) <= ABOUT_SOURCES_UP_TO else []
        for entry in listed:
            article = self.library.article(entry.slug)
            if article is None:
                continue
            details = [html.escape(trust_text(article))]
            sites = sorted({resource.site for resource in article.web_resources if resource.site})
            if sites:
                details.append(html.escape(self.tr("Ressources citées : %1").replace("%1", ", ".join(sites))))
            rows.append(f"<li><b>{html.escape(article.title)}</b><br>{'<br>'.join(details)}</li>")
        offline = self.tr("Guides de santé à lire sans connexion : rien n'est envoyé ni chargé sur internet.")
        folder = self.tr("Dossier des guides : %1").replace("%1", str(self.library.content_dir))
        sources = self.tr("Sources des guides") if listed else self.tr("%Ln guide(s)", "", len(self.library.entries))
        advice = self.tr("Ces guides ne remplacent pas l'avis d'un professionnel de santé.")
        return (
            f"<h3>Guide Reader {html.escape(__version__)}</h3><p>{html.escape(offline)}</p>"
            f"<p>{html.escape(folder)}</p><p><b>{html.escape(sources)}</b></p><ul>{''.join(rows)}</ul>"
            f"<p>{html.escape(advice)}</p>"
        )

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("À propos de Guide Reader"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_html())
        box.open()
        self.about_box = box

    # Session -----------------------------------------------------------------------

    def restore_session(self) -> None:
        """Window geometry now; the last article and position once the window is laid out."""
        geometry = self.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        if self._painted:
            self._reopen_last_article()
        else:
            self.after_first_paint(self._reopen_last_article)

    def _reopen_last_article(self) -> None:
        last = self.settings.last_location
        if last is not None and self.library.article(last[0]) is not None:
            slug, anchor, position = last
            self.go_to(Location("article", slug, anchor, position=position))
            page = self.article_page
            if anchor and page.current_anchor() != anchor and page.view.scroll_to(anchor):
                # The article changed: the saved position now falls in another section; the section wins.
                page.go_to(anchor)
                self.history.replace_current(Location("article", slug, anchor))

    def save_session(self) -> None:
        self.settings.geometry = self.saveGeometry()
        current = self.history.current
        if current is not None and current.page == "article":
            self.settings.last_location = (
                current.slug,
                self.article_page.current_anchor(),
                self.article_page.reading_position(),
            )
        self.settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.toolbar.fit_width(event.size().width())
        super().resizeEvent(event)

    @property
    def store_writes(self) -> StoreWrites:
        """The store's writes, off the GUI thread (created with the store, at first use)."""
        if self._store_writes is None:
            from .store_writes import StoreWrites

            self._store_writes = StoreWrites(self.library.store, self)
            self._store_writes.write_failed.connect(self.report_write_failure)
        return self._store_writes

    def report_write_failure(self, error: BaseException) -> None:
        """Say once that bookmarks and history are not being kept; reading goes on."""
        from .write_failures import reason_text

        self.degraded.say(
            "store-write",
            self.tr("Vos signets et votre historique ne sont pas enregistrés : %1.").replace("%1", reason_text(error)),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._store_writes is not None:
            self._store_writes.close()
        self.save_session()
        worker = getattr(self, "_index_worker", None)
        if worker is not None and not worker.done.is_set():
            worker.cancel()  # an index build (or its checks) half done is cancelled cleanly, not cut off at exit
            QThreadPool.globalInstance().waitForDone(INDEX_STOP_WAIT_MS)
        for background in (self.background_search, self.background_completions):
            background.cancel()
            background.wait(INDEX_STOP_WAIT_MS)
        super().closeEvent(event)
        if worker is None or worker.done.is_set():  # else the worker still holds them: closed at exit
            self.library.close()  # the index's files (its searcher keeps each segment open) and the catalogue


class FirstPaint(QObject):
    """Tells the window of its first paint."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.window._painted:
            self.window._first_paint()
        return False


class BackForwardButtons(QObject):
    """Mouse back / forward buttons pressed over the widgets it watches go back / forward in the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.window.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.window.go_forward()
                return True
        return False


def ask_note(parent: QWidget, heading: str, note: str = "") -> str | None:
    """The bookmark note dialog, loaded at first use."""
    from .note_dialog import ask_note as ask

    return ask(parent, heading, note)
