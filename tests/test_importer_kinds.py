"""Each kind of real page the importer reads, on a small input written for it (importer_inputs)."""

from __future__ import annotations

from datetime import date

import pytest

from guide_reader.content.checks import display_problems
from guide_reader.content.importer import import_text
from guide_reader.content.loader import load_article
from guide_reader.content.markdown_format import to_markdown
from guide_reader.content.renderer import render_article
from guide_reader.content.text import slugify

from . import importer_inputs as pages


def _round_trip(tmp_path, article):
    path = tmp_path / f"{article.slug}.md"
    path.write_text(to_markdown(article), encoding="utf-8")
    return load_article(path)


def test_second_guide_layout_gives_title_lead_and_sections(tmp_path) -> None:
    result = import_text(pages.GUIDE_SECOND_LAYOUT, "angine.txt")
    article = result.article
    assert (article.title, article.slug) == ("Angine", "angine")
    assert article.subtitle == "Guide Complet 2025 - Symptômes, Causes et Traitements"
    assert article.lead == (
        "L'angine est une inflammation des amygdales, le plus souvent due à un virus [1].\n\n"
        "Elle touche surtout les enfants et les jeunes adultes, en hiver."
    )
    assert [s.heading for s in article.sections] == [
        "Angine : Définition et Vue d'Ensemble",
        "Quand Consulter un Médecin ?",
    ]
    assert article.sections[1].body.startswith("Consultez si la fièvre dure")
    markdown = to_markdown(article)
    for debris in pages.GUIDE_SECOND_LAYOUT_DEBRIS[2:]:
        assert debris.lstrip("•* ") not in markdown
    assert "Aller au contenu" not in markdown
    assert [item.text for item in result.dropped] == [line.lstrip("•* ") for line in pages.GUIDE_SECOND_LAYOUT_DEBRIS]
    assert [item.kind for item in result.dropped] == ["navigation", "titre répété", *["publicité"] * 4, "légende"]
    assert pages.kept_word_ratio(pages.GUIDE_SECOND_LAYOUT, pages.GUIDE_SECOND_LAYOUT_DEBRIS, markdown) >= 0.98
    assert _round_trip(tmp_path, article).article == article


def test_skip_link_in_english_is_dropped_too() -> None:
    text = pages.GUIDE_SECOND_LAYOUT.replace("Aller au contenu principal", "Skip to main content")
    assert import_text(text, "angine.txt").article.title == "Angine"


def test_french_captions_under_headings_are_dropped_and_headings_kept() -> None:
    result = import_text(pages.CAPTIONS, "otite.txt")
    assert [s.heading for s in result.article.sections] == ["Quand consulter ?", "Les Traitements", "Prévenir l'otite"]
    assert result.article.sections[0].body.startswith("Consultez si la douleur")
    assert [(item.kind, item.text) for item in result.dropped] == [
        ("légende", caption) for caption in pages.CAPTIONS_DEBRIS
    ]
    markdown = to_markdown(result.article)
    assert pages.kept_word_ratio(pages.CAPTIONS, pages.CAPTIONS_DEBRIS, markdown) >= 0.98
    assert '<h2 class="alert"' in render_article(result.article)  # the red « Quand consulter » frame


@pytest.mark.parametrize(
    ("byline", "author", "published", "updated"),
    [
        ("Publié le 9 février 2023", None, date(2023, 2, 9), None),
        ("Par Claire Dubois", "Claire Dubois", None, None),
        ("Publié le 12/03/2018 à 10h30 par Claire Dubois", "Claire Dubois", date(2018, 3, 12), None),
        ("Mis à jour le 12/03/2018", None, None, date(2018, 3, 12)),
        ("RÉDIGÉ PAR UN MÉDECIN", "Un médecin", None, None),
        ("Publié le 1er mars 2022, mis à jour le 4 avril 2023", None, date(2022, 3, 1), date(2023, 4, 4)),
        ("Dernière mise à jour : 05/01/2024", None, None, date(2024, 1, 5)),
        ("Par Dr Marc Lévy, le 3 juin 2021", "Dr Marc Lévy", date(2021, 6, 3), None),
        ("Rédigé par Anne-Sophie de La Tour | Publié le 2 mai 2020", "Anne-Sophie de La Tour", date(2020, 5, 2), None),
    ],
)
def test_bylines_go_to_the_front_matter_and_are_shown(tmp_path, byline, author, published, updated) -> None:
    raw = f"Rhume : les bons gestes\n\n{byline}\n\nLe rhume guérit seul.\n\nQue faire ?\n\nSe moucher souvent.\n"
    result = import_text(raw, "rhume.txt")
    article = result.article
    assert (article.author, article.date, article.updated) == (author, published, updated)
    assert [s.heading for s in article.sections] == ["Que faire ?"]
    assert article.lead == "Le rhume guérit seul."
    assert [(item.kind, item.text) for item in result.dropped] == [("signature", byline)]
    loaded = _round_trip(tmp_path, article).article
    assert (loaded.author, loaded.date, loaded.updated) == (author, published, updated)
    shown = render_article(loaded)
    if author:
        assert author in shown
    if updated:
        assert "mis à jour le" in shown.lower()


