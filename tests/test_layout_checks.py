"""check catches lists that would show as run-on text or flat, and in-page links; nested lists and links load."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_reader.cli import main
from guide_reader.content.loader import load_article
from guide_reader.content.renderer import render_article

FRONT = "---\ntitle: Essai\n---\n\n"


def _article(tmp_path: Path, body: str) -> tuple[list[tuple[int | None, str]], str]:
    path = tmp_path / "essai.md"
    path.write_text(FRONT + "Chapeau.\n\n## Signes {#signes}\n\n" + body + "\n\n## Suite {#suite}\n\nFin.\n", "utf-8")
    loaded = load_article(path)
    return [(p.line, p.message) for p in loaded.problems], render_article(loaded.article)


@pytest.mark.parametrize(
    "body",
    [
        "Si vous avez :\n- une fièvre\n- des frissons",
        "Si vous avez :\n* une fièvre\n* des frissons",
        "Étapes :\n1. appeler\n2. attendre",
        "> **Signes d'alerte**\n>\n> Si vous avez :\n> - une fièvre\n> - des frissons",
    ],
)
def test_a_list_right_under_its_paragraph_line_is_reported_with_its_line(tmp_path, body) -> None:
    problems, html = _article(tmp_path, body)
    first_item = 9 + next(n for n, line in enumerate(body.split("\n")) if line.lstrip("> ")[:2] in ("- ", "* ", "1."))
    assert [(line, message.split(" :")[0]) for line, message in problems] == [
        (first_item, "liste collée au paragraphe du dessus")
    ]
    assert "<li>" not in html  # what the check warns of: the list shows as text


def test_a_list_nested_by_two_spaces_is_reported(tmp_path) -> None:
    problems, _html = _article(tmp_path, "Liste :\n\n- un\n  - sous-un\n- deux")
    assert [(line, message.split(" (")[0]) for line, message in problems] == [
        (12, "sous-liste décalée de 2 espace(s) : elle s'afficherait au même niveau que la liste")
    ]


def test_a_list_nested_by_four_spaces_loads_and_shows_nested(tmp_path) -> None:
    problems, html = _article(tmp_path, "Liste :\n\n- un\n    - sous-un\n        - sous-sous\n- deux")
    assert problems == []
    assert "<li>un<ul>\n<li>sous-un<ul>\n<li>sous-sous</li>" in html


def test_lists_written_right_give_no_warning(tmp_path) -> None:
    problems, html = _article(
        tmp_path, "Si vous avez :\n\n- une fièvre\n- des frissons\nqui dure\n- autre\n\n1. un\n2. deux"
    )
    assert problems == []
    assert html.count("<li>") == 5


def test_an_in_page_link_stays_a_link_and_one_to_nowhere_is_reported(tmp_path) -> None:
    problems, html = _article(tmp_path, "Voir [la suite](#suite) et [ailleurs](#nulle-part), pas `[code](#x)`.")
    assert '<a href="#suite">la suite</a>' in html
    assert problems == [(9, "lien interne vers « #nulle-part » : aucune section de ce nom, le lien ne mène nulle part")]


def test_check_command_names_file_and_line(tmp_path, capsys) -> None:
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "essai.md").write_text(FRONT + "## Signes {#signes}\n\nSi vous avez :\n- une fièvre\n", "utf-8")
    assert main(["check", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "essai.md:8" in captured.err or "essai.md, ligne 8" in captured.err
    assert "1 avertissement(s)" in captured.out


def test_search_text_drops_in_page_link_syntax_and_nested_list_markers() -> None:
    from guide_reader.search.documents import plain_text

    text = plain_text("Voir [la suite](#suite) [2].\n\n- un\n    - sous-un\n- deux")
    assert text == "Voir la suite.\n\nun\nsous-un\ndeux"
