"""The bookmarks commands when nothing can be kept, on read-only media, and with crafted text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_reader.cli import main
from guide_reader.paths import user_data_dir
from guide_reader.store import DATABASE_NAME, FORMAT_NAME, MAX_NOTE_CHARS, BookmarkStore

from .test_store_faults import CRAFTED, LONG_NOTE, full_disk, read_only_media  # noqa: F401 (fixture)

SECTION = "leucopenie#quand-consulter-un-medecin"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _database() -> Path:
    return user_data_dir() / DATABASE_NAME


def _memory_only(kind: str) -> None:
    """Make the bookmarks file unusable in one of the ways that leave the store in memory only."""
    path = _database()
    if kind == "folder-at-path":
        path.mkdir(parents=True)
    elif kind == "newer-schema":
        path.parent.mkdir(parents=True, exist_ok=True)
        with BookmarkStore(path) as store, store._database.write() as db:
            db.execute("PRAGMA user_version = 99")
    elif kind == "file-at-folder":
        path.parent.parent.mkdir(parents=True, exist_ok=True)
        path.parent.write_text("not a folder", encoding="utf-8")
    else:
        raise AssertionError(kind)


MEMORY_ONLY = ["folder-at-path", "newer-schema", "file-at-folder"]


@pytest.mark.parametrize("kind", MEMORY_ONLY)
def test_add_import_remove_fail_when_nothing_is_kept(capsys, tmp_path, kind) -> None:
    _memory_only(kind)
    code, out, err = _run(capsys, "bookmarks", "add", SECTION, "--note", "à garder")
    assert (code, out) == (1, "")
    assert "Rien n'a été enregistré" in err
    source = tmp_path / "signets.json"
    source.write_text(
        json.dumps({"format": FORMAT_NAME, "version": 1, "bookmarks": [{"slug": "leucopenie", "anchor": "a"}]}),
        encoding="utf-8",
    )
    assert _run(capsys, "bookmarks", "import", str(source))[0] == 1
    assert _run(capsys, "bookmarks", "remove", "1")[0] == 1
    assert _run(capsys, "history", "clear")[0] == 1


@pytest.mark.parametrize("kind", MEMORY_ONLY)
def test_list_and_export_fail_when_the_file_cannot_be_read(capsys, tmp_path, kind) -> None:
    _memory_only(kind)
    code, out, err = _run(capsys, "bookmarks", "list")
    assert (code, out) == (1, "")
    assert "ne peuvent pas être lus" in err
    target = tmp_path / "export.json"
    code, out, err = _run(capsys, "bookmarks", "export", str(target))
    assert (code, out) == (1, "")
    assert not target.exists()


def test_add_on_a_full_disk_fails_plainly(capsys, full_disk) -> None:  # noqa: F811
    code, out, err = _run(capsys, "bookmarks", "add", SECTION, "--note", LONG_NOTE)
    assert (code, out) == (1, "")
    assert err.strip().endswith("Rien n'a été enregistré : le disque est plein.")
    assert "Traceback" not in err


def test_read_only_media_lists_and_exports_and_refuses_new_ones(capsys, tmp_path) -> None:
    assert _run(capsys, "bookmarks", "add", SECTION, "--note", "gardée")[0] == 0
    read_only_media(_database())
    code, out, err = _run(capsys, "bookmarks", "list")
    assert code == 0
    assert "[1] Quand Consulter un Médecin ?" in out
    assert "lecture seule" in err
    target = tmp_path / "export.json"
    code, out, _ = _run(capsys, "bookmarks", "export", str(target))
    assert (code, out) == (0, f"1 signet(s) exporté(s) dans {target}\n")
    assert json.loads(target.read_text(encoding="utf-8"))["bookmarks"][0]["note"] == "gardée"
    code, _, err = _run(capsys, "bookmarks", "add", "leucopenie#faq-la-leucopenie-est-elle-contagieuse")
    assert code == 1
    assert "Rien n'a été enregistré : le fichier des signets est en lecture seule." in err


def test_a_note_too_long_is_refused_by_add(capsys) -> None:
    code, out, err = _run(capsys, "bookmarks", "add", SECTION, "--note", "x" * (MAX_NOTE_CHARS + 1))
    assert (code, out) == (2, "")
    assert "note trop longue" in err


def test_list_escapes_control_characters_and_line_breaks(capsys) -> None:
    with BookmarkStore(_database()) as store:
        store.add(
            "leucopenie",
            "quand-consulter-un-medecin",
            kind="section",
            article_title="L",
            heading="H",
            note="avant\x1b[2Japrès\nligne 2\u202eà l'envers",
        )
        store.add("absent", "x", kind="section", article_title="Titre\n  [999] faux", heading="Section\r\n  [998] faux")
    code, out, _ = _run(capsys, "bookmarks", "list")
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out and "\r" not in out
    assert "avant\\x1b[2Japrès" in out
    assert "      ligne 2\\u202eà l'envers" in out  # a note's own lines stay lines, indented
    assert not any(line.lstrip().startswith(("[999]", "[998]")) for line in out.splitlines())
    assert "Titre\\x0a  [999] faux" in out


@pytest.mark.parametrize("name", list(CRAFTED))
def test_import_of_a_crafted_file_says_why_without_traceback(capsys, tmp_path, name) -> None:
    source = tmp_path / "crafted.json"
    source.write_bytes(CRAFTED[name].encode("latin-1" if name == "not-utf8" else "utf-8"))
    code, out, err = _run(capsys, "bookmarks", "import", str(source))
    assert (code, out) == (2, "")
    assert "fichier de signets illisible : " in err


def test_import_accepts_a_byte_order_mark(capsys, tmp_path) -> None:
    source = tmp_path / "windows.json"
    document = {"format": FORMAT_NAME, "version": 1, "bookmarks": [{"slug": "leucopenie", "anchor": "a"}]}
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode())
    code, out, _ = _run(capsys, "bookmarks", "import", str(source))
    assert (code, out) == (0, "1 signet(s) ajouté(s), 0 déjà présent(s)\n")
