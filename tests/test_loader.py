"""Reading content/*.md back, and the problems `check` reports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from guide_reader.content.loader import load_article
from guide_reader.content.markdown_format import to_markdown
from guide_reader.content.problems import ContentError

from .conftest import CONTENT_DIR, load_folder

ARTICLE = """---
title: Grippe
author: Jeanne Martin
date: 2024-01-15
---

La grippe est une infection virale [1].

## Symptômes {#symptomes}

Fièvre et **courbatures** [1,2].

- toux
- fatigue

## Quand consulter un médecin ? {#quand-consulter}

Si la fièvre dure [9].

## Questions fréquentes {#questions-frequentes}

### Est-ce contagieux ? {#faq-contagieux}

Oui.

## Références {#references}

- [1] Santé Publique France.
- [2] HAS.
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_every_block(tmp_path) -> None:
    result = load_article(write(tmp_path, "grippe.md", ARTICLE))
    article = result.article
    assert article.slug == "grippe"
    assert article.author == "Jeanne Martin"
    assert article.date is not None and article.date.isoformat() == "2024-01-15"
    assert article.lead == "La grippe est une infection virale [1]."
    assert [(s.anchor, s.heading) for s in article.sections] == [
        ("symptomes", "Symptômes"),
        ("quand-consulter", "Quand consulter un médecin ?"),
    ]
    assert article.sections[0].body == "Fièvre et **courbatures** [1,2].\n\n- toux\n- fatigue"
    assert article.faq[0].anchor == "faq-contagieux"
    assert [ref.number for ref in article.references] == [1, 2]
    assert [str(problem) for problem in result.problems] == [
        "grippe.md:18: avertissement: citation [9] sans référence listée"
    ]


def test_written_article_reads_back_identically(tmp_path) -> None:
    article = load_article(write(tmp_path, "grippe.md", ARTICLE)).article
    again = load_article(write(tmp_path / "..", "grippe-2.md", to_markdown(article))).article
    again.slug = article.slug
    assert again == article


def test_raw_html_is_text_not_markup(tmp_path) -> None:
    text = ARTICLE.replace("Oui.", '<script>alert("x")</script>\n\n<div onclick="x()">Oui.</div>')
    article = load_article(write(tmp_path, "grippe.md", text)).article
    assert article.faq[0].answer == '<script>alert("x")</script>\n\n<div onclick="x()">Oui.</div>'


def test_missing_title_is_an_error_naming_file_and_line(tmp_path) -> None:
    path = write(tmp_path, "sans-titre.md", ARTICLE.replace("title: Grippe\n", ""))
    with pytest.raises(ContentError, match=r"sans-titre.md:1: erreur: titre manquant"):
        load_article(path)


def test_duplicate_anchor_and_empty_section_are_reported_with_lines(tmp_path) -> None:
    text = ARTICLE.replace("## Quand consulter un médecin ? {#quand-consulter}", "## Encore {#symptomes}")
    text = text.replace("## Questions fréquentes", "## Vide {#vide}\n\n## Questions fréquentes")
    problems = [str(problem) for problem in load_article(write(tmp_path, "grippe.md", text)).problems]
    assert "grippe.md:16: erreur: ancre en double : #symptomes" in problems
    assert "grippe.md:20: avertissement: section vide : « Vide »" in problems


