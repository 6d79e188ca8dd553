"""Search at any size: the index follows the catalogue by versions, updates never merge, merging waits
for the worker, and completions are made where the index is made."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.corpus import SHORT, write_corpus
from guide_reader.content.cache import Catalogue, versions_digest
from guide_reader.library import Library
from guide_reader.search import store
from guide_reader.search.store import INDEX_NAME


def library_of(folder: Path, tmp_path: Path) -> Library:
    return Library(folder, tmp_path / "index")


def test_a_one_article_update_adds_a_small_segment_and_the_worker_merges_later(tmp_path) -> None:
    folder = tmp_path / "guides"
    paths = write_corpus(folder, 12, seed=2, lengths=SHORT)
    library = library_of(folder, tmp_path)
    assert library.search_engine.ensure_index().action == "built"
    library.close()
    toc_before = sorted(path.name for path in (tmp_path / "index").glob(f"*{INDEX_NAME}*.seg"))
    for count, path in enumerate(paths[:3], 1):
        text = path.read_text(encoding="utf-8").replace(
            "## Quand consulter", f"Xylophonique{count}.\n\n## Quand consulter"
        )
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
        library = library_of(folder, tmp_path)
        report = library.search_engine.ensure_index()
        assert (report.action, report.articles_indexed) == ("updated", 1)
        engine = library.search_engine
        assert [hit.article_slug for hit in engine.search(f"xylophonique{count}").hits] == [path.stem]
        if count < 3:
            library.close()
    after = sorted(path.name for path in (tmp_path / "index").glob(f"*{INDEX_NAME}*.seg"))
    assert set(toc_before) <= set(after) and len(after) == len(toc_before) + 3  # nothing merged on the way
    assert engine.merge_small_segments()
    merged = sorted(path.name for path in (tmp_path / "index").glob(f"*{INDEX_NAME}*.seg"))
    assert len(merged) == 1
    assert [hit.article_slug for hit in engine.search("xylophonique2").hits] == [paths[1].stem]
    assert not engine.merge_small_segments()  # nothing left to merge
    library.close()
    again = library_of(folder, tmp_path)  # the manifest was rewritten with the merged files
    report = again.search_engine.ensure_index()
    assert (report.action, report.problems) == ("up-to-date", [])
    again.close()


def test_opening_the_index_reads_no_article(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "guides"
    write_corpus(folder, 5, seed=3, lengths=SHORT)
    library = library_of(folder, tmp_path)
    library.search_engine.ensure_index()
    library.close()
    read = []
    original = Catalogue.article
    monkeypatch.setattr(Catalogue, "article", lambda self, slug: read.append(slug) or original(self, slug))
    library = library_of(folder, tmp_path)
    assert library.search_engine.ensure_index().action == "up-to-date"
    assert read == []
    hits = library.search_engine.search("quand consulter médecin").hits
    assert hits and len(set(read)) <= len({hit.article_slug for hit in hits})  # only the articles shown
    library.close()


def test_a_removed_file_leaves_the_index(tmp_path) -> None:
    folder = tmp_path / "guides"
    paths = write_corpus(folder, 4, seed=5, lengths=SHORT)
    title = Library(folder).entry(paths[0].stem).title
    library = library_of(folder, tmp_path)
    library.search_engine.ensure_index()
    assert paths[0].stem in {hit.article_slug for hit in library.search_engine.search(title).hits}
    library.close()
    paths[0].unlink()
    library = library_of(folder, tmp_path)
    report = library.search_engine.ensure_index()
    assert report.action == "updated"
    assert paths[0].stem not in {hit.article_slug for hit in library.search_engine.search(title).hits}
    library.close()


def test_a_search_does_not_make_the_completions(tmp_path) -> None:
    library = library_of(Path(__file__).resolve().parent.parent / "content", tmp_path)
    engine = library.search_engine
    engine.ensure_index()
    assert engine.search("leucopénie").hits and engine._completer is None  # guide-reader search never pays it
    engine.prepare_completions()  # the window's worker does, after the index
    assert engine._completer is not None
    assert engine.complete("leuco")[0].article_slug == "leucopenie"
    library.close()


def edit(paths: list[Path], word: str) -> None:
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("## Quand consulter", f"{word}.\n\n## Quand consulter"), encoding="utf-8")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))


def segments_of(library: Library) -> list[tuple[int, int]]:
    """(documents, deleted documents) of each segment of the library's index."""
    from whoosh.filedb.filestore import FileStorage

    index = FileStorage(str(library.index_dir), supports_mmap=False).open_index(INDEX_NAME)
    return [(segment.doc_count_all(), segment.deleted_count()) for segment in index._segments()]


def test_an_update_of_every_article_leaves_no_segment_of_deleted_documents(tmp_path) -> None:
    folder = tmp_path / "guides"
    paths = write_corpus(folder, 12, seed=2, lengths=SHORT)
    library = library_of(folder, tmp_path)
    library.search_engine.ensure_index()
    library.close()
    edit(paths, "Xylophonique")  # a new content pack: every guide changed
    library = library_of(folder, tmp_path)
    assert library.search_engine.ensure_index().action == "updated"
    assert [deleted for _, deleted in segments_of(library)] == [0]  # the former segment is gone
    assert len(library.search_engine.search("xylophonique").hits) == 12
    library.close()


