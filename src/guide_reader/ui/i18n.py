"""Translations: French is the source language; every language, French included (for its
plurals), has a .qm file in resources/translations, refreshed by scripts/update-translations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..paths import resources_dir

SOURCE_LANGUAGE = "fr"
AVAILABLE_LANGUAGES = {"fr": "Français", "en": "English"}


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve_language(choice: str) -> str:
    """'auto' follows the system locale, falling back to French."""
    if choice in AVAILABLE_LANGUAGES:
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in AVAILABLE_LANGUAGES else SOURCE_LANGUAGE


def remove_translators(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the program's and Qt's own translations for ``language``; keep the result alive."""
    translators: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        translators.append(qt_translator)
    own = QTranslator(app)
    if own.load(f"guide_reader_{language}", str(translations_dir())):
        app.installTranslator(own)
        translators.append(own)
    QLocale.setDefault(QLocale(language))
    return translators