def test_bad_files_are_reported_and_the_others_still_load(tmp_path) -> None:
    write(tmp_path, "grippe.md", ARTICLE)
    (tmp_path / "binaire.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "latin.md").write_bytes("---\ntitle: Fièvre\n---\n\nTexte é.\n".encode("cp1252"))
    write(tmp_path, "vide.md", " \n\t\n")
    write(tmp_path, "crlf.md", ARTICLE.replace("\n", "\r\n"))
    articles, problems = load_folder(tmp_path)
    assert sorted(article.slug for article in articles) == ["crlf", "grippe"]
    errors = sorted(str(problem) for problem in problems if problem.severity == "error")
    assert errors == [
        "binaire.md: erreur: fichier binaire, pas un article Markdown",
        "latin.md:2: erreur: texte qui n'est pas en UTF-8",
        "vide.md: erreur: fichier vide : rien à lire (un guide commence par « title: »)",
    ]


def test_bundled_articles_load_without_errors() -> None:
    articles, problems = load_folder(CONTENT_DIR)
    assert len(articles) == 3
    assert [problem for problem in problems if problem.severity == "error"] == []


def test_check_refuses_what_would_show_badly(tmp_path) -> None:
    text = ARTICLE.replace(
        "Oui.", "Oui <b>vraiment</b>.\n\n![schéma](schema.png)\n\nVoir [le site](https://exemple.fr)."
    )
    problems = [str(problem) for problem in load_article(write(tmp_path, "grippe.md", text)).problems]
    assert "grippe.md:24: erreur: balise HTML '<b>' : elle serait affichée telle quelle, pas interprétée" in problems
    assert any(p.startswith("grippe.md:26: erreur: image") for p in problems)
    assert any(p.startswith("grippe.md:28: avertissement: lien vers une adresse extérieure") for p in problems)


def test_escaped_or_quoted_markup_is_not_a_problem(tmp_path) -> None:
    text = ARTICLE.replace("Oui.", "La balise `<b>` et le signe 3 < 5 > 2.")
    problems = [str(problem) for problem in load_article(write(tmp_path, "grippe.md", text)).problems]
    assert not any("balise" in problem for problem in problems)


def test_an_article_with_nothing_to_read_is_an_error(tmp_path) -> None:
    problems = load_article(write(tmp_path, "vide.md", "---\ntitle: Vide\n---\n")).problems
    assert [str(problem) for problem in problems] == [
        "vide.md: erreur: article vide : ni chapeau, ni section, ni question"
    ]


@pytest.mark.parametrize(
    ("written", "shown"),
    [("[unclosed", "[unclosed"), ('"Grippe', '"Grippe'), ("['Grippe', 'hiver']", "['Grippe', 'hiver']"),
     ("{a: b}", "{a: b}"), ("'Grippe", "'Grippe"), ("[[Grippe]", "[[Grippe]")],
)  # fmt: skip
def test_a_header_value_written_as_yaml_is_reported_with_its_line(tmp_path, written: str, shown: str) -> None:
    loaded = load_article(write(tmp_path, "grippe.md", ARTICLE.replace("title: Grippe", f"title: {written}")))
    assert loaded.article.title == shown  # kept as written: the header is not YAML
    assert [str(problem) for problem in loaded.problems if "[9]" not in problem.message] == [
        f"grippe.md:2: avertissement: « title: {shown} » : l'en-tête n'est pas du YAML, la valeur s'affiche "
        "telle quelle, crochets et guillemets compris (écrivez-la sans eux)"
    ]


@pytest.mark.parametrize(
    "title",
    ["[Dossier] Grippe", '"Grippe" : ce qu\'il faut savoir', "L'hiver", "« Grippe »", '"Je ne dors plus"',
     '"Fièvre" ou "hyperthermie"', "'Burn-out' et 'bore-out'"],
)  # fmt: skip
def test_a_title_that_only_starts_with_brackets_or_quotes_is_not_reported(tmp_path, title: str) -> None:
    loaded = load_article(write(tmp_path, "grippe.md", ARTICLE.replace("title: Grippe", f"title: {title}")))
    assert loaded.article.title == title
    assert [problem for problem in loaded.problems if "[9]" not in problem.message] == []


def test_a_header_without_dashes_ends_where_python_markdown_ends_it(tmp_path) -> None:
    text = "title: Grippe\nLa grippe, en bref.\nNote: [voir plus bas]\n\n## Symptômes {#symptomes}\n\nFièvre.\n"
    loaded = load_article(write(tmp_path, "grippe.md", text))
    assert loaded.article.title == "Grippe"
    assert not any("YAML" in problem.message for problem in loaded.problems)


def test_an_imported_title_in_quotes_reads_back_without_a_warning(tmp_path) -> None:
    article = load_article(write(tmp_path, "grippe.md", ARTICLE)).article
    written = to_markdown(replace(article, title='"Je ne dors plus"', author="'Collectif' et 'amis'"))
    loaded = load_article(write(tmp_path, "grippe.md", written))
    assert loaded.article.title == '"Je ne dors plus"'
    assert not any("YAML" in problem.message for problem in loaded.problems)


def test_problems_come_in_the_order_of_their_lines(tmp_path) -> None:
    text = ARTICLE.replace("Oui.", "Oui [12].\n\nEt aussi [3].\n\n<b>gras</b>")
    problems = load_article(write(tmp_path, "grippe.md", text)).problems
    lines = [problem.line for problem in problems]
    assert len(lines) >= 4 and lines == sorted(lines, key=lambda line: (line is None, line or 0)), problems
