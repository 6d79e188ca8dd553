"""guide-reader bookmarks list/add/remove/export/import and history list/clear."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_reader.cli import main
from guide_reader.library import Library
from guide_reader.paths import user_data_dir
from guide_reader.store import FORMAT_NAME, BookmarkStore

SECTION = "leucopenie#quand-consulter-un-medecin"
FAQ = "leucopenie#faq-la-leucopenie-est-elle-contagieuse"
NOTE = "demander au Dr si la fièvre de mardi compte"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _listed(capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:
    code, out, _ = _run(capsys, "bookmarks", "list", "--json", *extra)
    assert code == 0
    return json.loads(out)


def test_add_list_remove(capsys) -> None:
    code, out, err = _run(capsys, "bookmarks", "add", SECTION, "--note", NOTE)
    assert (code, err) == (0, "")
    assert out == "Signet 1 ajouté : Leucopénie — Quand Consulter un Médecin ?\n"
    assert _run(capsys, "bookmarks", "add", FAQ)[0] == 0
    out = _run(capsys, "bookmarks", "add", SECTION)[1]
    assert out.startswith("Signet 1 mis à jour")

    code, out, _ = _run(capsys, "bookmarks", "list")
    assert code == 0
    assert out.splitlines() == [
        "Leucopénie (leucopenie)",
        "  [1] Quand Consulter un Médecin ?  #quand-consulter-un-medecin",
        f"      note : {NOTE}",
        "  [2] La leucopénie est-elle contagieuse ?  #faq-la-leucopenie-est-elle-contagieuse",
    ]
    assert _run(capsys, "bookmarks")[1] == out  # list is the default action

    listed = _listed(capsys)
    assert [(item["id"], item["kind"], item["note"], item["status"]) for item in listed] == [
        (1, "section", NOTE, "available"),
        (2, "faq", "", "available"),
    ]
    assert set(listed[0]) >= {"slug", "anchor", "article_title", "heading", "created_at", "updated_at", "message"}

    code, out, _ = _run(capsys, "bookmarks", "remove", "2")
    assert (code, out) == (0, "Signet 2 supprimé : Leucopénie — La leucopénie est-elle contagieuse ?\n")
    assert [item["id"] for item in _listed(capsys)] == [1]
    with BookmarkStore() as store:  # the same file the window uses
        assert store.path == user_data_dir() / "guide-reader.sqlite3"
        assert [bookmark.note for bookmark in store.bookmarks()] == [NOTE]


def test_nothing_yet(capsys) -> None:
    assert _run(capsys, "bookmarks", "list") == (0, "Aucun signet.\n", "")
    assert _listed(capsys) == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("leucopenie", "signet attendu sous la forme ARTICLE#ANCRE : leucopenie"),
        ("#quand-consulter-un-medecin", "signet attendu sous la forme ARTICLE#ANCRE"),
        ("inconnu#quand-consulter-un-medecin", "article inconnu : inconnu (articles : cancer-qui-regresse"),
        ("leucopenie#nulle-part", "section inconnue dans « Leucopénie » : #nulle-part"),
    ],
)
def test_add_refuses_what_is_not_in_the_content(capsys, target: str, message: str) -> None:
    code, out, err = _run(capsys, "bookmarks", "add", target, "--note", "x")
    assert (code, out) == (2, "")
    assert message in err
    assert _listed(capsys) == []


def test_remove_unknown(capsys) -> None:
    code, _, err = _run(capsys, "bookmarks", "remove", "42")
    assert code == 2
    assert "aucun signet numéro 42" in err


def test_export_import_round_trip(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _run(capsys, "bookmarks", "add", SECTION, "--note", NOTE)
    _run(capsys, "bookmarks", "add", FAQ)
    exported = tmp_path / "signets.json"
    assert _run(capsys, "bookmarks", "export", str(exported)) == (
        0,
        f"2 signet(s) exporté(s) dans {exported}\n",
        "",
    )
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert (document["format"], document["version"], len(document["bookmarks"])) == (FORMAT_NAME, 1, 2)

    monkeypatch.setenv("GUIDE_READER_DATA_DIR", str(tmp_path / "another-computer"))
    assert _run(capsys, "bookmarks", "import", str(exported)) == (0, "2 signet(s) ajouté(s), 0 déjà présent(s)\n", "")
    assert _run(capsys, "bookmarks", "import", str(exported)) == (0, "0 signet(s) ajouté(s), 2 déjà présent(s)\n", "")
    assert [(item["anchor"], item["note"]) for item in _listed(capsys)] == [
        ("quand-consulter-un-medecin", NOTE),
        ("faq-la-leucopenie-est-elle-contagieuse", ""),
    ]


def test_import_reports_merged_notes(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _run(capsys, "bookmarks", "add", SECTION, "--note", NOTE)
    exported = tmp_path / "signets.json"
    _run(capsys, "bookmarks", "export", str(exported))
    monkeypatch.setenv("GUIDE_READER_DATA_DIR", str(tmp_path / "another-computer"))
    _run(capsys, "bookmarks", "add", SECTION, "--note", "RDV jeudi")
    code, out, _ = _run(capsys, "bookmarks", "import", str(exported))
    assert code == 0
    assert out.splitlines() == [
        "0 signet(s) ajouté(s), 0 déjà présent(s), 1 note(s) fusionnée(s)",
        "  note fusionnée : [1] Leucopénie — Quand Consulter un Médecin ?",
    ]
    assert _listed(capsys)[0]["note"] == f"RDV jeudi\n\n{NOTE}"


def test_import_bad_or_missing_file(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "autre"}', encoding="utf-8")
    code, out, err = _run(capsys, "bookmarks", "import", str(bad))
    assert (code, out) == (2, "")
    assert "pas un export de signets" in err
    code, _, err = _run(capsys, "bookmarks", "import", str(tmp_path / "absent.json"))
    assert code == 2
    assert "introuvable" in err


def test_export_to_an_impossible_place(capsys, tmp_path: Path) -> None:
    code, _, err = _run(capsys, "bookmarks", "export", str(tmp_path / "absent" / "signets.json"))
    assert code == 1
    assert "impossible d'écrire" in err


def test_export_never_replaces_a_special_file(capsys, tmp_path: Path) -> None:
    """A FIFO, a device or a socket at the export's path is left as it is (root could replace /dev/full)."""
    import os
    import stat

    _run(capsys, "bookmarks", "add", SECTION, "--note", NOTE)
    target = tmp_path / "signets.json"
    os.mkfifo(target)
    code, out, err = _run(capsys, "bookmarks", "export", str(target))
    assert (code, out) == (1, "")
    assert "impossible d'écrire" in err and "pas un fichier ordinaire" in err
    assert stat.S_ISFIFO(target.lstat().st_mode)
    assert [path.name for path in tmp_path.iterdir()] == ["signets.json"]


