"""The printable sheet of bookmarked sections (plain HTML, no Qt)."""

from __future__ import annotations

from datetime import date

from guide_reader.content.sheet import SheetEntry, sheet_html
from guide_reader.library import Library


def test_sheet_is_titled_dated_grouped_with_notes_and_texts() -> None:
    library = Library()
    entries = [
        SheetEntry(
            "leucopenie",
            "Leucopénie",
            "quand-consulter-un-medecin",
            "Quand Consulter un Médecin ?",
            "fièvre de <mardi>",
            True,
        ),
        SheetEntry("leucopenie", "Leucopénie", "gone", "Ancienne section", "", False),
    ]
    html = sheet_html(entries, library.article, date(2026, 11, 23))
    assert "<h1>Mes questions pour le médecin</h1>" in html
    assert "Préparé le 23 novembre 2026" in html
    assert html.count("<h2>Leucopénie</h2>") == 1
    assert "fièvre de &lt;mardi&gt;" in html
    assert "Consultez en urgence si vous présentez une fièvre" in html
    assert "n'est plus disponible" in html


def test_empty_sheet_says_so() -> None:
    assert "Aucun signet" in sheet_html([], Library().article, date(2026, 1, 1))
