"""Reopening the last article read: at the saved position only while it is still in the saved section."""

from __future__ import annotations

from pathlib import Path

from guide_reader.library import Library
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import Settings

SECTION = "les-complications-possibles"


def _window(qtbot, content: Path) -> MainWindow:
    window = MainWindow(Library(content), Settings())
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _read_and_close(qtbot, content: Path) -> int:
    window = _window(qtbot, content)
    window.open_article("leucopenie", SECTION)
    window.article_page.view.verticalScrollBar().setValue(window.article_page.scroll_value() + 300)
    position = window.article_page.reading_position()
    assert window.article_page.current_anchor() == SECTION
    window.close()
    return position


def _reopen(qtbot, content: Path) -> MainWindow:
    window = _window(qtbot, content)
    window.restore_session()
    qtbot.waitUntil(lambda: window.article_page.article is not None)
    return window


def test_an_unchanged_article_reopens_at_the_saved_line(qtbot, content_copy) -> None:
    position = _read_and_close(qtbot, content_copy)
    window = _reopen(qtbot, content_copy)
    assert 0 <= position - window.article_page.reading_position() < 200
    assert window.article_page.current_anchor() == SECTION


def test_an_article_changed_above_reopens_at_the_saved_section(qtbot, content_copy) -> None:
    _read_and_close(qtbot, content_copy)
    markdown = content_copy / "leucopenie.md"
    text = markdown.read_text(encoding="utf-8")
    added = "\n\n".join(f"Paragraphe ajouté numéro {n}, assez long pour occuper une ligne entière." for n in range(60))
    markdown.write_text(text.replace("## Épidémiologie", added + "\n\n## Épidémiologie", 1), encoding="utf-8")
    window = _reopen(qtbot, content_copy)
    assert window.article_page.current_anchor() == SECTION


def test_an_article_shortened_above_reopens_at_the_saved_section(qtbot, content_copy) -> None:
    _read_and_close(qtbot, content_copy)
    markdown = content_copy / "leucopenie.md"
    text = markdown.read_text(encoding="utf-8")
    start = text.index("## Épidémiologie")
    end = text.index("## Le Parcours Diagnostic")
    markdown.write_text(text[:start] + text[end:], encoding="utf-8")
    window = _reopen(qtbot, content_copy)
    assert window.article_page.current_anchor() == SECTION
