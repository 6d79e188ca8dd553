"""The bibliography flags kept beside the index: the same as the postings, made again when stale or damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_reader.content.model import Article, Reference, Section
from guide_reader.search import SearchEngine
from guide_reader.search.bibliography import BIBLIOGRAPHY_NAME, bibliography_flags
from guide_reader.search.documents import BIBLIOGRAPHY_TERM
from guide_reader.search.schema import TEXT_FIELD


def articles(count: int) -> list[Article]:
    return [
        Article(
            slug=f"guide-{n}",
            title=f"Guide {n}",
            sections=[Section("fievre", "Fièvre", f"Une fièvre numéro {n} [1].")],
            references=[Reference(1, f"Étude {n} sur la fièvre."), Reference(2, "Une autre étude.")],
        )
        for n in range(count)
    ]


def from_postings(engine: SearchEngine) -> set[int]:
    with engine._search_lock:
        searcher = engine._current_searcher()
        return set(searcher.postings(TEXT_FIELD, BIBLIOGRAPHY_TERM).all_ids()) if searcher else set()


def flagged(engine: SearchEngine, index_dir: Path | None) -> set[int]:
    with engine._search_lock:
        flags = bibliography_flags(engine._current_searcher(), index_dir)
    return {docnum for docnum, flag in enumerate(flags) if flag}


def test_flags_match_the_postings_across_segments_and_are_kept(tmp_path: Path) -> None:
    library = articles(4)
    engine = SearchEngine(library, tmp_path)
    engine.ensure_index()
    engine.close()
    engine = SearchEngine([*library, *articles(6)[4:]], tmp_path)  # an update: a second segment
    engine.ensure_index()
    expected = from_postings(engine)
    assert len(expected) == 12  # two references in each of the six guides
    assert flagged(engine, tmp_path) == expected
    assert (tmp_path / BIBLIOGRAPHY_NAME).is_file()
    assert flagged(engine, tmp_path) == expected  # read back from the file
    hits = engine.search("etude").hits
    assert hits and all(hit.kind == "reference" for hit in hits)
    assert engine.search("fievre").hits[0].kind == "section"  # the text before the bibliography
    engine.close()


def test_flags_read_back_are_not_compressed_again(tmp_path: Path, monkeypatch) -> None:
    engine = SearchEngine(articles(3), tmp_path)
    engine.ensure_index()
    expected = flagged(engine, tmp_path)
    text = (tmp_path / BIBLIOGRAPHY_NAME).read_text(encoding="ascii")

    def refused(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("flags read back from the file were compressed again")

    monkeypatch.setattr("guide_reader.search.bibliography.zlib.compress", refused)
    assert flagged(engine, tmp_path) == expected  # each open of a large index: 4 ms of compression saved
    assert (tmp_path / BIBLIOGRAPHY_NAME).read_text(encoding="ascii") == text
    engine.close()


@pytest.mark.parametrize("damage", ["garbage", "wrong length", "not json"])
def test_a_damaged_or_stale_file_is_made_again(tmp_path: Path, damage: str) -> None:
    engine = SearchEngine(articles(3), tmp_path)
    engine.ensure_index()
    expected = from_postings(engine)
    flagged(engine, tmp_path)
    path = tmp_path / BIBLIOGRAPHY_NAME
    text = path.read_text(encoding="ascii")
    segment = text.split('"')[1]
    path.write_text(
        {
            "garbage": f'{{"{segment}": "////"}}',
            "wrong length": f'{{"{segment}": "eJxjAAAAAQAB"}}',  # zlib of one zero byte
            "not json": "\x00\x01",
        }[damage],
        encoding="latin-1",
    )
    assert flagged(engine, tmp_path) == expected
    assert path.read_text(encoding="ascii") == text
    engine.close()


def test_an_index_folder_that_cannot_be_written_still_gives_the_flags(tmp_path: Path, monkeypatch) -> None:
    engine = SearchEngine(articles(3), tmp_path)
    engine.ensure_index()
    expected = from_postings(engine)
    (tmp_path / BIBLIOGRAPHY_NAME).unlink()

    def refused(self: Path, *args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_text", refused)  # a kiosk's read-only install
    assert flagged(engine, tmp_path) == expected
    assert sorted(path.name for path in tmp_path.iterdir() if "bibliography" in path.name) == []
    engine.close()


def test_an_index_in_memory_keeps_no_file(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    engine = SearchEngine(articles(2), tmp_path / "a-file" / "index")  # cannot be made: built in memory
    report = engine.ensure_index()
    assert any("index en mémoire" in problem for problem in report.problems)
    assert engine.search("etude").hits and flagged(engine, None) == from_postings(engine)
    assert not list(tmp_path.rglob(BIBLIOGRAPHY_NAME))
    engine.close()


def test_the_worker_that_opens_the_index_keeps_the_flags_so_a_search_writes_nothing(tmp_path: Path) -> None:
    engine = SearchEngine(articles(3), tmp_path)
    engine.ensure_index()  # the window's worker thread
    path = tmp_path / BIBLIOGRAPHY_NAME
    written = path.stat().st_mtime_ns
    path.chmod(0o444)
    assert engine.search("etude").hits  # a kiosk visitor's search
    assert path.stat().st_mtime_ns == written
    engine.close()
