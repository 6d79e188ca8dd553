"""The library facade: articles loaded once, and their cache kept in step with the files."""

from __future__ import annotations

import os

from guide_reader.library import Library, load_articles


def test_cache_returns_the_same_articles_and_problems(content_copy) -> None:
    first = load_articles(content_copy)
    second = load_articles(content_copy)
    assert second == first
    assert len(first[0]) == 3 and first[1]


def test_an_edited_article_is_read_again(content_copy) -> None:
    load_articles(content_copy)
    path = content_copy / "leucopenie.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Leucopénie", "title: Leucopénie (révisé)"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    assert Library(content_copy).article("leucopenie").title == "Leucopénie (révisé)"


def test_a_damaged_cache_is_ignored_and_rewritten(content_copy, user_dirs) -> None:
    load_articles(content_copy)
    (cache_file,) = (user_dirs["cache"] / "guide-reader" / "articles").glob("*.json")
    cache_file.write_bytes(b"\x00garbage{")
    assert len(Library(content_copy).articles) == 3
    assert cache_file.read_bytes().startswith(b"{")


def test_a_cache_folder_that_cannot_be_written_only_costs_the_parse(content_copy, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("GUIDE_READER_CACHE_DIR", str(blocker / "cache"))
    assert len(Library(content_copy).articles) == 3
    assert len(Library(content_copy).articles) == 3


def test_a_missing_folder_is_a_problem_not_a_crash(tmp_path) -> None:
    library = Library(tmp_path / "absent")
    assert library.articles == []
    assert "dossier d'articles introuvable" in str(library.problems[0])