def test_a_sentence_starting_with_par_is_not_a_byline() -> None:
    raw = "Rhume : les bons gestes\n\nPar ailleurs, le rhume guérit seul.\n\nQue faire ?\n\nSe moucher.\n"
    article = import_text(raw, "rhume.txt").article
    assert article.author is None and article.lead == "Par ailleurs, le rhume guérit seul."


def test_navigation_and_share_debris_never_become_sections() -> None:
    result = import_text(pages.NAVIGATION, "varicelle.txt")
    article = result.article
    assert article.title == "Varicelle : ce qu'il faut savoir"
    assert article.lead == "La varicelle est une maladie contagieuse de l'enfance, le plus souvent bénigne."
    assert [s.heading for s in article.sections] == ["Qu'est-ce que la varicelle ?", "Les symptômes", "Les traitements"]
    markdown = to_markdown(article)
    contents = ("• Qu'est-ce que la varicelle ?", "• Les symptômes", "• Les traitements")  # headings too
    for debris in pages.NAVIGATION_DEBRIS:
        if debris not in contents:
            assert debris.lstrip("• ") not in markdown
    assert markdown.count("Les symptômes") == 1
    assert sorted(item.text for item in result.dropped) == sorted(line.lstrip("• ") for line in pages.NAVIGATION_DEBRIS)
    assert pages.kept_word_ratio(pages.NAVIGATION, pages.NAVIGATION_DEBRIS, markdown) >= 0.98


@pytest.mark.parametrize(
    "debris",
    [
        "A lire également",
        "À découvrir aussi : Les remèdes de grand-mère contre la toux",
        "Voir aussi : Bronchite chez l'adulte",
        "Sur le même sujet",
        "Partager sur Pinterest",
        "Partager cet article",
        "Suivez-nous sur Instagram",
        "Abonnez-vous à notre newsletter",
        "Articles similaires",
        "Laisser un commentaire",
        "Cliquez ici pour lire la suite",
        "Passer au contenu",
        "Accueil > Santé > Maladies > Toux",
    ],
)
def test_navigation_patterns_not_exact_strings(debris) -> None:
    raw = f"Toux : que faire ?\n\nLa toux est un réflexe.\n\n{debris}\n\nLes causes\n\nUn rhume, le plus souvent.\n"
    result = import_text(raw, "toux.txt")
    assert [s.heading for s in result.article.sections] == ["Les causes"]
    assert result.article.lead == "La toux est un réflexe."
    assert [item.text for item in result.dropped] == [debris]


def test_pipe_tables_stay_tables_and_nothing_is_dropped(tmp_path) -> None:
    result = import_text(pages.TABLE, "eczema.txt")
    article = result.article
    headings = [s.heading for s in article.sections]
    assert headings == ["Fréquence selon le type", "Traitements", "Les Crèmes", "Quand consulter ?"]
    assert article.sections[0].body == (
        "| Type | Fréquence |\n| --- | --- |\n"
        "| Eczéma atopique | 15% des enfants |\n| Eczéma de contact | 5% des adultes |"
    )
    assert (article.sections[1].body, article.sections[2].body) == (
        "",  # a part whose text is in its subpart: both headings kept
        "Les dermocorticoïdes calment les poussées en quelques jours.",
    )
    assert result.dropped == []
    assert pages.kept_word_ratio(pages.TABLE, [], to_markdown(article)) >= 0.98
    assert _round_trip(tmp_path, article).article == article
    shown = render_article(article)
    assert "<table border=" in shown and "<td>15% des enfants</td>" in shown


