"""The relevance set (tests/search_relevance.tsv): the wanted section in the top 3 for at least 90%."""

from __future__ import annotations

from pathlib import Path

from guide_reader.library import Library

HERE = Path(__file__).resolve().parent
CASES = HERE / "search_relevance.tsv"


def read_cases() -> list[tuple[str, set[str]]]:
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, wanted = line.split("\t")
            cases.append((query, {target.strip() for target in wanted.split("|")}))
    return cases


def test_wanted_section_in_top_three(tmp_path: Path) -> None:
    engine = Library(HERE.parent / "content", tmp_path).search_engine
    cases = read_cases()
    assert len(cases) >= 30
    misses = []
    for query, wanted in cases:
        top = [f"{hit.article_slug}#{hit.section_anchor}" for hit in engine.search(query, limit=3).hits]
        if not wanted & set(top):
            misses.append(f"{query!r}: {top}")
    engine.close()
    found = len(cases) - len(misses)
    assert found / len(cases) >= 0.9, "\n".join(misses)
