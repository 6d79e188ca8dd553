"""import never replaces another article or source: a distinct name, said in the summary."""

from __future__ import annotations

from pathlib import Path

from guide_reader.cli import main
from guide_reader.content.placement import Placer


def _raw(title: str, sentence: str) -> str:
    return f"{title}\n\n{sentence}\n\nQuand consulter ?\nSi la fièvre dure plus de trois jours.\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _source_line(article: Path) -> str:
    return next(line for line in article.read_text(encoding="utf-8").splitlines() if line.startswith("source:"))


def test_two_articles_with_the_same_slug_in_one_run_both_remain(tmp_path, capsys) -> None:
    first = _write(tmp_path / "a.txt", _raw("Angine", "L'angine de l'enfant est souvent virale."))
    second = _write(tmp_path / "b.txt", _raw("Angine", "L'angine bactérienne se soigne par antibiotiques."))
    out = tmp_path / "out"
    assert main(["import", str(first), str(second), "--out", str(out)]) == 0
    report = capsys.readouterr().out
    assert "a.txt -> " + str(out / "angine.md") + " (nouveau)" in report
    assert "b.txt -> " + str(out / "angine-2.md") + " (nouveau, nom changé : angine.md existe déjà" in report
    assert "souvent virale" in (out / "angine.md").read_text(encoding="utf-8")
    assert "antibiotiques" in (out / "angine-2.md").read_text(encoding="utf-8")


def test_a_second_run_does_not_replace_an_article_of_another_source(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    first = _write(tmp_path / "a.txt", _raw("Angine", "Première version."))
    second = _write(tmp_path / "b.txt", _raw("Angine", "Autre page."))
    assert main(["import", str(first), "--out", str(out)]) == 0
    assert main(["import", str(second), "--out", str(out)]) == 0
    assert "Première version." in (out / "angine.md").read_text(encoding="utf-8")
    assert "Autre page." in (out / "angine-2.md").read_text(encoding="utf-8")
    assert _source_line(out / "angine-2.md") == "source: sources/b.txt"


def test_same_file_name_from_two_folders_keeps_two_sources(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    first = _write(tmp_path / "site1" / "page.txt", _raw("Angine", "Texte du premier site."))
    second = _write(tmp_path / "site2" / "page.txt", _raw("Otite", "Texte du second site."))
    assert main(["import", str(first), str(second), "--out", str(out)]) == 0
    assert _source_line(out / "angine.md") == "source: sources/page.txt"
    assert _source_line(out / "otite.md") == "source: sources/page-2.txt"
    assert (out / "sources" / "page.txt").read_bytes() == first.read_bytes()
    assert (out / "sources" / "page-2.txt").read_bytes() == second.read_bytes()
    assert "sources/page.txt existe déjà avec un autre contenu" in capsys.readouterr().out


def test_reimporting_the_same_source_updates_its_own_article(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    source = _write(tmp_path / "a.txt", _raw("Angine", "Texte."))
    assert main(["import", str(source), "--out", str(out)]) == 0
    assert main(["import", str(source), "--out", str(out)]) == 0
    assert "(mis à jour)" in capsys.readouterr().out
    assert sorted(path.name for path in out.glob("*.md")) == ["angine.md"]
    assert sorted(path.name for path in (out / "sources").iterdir()) == ["a.txt"]


def test_a_newer_copy_of_a_source_replaces_its_article_only_when_asked(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    source = _write(tmp_path / "a.txt", _raw("Angine", "Ancien texte."))
    assert main(["import", str(source), "--out", str(out)]) == 0
    _write(source, _raw("Angine", "Texte revu."))
    assert main(["import", str(source), "--out", str(out), "--replace"]) == 0
    assert "mis à jour : nouvelle version de la même source" in capsys.readouterr().out
    assert "Texte revu." in (out / "angine.md").read_text(encoding="utf-8")
    assert (out / "sources" / "a.txt").read_bytes() == source.read_bytes()
    assert not (out / "angine-2.md").exists()


def test_replace_never_takes_an_article_of_another_source(tmp_path) -> None:
    out = tmp_path / "out"
    _write(out / "angine.md", "---\ntitle: Angine\nsource: sources/autre.txt\n---\n\nTexte.\n")
    placement = Placer(out, replace=True).place("angine", "a.txt", b"raw")
    assert (placement.slug, placement.action) == ("angine-2", "renamed")


def test_an_article_written_by_hand_is_never_replaced(tmp_path) -> None:
    out = tmp_path / "out"
    _write(out / "angine.md", "---\ntitle: Angine\n---\n\nÉcrit à la main.\n")
    assert Placer(out).place("angine", "a.txt", b"raw").slug == "angine-2"


def test_dry_run_writes_nothing_and_says_what_would_happen(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    first = _write(tmp_path / "a.txt", _raw("Angine", "Un."))
    second = _write(tmp_path / "b.txt", _raw("Angine", "Deux."))
    assert main(["import", "--dry-run", str(first), str(second), "--out", str(out)]) == 0
    report = capsys.readouterr().out
    assert not out.exists()
    assert str(out / "angine-2.md") in report and "essai : rien n'est écrit" in report


def test_the_summary_counts_what_was_kept_and_shows_the_first_dropped_lines(tmp_path, capsys) -> None:
    from . import importer_inputs as pages

    source = _write(tmp_path / "varicelle.txt", pages.NAVIGATION)
    assert main(["import", str(source), "--out", str(tmp_path / "out")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:4] == [
        "  titre : Varicelle : ce qu'il faut savoir",
        "  3 sections, 0 questions, 0 références",
        "  écarté : 18 lignes ou blocs (navigation 14, partage 4)",
    ]
    assert lines[4:9] == [
        "    l. 1 navigation : « Accueil »",
        "    l. 2 navigation : « Santé »",
        "    l. 3 navigation : « Maladies infantiles »",
        "    l. 6 navigation : « Sommaire »",
        "    l. 7 navigation : « Qu'est-ce que la varicelle ? »",
    ]
    assert lines[9] == "    … et 13 autre(s)"
