"""Importer rules on small made-up articles, and bad input."""

from __future__ import annotations

import pytest

from guide_reader.content.importer import MAX_SOURCE_BYTES, import_file, import_text
from guide_reader.content.markdown_format import to_markdown
from guide_reader.content.problems import ContentError

GUIDE = """Asthme : Guide Complet 2025 - Symptômes et Traitements

L'asthme est une maladie des bronches [1].

- Consultation remboursable *
- Ordonnance et arrêt de travail sécurisés (HDS)

Asthme : Définition
L'asthme touche les bronches [1,2].
Comment Reconnaître les Symptômes ?
La toux la nuit est fréquente [3].
Questions Fréquentes
L'asthme est-il contagieux ?Non, jamais [1].
Peut-on faire du sport ?
Oui, avec un traitement adapté [2].
Questions Fréquentes
L'asthme est-il contagieux ?
Non, jamais.
Spécialités médicales concernées
Sources et références
Références
- [1] Asthme, Santé Publique France.Lien
- [2] Guide HAS 2024.Lien
Publications scientifiques
- Asthme et sport chez l'adulte (2022)
Ressources web
- Asthme : les symptômes (ameli.fr)
3 janv. 2024 — L'asthme se manifeste par des crises ...

Avertissement : Ces informations ne remplacent pas un avis médical.
"""

MAGAZINE = """Le rhume : faut-il s'inquiéter ?

Publié par Jeanne Martin
le 05/11/2021
woman sneezing in a tissue
Getty Images
Le rhume est une infection bénigne.

Quels symptômes ?

man with a cold on the sofa
Quels symptômes ?

Le nez coule et la gorge gratte, mais la fièvre reste

rare chez l'adulte.

Google News
"""


def test_guide_template_structure() -> None:
    article = import_text(GUIDE, "asthme.txt").article
    assert (article.slug, article.title) == ("asthme", "Asthme")
    assert article.subtitle == "Guide Complet 2025 - Symptômes et Traitements"
    assert article.lead == "L'asthme est une maladie des bronches [1]."
    assert [s.heading for s in article.sections] == ["Asthme : Définition", "Comment Reconnaître les Symptômes ?"]
    assert [s.anchor for s in article.sections] == ["definition", "comment-reconnaitre-les-symptomes"]
    assert [(item.question, item.answer) for item in article.faq] == [
        ("L'asthme est-il contagieux ?", "Non, jamais [1]."),
        ("Peut-on faire du sport ?", "Oui, avec un traitement adapté [2]."),
    ]
    assert [(ref.number, ref.text) for ref in article.references] == [
        (1, "Asthme, Santé Publique France."),
        (2, "Guide HAS 2024."),
    ]
    assert article.publications[0].year == 2022
    assert article.web_resources[0].site == "ameli.fr"
    assert article.web_resources[0].date is not None and article.web_resources[0].date.month == 1
    assert article.disclaimer == "Ces informations ne remplacent pas un avis médical."
    assert article.specialties == []
    assert article.unresolved_citations() == [3]
    assert "Consultation remboursable" not in to_markdown(article)


def test_magazine_layout_debris_and_mending() -> None:
    article = import_text(MAGAZINE, "rhume.txt").article
    assert article.slug == "le-rhume"
    assert article.title == "Le rhume : faut-il s'inquiéter ?"
    assert article.author == "Jeanne Martin"
    assert article.date is not None and article.date.isoformat() == "2021-11-05"
    assert article.lead == "Le rhume est une infection bénigne."
    assert [s.heading for s in article.sections] == ["Quels symptômes ?"]
    assert article.sections[0].body == "Le nez coule et la gorge gratte, mais la fièvre reste rare chez l'adulte."
    text = to_markdown(article)
    for debris in ("woman sneezing", "Getty", "man with a cold", "Google News"):
        assert debris not in text


def test_specialties_are_kept_when_listed() -> None:
    text = GUIDE.replace("Spécialités médicales concernées\n", "Spécialités médicales concernées\n- Pneumologie\n")
    assert import_text(text, "a.txt").article.specialties == ["Pneumologie"]


