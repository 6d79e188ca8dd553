"""The reader window, driven as a reader would (pytest-qt, offscreen)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtGui import QAccessible, QMouseEvent
from PySide6.QtWidgets import QApplication

from guide_reader.library import Library
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE, Settings
from guide_reader.ui.theme import THEMES, apply_theme

from .conftest import show_and_index


def make_window(qtbot) -> MainWindow:
    apply_theme(QApplication.instance(), THEMES["light"], DEFAULT_TEXT_SIZE)
    return show_and_index(qtbot, MainWindow(Library(), Settings()))


@pytest.fixture
def window(qtbot) -> MainWindow:
    return make_window(qtbot)


def open_article(qtbot, window: MainWindow, slug: str, anchor: str = "") -> None:
    window.open_article(slug, anchor)
    assert window.pages.currentWidget() is window.article_page
    assert window.article_page.article is not None and window.article_page.article.slug == slug


TITLES = [
    "Cancer qui régresse tout seul : est-ce vraiment possible ?",
    "Leucopénie",
    "Régression Tumorale Spontanée",
]


def test_home_lists_every_article_as_a_card_named_for_a_screen_reader(window) -> None:
    assert window.home_page.titles() == TITLES
    cards = QAccessible.queryAccessibleInterface(window.home_page.list)
    assert cards.role() == QAccessible.Role.List
    items = [cards.child(row) for row in range(cards.childCount())]
    assert [item.text(QAccessible.Text.Name) for item in items] == TITLES
    assert {item.role() for item in items} == {QAccessible.Role.ListItem}
    assert items[1].text(QAccessible.Text.Description).startswith("15 section(s) · 16 min de lecture. La leucopénie")
    assert window.pages.currentWidget() is window.home_page


def test_the_filter_field_narrows_the_list_accents_and_case_ignored(qtbot, window) -> None:
    home = window.home_page
    qtbot.keyClicks(home.filter_field, "REGRESS")
    assert home.titles() == [TITLES[0], TITLES[2]]
    assert home.count_label.text() == "2 guide(s) sur 3"
    qtbot.keyClicks(home.filter_field, " spontanee")
    assert home.titles() == [TITLES[2]]
    qtbot.keyClick(home.filter_field, Qt.Key.Key_Return)  # opens the first guide listed
    assert window.article_page.article.slug == "regression-tumorale-spontanee"
    window.go_back()
    home.filter_field.setText("globules blancs")  # the lead counts too
    assert home.titles() == [TITLES[1]]
    home.filter_field.setText("zzz")
    assert home.titles() == [] and home.count_label.text() == "0 guide(s) sur 3"
    home.reset()
    assert home.titles() == TITLES and home.count_label.text() == "3 guide(s)"


def test_open_an_article_from_the_home_page_with_a_click(qtbot, window) -> None:
    home = window.home_page
    rect = home.list.visualRect(home.row_of("leucopenie"))
    with qtbot.waitSignal(window.page_shown):
        qtbot.mouseClick(home.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget() is window.article_page
    assert window.article_page.article.slug == "leucopenie"
    assert window.article_page.toc.topLevelItemCount() > 15
    assert "Leucopénie" in window.windowTitle()


def test_table_of_contents_jumps_and_the_active_section_follows(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie")
    page = window.article_page
    toc_items = page._toc_items()
    target = next(item for item in toc_items if item.data(0, Qt.ItemDataRole.UserRole) == "les-complications-possibles")
    rect = page.toc.visualItemRect(target)
    qtbot.mouseClick(page.toc.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.scroll_value() > 0
    assert page.current_anchor() == "les-complications-possibles"
    assert page.toc.currentItem() is target
    page.view.verticalScrollBar().setValue(0)
    assert page.toc.currentItem().data(0, Qt.ItemDataRole.UserRole) == "top"


def test_back_and_forward_like_a_browser(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie")
    window.article_page.jump_requested.emit("quand-consulter-un-medecin")
    scroll_at_section = window.article_page.scroll_value()
    assert scroll_at_section > 0
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.article_page.scroll_value() == 0
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.article_page.scroll_value() == scroll_at_section
    window.go_back()
    window.go_back()
    assert window.pages.currentWidget() is window.home_page


def test_mouse_back_button_goes_back(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie")
    viewport = window.article_page.view.viewport()
    point = QPointF(20, 20)
    press = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress,
        point,
        viewport.mapToGlobal(point),
        Qt.MouseButton.BackButton,
        Qt.MouseButton.BackButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, press)
    assert window.pages.currentWidget() is window.home_page


def test_type_a_query_and_open_a_result_at_its_section(qtbot, window) -> None:
    qtbot.keyClicks(window.search_field, "fievre")
    qtbot.waitUntil(lambda: len(window.search_page.hits) > 0)
    assert window.pages.currentWidget() is window.search_page
    hit = window.search_page.hits[0]
    assert "fièvre" in hit.snippet.lower()
    with qtbot.waitSignal(window.page_shown):
        window.search_page.open_hit_at(0)
    page = window.article_page
    assert page.article.slug == hit.article_slug
    assert page.current_anchor() == (hit.section_anchor or "top")
    assert page.view.highlight_count("search") > 0


def test_did_you_mean_is_clickable(qtbot, window) -> None:
    window.search_for("leucopnie")
    results = window.search_page.results
    assert results is not None and results.suggestion == "leucopénie"
    assert "Vouliez-vous dire" in window.search_page.plain_text()
    window.search_page.suggestion_button.click()
    assert window.search_field.text() == "leucopénie"
    assert window.search_page.results.query == "leucopénie"
    assert window.search_page.hits


def test_completions_from_titles_headings_and_questions(qtbot, window) -> None:
    with qtbot.waitSignal(window.background_completions.done):
        qtbot.keyClicks(window.search_field, "conta")
    labels = [window.completion_model.index(row).data() for row in range(window.completion_model.rowCount())]
    assert "La leucopénie est-elle contagieuse ? — Leucopénie" in labels
    window._completion_chosen(
        window.completion_model.index(labels.index("La leucopénie est-elle contagieuse ? — Leucopénie"))
    )
    assert window.article_page.current_anchor() == "faq-la-leucopenie-est-elle-contagieuse"


def popup_rows(window) -> list[str]:
    popup = window.completer.popup()
    return [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]


@pytest.mark.parametrize(
    ("row", "slug"),
    [(0, "leucopenie"), (1, "regression-tumorale-spontanee")],
)
def test_same_heading_in_two_guides_gives_two_labelled_completions(qtbot, window, row: int, slug: str) -> None:
    qtbot.keyClicks(window.search_field, "quand")
    qtbot.waitUntil(window.completer.popup().isVisible)
    assert popup_rows(window) == [
        "Quand Consulter un Médecin ? — Leucopénie",
        "Quand Consulter un Médecin ? — Régression Tumorale Spontanée",
    ]
    popup = window.completer.popup()
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().row() == row
    with qtbot.waitSignal(window.page_shown):
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert window.article_page.article.slug == slug
    assert window.article_page.current_anchor() == "quand-consulter-un-medecin"


def test_a_click_on_a_completion_opens_that_guide(qtbot, window) -> None:
    qtbot.keyClicks(window.search_field, "quand")
    qtbot.waitUntil(window.completer.popup().isVisible)
    popup = window.completer.popup()
    rect = popup.visualRect(popup.model().index(1, 0))
    with qtbot.waitSignal(window.page_shown):
        qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article_page.article.slug == "regression-tumorale-spontanee"
    assert window.article_page.current_anchor() == "quand-consulter-un-medecin"


def test_no_result_state_helps(qtbot, window) -> None:
    window.search_for("zzzzqqqq")
    assert "Aucun résultat pour « zzzzqqqq »" in window.search_page.plain_text()
    window.search_for("")
    assert "Chercher dans tous les guides" in window.search_page.plain_text()


def test_citation_shows_its_reference_without_losing_the_place(qtbot, window) -> None:
    open_article(qtbot, window, "regression-tumorale-spontanee", "les-complications-possibles")
    page = window.article_page
    scroll = page.scroll_value()
    page.view.anchorClicked.emit(QUrl("#ref-13"))
    assert page.reference_panel.isVisible()
    assert "[13]</b> Régression tumorale" in page.reference_panel.label.text()
    assert page.scroll_value() == scroll
    page.reference_panel.go_button.click()
    assert page.current_anchor() in {"references", "ref-13"} or page.scroll_value() > scroll
    window.go_back()
    assert page.scroll_value() == scroll


def test_unresolved_citation_says_the_source_is_not_listed(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie")
    window.article_page.view.anchorClicked.emit(QUrl("#source-non-listee-17"))
    panel = window.article_page.reference_panel
    assert panel.isVisible()
    assert "n'est pas listée" in panel.label.text()
    assert not panel.go_button.isVisible()


def test_reference_lists_the_places_that_cite_it(qtbot, window) -> None:
    open_article(qtbot, window, "regression-tumorale-spontanee", "references")
    page = window.article_page
    html = page.view.toHtml()
    assert "Cité dans" in html
    page.view.anchorClicked.emit(QUrl("#quand-consulter-un-medecin"))
    assert page.current_anchor() == "quand-consulter-un-medecin"


def test_external_addresses_are_never_followed(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie")
    page = window.article_page
    scroll = page.scroll_value()
    page.view.anchorClicked.emit(QUrl("https://example.org/#ref-1"))
    page.view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert not page.reference_panel.isVisible()
    assert page.scroll_value() == scroll
    assert page.view.loadResource(2, QUrl("https://example.org/x.png")) is None


def test_faq_questions_fold_and_unfold(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie", "questions-frequentes")
    page = window.article_page
    answer = "n'est absolument pas contagieuse"
    assert answer in page.view.toPlainText()
    page.view.anchorClicked.emit(QUrl("#plier-faq-la-leucopenie-est-elle-contagieuse"))
    assert answer not in page.view.toPlainText()
    page.view.anchorClicked.emit(QUrl("#plier-faq-la-leucopenie-est-elle-contagieuse"))
    assert answer in page.view.toPlainText()


def test_find_in_the_article_ignores_accents(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.article_page.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "fievre")
    assert len(bar.matches) > 3
    assert bar.count_label.text() == f"1 sur {len(bar.matches)}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 sur {len(bar.matches)}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_text_size_and_theme_are_remembered(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == DEFAULT_TEXT_SIZE + 2
    window.set_theme("dark")
    window.settings.sync()
    again = Settings()
    assert (again.text_size, again.theme) == (DEFAULT_TEXT_SIZE + 2, "dark")
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size == DEFAULT_TEXT_SIZE
    open_article(qtbot, window, "leucopenie")
    assert window.article_page.view.document().defaultFont().pointSize() == DEFAULT_TEXT_SIZE
    assert THEMES["dark"].background in window.article_page.view.toHtml()


def test_geometry_and_last_position_are_restored(qtbot) -> None:
    first = make_window(qtbot)
    open_article(qtbot, first, "leucopenie", "les-complications-possibles")
    first.article_page.view.verticalScrollBar().setValue(first.article_page.scroll_value() + 300)
    position = first.article_page.reading_position()
    assert position > 0
    first.close()
    assert Settings().geometry is not None
    second = make_window(qtbot)
    second.restore_session()
    assert second.article_page.article.slug == "leucopenie"
    assert 0 <= position - second.article_page.reading_position() < 200  # the same line, wrapped anew
    assert second.article_page.current_anchor() == "les-complications-possibles"


def test_the_reading_position_survives_a_text_size_change(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie", "les-complications-possibles")
    window.article_page.view.verticalScrollBar().setValue(window.article_page.scroll_value() + 200)
    position = window.article_page.reading_position()
    window.change_text_size(+3)
    assert 0 <= position - window.article_page.reading_position() < 200  # the line being read stays at the top
    window.go_to(window.history.current.__class__("home"))
    window.change_text_size(-3)
    window.go_back()
    assert 0 <= position - window.article_page.reading_position() < 200


def test_keyboard_only_reading(qtbot, window) -> None:
    window.activateWindow()
    window.home_page.focus_first_card()
    assert QApplication.focusWidget() is window.home_page.list
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert window.home_page.list.currentIndex().row() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.article_page.article.slug == "leucopenie"
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_field
    qtbot.keyClicks(window.search_field, "contagieux")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.article_page
    assert window.article_page.current_anchor() == "faq-la-leucopenie-est-elle-contagieuse"


def test_controls_have_accessible_names(window) -> None:
    for widget in (window.search_field, window.article_page.toc, window.article_page.view, window.view_button):
        assert widget.accessibleName()


def test_completion_chosen_with_enter_does_not_also_open_the_first_result(qtbot, window) -> None:
    with qtbot.waitSignal(window.background_completions.done):
        qtbot.keyClicks(window.search_field, "conta")
    window.completer.complete()
    assert window.completer.popup().isVisible()
    window._open_first_result()  # what returnPressed does while the popup is open
    assert window.pages.currentWidget() is window.search_page


def test_a_double_click_on_the_contents_is_one_step_back(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie")
    window.article_page.jump_requested.emit("les-complications-possibles")
    window.article_page.jump_requested.emit("les-complications-possibles")
    window.go_back()
    assert window.article_page.current_anchor() == "top"


def test_a_missing_guide_is_no_step_in_the_history(qtbot, window) -> None:
    window.open_article("guide-disparu")
    assert window.pages.currentWidget() is window.home_page
    assert not window.history.can_go_back()
    assert "Guide introuvable" in window.status_label.text()


def test_escape_in_the_search_field_gives_the_keys_to_the_results(qtbot, window) -> None:
    window.search_for("fievre")
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.search_page.view


def test_a_failed_index_build_says_so_instead_of_waiting(qtbot, window) -> None:
    window._index_failed("disque plein")
    window.search_for("fievre")
    assert "La recherche est indisponible" in window.search_page.plain_text()
    assert "La recherche est indisponible" in window.status_label.text()
    assert "disque plein" not in window.status_label.text()  # the raw reason goes to the log, not the window


def test_words_searched_before_the_index_was_ready_get_highlighted(qtbot) -> None:
    apply_theme(QApplication.instance(), THEMES["light"], DEFAULT_TEXT_SIZE)
    window = MainWindow(Library(), Settings())
    qtbot.addWidget(window)
    window.show()
    window.go_to(window.history.current.__class__("article", "leucopenie", "", query="fievre"))
    assert window.article_page.view.highlight_count("search") == 0
    with qtbot.waitSignal(window.index_ready, timeout=60_000):
        window.start_indexing()
    assert window.article_page.view.highlight_count("search") > 0


def press(widget, button) -> None:
    point = QPointF(20, 20)
    event = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress, point, widget.mapToGlobal(point), button, button,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_mouse_back_and_forward_buttons_over_item_views(qtbot, window) -> None:
    open_article(qtbot, window, "leucopenie")
    press(window.article_page.toc.viewport(), Qt.MouseButton.BackButton)
    assert window.pages.currentWidget() is window.home_page
    press(window.home_page.list.viewport(), Qt.MouseButton.ForwardButton)
    assert window.pages.currentWidget() is window.article_page
    press(window.search_field, Qt.MouseButton.BackButton)
    assert window.pages.currentWidget() is window.home_page


def test_no_filter_on_every_event_of_the_program(qtbot, window) -> None:
    filters = []
    original = QApplication.installEventFilter
    try:
        QApplication.installEventFilter = lambda app, obj: filters.append(obj) or original(app, obj)
        window.go_to(window.history.current.__class__("home"))
        qtbot.wait(10)
    finally:
        QApplication.installEventFilter = original
    assert filters == []


def test_a_search_typed_runs_off_the_window_thread_and_only_the_last_query_shows(qtbot, window) -> None:
    threads = []
    engine = window.library.search_engine
    original = engine.search

    def search(query: str, limit: int = 20):
        threads.append(threading.current_thread())
        return original(query, limit)

    engine.search = search
    qtbot.keyClicks(window.search_field, "fiev")
    window._search_in_background()  # the pause after 'fiev', then more letters before it answers
    qtbot.keyClicks(window.search_field, "re")
    with qtbot.waitSignal(window.background_search.done, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: bool(window.search_page.hits))
    assert threads and threading.main_thread() not in threads
    assert window.search_page.hits[0].snippet.lower().count("fièvre") >= 1
    assert window.search_field.text() == "fievre"


def test_the_window_lists_the_kept_catalogue_then_the_worker_brings_it_in_step(qtbot, content_copy) -> None:
    from benchmarks.corpus import SHORT, write_corpus

    Library(content_copy).close()  # the catalogue as a previous start left it
    (content_copy / "leucopenie.md").unlink()
    (added,) = write_corpus(content_copy, 1, seed=8, lengths=SHORT)
    (content_copy / "casse.md").write_bytes(b"\x00binary")
    library = Library(content_copy, sync=False)
    window = MainWindow(library, Settings())
    assert TITLES[1] in window.home_page.titles()  # at first paint: what was kept, no file read
    show_and_index(qtbot, window)
    titles = window.home_page.titles()
    assert TITLES[1] not in titles and library.entry(added.stem).title in titles and len(titles) == 3
    assert library.broken_files == 1 and window.problems_label.isVisible()
    assert window.problems_label.text().startswith("1 fichier(s) de guide avec des erreurs : la commande « guide")


@pytest.mark.usefixtures("full_catalogue_disk")
def test_a_catalogue_that_cannot_be_written_is_said_in_the_status_bar_not_counted_as_broken(
    qtbot, content_copy
) -> None:
    library = Library(content_copy, sync=False)
    window = show_and_index(qtbot, MainWindow(library, Settings()))
    assert library.catalogue.cache_file is None and len(window.home_page.titles()) == 3
    assert library.broken_files == 0 and window.problems_label.isVisible()
    assert window.problems_label.text() == (
        "Catalogue des guides impossible à enregistrer : chaque démarrage relira tous les guides."
    )
    # The index kept in memory too (the same unwritable cache): both long messages are read whole.
    window.resize(800, 600)
    window.status_label.setText(
        "La recherche fonctionne, mais son index n'a pas pu être enregistré : il sera refait au prochain démarrage."
    )
    qtbot.wait(100)  # (the status bar laid out again)

    def shown_whole(label) -> bool:
        if label.wordWrap():
            return label.heightForWidth(label.width()) <= label.height()
        return label.sizeHint().width() <= label.width()

    for label in (window.status_label, window.problems_label):
        assert label.width() > 250 and shown_whole(label), (label.text(), label.width())


def test_the_catalogue_brought_in_step_is_read_by_the_worker_not_the_window(qtbot, content_copy) -> None:
    from benchmarks.corpus import SHORT, write_corpus

    Library(content_copy).close()  # the catalogue as a previous start left it
    write_corpus(content_copy, 1, seed=9, lengths=SHORT)  # a file added since: the listing changes
    library = Library(content_copy, sync=False)
    window = MainWindow(library, Settings())  # the first paint lists the kept catalogue (window's thread)
    readers: list[threading.Thread] = []
    catalogue = library.catalogue
    for name in ("entries", "problems", "broken_files"):
        read = getattr(catalogue, name)

        def recorded(read=read):
            readers.append(threading.current_thread())
            return read()

        setattr(catalogue, name, recorded)
    show_and_index(qtbot, window)
    assert len(window.home_page.titles()) == 4
    assert readers and threading.main_thread() not in readers  # 10,000 rows read off the window's thread


def test_a_first_start_on_a_new_folder_says_it_is_reading_then_lists(qtbot, tmp_path) -> None:
    from benchmarks.corpus import SHORT, write_corpus

    write_corpus(tmp_path / "guides", 4, seed=6, lengths=SHORT)
    library = Library(tmp_path / "guides", sync=False)
    window = MainWindow(library, Settings())
    assert window.home_page.titles() == []
    assert window.home_page.empty_label.text().startswith("Lecture des guides du dossier")
    show_and_index(qtbot, window)
    assert len(window.home_page.titles()) == 4 and not window.home_page.empty_label.isVisible()


def test_closing_the_window_closes_the_index_files(qtbot) -> None:
    window = make_window(qtbot)
    window.search_for("fievre")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.search_page, timeout=10_000)
    engine = window.library.search_engine
    assert engine._searchers._open  # the searcher keeps each segment's file open
    window.close()
    assert not engine._searchers._open and "search_engine" not in window.library.__dict__
