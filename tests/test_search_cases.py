"""Search that never misleads: each kind of fault, with inputs written for it and its right value.

Small articles made here, so that each right value is plain to read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_reader.cli import main
from guide_reader.content import text
from guide_reader.content.model import Article, FaqItem, Section
from guide_reader.content.text import find_folded, fold
from guide_reader.search import SearchEngine, SearchResults, analysis, completion
from guide_reader.search.analysis import analyze_all, terms
from guide_reader.search.documents import article_documents, document_position, plain_text
from guide_reader.search.query import plan, read_clauses
from guide_reader.search.snippets import snippet
from guide_reader.search.store import IndexStore
from guide_reader.search.synonyms import parse_synonyms

REPO = Path(__file__).resolve().parent.parent
NB_HYPHEN = "\u2011"
NBSP = "\u00a0"
NNBSP = "\u202f"


def anchors(results: SearchResults) -> list[str]:
    return [f"{hit.article_slug}#{hit.section_anchor}" for hit in results.hits]


def make_engine(tmp_path: Path, articles: list[Article], synonyms: str = "") -> SearchEngine:
    path = tmp_path / "synonyms.txt"
    path.write_text(synonyms, encoding="utf-8")
    engine = SearchEngine(articles, tmp_path / "index", path)
    engine.ensure_index()
    return engine


# 1. Completions: one per guide and section, labelled with the guide, never merged


def test_completions_of_the_same_heading_in_two_guides_stay_apart(tmp_path: Path) -> None:
    articles = [
        Article(slug=slug, title=title, sections=[Section("quand-consulter", "Quand consulter ?", "Texte.")])
        for slug, title in (("angine", "Angine"), ("grippe", "Grippe"))
    ]
    engine = SearchEngine(articles, tmp_path / "index")
    found = [(c.text, c.article_slug, c.article_title, c.anchor) for c in engine.complete("quand")]
    assert found == [
        ("Quand consulter ?", "angine", "Angine", "quand-consulter"),
        ("Quand consulter ?", "grippe", "Grippe", "quand-consulter"),
    ]


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("quand-consulter", "Quand consulter un médecin ?"),  # a hyphen typed where the heading has a space
        ("Quand-Consulter-Un-Méd", "Quand consulter un médecin ?"),
        ("auto-imm", "Une maladie auto‑immune"),  # the heading has a no-break hyphen
        ("autoimm", "Une maladie auto‑immune"),
        ("auto-immune", "Le diabète autoimmune"),  # a hyphen typed where the heading has none
        ("auto imm", "Une maladie auto‑immune"),
    ],
)
def test_a_completion_is_found_with_or_without_a_hyphen(tmp_path: Path, typed: str, heading: str) -> None:
    headings = ["Quand consulter un médecin ?", "Une maladie auto‑immune", "Le diabète autoimmune"]
    sections = [Section(f"s{number}", text, "Texte.") for number, text in enumerate(headings)]
    engine = SearchEngine([Article(slug="guide", title="Guide", sections=sections)], tmp_path / "index")
    assert heading in [completion.text for completion in engine.complete(typed)]


def test_complete_command_prints_the_windows_completions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["complete", "quand", "--json", "--limit", "5"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "prefix": "quand",
        "completions": [
            {
                "text": "Quand Consulter un Médecin ?",
                "article_slug": slug,
                "article_title": title,
                "section_anchor": "quand-consulter-un-medecin",
                "kind": "heading",
            }
            for slug, title in (
                ("leucopenie", "Leucopénie"),
                ("regression-tumorale-spontanee", "Régression Tumorale Spontanée"),
            )
        ],
    }
    assert main(["complete", "conta", "--limit", "1"]) == 0
    assert capsys.readouterr().out == (
        "La leucopénie est-elle contagieuse ? — Leucopénie  (leucopenie#faq-la-leucopenie-est-elle-contagieuse)\n"
    )
    assert main(["complete", "zorglub"]) == 0
    assert capsys.readouterr().out == "Aucune complétion pour « zorglub ».\n"


def test_a_compound_completes_from_its_joined_form(tmp_path: Path) -> None:
    article = Article(slug="pr", title="Polyarthrite", sections=[Section("ai", "Une maladie auto-immune", "x")])
    engine = SearchEngine([article], tmp_path / "index")
    assert [c.anchor for c in engine.complete("autoimm")] == ["ai"]


# 2. A query of stop words only


def test_a_common_word_is_no_typo_of_a_rarer_one(tmp_path: Path) -> None:
    when = Section("quand-consulter", "Quand consulter ?", "Si la fièvre dure.")
    care = Section("soins", "Les soins", "Quant à la toux, quant au reste.")
    articles = [Article(slug="a", title="Angine", sections=[when]), Article(slug="b", title="Toux", sections=[care])]
    engine = make_engine(tmp_path, articles)
    results = engine.search("quand")
    assert results.suggestion is None and anchors(results) == ["a#quand-consulter"]


def test_stop_words_only_are_searched_as_words_of_headings(tmp_path: Path) -> None:
    article = Article(
        slug="a",
        title="Angine",
        sections=[
            Section("quand-consulter", "Quand consulter ?", "Si la fièvre dure."),
            Section("soins", "Les soins", "Boire quand on a soif."),
        ],
    )
    engine = make_engine(tmp_path, [article])
    results = engine.search("quand")
    assert results.common_words
    assert anchors(results) == ["a#quand-consulter"]  # a heading holds it: the body text's « quand » is too common
    assert '<b class="match term0">' not in results.hits[0].snippet
    assert anchors(engine.search("Quand")) == ["a#quand-consulter"]
    assert anchors(engine.search("QUAND")) == ["a#quand-consulter"]  # caps lock: not an acronym in any text
    assert anchors(engine.search("« quand »")) == ["a#quand-consulter"]
    assert not engine.search("quand fièvre").common_words
    engine.close()


# 3. The alert section first within its guide, from the article model


ALERT_GUIDE = Article(
    slug="g",
    title="Grippe",
    lead="La grippe est une infection.",
    sections=[
        Section(
            "soins", "Soigner la grippe", "La fièvre, la fièvre, encore la fièvre : du paracétamol contre la fièvre."
        ),
        Section("symptomes", "Les symptômes", "Fièvre élevée, courbatures et toux."),
        Section(
            "quand-consulter", "Quand consulter ?", "Appelez si la fièvre dure plus de trois jours ou si la toux gêne."
        ),
    ],
    faq=[FaqItem("faq-fievre", "Que faire contre la fièvre ?", "Du paracétamol contre la fièvre et la fièvre.")],
)


def test_a_symptom_opens_the_alert_section_first(tmp_path: Path) -> None:
    engine = make_engine(tmp_path, [ALERT_GUIDE])
    assert anchors(engine.search("fievre"))[0] == "g#quand-consulter"
    assert anchors(engine.search("fievre", limit=1)) == ["g#quand-consulter"]
    engine.close()


def test_a_section_named_by_the_query_stays_first(tmp_path: Path) -> None:
    engine = make_engine(tmp_path, [ALERT_GUIDE])
    assert anchors(engine.search("symptomes toux"))[0] == "g#symptomes"  # the reader named that section
    assert anchors(engine.search("grippe"))[0] != "g#quand-consulter"  # the guide's subject is no symptom
    engine.close()


def test_an_alert_section_the_query_misses_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = Article(
        slug="h",
        title="Angine",
        sections=[
            Section("soins", "Soins", "Des courbatures et la gorge qui gratte."),
            Section("quand-consulter", "Quand consulter ?", "Appelez si la gorge gêne pour avaler."),
        ],
    )
    engine = make_engine(tmp_path, [ALERT_GUIDE, other])
    read: list[str] = []
    alert_of = engine._alert_of
    monkeypatch.setattr(engine, "_alert_of", lambda slug: read.append(slug) or alert_of(slug))
    assert sorted(anchors(engine.search("courbatures"))) == ["g#symptomes", "h#soins"]
    assert read == []  # neither alert section holds the word: the index says so, nothing of them is read
    assert anchors(engine.search("toux"))[0] == "g#quand-consulter"  # this one does: read, and first
    assert read == ["g"]
    engine.close()


def test_a_document_s_position_is_its_place_among_the_article_s_documents() -> None:
    documents = list(article_documents(ALERT_GUIDE))
    places = [document_position(ALERT_GUIDE, document.part) for document in documents]
    assert places[: 1 + len(ALERT_GUIDE.sections) + len(ALERT_GUIDE.faq)] == [0, 1, 2, 3, 4]
    assert document_position(ALERT_GUIDE, "section:absente") is None


def test_an_alert_found_only_through_a_synonym_does_not_pass_the_typed_word(tmp_path: Path) -> None:
    article = Article(
        slug="g",
        title="Grippe",
        sections=[
            Section("mesurer", "Mesurer", "Prenez votre température le soir."),
            Section("quand-consulter", "Quand consulter ?", "Appelez si la fièvre dure."),
        ],
    )
    engine = make_engine(tmp_path, [article], "fièvre, température\n")
    assert anchors(engine.search("temperature")) == ["g#mesurer", "g#quand-consulter"]
    engine.close()


def test_the_alert_section_is_the_models(tmp_path: Path) -> None:
    article = Article(
        slug="g",
        title="Grippe",
        sections=[
            Section("soins", "Soins", "La fièvre, la fièvre et la fièvre."),
            Section("alerte", "Signes d’alerte", "Une fièvre de plus de trois jours."),
        ],
    )
    assert [section.is_alert for section in article.sections] == [False, True]
    engine = make_engine(tmp_path, [article])
    assert anchors(engine.search("fièvre")) == ["g#alerte", "g#soins"]
    engine.close()


# 4. Typed words above synonyms


def test_the_typed_word_outranks_a_synonym(tmp_path: Path) -> None:
    article = Article(
        slug="p",
        title="Peau",
        sections=[
            Section("chiffres", "Chiffres", "Les mélanomes sont rares. " + "Les chiffres varient selon les pays. " * 8),
            Section("aspect", "Aspect", "Une tumeur cutanée, puis une autre tumeur cutanée, et une tumeur cutanée."),
        ],
        references=[],
    )
    engine = make_engine(tmp_path, [article], "mélanome, tumeur cutanée\n")
    assert anchors(engine.search("melanome")) == ["p#chiffres", "p#aspect"]
    assert anchors(engine.search("tumeur cutanee")) == ["p#aspect", "p#chiffres"]
    engine.close()


# 5. Highlighting whole phrases only, never a synonym's lone word


def test_a_phrase_is_marked_whole_and_never_its_words_alone() -> None:
    expressions = [("system", "immunitair")]
    body = "Le système immunitaire protège ; la réponse immunitaire varie ; un système nerveux."
    assert snippet(body, expressions) == (
        'Le <b class="match term0">système immunitaire</b> protège ; la réponse immunitaire varie ; un système nerveux.'
    )


def test_typed_words_side_by_side_make_one_mark() -> None:
    expressions = [("globul",), ("blanc",), ("bas",)]
    assert snippet("Un taux de globules blancs bas, des globules rouges.", expressions) == (
        'Un taux de <b class="match term0">globules blancs bas</b>, des <b class="match term0">globules</b> rouges.'
    )


def test_a_synonym_expression_is_marked_only_where_it_is_whole(tmp_path: Path) -> None:
    article = Article(
        slug="p",
        title="Peau",
        sections=[Section("s", "Signes", "La douleur liée à la tumeur diminue ; les tumeurs cutanées s'aplatissent.")],
    )
    engine = make_engine(tmp_path, [article], "mélanome, tumeur cutanée\n")
    assert engine.search("melanome").hits[0].snippet == (
        'La douleur liée à la tumeur diminue ; les <b class="match term1">tumeurs cutanées</b> s\'aplatissent.'
    )
    text_ = "la tumeur ici, le système immunitaire là, immunitaire seul"
    spans = engine.highlight_spans(text_, '"système immunitaire" melanome')
    assert [text_[start:end] for start, end in spans] == ["système immunitaire"]
    engine.close()


# 6. Stop words that are acronyms or parts of codes


@pytest.mark.parametrize(
    ("written", "positional", "extras"),
    [
        ("la TA", ["ta"], []),
        ("28 SA", ["28", "sa"], []),
        ("marqué CE", ["marqu", "ce"], []),
        ("IL-6", ["il", "6"], ["il6"]),
        ("SE-36", ["se", "36"], ["se36"]),
        ("ON-2", ["on", "2"], ["on2"]),
        ("ta tension, on se lave", ["tension", "lav"], []),
        ("est-ce", [], []),
    ],
)
def test_acronyms_and_codes_keep_their_stop_words(written: str, positional: list[str], extras: list[str]) -> None:
    forms, found_extras, _ = analyze_all(written)
    assert ([term for _, term in forms], found_extras) == (positional, extras)


def test_acronym_queries_find_the_acronym_not_the_word(tmp_path: Path) -> None:
    article = Article(
        slug="d",
        title="Diabète",
        sections=[
            Section("suivi", "Suivi", "La TA est mesurée à 28 SA."),
            Section("repas", "Repas", "Sa famille mange avec elle, ta soeur aussi."),
            Section("il6", "Messagers", "L'interleukine 6 (IL-6) entretient l'inflammation."),
            Section("six", "Six", "Il faut 6 repas."),
        ],
    )
    engine = make_engine(tmp_path, [article])
    assert anchors(engine.search("TA")) == ["d#suivi"]
    assert anchors(engine.search("ta")) == ["d#suivi"]  # the whole query
    assert anchors(engine.search("SA")) == ["d#suivi"]
    assert anchors(engine.search("TA élevée"))[0] == "d#suivi"
    assert anchors(engine.search("IL-6")) == ["d#il6"]  # not « 6 » alone
    spans = engine.highlight_spans("La TA et ta sœur.", "TA")
    assert spans == [(3, 5)]
    engine.close()


# 7. Compounds with or without a hyphen


COMPOUNDS = [
    ("auto-immune", "autoimmune"),
    ("anti-inflammatoire", "antiinflammatoire"),
    ("post-opératoire", "postopératoire"),
    ("H1N1", "H1 N1"),
    ("IL6", "IL-6"),
    (f"auto{NB_HYPHEN}immune", "autoimmune"),
]


@pytest.mark.parametrize(("one", "other"), COMPOUNDS)
def test_either_spelling_of_a_compound_finds_the_other(tmp_path: Path, one: str, other: str) -> None:
    articles = [
        Article(slug="one", title="Un", sections=[Section("s", "Texte", f"Une forme {one} ici.")]),
        Article(slug="other", title="Deux", sections=[Section("s", "Texte", f"Une forme {other} là.")]),
    ]
    engine = make_engine(tmp_path, articles)
    assert sorted(anchors(engine.search(one))) == ["one#s", "other#s"]
    assert sorted(anchors(engine.search(other))) == ["one#s", "other#s"]
    body = f"Une forme {one} ici."
    marked = [body[start:end] for start, end in engine.highlight_spans(body, other)]
    assert marked == [one]
    engine.close()


# 8. Numbers written the French way


@pytest.mark.parametrize("written", ["60 000", f"60{NBSP}000", f"60{NNBSP}000", "60000"])
def test_french_numbers_give_one_term(written: str) -> None:
    assert terms(written) == ["60000"]
    assert terms(f"1{NBSP}500 cas") == terms("1500 cas") == ["1500", "cas"]
    assert fold(written) == "60000"


def test_french_numbers_find_each_other(tmp_path: Path) -> None:
    article = Article(slug="g", title="Grippe", lead=f"Entre 20{NBSP}000 et 60{NNBSP}000 hospitalisations.")
    engine = make_engine(tmp_path, [article])
    for query in ("60000", "60 000", f"60{NBSP}000"):
        assert anchors(engine.search(query)) == ["g#"], query
    assert "<b" in engine.search("20000").hits[0].snippet
    assert terms("en 2019 200 patients") == ["2019", "200", "patient"]  # not digit groups
    engine.close()


# 9. Typographic quotes are phrases


@pytest.mark.parametrize("quoted", ["“système immunitaire”", "« système immunitaire »", "„système immunitaire“"])
def test_typographic_quotes_are_read_as_a_phrase(quoted: str) -> None:
    [clause] = read_clauses(quoted)
    assert (clause.phrase, clause.terms) == (True, ("system", "immunitair"))
    assert [(c.phrase, c.terms) for c in read_clauses('"système immunitaire"')] == [(True, clause.terms)]


def test_a_typographic_phrase_searches_the_phrase(tmp_path: Path) -> None:
    article = Article(
        slug="i",
        title="Immunité",
        sections=[
            Section("phrase", "Un", "Le système immunitaire réagit."),
            Section("mots", "Deux", "Un système nerveux et une réponse immunitaire."),
        ],
    )
    engine = make_engine(tmp_path, [article])
    assert anchors(engine.search("« système immunitaire »")) == ["i#phrase"]
    assert sorted(anchors(engine.search("système immunitaire"))) == ["i#mots", "i#phrase"]
    engine.close()


# 10. One folding for search, highlighting and find-in-page


def test_one_folding_function_serves_search_highlighting_and_find() -> None:
    assert analysis.fold is text.fold
    assert completion.fold is text.fold
    assert find_folded.__module__ == text.__name__


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("l'immunité", "l’immunité"),
        ("anti-inflammatoire", f"anti{NB_HYPHEN}inflammatoire"),
        ("60 000", f"60{NNBSP}000"),
        ("60000", f"60{NBSP}000"),
        ("coeur", "Cœur"),
        ("4000/ul", "4000/µL"),
    ],
)
def test_find_in_page_folds_like_search(typed: str, written: str) -> None:
    page = f"Avant {written} après."
    assert [page[start:end] for start, end in find_folded(page, typed)] == [written]
    assert fold(typed) == fold(written)


# 11. Snippets keep the French space before : ; ? !


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        (
            "Surveillez vos symptômes : prenez votre température.",
            "Surveillez vos symptômes : prenez votre température.",
        ),
        ("Surveillez vos symptômes [17] : prenez-la.", "Surveillez vos symptômes : prenez-la."),
        ("Est-ce grave ? Non ! Voyez ; puis", "Est-ce grave ? Non ! Voyez ; puis"),
        ("Un chiffre [13].", "Un chiffre."),
        ("Un chiffre [13,14], puis", "Un chiffre, puis"),
        (f"Symptômes{NBSP}: fièvre [2]{NNBSP}; toux", f"Symptômes{NBSP}: fièvre{NNBSP}; toux"),
    ],
)
def test_only_the_space_of_a_removed_citation_goes(markdown: str, plain: str) -> None:
    assert plain_text(markdown) == plain


def test_a_snippet_keeps_the_french_spaces(tmp_path: Path) -> None:
    article = Article(
        slug="l", title="L", sections=[Section("s", "S", "Vos symptômes [17] : prenez votre fièvre ; voilà !")]
    )
    engine = make_engine(tmp_path, [article])
    assert engine.search("fievre").hits[0].snippet == (
        'Vos symptômes : prenez votre <b class="match term0">fièvre</b> ; voilà !'
    )
    engine.close()


# The analyzer's change rebuilds the index


def test_an_index_made_by_another_analyzer_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article(slug="a", title="Angine", lead="Une forme auto-immune.")
    monkeypatch.setattr(analysis, "ANALYZER_VERSION", "fr-5")
    old = IndexStore(tmp_path).fingerprint
    IndexStore(tmp_path).ensure([article])
    monkeypatch.undo()
    store = IndexStore(tmp_path)
    assert store.fingerprint != old
    index, _, report = store.ensure([article])
    assert (report.action, report.problems) == ("rebuilt", ["index reconstruit : analyseur ou schéma modifié"])
    assert store.ensure([article])[2].action == "up-to-date"
    index.close()


def test_synonyms_file_reads_expressions_with_the_same_analysis() -> None:
    synonyms = parse_synonyms("mélanome, tumeur cutanée\n")
    assert plan("tumeurs cutanées", synonyms).alternatives == [[("melanom",)]]
