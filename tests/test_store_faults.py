"""Writes that fail (disk full, read-only file), read-only media, notes too long, crafted bookmark files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide_reader.store import (
    FORMAT_NAME,
    MAX_NOTE_CHARS,
    BookmarkStore,
    ExchangeFormatError,
    NoteTooLongError,
    StoreWriteError,
)
from guide_reader.store import database as database_module

LONG_NOTE = "x" * 6000  # more than a page: the write needs a new page


def _mark(store: BookmarkStore, anchor: str = "a", note: str = "n") -> None:
    store.add("leucopenie", anchor, kind="section", article_title="L", heading="H", note=note)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store opened from now on is on a disk with no page left (SQLite's max_page_count)."""
    real_connect = database_module.connect

    def connect(path, migrations=database_module.MIGRATIONS):
        connection = real_connect(path, migrations)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr(database_module, "connect", connect)


def read_only_media(path: Path) -> None:
    """Make SQLite unable to create the ``-wal`` and ``-shm`` files next to ``path`` (as on read-only media).

    A folder in their place fails the same way whoever runs the tests (root ignores permissions).
    """
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).mkdir()


# Write failures


def test_a_full_disk_raises_a_write_error_and_keeps_nothing_half_done(tmp_path, full_disk) -> None:
    with BookmarkStore(tmp_path / "store.sqlite3") as store:
        with pytest.raises(StoreWriteError) as caught:
            _mark(store, note=LONG_NOTE)
        assert caught.value.reason == "disk-full"
        assert str(caught.value) == "le disque est plein"
        assert store.bookmarks() == []


def test_a_history_write_on_a_full_disk_raises_a_write_error(tmp_path, full_disk) -> None:
    with BookmarkStore(tmp_path / "store.sqlite3") as store, pytest.raises(StoreWriteError):
        for number in range(200):
            store.history.record("leucopenie", f"s{number}", article_title="L" * 100)


# Read-only media


def test_a_file_on_read_only_media_is_opened_read_only(tmp_path) -> None:
    path = tmp_path / "store.sqlite3"
    with BookmarkStore(path) as store:
        _mark(store, "a")
        _mark(store, "b")
    read_only_media(path)
    with BookmarkStore(path) as store:
        assert (store.path, store.read_only, store.persistent) == (path, True, False)
        assert [bookmark.anchor for bookmark in store.bookmarks()] == ["a", "b"]
        assert "lecture seule" in store.notice
        assert "ne pourront pas être conservés" in store.notice
        with pytest.raises(StoreWriteError) as caught:
            _mark(store, "c")
        assert caught.value.reason == "read-only"
        with pytest.raises(StoreWriteError):
            store.history.record("leucopenie", article_title="L")
        exported = tmp_path / "export.json"
        assert store.export_to(exported) == 2
    assert len(json.loads(exported.read_text(encoding="utf-8"))["bookmarks"]) == 2


def test_reads_use_their_own_connection(tmp_path) -> None:
    """A read never waits for this program's writer (nor, with WAL, another program's)."""
    path = tmp_path / "store.sqlite3"
    with BookmarkStore(path) as store, BookmarkStore(path) as other:
        _mark(store, "a")
        with other._database.write() as db:  # another program holds the write lock
            db.execute("DELETE FROM bookmarks")
            with store._database.read():
                assert [bookmark.anchor for bookmark in store.bookmarks()] == ["a"]


# Notes too long


def test_a_note_too_long_is_refused_with_its_length(store: BookmarkStore) -> None:
    with pytest.raises(NoteTooLongError) as caught:
        _mark(store, note="x" * (MAX_NOTE_CHARS + 1))
    assert str(caught.value) == f"note trop longue ({MAX_NOTE_CHARS + 1} caractères, maximum {MAX_NOTE_CHARS})"
    _mark(store, note="x" * MAX_NOTE_CHARS)
    (bookmark,) = store.bookmarks()
    with pytest.raises(NoteTooLongError):
        store.update_note(bookmark.id, "y" * (MAX_NOTE_CHARS + 1))
    assert store.bookmarks()[0].note == "x" * MAX_NOTE_CHARS


def test_an_imported_note_too_long_is_refused(store: BookmarkStore, tmp_path) -> None:
    source = tmp_path / "long.json"
    entry = {"slug": "leucopenie", "anchor": "a", "note": "x" * (MAX_NOTE_CHARS + 1)}
    source.write_text(json.dumps({"format": FORMAT_NAME, "version": 1, "bookmarks": [entry]}), encoding="utf-8")
    with pytest.raises(ExchangeFormatError, match="note trop longue"):
        store.import_from(source)


