"""Texts of the layers below ui (renderer, store) are translated in the window like its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from guide_reader.content.loader import load_article
from guide_reader.content.renderer import RENDERER_TEXTS, ArticleRenderer
from guide_reader.content.sheet import SHEET_TEXTS
from guide_reader.library import Library
from guide_reader.messages import Message, fill
from guide_reader.store import BookmarkStore
from guide_reader.store.database import NOTICE_CONTEXT, NOTICE_TEXTS
from guide_reader.ui.i18n import install_translators, remove_translators
from guide_reader.ui.lower_texts import (
    RENDERER_CONTEXT,
    RENDERER_SOURCES,
    SHEET_SOURCES,
    STORE_CONTEXT,
    STORE_SOURCES,
    interface_date,
    message_text,
    renderer_texts,
)
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import Settings

from .conftest import CONTENT_DIR
from .test_ui_i18n import messages

FRENCH_WORDS = ("Questions fréquentes", "Références", "Cité dans", "Marquer cette section", "Avertissement")


def test_the_window_marks_every_text_of_the_lower_layers_for_translation() -> None:
    assert RENDERER_SOURCES == RENDERER_TEXTS and RENDERER_CONTEXT == "ArticleTexts"
    assert STORE_SOURCES == NOTICE_TEXTS and STORE_CONTEXT == NOTICE_CONTEXT
    assert SHEET_SOURCES == SHEET_TEXTS


def test_every_lower_layer_text_has_an_english_translation() -> None:
    english = {m.findtext("source"): m.find("translation").text for m in messages("en")}
    for text in [*RENDERER_TEXTS.values(), *NOTICE_TEXTS.values(), *SHEET_TEXTS.values()]:
        assert english.get(text), text
        assert english[text].count("%") == text.count("%"), text  # every value keeps its place


@pytest.fixture
def english(qtbot):
    app = QApplication.instance()
    translators = install_translators(app, "en")
    yield
    remove_translators(app, translators)
    QLocale.setDefault(QLocale.system())


def test_an_article_in_the_english_window_has_no_french_chrome(english) -> None:
    article = load_article(CONTENT_DIR / "regression-tumorale-spontanee.md").article
    html = ArticleRenderer(article, renderer_texts(), interface_date).render(bookmarked=set())
    for french in FRENCH_WORDS:
        assert french not in html, french
    for words in ("Frequently asked questions", "References", "Cited in:", "Bookmark this section", "Disclaimer:"):
        assert words in html, words


def test_an_article_in_french_keeps_its_french_texts() -> None:
    article = load_article(CONTENT_DIR / "cancer-qui-regresse-tout-seul.md").article
    html = ArticleRenderer(article).render(bookmarked=set())
    assert "Par Johanna Amselem, publié le 12 mars 2018" in html
    assert "Marquer cette section" in html


def test_a_store_notice_is_shown_in_the_interface_language(english, tmp_path: Path, qtbot) -> None:
    path = tmp_path / "guide-reader.sqlite3"
    path.write_bytes(b"not a database at all" * 200)
    with BookmarkStore(path) as store:
        assert store.notice_message is not None and store.notice_message.context == "StoreNotices"
        assert "endommagé" in store.notice  # French on the command line
        shown = message_text(store.notice_message)
        assert "damaged" in shown and store.recovered_from.name in shown and "endommagé" not in shown
    window = MainWindow(Library(store_path=path), Settings())
    qtbot.addWidget(window)
    window.library.store._database.notice_message = Message(
        NOTICE_CONTEXT, NOTICE_TEXTS["unusable_set_aside"], ("/x/a.sqlite3", "disk full", "a.damaged")
    )
    window.show_store_notice()
    text = window.store_notice_box.text()
    assert "a.damaged" in text and "disk full" in text and "/x/a.sqlite3" in text
    assert "Le fichier" not in text


def test_fill_puts_values_in_from_the_highest_number() -> None:
    values = tuple(str(number) for number in range(1, 12))
    assert fill("%1-%11", values) == "1-11"