def test_numbered_lines_show_no_backslash(tmp_path) -> None:
    article = import_text(pages.NUMBERED, "gastro.txt").article
    body = article.sections[0].body
    assert "\\1" not in body and "\\3" not in body
    shown = render_article(article)
    assert "1. boire souvent;" in shown and "3) se laver les mains." in shown and "\\" not in shown
    assert _round_trip(tmp_path, article).article == article


def test_heading_ending_with_an_ellipsis() -> None:
    article = import_text(pages.NUMBERED, "gastro.txt").article
    assert [s.heading for s in article.sections] == ["Que faire ?", "Et chez le nourrisson…"]


@pytest.mark.parametrize(
    "heading",
    [
        "Régression Tumorale Spontanée : Définition et Vue d'Ensemble",
        "Qu'est-ce que l'hypertension artérielle et qu'en penser aujourd'hui",
    ],
)
def test_anchors_are_never_cut_mid_word(heading) -> None:
    anchor = slugify(heading, 50)
    assert len(anchor) <= 50
    last = anchor.rsplit("-", 1)[-1]
    assert len(last) > 1 and last not in {"qu", "l", "d"}


def test_check_warns_about_navigation_caption_and_byline_titles_and_headings(tmp_path) -> None:
    text = (
        "---\ntitle: Aller au contenu principal\n---\n\nTexte.\n\n"
        "## Médecin examinant la gorge d'un enfant {#medecin}\n\nTexte.\n\n"
        "## Publié le 9 février 2023 {#publie}\n\nTexte.\n\n"
        "## À lire aussi {#a-lire}\n\nTexte.\n\n"
        "## Quand consulter ? {#quand}\n\nTexte.\n"
    )
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    article = load_article(path).article
    messages = [str(problem) for problem in display_problems("a.md", text, article)]
    assert len(messages) == 4, messages
    assert any("titre" in message and "navigation" in message for message in messages)
    assert any("a.md:7:" in message and "légende" in message and "Médecin examinant" in message for message in messages)
    assert any("signature" in message for message in messages)
    assert all("Quand consulter" not in message for message in messages)


