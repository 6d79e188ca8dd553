"""The relevance set (tests/search_relevance.tsv), over the bundled articles and articles of other layouts.

Two rules: the wanted section in the top 3 for at least 90 % of the queries, and, for every
query naming a symptom, each listed guide's « Quand consulter » section first within its guide.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide_reader.library import Library
from guide_reader.search import SearchEngine

HERE = Path(__file__).resolve().parent
CASES = HERE / "search_relevance.tsv"
FIXTURES = HERE / "fixtures" / "relevance"


class Case:
    def __init__(self, line: str) -> None:
        query, wanted, *alerts = line.split("\t")
        self.query = query
        self.wanted = {target.strip() for target in wanted.split("|")}
        self.alert_guides = alerts[0].split() if alerts else []


def read_cases() -> list[Case]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return [Case(line) for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    content = tmp_path_factory.mktemp("content")
    for path in [*(HERE.parent / "content").glob("*.md"), HERE.parent / "content" / "synonyms.txt"]:
        shutil.copy(path, content / path.name)
    for path in FIXTURES.glob("*.md"):
        shutil.copy(path, content / path.name)
    library = Library(content, tmp_path_factory.mktemp("index"))
    assert len(library.articles) == 7
    assert not [problem for problem in library.problems if problem.severity == "error"]
    yield library
    library.close()


@pytest.fixture(scope="module")
def engine(library: Library) -> SearchEngine:
    return library.search_engine


def test_wanted_section_in_top_three(engine: SearchEngine) -> None:
    cases = read_cases()
    assert len(cases) >= 90
    misses = []
    for case in cases:
        top = [f"{hit.article_slug}#{hit.section_anchor}" for hit in engine.search(case.query, limit=3).hits]
        if not case.wanted & set(top):
            misses.append(f"{case.query!r}: {top}")
    found = len(cases) - len(misses)
    assert found / len(cases) >= 0.9, "\n".join(misses)


def test_symptom_queries_put_the_alert_section_first_within_its_guide(library: Library, engine: SearchEngine) -> None:
    cases = [case for case in read_cases() if case.alert_guides]
    assert len(cases) >= 12
    wrong = []
    for case in cases:
        hits = engine.search(case.query, limit=100).hits
        for slug in case.alert_guides:
            article = library.article(slug)
            assert article is not None, slug
            alert = next(section.anchor for section in article.sections if section.is_alert)
            own = [hit.section_anchor for hit in hits if hit.article_slug == slug]
            if not own or own[0] != alert:
                wrong.append(f"{case.query!r} in {slug}: {own[:3]}")
    assert wrong == []


def test_the_alert_rule_is_the_articles_not_a_word_list(library: Library) -> None:
    """Each test guide marks its alert section in its own words; the model finds every one."""
    alerts = {
        article.slug: [section.heading for section in article.sections if section.is_alert]
        for article in library.articles
    }
    assert alerts == {
        "angine": ["Quand consulter ?"],
        "cancer-qui-regresse-tout-seul": [],
        "diabete-gestationnel": ["Quand consulter ?"],
        "grippe-saisonniere": ["Signes d’alerte"],
        "leucopenie": ["Quand Consulter un Médecin ?"],
        "polyarthrite-rhumatoide": ["Quand faut-il consulter ?"],
        "regression-tumorale-spontanee": ["Quand Consulter un Médecin ?"],
    }
