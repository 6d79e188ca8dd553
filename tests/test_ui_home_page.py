"""The home page at a library's size: only the visible cards are asked for and drawn."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from guide_reader.content.cache import CatalogueEntry
from guide_reader.ui.home_page import SLUG_ROLE, CardDelegate, CatalogueModel, HomePage


def entries(count: int) -> list[CatalogueEntry]:
    words = ["Fièvre", "Angine", "Éruption", "Zona", "Otite", "Asthme"]
    made = [
        CatalogueEntry(f"guide-{n}", f"{words[n % len(words)]} numéro {n}", "Un résumé.", 5, 12, f"guide-{n}.md", "v")
        for n in range(count)
    ]
    return sorted(made, key=lambda entry: entry.title.casefold())


def test_only_the_visible_cards_are_drawn_and_asked_for(qtbot, monkeypatch) -> None:
    painted, asked = [], []
    paint, data = CardDelegate.paint, CatalogueModel.data
    monkeypatch.setattr(
        CardDelegate, "paint", lambda self, p, o, index: painted.append(index.row()) or paint(self, p, o, index)
    )
    monkeypatch.setattr(
        CatalogueModel, "data", lambda self, index, role=0: asked.append(index.row()) or data(self, index, role)
    )
    page = HomePage(entries(5000))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    assert 0 < len(set(painted)) < 12
    assert len(set(asked)) < 50  # not 5,000: the uniform row height is measured once
    painted.clear()
    page.list.scrollToBottom()
    QApplication.processEvents()
    page.list.viewport().repaint()
    assert painted and min(painted) > 4900


def test_the_filter_narrows_thousands_of_cards_and_the_groups_follow(qtbot) -> None:
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("fr"))  # as the window does for a French interface
    try:
        page = HomePage(entries(3000))
        qtbot.addWidget(page)
        qtbot.keyClicks(page.filter_field, "eruption")
        titles = page.titles()  # (the filter applied at once, not after the typing pause)
        label = page.count_label.text()
    finally:
        QLocale.setDefault(QLocale.c())
    assert len(titles) == 500 and all(title.startswith("Éruption") for title in titles)
    assert label == "500 guide(s) sur 3\u202f000"  # the numbers grouped as in French
    page.focus_first_card()
    assert page.list.currentIndex().data(SLUG_ROLE).startswith("guide-")
    with qtbot.waitSignal(page.article_chosen) as chosen:
        qtbot.keyClick(page.list, Qt.Key.Key_Space)
    assert chosen.args == [page.list.currentIndex().data(SLUG_ROLE)]