LAYOUTS = {
    "magazine": (pages.MAGAZINE_COPY, pages.MAGAZINE_COPY_DEBRIS),
    "brand-questions": (pages.BRAND_QUESTIONS_COPY, pages.BRAND_QUESTIONS_COPY_DEBRIS),
    "encyclopedia": (pages.ENCYCLOPEDIA_COPY, pages.ENCYCLOPEDIA_COPY_DEBRIS),
    "blog": (pages.BLOG_COPY, pages.BLOG_COPY_DEBRIS),
    "guide-second-layout": (pages.GUIDE_SECOND_LAYOUT, pages.GUIDE_SECOND_LAYOUT_DEBRIS),
    "captions": (pages.CAPTIONS, pages.CAPTIONS_DEBRIS),
    "navigation": (pages.NAVIGATION, pages.NAVIGATION_DEBRIS),
    "table": (pages.TABLE, []),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_keeps_its_body_words_and_reads_back_the_same(tmp_path, layout) -> None:
    raw, debris_lines = LAYOUTS[layout]
    article = import_text(raw, f"{layout}.txt").article
    markdown = to_markdown(article)
    assert pages.kept_word_ratio(raw, debris_lines, markdown) >= 0.98
    assert _round_trip(tmp_path, article).article == article


def test_magazine_copy() -> None:
    result = import_text(pages.MAGAZINE_COPY, "cystite.txt")
    article = result.article
    assert article.title == "Cystite : 7 gestes pour l'éviter"
    assert (article.author, article.date, article.updated) == ("Camille Roux", date(2023, 2, 9), date(2024, 3, 14))
    assert [s.heading for s in article.sections] == ["Boire beaucoup", "Ne pas se retenir", "Quand consulter ?"]
    assert sorted(item.text for item in result.dropped) == sorted(
        line.lstrip("• ") for line in pages.MAGAZINE_COPY_DEBRIS
    )


def test_brand_question_page_copy() -> None:
    article = import_text(pages.BRAND_QUESTIONS_COPY, "rhume.txt").article
    assert (article.title, article.author, article.date) == (
        "Rhume : toutes vos questions",
        "Un médecin",
        date(2022, 11, 2),
    )
    assert article.lead == "Le rhume est une infection virale bénigne du nez et de la gorge."
    assert [item.question for item in article.faq] == [
        "Le rhume est-il contagieux ?",
        "Combien de temps dure un rhume ?",
        "Faut-il des antibiotiques ?",
    ]
    assert article.faq[2].answer == "Non, les antibiotiques n'agissent pas sur les virus."


def test_encyclopedia_copy() -> None:
    article = import_text(pages.ENCYCLOPEDIA_COPY, "rougeole.txt").article
    assert [s.heading for s in article.sections] == ["1 Symptômes", "2 Épidémiologie", "3 Prévention"]
    assert article.sections[1].body.startswith("| Année | Cas en France |\n| --- | --- |")
    assert [ref.number for ref in article.references] == [1, 2] and article.unresolved_citations() == []


def test_blog_copy_site_name_above_the_title() -> None:
    result = import_text(pages.BLOG_COPY, "migraine.txt")
    article = result.article
    assert (article.title, article.slug) == ("Migraine : ce qui m'a vraiment aidé", "migraine")
    assert (article.author, article.date) == ("Marc Lefèvre", date(2021, 5, 5))
    assert article.lead.startswith("Après dix ans de migraines")
    assert [s.heading for s in article.sections] == ["Les déclencheurs à repérer", "Et pendant la crise…"]
    assert (
        article.sections[0].body
        == "1\\. le manque de sommeil;\n\n2\\. les repas sautés;\n\n3) l'alcool, surtout le vin rouge."
    )
    assert ("nom du site", "Le blog santé de Marc") in [(item.kind, item.text) for item in result.dropped]


def test_a_long_table_is_split_so_that_the_reader_opens_it(tmp_path) -> None:
    rows = "".join(f"Ligne {number} | {number * 3} mg |\n" for number in range(1, 1001))
    raw = f"Doses : Guide Complet 2025\nLes doses usuelles.\nTableau des doses\nÂge | Dose |\n{rows}"
    article = import_text(raw, "doses.txt").article
    loaded = _round_trip(tmp_path, article)
    assert [problem for problem in loaded.problems if problem.severity == "error"] == []
    assert loaded.article == article
    body = article.sections[0].body
    assert body.count("| Âge | Dose |") == 3 and "| Ligne 1000 | 3000 mg |" in body


def test_a_teaser_link_ending_a_paragraph_goes_and_the_paragraph_stays() -> None:
    raw = (
        "Toux : que faire ?\n\nLa toux protège les bronches. (...) Cliquez ici pour voir la suite\n\nCauses\n\nRhume.\n"
    )
    result = import_text(raw, "toux.txt")
    assert result.article.lead == "La toux protège les bronches."
    assert [(item.line, item.kind, item.text) for item in result.dropped] == [
        (3, "navigation", "(...) Cliquez ici pour voir la suite")
    ]


@pytest.mark.parametrize(
    "subheading",
    ["Facteurs favorisant la maladie", "Facteurs Favorisant la Régression", "Patients sous traitement anticoagulant",
     "Enfants et adolescents", "Médecin traitant et spécialiste"],
)  # fmt: skip
def test_a_real_subheading_among_headings_is_no_caption(subheading) -> None:
    raw = f"Asthme : Guide Complet 2025\nL'asthme touche les bronches.\nCauses\n{subheading}\nLe tabac aggrave tout.\n"
    result = import_text(raw, "asthme.txt")
    assert [s.heading for s in result.article.sections] == ["Causes", subheading]
    assert result.dropped == []


def test_a_table_is_indexed_and_shown_in_snippets_as_cells_not_pipes() -> None:
    from guide_reader.search.documents import plain_text

    body = import_text(pages.TABLE, "eczema.txt").article.sections[0].body
    assert plain_text(body) == (
        "Type · Fréquence\nEczéma atopique · 15% des enfants\nEczéma de contact · 5% des adultes"
    )


def test_a_signature_at_the_end_never_moves_the_title() -> None:
    raw = "Angine : Guide Complet 2025\nAngine\nDéfinition\nL'angine est une inflammation.\nTraitement\nDu repos.\n"
    raw += "Par Claire Dubois\n"
    result = import_text(raw, "angine.txt")
    assert (result.article.title, result.article.author) == ("Angine", "Claire Dubois")
    assert [s.heading for s in result.article.sections] == ["Définition", "Traitement"]
