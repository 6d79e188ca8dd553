"""Export file: documented format, round trip to another computer, import twice adds nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from guide_reader.store import FORMAT_NAME, FORMAT_VERSION, BookmarkStore, ExchangeFormatError, merge_notes

from .conftest import Clock


@pytest.fixture
def home(tmp_path: Path) -> Iterator[BookmarkStore]:
    with BookmarkStore(tmp_path / "home.sqlite3", clock=Clock()) as store:
        yield store


@pytest.fixture
def other(tmp_path: Path) -> Iterator[BookmarkStore]:
    """The store of another computer."""
    with BookmarkStore(tmp_path / "other.sqlite3", clock=Clock()) as store:
        yield store


def _fill(store: BookmarkStore) -> None:
    store.add(
        "leucopenie", "quand-consulter", kind="section", article_title="Leucopénie", heading="Quand ?", note="fièvre"
    )
    store.add("leucopenie", "faq-sport", kind="faq", article_title="Leucopénie", heading="Du sport ?")
    store.add(
        "regression", "definition", kind="section", article_title="Régression", heading="Définition", note="à lire"
    )


def _comparable(store: BookmarkStore) -> list[tuple]:
    return [(b.slug, b.anchor, b.kind, b.article_title, b.heading, b.note, b.created_at) for b in store.bookmarks()]


def test_export_format(home: BookmarkStore, tmp_path: Path) -> None:
    _fill(home)
    target = tmp_path / "signets.json"
    assert home.export_to(target) == 3
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT_NAME == "guide-reader-bookmarks"
    assert document["version"] == FORMAT_VERSION == 1
    assert datetime.fromisoformat(document["exported_at"]).tzinfo is not None
    first = document["bookmarks"][0]
    assert first == {
        "slug": "leucopenie",
        "anchor": "quand-consulter",
        "kind": "section",
        "article_title": "Leucopénie",
        "heading": "Quand ?",
        "note": "fièvre",
        "created_at": "2026-11-23T10:01:00+00:00",
        "updated_at": "2026-11-23T10:01:00+00:00",
    }
    assert "fièvre" in target.read_text(encoding="utf-8")  # readable UTF-8, not \u escapes
    assert [path.name for path in tmp_path.iterdir() if path.suffix == ".tmp"] == []


def test_export_a_selection(home: BookmarkStore, other: BookmarkStore, tmp_path: Path) -> None:
    _fill(home)
    chosen = [bookmark for bookmark in home.bookmarks() if bookmark.slug == "regression"]
    assert home.export_to(tmp_path / "choix.json", chosen) == 1
    assert [bookmark.anchor for bookmark in other.import_from(tmp_path / "choix.json").added] == ["definition"]


def test_round_trip_and_importing_twice_adds_nothing(home: BookmarkStore, other: BookmarkStore, tmp_path: Path) -> None:
    _fill(home)
    target = tmp_path / "signets.json"
    home.export_to(target)
    report = other.import_from(target)
    assert (len(report.added), len(report.merged), report.skipped) == (3, 0, 0)
    assert _comparable(other) == _comparable(home)
    again = other.import_from(target)
    assert (again.added, again.merged, again.skipped) == ((), (), 3)
    assert _comparable(other) == _comparable(home)
    back = home.import_from(target)  # into the store it came from
    assert (back.added, back.merged, back.skipped) == ((), (), 3)


def test_import_merges_notes_and_reports_it(home: BookmarkStore, other: BookmarkStore, tmp_path: Path) -> None:
    _fill(home)
    other.add(
        "leucopenie", "quand-consulter", kind="section", article_title="Leucopénie", heading="Quand ?", note="RDV jeudi"
    )
    other.add("leucopenie", "faq-sport", kind="faq", article_title="Leucopénie", heading="Du sport ?", note="marche")
    other.add("regression", "definition", kind="section", article_title="Régression", heading="Définition")
    target = tmp_path / "signets.json"
    home.export_to(target)
    report = other.import_from(target)
    assert report.added == ()
    assert report.skipped == 1  # faq-sport: the imported one has no note
    merged = {bookmark.anchor: bookmark.note for bookmark in report.merged}
    assert merged == {"quand-consulter": "RDV jeudi\n\nfièvre", "definition": "à lire"}
    assert other.find("leucopenie", "faq-sport").note == "marche"
    assert other.import_from(target).merged == ()  # the merged notes already hold the imported ones
    assert len(other.bookmarks()) == 3


def test_merge_notes() -> None:
    assert merge_notes("", "") == ""
    assert merge_notes("a", "") == "a"
    assert merge_notes("", "b") == "b"
    assert merge_notes("fièvre mardi", "fièvre") == "fièvre mardi"
    assert merge_notes("fièvre", "fièvre mardi") == "fièvre mardi"
    assert merge_notes("un", "deux") == "un\n\ndeux"
    assert merge_notes(merge_notes("un", "deux"), "deux") == "un\n\ndeux"


def test_import_tolerates_missing_optional_fields(home: BookmarkStore, tmp_path: Path) -> None:
    source = tmp_path / "minimal.json"
    document = {
        "format": FORMAT_NAME,
        "version": 1,
        "bookmarks": [{"slug": "leucopenie", "anchor": "faq-sport", "kind": "faq", "later": "ignored"}],
    }
    source.write_text(json.dumps(document), encoding="utf-8")
    (added,) = home.import_from(source).added
    assert (added.kind, added.heading, added.article_title, added.note) == ("faq", "faq-sport", "leucopenie", "")


V1 = '{"format": "guide-reader-bookmarks", "version": 1, '


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("pas du json", "illisible"),
        ('{"format": "autre", "version": 1, "bookmarks": []}', "pas un export"),
        ('{"format": "guide-reader-bookmarks", "version": 2, "bookmarks": []}', "plus récente"),
        ('{"format": "guide-reader-bookmarks", "bookmarks": []}', "version"),
        ('{"format": "guide-reader-bookmarks", "version": 1}', "bookmarks"),
        (V1 + '"bookmarks": [{"slug": "a"}]}', "anchor"),
        (V1 + '"bookmarks": [{"slug": "a", "anchor": "b", "kind": "x"}]}', "type"),
        (V1 + '"bookmarks": [{"slug": "a", "anchor": "b", "created_at": "hier"}]}', "date"),
        (V1 + '"bookmarks": ["a#b"]}', "objet"),
    ],
)
def test_invalid_files_are_refused_and_change_nothing(
    home: BookmarkStore, tmp_path: Path, content: str, message: str
) -> None:
    _fill(home)
    before = home.bookmarks()
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(ExchangeFormatError, match=message):
        home.import_from(source)
    assert home.bookmarks() == before


def test_a_file_valid_up_to_a_bad_entry_imports_nothing(home: BookmarkStore, tmp_path: Path) -> None:
    source = tmp_path / "half.json"
    entries = [{"slug": "leucopenie", "anchor": "a"}, {"slug": "leucopenie"}]
    source.write_text(json.dumps({"format": FORMAT_NAME, "version": 1, "bookmarks": entries}), encoding="utf-8")
    with pytest.raises(ExchangeFormatError):
        home.import_from(source)
    assert home.bookmarks() == []


def test_missing_file(home: BookmarkStore, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        home.import_from(tmp_path / "absent.json")