def test_crlf_line_endings_give_the_same_article() -> None:
    assert import_text(GUIDE.replace("\n", "\r\n"), "a.txt").article == import_text(GUIDE, "a.txt").article


def test_html_and_script_tags_stay_text() -> None:
    text = GUIDE.replace("La toux la nuit", "<script>alert(1)</script> La toux <b>la nuit</b>")
    article = import_text(text, "a.txt").article
    markdown = to_markdown(article)
    assert "<script>alert(1)</script>" in article.sections[1].body
    assert "<script>" in markdown  # kept as text; the loader and renderer never treat it as markup


def test_markdown_special_characters_are_escaped() -> None:
    text = GUIDE.replace("La toux la nuit est fréquente [3].", "# pas un titre * et _ ni `code`")
    article = import_text(text, "a.txt").article
    assert article.sections[1].body == "\\# pas un titre \\* et \\_ ni \\`code\\`"


def test_file_with_no_headings_gives_a_lead_and_a_warning() -> None:
    result = import_text("Un titre\n\nUn paragraphe.\n\nUn autre paragraphe.\n", "plat.txt")
    assert result.article.lead == "Un paragraphe.\n\nUn autre paragraphe."
    assert result.article.sections == []
    assert any("aucun intertitre" in str(warning) for warning in result.warnings)


def test_heading_under_a_heading_is_kept() -> None:
    result = import_text("Titre\n\nChapeau.\n\nSection\nSous-partie\nTexte.\n", "a.txt")
    assert [(s.heading, s.body) for s in result.article.sections] == [("Section", ""), ("Sous-partie", "Texte.")]
    assert result.dropped == []


def test_empty_section_at_the_end_is_dropped_with_a_warning_and_listed() -> None:
    result = import_text("Titre\n\nChapeau.\n\nSection\nTexte.\n\nSection vide\n", "a.txt")
    assert [s.heading for s in result.article.sections] == ["Section"]
    assert any("section vide" in str(warning) and "a.txt:8" in str(warning) for warning in result.warnings)
    assert [(item.line, item.kind, item.text) for item in result.dropped] == [
        (8, "intertitre sans texte", "Section vide")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "vide"),
        (b"   \n\n  \n", "vide"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binaire"),
        (b"x" * (MAX_SOURCE_BYTES + 1), "trop grand"),
        (("A" * 300 + ".\n").encode(), "pas de titre"),
        (b"!!! ???\nTexte.\n", "titre"),
    ],
    ids=["empty", "blank", "binary", "ten-megabytes", "no-title", "title-without-letters"],
)
def test_bad_files_give_one_clear_error_naming_the_file(tmp_path, content: bytes, message: str) -> None:
    path = tmp_path / "bad-article.txt"
    path.write_bytes(content)
    with pytest.raises(ContentError) as error:
        import_file(path)
    assert error.value.problem.file == "bad-article.txt"
    assert message in str(error.value)


def test_ten_megabyte_file_is_refused_quickly(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(("Titre\n" + "Une phrase de texte.\n" * 600_000).encode())
    with pytest.raises(ContentError, match="trop grand"):
        import_file(path)


def test_windows_1252_text_is_read_with_a_warning(tmp_path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Fièvre\n\nLa fièvre est fréquente.\n".encode("cp1252"))
    result = import_file(path)
    assert result.article.title == "Fièvre"
    assert result.article.lead == "La fièvre est fréquente."
    assert any("Windows-1252" in str(warning) for warning in result.warnings)


def test_a_web_resource_line_without_a_page_title_is_listed() -> None:
    text = GUIDE.replace(
        "- Asthme : les symptômes (ameli.fr)\n", "Une ligne perdue\n- Asthme : les symptômes (ameli.fr)\n"
    )
    result = import_text(text, "a.txt")
    assert ("ignoré", "Une ligne perdue") in [(item.kind, item.text) for item in result.dropped]
    assert result.article.web_resources[0].site == "ameli.fr"
