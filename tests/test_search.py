"""The search engine on the bundled articles: analysis, queries, snippets, completions, bad input."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from guide_reader.content.model import Article, Section
from guide_reader.library import Library
from guide_reader.search import SearchEngine, SearchResults
from guide_reader.search.analysis import terms, words
from guide_reader.search.synonyms import parse_synonyms

REPO = Path(__file__).resolve().parent.parent
SYNONYMS = REPO / "content" / "synonyms.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    library = Library(REPO / "content", tmp_path_factory.mktemp("index"))
    engine = library.search_engine
    engine.ensure_index()
    yield engine
    engine.close()


def anchors(results: SearchResults) -> list[str]:
    return [f"{hit.article_slug}#{hit.section_anchor}" for hit in results.hits]


# Analysis


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("leucopenie", "leucopénie"),
        ("fievre", "fièvre"),
        ("FIÈVRE", "fièvre"),
        ("fie\u0301vre", "fièvre"),  # decomposed accent
        ("coeur", "cœur"),
        ("traitements", "traitement"),
        ("spontanee", "spontanée"),
        ("l'immunité", "l’immunité"),
        ("immunité", "l’immunité"),
    ],
)
def test_analysis_gives_the_same_terms(one: str, other: str) -> None:
    assert terms(one) == terms(other) != []


def test_analysis_drops_stop_words_and_elided_articles() -> None:
    assert terms("les globules blancs de la leucopénie") == terms("globules blancs leucopénie")
    assert terms("qu'il jusqu’à l’hépatite") == terms("hépatite")
    assert terms("vitamine D") == [*terms("vitamine"), "d"]


def test_analysis_keeps_numbers_and_units() -> None:
    assert terms("38°C") == ["38", "°c"]
    assert terms("4000/µL") == terms("4000/μL") == ["4000", "ul"]
    assert terms("G-CSF") == ["g", "csf"]
    assert words("Leucopénies") == ["leucopenies"]


# Queries


@pytest.mark.parametrize(("plain", "accented"), [("leucopenie", "leucopénie"), ("fievre", "fièvre"), ("coeur", "cœur")])
def test_accents_do_not_change_the_hits(engine: SearchEngine, plain: str, accented: str) -> None:
    assert anchors(engine.search(plain)) == anchors(engine.search(accented))


def test_typo_finds_its_word_and_suggests_it(engine: SearchEngine) -> None:
    results = engine.search("leucopnie")
    assert results.suggestion == "leucopénie"
    assert results.hits and results.hits[0].article_slug == "leucopenie"
    assert engine.search("leucopénie").suggestion is None


def test_explicit_fuzzy_syntax(engine: SearchEngine) -> None:
    assert engine.search("leucopnie~").hits


def test_quoted_phrase(engine: SearchEngine) -> None:
    results = engine.search('"prise de sang"')
    assert "leucopenie#le-parcours-diagnostic-etape-par-etape" in anchors(results)
    assert len(results.hits) < len(engine.search("prise sang").hits)


def test_a_phrase_is_found_within_one_part_of_a_document(tmp_path: Path) -> None:
    article = Article(
        slug="a",
        title="Fièvre",
        sections=[
            Section("jaune", "Jaune", "Une couleur."),  # title 'Fièvre', then heading 'Jaune': two parts
            Section("vraie", "Fièvre jaune", "Une maladie tropicale."),
            Section("texte", "Voyages", "Le vaccin contre la fièvre jaune est exigé."),
        ],
    )
    engine = SearchEngine([article], tmp_path / "index")
    assert sorted(anchors(engine.search('"fièvre jaune"'))) == ["a#texte", "a#vraie"]
    assert anchors(engine.search('"jaune fièvre"')) == []
    engine.close()


@pytest.mark.parametrize(
    "query",
    ['"prise de sang"', "globules blancs bas", "leucopénie", "fièvre traitement", '"régression spontanée"', "peau"],
)
def test_the_best_hits_do_not_depend_on_how_many_are_asked(engine: SearchEngine, query: str) -> None:
    everything = engine.search(query, limit=1000)
    for limit in (1, 3, 5):
        assert engine.search(query, limit=limit).hits == everything.hits[:limit]


def test_every_word_first_then_any_word(engine: SearchEngine) -> None:
    question = "est-ce que la leucopénie donne de la fièvre pendant les vacances au ski"
    results = engine.search(question)
    assert results.hits, "a long question still finds something"
    assert results.hits[0].article_slug == "leucopenie"


def test_results_are_grouped_by_article_in_rank_order(engine: SearchEngine) -> None:
    results = engine.search("traitement")
    groups = results.groups()
    assert [slug for slug, _, _ in groups] == list(dict.fromkeys(h.article_slug for h in results.hits))
    assert sum(len(hits) for _, _, hits in groups) == len(results.hits)
    assert all(hit.kind in {"section", "faq", "reference", "publication", "web"} for hit in results.hits)
    assert results.total >= len(results.hits)


def test_snippets_mark_matches_and_escape_the_rest(tmp_path: Path) -> None:
    article = Article(
        slug="essai",
        title="Essai",
        sections=[Section("s", "Section", "Une fièvre <script>alert(1)</script> & autres signes.")],
    )
    engine = SearchEngine([article], tmp_path / "index")
    hit = engine.search("fievre").hits[0]
    assert '<b class="match' in hit.snippet and "fièvre</b>" in hit.snippet
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet
    text = "Une fièvre <script>alert(1)</script> & autres signes."
    assert text.startswith(html.unescape(re.sub(r"<[^>]+>", "", hit.snippet)))
    engine.close()


def test_synonyms_bring_medical_words(tmp_path: Path) -> None:
    article = Article(slug="a", title="Analyse", sections=[Section("nfs", "Examen", "Le taux de leucocytes à la NFS.")])
    engine = SearchEngine([article], tmp_path / "index", SYNONYMS)
    assert anchors(engine.search("globules blancs")) == ["a#nfs"]
    assert anchors(engine.search("prise de sang")) == ["a#nfs"]
    engine.close()


def test_synonyms_file_format() -> None:
    synonyms = parse_synonyms("# commentaire\nglobules blancs, leucocytes\ndocteur => médecin\nseul\n")
    assert synonyms.expansions[("globul", "blanc")] == [("leucocyt",)]
    assert synonyms.expansions[("leucocyt",)] == [("globul", "blanc")]
    assert synonyms.expansions[("docteur",)] == [("medecin",)]
    assert ("medecin",) not in synonyms.expansions
    assert len(synonyms.problems) == 1 and ":4:" in synonyms.problems[0]


def test_bundled_synonyms_file_is_clean() -> None:
    from guide_reader.search.synonyms import load_synonyms

    loaded = load_synonyms(SYNONYMS)
    assert loaded.problems == [] and len(loaded.expansions) > 20


def test_a_synonyms_line_that_is_not_utf8_is_reported_and_the_others_still_load(tmp_path: Path) -> None:
    from guide_reader.search.synonyms import load_synonyms

    path = tmp_path / "synonyms.txt"
    path.write_bytes(b"globules blancs, leucocytes\r\nfi\xe8vre, hyperthermie\ndocteur => m\xc3\xa9decin\n")
    loaded = load_synonyms(path)
    assert loaded.problems == ["synonyms.txt:2: ligne ignorée (pas en UTF-8)"]
    assert loaded.expansions[("docteur",)] == [("medecin",)]
    assert loaded.expansions[("leucocyt",)] == [("globul", "blanc")]


# Highlighting in the article, completions


def test_highlight_spans_use_the_same_analysis(engine: SearchEngine) -> None:
    text = "Toute fièvre supérieure à 38°C. Les traitements et le traitement."
    spans = engine.highlight_spans(text, "fievre traitements")
    assert [text[start:end] for start, end in spans] == ["fièvre", "traitements", "traitement"]
    assert engine.highlight_spans(text, "") == []


def test_completions_from_titles_headings_and_questions(engine: SearchEngine) -> None:
    first = engine.complete("leuc")[0]
    assert (first.text, first.kind, first.article_slug, first.anchor) == ("Leucopénie", "title", "leucopenie", "")
    headings = engine.complete("quand cons")
    assert headings and all(item.anchor == "quand-consulter-un-medecin" for item in headings)
    assert any(item.kind == "faq" for item in engine.complete("contagieuse"))
    assert len(engine.complete("l", limit=3)) == 3
    assert engine.complete("") == [] and engine.complete("zzzz") == []


# Whatever is typed


BAD_INPUTS = [
    "",
    "   ",
    '"',
    '"prise de sang',
    'prise" de "sang',
    "AND",
    "OR NOT AND",
    "(",
    "((leucopénie",
    "]",
    "[1,2]",
    "~",
    "a~9",
    "leucopénie~99/99",
    "*",
    "leuco*",
    "^2",
    "title:fièvre",
    ":",
    "-",
    "+",
    "\\",
    "{}",
    "les de la et",
    "😀🩸💉",
    "\x00\x1b[31m",
    "fièvre " * 1000,
    "x" * 5000,
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("text", BAD_INPUTS, ids=range(len(BAD_INPUTS)))
def test_any_text_gives_a_well_formed_answer(engine: SearchEngine, text: str) -> None:
    results = engine.search(text)
    assert isinstance(results, SearchResults)
    assert results.total >= len(results.hits) >= 0
    assert results.suggestion is None or isinstance(results.suggestion, str)
    assert len(results.query) <= 300
    json.dumps(results.as_json())
    for hit in results.hits:
        assert "<script>" not in hit.snippet
    assert isinstance(engine.complete(text), list)
    assert isinstance(engine.highlight_spans("Une fièvre légère.", text), list)


def test_only_stop_words_are_searched_in_headings(engine: SearchEngine) -> None:
    results = engine.search("quand")
    assert results.common_words
    assert anchors(results) == [
        "leucopenie#quand-consulter-un-medecin",
        "regression-tumorale-spontanee#quand-consulter-un-medecin",
    ]
    assert engine.search("ni").hits == []  # in no title, heading or question


def test_search_json_shape(engine: SearchEngine) -> None:
    data = engine.search("fièvre", limit=2).as_json()
    assert list(data) == ["query", "suggestion", "total", "common_words", "hits"]
    assert len(data["hits"]) == 2
    assert set(data["hits"][0]) == {
        "article_slug",
        "article_title",
        "section_anchor",
        "section_heading",
        "kind",
        "score",
        "snippet",
    }


def test_the_count_does_not_depend_on_how_many_hits_are_asked_for(engine: SearchEngine) -> None:
    # An unknown word: the any-word tiers give the hits; the page filled by the typed words' tier is
    # counted with their synonyms' too, as a longer page would be (« fièvre » alone counts them).
    for query in ("xyzzy fièvre", "zzqqx globules"):
        totals = {engine.search(query, limit).total for limit in (1, 3, 30, 200)}
        assert len(totals) == 1, (query, totals)
    assert engine.search("xyzzy fièvre", 3).total == engine.search("fièvre", 3).total