def test_a_vanished_section_is_listed_as_such(capsys, content_copy: Path) -> None:
    _run(capsys, "bookmarks", "add", SECTION, "--note", NOTE, "--content", str(content_copy))
    markdown = content_copy / "leucopenie.md"
    text = markdown.read_text(encoding="utf-8")
    markdown.write_text(text.replace("{#quand-consulter-un-medecin}", "{#consulter}"), encoding="utf-8")
    assert Library(content_copy).article("leucopenie") is not None

    code, out, _ = _run(capsys, "bookmarks", "list", "--content", str(content_copy))
    assert code == 0
    assert "  [1] Quand Consulter un Médecin ?  #quand-consulter-un-medecin — section plus disponible" in out
    assert f"note : {NOTE}" in out
    (item,) = _listed(capsys, "--content", str(content_copy))
    assert (item["status"], item["message"], item["note"]) == ("section_missing", "section plus disponible", NOTE)
    assert _listed(capsys)[0]["status"] == "available"  # the bundled articles still have it


def test_a_damaged_database_is_reported(capsys) -> None:
    path = user_data_dir() / "guide-reader.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00 pas une base \xff" * 500)
    code, out, err = _run(capsys, "bookmarks", "list")
    assert (code, out) == (0, "Aucun signet.\n")
    assert "endommagé" in err
    assert "guide-reader.sqlite3.damaged-" in err
    assert len(list(path.parent.glob("guide-reader.sqlite3.damaged-*"))) == 1
    assert _run(capsys, "bookmarks", "list") == (0, "Aucun signet.\n", "")  # told once


def test_history(capsys) -> None:
    assert _run(capsys, "history") == (0, "Aucune lecture récente.\n", "")
    library = Library()
    try:
        article = library.article("leucopenie")
        library.store.history.record_article(article)
        library.store.history.record_article(article, "quand-consulter-un-medecin")
    finally:
        library.close()
    code, out, _ = _run(capsys, "history", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("  Leucopénie — Quand Consulter un Médecin ?  (leucopenie#quand-consulter-un-medecin)")
    assert lines[1].endswith("  Leucopénie  (leucopenie)")
    out = _run(capsys, "history", "list", "--json")[1]
    assert [(item["slug"], item["anchor"]) for item in json.loads(out)] == [
        ("leucopenie", "quand-consulter-un-medecin"),
        ("leucopenie", ""),
    ]
    assert _run(capsys, "history", "clear") == (0, "Historique effacé (2 entrée(s)).\n", "")
    assert _run(capsys, "history", "list", "--json")[1] == "[]\n"


def test_library_opens_the_store_at_first_use() -> None:
    library = Library()
    try:
        assert "store" not in vars(library)
        store = library.store
        assert library.store is store
        assert store.path == user_data_dir() / "guide-reader.sqlite3"
    finally:
        library.close()
    library.close()  # twice is fine