# Crafted bookmark files


def _document(*entries: object) -> str:
    return json.dumps({"format": FORMAT_NAME, "version": 1, "bookmarks": list(entries)})


CRAFTED = {
    "deep-nesting": "[" * 100_000 + "]" * 100_000,
    "deep-nesting-inside": _document({"slug": "a", "anchor": "b", "note": "x"})[:-2]
    + ', "extra": '
    + "[" * 100_000
    + "]" * 100_000
    + "}",
    "huge-number": '{"format": "guide-reader-bookmarks", "version": ' + "9" * 5000 + ', "bookmarks": []}',
    "overflowing-date": _document({"slug": "a", "anchor": "b", "created_at": "0001-01-01T00:00:00+14:00"}),
    "lone-surrogate": _document({"slug": "a", "anchor": "b"}).replace('"b"', '"\\ud800"'),
    "kind-a-list": _document({"slug": "a", "anchor": "b", "kind": ["section"]}),
    "huge-heading": _document({"slug": "a", "anchor": "b", "heading": "H" * 10_000_000}),
    "huge-article-title": _document({"slug": "a", "anchor": "b", "article_title": "T" * 10_001}),
    "huge-slug": _document({"slug": "a" * 100_000, "anchor": "b"}),
    "not-utf8": '{"format": "guide-reader-bookmarks"}'.encode("latin-1").decode("latin-1") + "é",
}


@pytest.mark.parametrize("name", list(CRAFTED))
def test_a_crafted_bookmarks_file_is_unreadable_with_its_reason(store: BookmarkStore, tmp_path, name) -> None:
    source = tmp_path / "crafted.json"
    if name == "not-utf8":
        source.write_bytes(CRAFTED[name].encode("latin-1"))
    else:
        source.write_text(CRAFTED[name], encoding="utf-8")
    with pytest.raises(ExchangeFormatError) as caught:
        store.import_from(source)
    assert str(caught.value).startswith("fichier de signets illisible : ")
    assert caught.value.reason
    assert store.bookmarks() == []


def test_a_bookmarks_file_with_a_byte_order_mark_is_read(store: BookmarkStore, tmp_path) -> None:
    source = tmp_path / "windows.json"
    source.write_bytes(b"\xef\xbb\xbf" + _document({"slug": "leucopenie", "anchor": "a", "note": "é"}).encode())
    report = store.import_from(source)
    assert [(bookmark.anchor, bookmark.note) for bookmark in report.added] == [("a", "é")]


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
_field_values = st.one_of(
    _json,
    st.sampled_from(["section", "faq", "", " ", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"]),
    st.datetimes().map(lambda moment: moment.isoformat()),
)
_entries = st.dictionaries(
    st.sampled_from(["slug", "anchor", "kind", "article_title", "heading", "note", "created_at", "updated_at"]),
    _field_values,
)
_documents = st.one_of(
    _json,
    st.fixed_dictionaries(
        {"format": st.just(FORMAT_NAME), "version": st.one_of(st.just(1), _json), "bookmarks": st.lists(_entries)}
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=_documents, text_noise=st.binary(max_size=40), cut=st.integers(min_value=0, max_value=400))
def test_no_bookmarks_file_raises_anything_but_a_format_error(tmp_path_factory, document, text_noise, cut) -> None:
    """Import of any file: it works, or ``ExchangeFormatError``; never another exception."""
    folder = tmp_path_factory.mktemp("fuzz")
    text = json.dumps(document, ensure_ascii=bool(cut % 2)).encode()
    for data in (text, text[:cut] + text_noise + text[cut:]):
        source = folder / "fuzz.json"
        source.write_bytes(data)
        with BookmarkStore(folder / "store.sqlite3") as store:
            try:
                store.import_from(source)
            except ExchangeFormatError as error:
                assert str(error).startswith("fichier de signets illisible : ")
            store.export_to(folder / "again.json")  # what was imported can be exported and read back
            store.import_from(folder / "again.json")


def test_every_error_code_of_a_write_is_named(tmp_path) -> None:
    from guide_reader.store.errors import write_error

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    read_only = sqlite3.OperationalError("attempt to write a readonly database")
    assert (write_error(full).reason, write_error(read_only).reason) == ("disk-full", "read-only")
