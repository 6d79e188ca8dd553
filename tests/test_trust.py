"""Every article page says where the guide comes from, when it was published and updated, or that it is unknown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale

from guide_reader.content.loader import load_article
from guide_reader.content.markdown_format import to_markdown
from guide_reader.library import Library
from guide_reader.ui.article_page import trust_text
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import Settings

DATED = """---
title: Grippe
author: Dr Martin
publisher: Santé publique France
date: 2024-01-15
updated: 2025-10-02
---

Une infection virale.

## Symptômes {#symptomes}

Fièvre et toux.
"""


def test_publisher_and_last_update_are_read_and_written_back(tmp_path: Path) -> None:
    path = tmp_path / "grippe.md"
    path.write_text(DATED, encoding="utf-8")
    result = load_article(path)
    article = result.article
    assert (article.publisher, article.date, article.updated) == (
        "Santé publique France",
        date(2024, 1, 15),
        date(2025, 10, 2),
    )
    assert "publisher: Santé publique France\nupdated: 2025-10-02" in to_markdown(article)


def test_an_unreadable_update_date_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "grippe.md"
    path.write_text(DATED.replace("updated: 2025-10-02", "updated: octobre"), encoding="utf-8")
    result = load_article(path)
    assert result.article.updated is None
    assert any(problem.line == 6 and "octobre" in problem.message for problem in result.problems)


def test_trust_line_gives_source_dates_or_says_they_are_unknown(tmp_path: Path, qtbot) -> None:
    QLocale.setDefault(QLocale("fr"))
    try:
        path = tmp_path / "grippe.md"
        path.write_text(DATED, encoding="utf-8")
        dated = load_article(path).article
        assert (
            trust_text(dated)
            == "Source : Santé publique France · publié le 15 janvier 2024 · mis à jour le 2 octobre 2025"
        )
        library = Library()
        assert trust_text(library.article("leucopenie")) == (
            "Source non indiquée · date inconnue · mise à jour inconnue"
        )
        assert trust_text(library.article("cancer-qui-regresse-tout-seul")).startswith(
            "Source : Johanna Amselem · publié le 12 mars 2018"
        )
        window = MainWindow(library, Settings())
        qtbot.addWidget(window)
        window.open_article("leucopenie")
        assert window.article_page.trust_label.text() == "Source non indiquée · date inconnue · mise à jour inconnue"
    finally:
        QLocale.setDefault(QLocale.system())