def test_the_worker_rewrites_a_segment_more_than_half_deleted(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(store, "SMALL_SEGMENT_DOCS", 1)  # no segment counts as small
    folder = tmp_path / "guides"
    paths = write_corpus(folder, 12, seed=2, lengths=SHORT)
    library = library_of(folder, tmp_path)
    library.search_engine.ensure_index()
    library.close()
    edit(paths[:10], "Xylophonique")
    library = library_of(folder, tmp_path)
    library.search_engine.ensure_index()
    before = segments_of(library)
    assert len(before) == 2 and 2 * before[0][1] > before[0][0]
    assert library.search_engine.merge_small_segments()
    assert [deleted for _, deleted in segments_of(library)] == [0, 0]
    assert not library.search_engine.merge_small_segments()
    assert len(library.search_engine.search("xylophonique").hits) == 10
    library.close()


def test_an_up_to_date_index_is_known_by_the_versions_digest_without_reading_the_versions(
    tmp_path, monkeypatch
) -> None:
    folder = tmp_path / "guides"
    paths = write_corpus(folder, 5, seed=4, lengths=SHORT)
    library = library_of(folder, tmp_path)
    library.search_engine.ensure_index()
    library.close()
    read = []
    original = Catalogue.versions
    monkeypatch.setattr(Catalogue, "versions", lambda self: read.append(1) or original(self))
    library = library_of(folder, tmp_path)
    assert library.search_engine.ensure_index().action == "up-to-date"
    assert read == []  # two digests compared, not 10,000 versions (the index's and the completions')
    assert [hit.article_slug for hit in library.search_engine.search(library.entry(paths[1].stem).title).hits][:1] == [
        paths[1].stem
    ]
    library.close()


def test_every_change_of_the_catalogue_changes_its_digest_and_updates_the_index(tmp_path) -> None:
    folder = tmp_path / "guides"
    paths = write_corpus(folder, 6, seed=6, lengths=SHORT)
    library = library_of(folder, tmp_path)
    library.search_engine.ensure_index()
    digests = [library.catalogue.versions_digest()]
    library.close()
    extra = write_corpus(tmp_path / "more", 7, seed=7, lengths=SHORT)[6]

    def edited() -> None:
        edit([paths[0]], "Xylophonique")

    def added() -> None:
        extra.rename(folder / extra.name)

    def removed() -> None:
        paths[1].unlink()

    for change, word in ((edited, "xylophonique"), (added, None), (removed, None)):
        change()
        library = library_of(folder, tmp_path)
        digest = library.catalogue.versions_digest()
        assert digest == versions_digest(library.catalogue.versions()) and digest not in digests
        digests.append(digest)
        assert library.search_engine.ensure_index().action == "updated"
        if word:
            assert [hit.article_slug for hit in library.search_engine.search(word).hits] == [paths[0].stem]
        library.close()
    library = library_of(folder, tmp_path)
    assert library.catalogue.versions_digest() == digests[-1]  # a start that changed nothing keeps it
    assert library.search_engine.ensure_index().action == "up-to-date"
    slugs = {entry.slug for entry in library.entries}
    assert extra.stem in slugs and paths[1].stem not in slugs
    library.close()


def test_a_manifest_without_the_digest_is_compared_version_by_version(tmp_path, monkeypatch) -> None:
    import json

    folder = tmp_path / "guides"
    write_corpus(folder, 4, seed=8, lengths=SHORT)
    library = library_of(folder, tmp_path)
    library.search_engine.ensure_index()
    library.close()
    manifest = tmp_path / "index" / store.MANIFEST_NAME
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["digest"] == versions_digest(data["articles"])
    del data["digest"]  # as an older program wrote it
    manifest.write_text(json.dumps(data), encoding="utf-8")
    read = []
    original = Catalogue.versions
    monkeypatch.setattr(Catalogue, "versions", lambda self: read.append(1) or original(self))
    library = library_of(folder, tmp_path)
    assert library.search_engine.ensure_index().action == "up-to-date"
    assert read == [1]
    library.close()


def test_a_sync_cut_short_leaves_no_digest_and_the_index_compares_the_versions(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "guides"
    paths = write_corpus(folder, 4, seed=9, lengths=SHORT)
    library = library_of(folder, tmp_path)
    library.search_engine.ensure_index()
    library.close()
    edit([paths[0]], "Xylophonique")

    def cut(self: Catalogue) -> None:
        raise RuntimeError("the program was stopped")

    with monkeypatch.context() as patched, pytest.raises(RuntimeError):
        patched.setattr(Catalogue, "_keep_versions_digest", cut)
        library_of(folder, tmp_path)  # the edited file is stored, its digest not yet recorded
    library = Library(folder, tmp_path / "index", sync=False)  # as the window before its first sync
    assert library.catalogue.versions_digest() is None  # the old one went with the change
    assert library.search_engine.ensure_index().action == "updated"
    assert [hit.article_slug for hit in library.search_engine.search("xylophonique").hits] == [paths[0].stem]
    library.close()
