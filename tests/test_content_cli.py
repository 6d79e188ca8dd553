"""guide-reader import, check, show and the default command."""

from __future__ import annotations

import json
import subprocess
import sys

from guide_reader.cli import main

from .conftest import CONTENT_DIR, SOURCES_DIR

SHOW_KEYS = [
    "slug", "title", "subtitle", "author", "date", "publisher", "updated", "source", "sections", "faq", "references",
    "publications", "web_resources", "unresolved_citations", "disclaimer",
]  # fmt: skip


def test_show_json_is_exactly_one_object_with_the_documented_keys(capsys) -> None:
    assert main(["show", "leucopenie", "--json"]) == 0
    outline = json.loads(capsys.readouterr().out)
    assert list(outline) == SHOW_KEYS
    assert outline["title"] == "Leucopénie"
    assert outline["date"] is None
    assert outline["sections"][0] == {"anchor": "definition-et-vue-d-ensemble",
                                      "heading": "Leucopénie : Définition et Vue d'Ensemble"}  # fmt: skip
    assert len(outline["faq"]) == 5 and set(outline["faq"][0]) == {"question", "answer"}
    assert outline["references"][0]["number"] == 1
    assert outline["publications"][0]["year"] == 2023
    assert outline["web_resources"][0] == {
        "title": "Leucopénie : définition, symptômes, diagnostic et traitement",
        "site": "sante-sur-le-net.com",
        "date": "2020-12-17",
        "snippet": outline["web_resources"][0]["snippet"],
    }
    assert outline["unresolved_citations"] == [6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 18, 19]


def test_show_magazine_date_is_iso(capsys) -> None:
    assert main(["show", "cancer-qui-regresse-tout-seul", "--json"]) == 0
    outline = json.loads(capsys.readouterr().out)
    assert (outline["author"], outline["date"]) == ("Johanna Amselem", "2018-03-12")


def test_show_unknown_article(capsys) -> None:
    assert main(["show", "inconnu"]) == 2
    assert "article inconnu : inconnu" in capsys.readouterr().err


def test_check_bundled_articles_warns_but_passes(capsys) -> None:
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    assert "leucopenie.md:7: avertissement: citation [17] sans référence listée" in captured.err
    assert "3 article(s) lu(s), 0 erreur(s), 12 avertissement(s)" in captured.out


def test_check_fails_on_errors_and_names_file_and_line(tmp_path, capsys) -> None:
    (tmp_path / "ok.md").write_text((CONTENT_DIR / "leucopenie.md").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.md").write_text("---\nsubtitle: x\n---\n\nTexte.\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "bad.md:1: erreur: titre manquant" in captured.err
    assert "1 article(s) lu(s), 1 erreur(s)" in captured.out


def test_import_writes_markdown_keeps_source_and_goes_on_after_a_bad_file(tmp_path, capsys) -> None:
    bad = tmp_path / "vide.txt"
    bad.write_text("", encoding="utf-8")
    seed = next(SOURCES_DIR.glob("002_*.txt"))
    out = tmp_path / "out"
    assert main(["import", str(bad), str(seed), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "vide.txt: erreur: fichier vide" in captured.err
    assert (out / "leucopenie.md").read_text(encoding="utf-8") == (CONTENT_DIR / "leucopenie.md").read_text(
        encoding="utf-8"
    )
    assert (out / "sources" / seed.name).read_bytes() == seed.read_bytes()
    assert main(["show", "leucopenie", "--content", str(out)]) == 0


def test_every_command_takes_content(tmp_path, capsys) -> None:
    assert main(["--content", str(tmp_path), "check"]) == 0
    assert main(["check", "--content", str(tmp_path)]) == 0
    assert "0 article(s) lu(s)" in capsys.readouterr().out
    assert main(["show", "leucopenie", "--content", str(tmp_path)]) == 2


def test_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "guide_reader", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("guide-reader ")
