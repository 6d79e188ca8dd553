"""French through Qt's translation mechanism, with an English translation shipped."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from guide_reader.library import Library
from guide_reader.ui.home_page import DETAILS_ROLE
from guide_reader.ui.i18n import install_translators, remove_translators, resolve_language, translations_dir
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import Settings

from .conftest import REPO_ROOT


def messages(language: str) -> list[etree.Element]:
    return list(etree.parse(translations_dir() / f"guide_reader_{language}.ts").iter("message"))


def test_english_translation_is_complete() -> None:
    unfinished = [m.findtext("source") for m in messages("en") if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_french_plurals_are_translated() -> None:
    plurals = [m for m in messages("fr") if m.get("numerus") == "yes"]
    assert plurals
    assert all(m.find("translation").get("type") is None for m in plurals)


def test_every_text_of_the_window_is_in_the_translation_files(tmp_path) -> None:
    """A new tr() text must be added with scripts/update-translations and translated."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path) for path in (REPO_ROOT / "src" / "guide_reader" / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {(m.findtext("source"), m.get("numerus")) for m in etree.parse(fresh).iter("message")}
    translated = {(m.findtext("source"), m.get("numerus")) for m in messages("en")}
    assert in_code - translated == set()


def test_compiled_translations_are_shipped() -> None:
    for language in ("en", "fr"):
        assert (translations_dir() / f"guide_reader_{language}.qm").stat().st_size > 0


def test_language_choice() -> None:
    assert resolve_language("en") == "en"
    assert resolve_language("fr") == "fr"
    assert resolve_language("auto") in {"fr", "en"}


@pytest.mark.parametrize(
    ("language", "placeholder", "details"),
    [
        ("en", "Search the guides (Ctrl+K)", "15 sections · 16 min read"),
        ("fr", "Chercher dans les guides (Ctrl+K)", "15 sections · 16 min de lecture"),
    ],
)
def test_window_in_each_language(qtbot, language: str, placeholder: str, details: str) -> None:
    app = QApplication.instance()
    translators = install_translators(app, language)
    try:
        window = MainWindow(Library(), Settings())
        qtbot.addWidget(window)
        assert window.search_field.placeholderText() == placeholder
        assert window.home_page.proxy.index(1, 0).data(DETAILS_ROLE) == details
    finally:
        remove_translators(app, translators)


def test_texts_of_the_bookmark_actions_are_translated_too(qtbot, tmp_path) -> None:
    app = QApplication.instance()
    translators = install_translators(app, "en")
    try:
        window = MainWindow(Library(), Settings())
        qtbot.addWidget(window)
        window.show()
        window.export_bookmarks(tmp_path / "signets.json")
        assert window.status_label.text() == "Bookmarks exported: 0"
    finally:
        remove_translators(app, translators)


def test_the_controls_inside_the_article_page_are_translated_too(qtbot) -> None:
    """« ▶ Écouter » beside each heading, the bookmark star's and the questions' tooltips."""
    app = QApplication.instance()
    translators = install_translators(app, "en")
    try:
        window = MainWindow(Library(), Settings())
        qtbot.addWidget(window)
        window.show()
        window.open_article("leucopenie")
        page = window.article_page.view.toHtml()
        assert "▶\u00a0Listen" in page
        assert "Écouter" not in page and "Masquer la réponse" not in page
    finally:
        remove_translators(app, translators)
