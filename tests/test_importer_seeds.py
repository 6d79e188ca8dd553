"""The three seed articles import into clean, structured articles."""

from __future__ import annotations

from datetime import date

import pytest

from guide_reader.content.importer import import_file
from guide_reader.content.loader import load_article
from guide_reader.content.markdown_format import to_markdown
from guide_reader.content.model import Article

from .conftest import CONTENT_DIR, SOURCES_DIR

SEEDS = sorted(SOURCES_DIR.glob("*.txt"))
DEBRIS = (
    "Consultation remboursable",
    "Ordonnance et arrêt de travail",
    "Adobe Stock",
    "Google News",
    "dermatologist checking mole",
    "destruction of leukaemia cell",
    "cancer cell scientific",
    "lymphozyten",
    "i love my job",
    "Spécialités médicales",
)


def imported(name_prefix: str) -> Article:
    path = next(path for path in SEEDS if path.name.startswith(name_prefix))
    return import_file(path).article


def test_three_seeds_are_bundled() -> None:
    assert len(SEEDS) == 3
    assert sorted(path.stem for path in CONTENT_DIR.glob("*.md")) == [
        "cancer-qui-regresse-tout-seul",
        "leucopenie",
        "regression-tumorale-spontanee",
    ]


@pytest.mark.parametrize("source", SEEDS, ids=lambda path: path.name[:3])
def test_import_is_deterministic_and_matches_committed_file(source) -> None:
    first = to_markdown(import_file(source).article)
    second = to_markdown(import_file(source).article)
    assert first == second
    committed = CONTENT_DIR / f"{import_file(source).article.slug}.md"
    assert committed.read_text(encoding="utf-8") == first


@pytest.mark.parametrize("source", SEEDS, ids=lambda path: path.name[:3])
def test_no_web_page_debris_left(source) -> None:
    text = to_markdown(import_file(source).article)
    for debris in DEBRIS:
        assert debris not in text


@pytest.mark.parametrize("source", SEEDS, ids=lambda path: path.name[:3])
def test_committed_file_loads_back_to_the_same_article(source) -> None:
    article = import_file(source).article
    loaded = load_article(CONTENT_DIR / f"{article.slug}.md").article
    assert loaded == article


def test_guide_template_regression() -> None:
    article = imported("000")
    assert article.slug == "regression-tumorale-spontanee"
    assert article.title == "Régression Tumorale Spontanée"
    assert article.subtitle == "Guide Complet 2025 | Causes, Symptômes, Traitements"
    assert article.lead.startswith("La régression tumorale spontanée représente")
    headings = [section.heading for section in article.sections]
    assert len(headings) == 15
    assert headings[0] == "Régression Tumorale Spontanée : Définition et Vue d'Ensemble"
    assert "Comment Reconnaître les Symptômes ?" in headings
    assert headings[-1] == "Quand Consulter un Médecin ?"
    assert len({section.anchor for section in article.sections}) == 15
    assert [ref.number for ref in article.references] == list(range(1, 16))
    assert not article.references[0].text.endswith("Lien")
    assert article.unresolved_citations() == []
    assert article.disclaimer and article.disclaimer.startswith("Les connaissances médicales")


def test_doubled_faq_is_merged_keeping_the_fuller_answer() -> None:
    article = imported("000")
    questions = [item.question for item in article.faq]
    assert questions == [
        "La régression tumorale spontanée est-elle définitive ?",
        "Puis-je arrêter mes traitements en cas de régression ?",
        "La régression spontanée peut-elle se transmettre génétiquement ?",
        "Existe-t-il des aliments qui favorisent la régression ?",
        "Comment annoncer cette situation à mes proches ?",
    ]
    # The glued '...définitive ?Malheureusement' is split, and the answer with citations kept.
    assert article.faq[0].answer.startswith("Malheureusement, rien ne garantit")
    assert article.faq[0].answer.endswith("[6,14].")


def test_second_guide_faq_has_five_questions_although_second_block_lists_three() -> None:
    article = imported("002")
    assert len(article.faq) == 5
    assert article.faq[0].question == "La leucopénie est-elle contagieuse ?"
    assert article.faq[0].answer.startswith("Non, la leucopénie n'est absolument pas contagieuse")
    assert "vous êtes plus sensible aux infections" in article.faq[0].answer


def test_sources_of_the_guide_template() -> None:
    article = imported("002")
    assert article.slug == "leucopenie"
    assert article.title == "Leucopénie"
    assert [ref.number for ref in article.references] == [1, 2, 3, 4, 5]
    assert article.references[0].text.startswith("Surveillance sanitaire à La Réunion")
    assert article.publications[0].year == 2023
    assert article.publications[0].title.startswith("Étude rétrospective de 126 cas")
    web = article.web_resources
    assert [resource.site for resource in web] == [
        "sante-sur-le-net.com",
        "elsan.care",
        "cancer.ca",
        "passeportsante.net",
        "msdmanuals.com",
    ]
    assert web[0].date == date(2020, 12, 17)
    assert web[0].snippet.startswith("Le diagnostic est confirmé")
    assert web[2].date is None
    assert web[2].snippet.startswith("On diagnostique habituellement")


def test_web_resource_with_a_byline_instead_of_a_date() -> None:
    resource = imported("000").web_resources[3]
    assert resource.site == "sciencedirect.com"
    assert resource.date is None
    assert resource.snippet.startswith("de M Wantz · 2010 · Cité 2 fois — La médiane")


def test_unresolved_citations_are_kept_and_listed() -> None:
    article = imported("002")
    assert article.unresolved_citations() == [6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 18, 19]
    assert "[17]" in article.lead


def test_magazine_layout() -> None:
    article = imported("001")
    assert article.slug == "cancer-qui-regresse-tout-seul"
    assert article.title == "Cancer qui régresse tout seul : est-ce vraiment possible ?"
    assert article.subtitle is None
    assert article.author == "Johanna Amselem"
    assert article.date == date(2018, 3, 12)
    assert article.lead.startswith("La question est fréquente")
    assert [section.heading for section in article.sections] == [
        "De quoi on parle ?",
        "Quels cancers sont concernés ?",
        "Que dit la science ?",
        "Qui est-ce que ça concerne ?",
        "L'immunothérapie : nouvelle arme pour se débarrasser du cancer",
    ]
    science = article.sections[2].body
    assert science.startswith("La régression spontanée d’un cancer n’est pas fréquente car elle va à l’encontre")
    assert article.sections[3].body.count("\n\n") == 1  # two paragraphs
