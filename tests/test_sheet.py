"""The printable sheet of bookmarked sections (plain HTML, no Qt)."""

from __future__ import annotations

from datetime import date

from guide_reader.content.sheet import SheetEntry, sheet_html, without_unresolved_citations
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
    html = sheet_html(entries, library.article, date(2026, 11, 23), with_texts=True)
    assert "<h1>Mes questions pour le médecin</h1>" in html
    assert "Préparé le 23 novembre 2026" in html
    assert html.count("<h3>Leucopénie</h3>") == 1
    assert "fièvre de &lt;mardi&gt;" in html
    assert "Consultez en urgence si vous présentez une fièvre" in html
    assert "n'est plus disponible" in html


def test_empty_sheet_says_so() -> None:
    assert "Aucun signet" in sheet_html([], Library().article, date(2026, 1, 1))


NOTES = {
    ("leucopenie", "quand-consulter-un-medecin"): "Fièvre de mardi soir : 38,5 °C, faut-il consulter ?",
    ("leucopenie", "definition-et-vue-d-ensemble"): "Mon taux : 3 200. Est-ce une leucopénie ?",
    ("regression-tumorale-spontanee", "les-complications-possibles"): "",
    ("cancer-qui-regresse-tout-seul", "de-quoi-on-parle"): "Demander un avis sur l'article",
}


def entries_for(library: Library) -> list[SheetEntry]:
    entries = []
    for (slug, anchor), note in NOTES.items():
        article = library.article(slug)
        heading = next(section.heading for section in article.sections if section.anchor == anchor)
        entries.append(SheetEntry(slug, article.title, anchor, heading, note, True))
    return entries


def test_page_one_lists_the_notes_with_their_sections_and_the_guides_sources() -> None:
    library = Library()
    html = sheet_html(entries_for(library), library.article, date(2026, 11, 23))
    assert html.index("Mes notes et questions") < html.index("D'où viennent ces informations")
    assert '<b>Quand Consulter un Médecin ?</b> — <span class="guide">Leucopénie</span>' in html
    assert "Mon taux : 3 200. Est-ce une leucopénie ?" in html
    assert "(sans note)" in html  # a bookmark without a note still names its section
    assert "Source : Johanna Amselem · publié le 12 mars 2018 · date de mise à jour inconnue" in html
    assert "Source : source non indiquée · date de publication inconnue" in html
    assert "Texte des sections" not in html
    assert "Consultez en urgence" not in html  # the sections' texts only when asked


def test_section_texts_come_only_when_asked_without_unresolved_citations() -> None:
    library = Library()
    article = library.article("leucopenie")
    listed = {reference.number for reference in article.references}
    assert 17 not in listed and "[17]" in article.sections[0].body  # the guide cites a source it does not list
    html = sheet_html(entries_for(library), library.article, date(2026, 11, 23), with_texts=True)
    texts = html[html.index('<h2 class="texts">') :]
    assert "Consultez en urgence" in texts
    assert "17]" not in texts and "[17" not in texts and "citation-unresolved" not in texts


def test_citation_marks_keep_only_listed_numbers() -> None:
    assert without_unresolved_citations("bas [17]. Haut [1,2,17]. Plage [6-8].", {1, 2, 7}) == (
        "bas. Haut [1,2]. Plage [7]."
    )


def test_sheet_in_another_language() -> None:
    english = {"title": "My questions for the doctor", "source": "Source: %1"}
    html = sheet_html([], Library().article, date(2026, 1, 1), texts=english, format_date=lambda d: d.isoformat())
    assert "<h1>My questions for the doctor</h1>" in html and "2026-01-01" in html
