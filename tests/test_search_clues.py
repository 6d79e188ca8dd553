"""The fast paths of a search's last steps give the answers of the slow ones: a term's clue is in every
written form that gives the term, the pattern of clues finds every form that can give one, the alert
section's rule reads the same terms as from its whole text, and snippets mark the same words whether the
words were analyzed before or not."""

from __future__ import annotations

import random
import re

import pytest

from benchmarks.corpus import BUNDLED, ArticleMaker
from guide_reader.content.model import Article
from guide_reader.content.text import fold_chars
from guide_reader.search import analysis
from guide_reader.search.alerts import AlertSection
from guide_reader.search.analysis import TOKEN, analyze_all, common_word_term, written_forms
from guide_reader.search.candidates import _pattern, fast, forms_giving
from guide_reader.search.clues import clue, folded_parts, may_give
from guide_reader.search.documents import IndexDoc, article_documents
from guide_reader.search.snippets import marks
from tests.conftest import CONTENT_DIR, load_folder

ODD_TEXT = (
    "Cœur, Œdème et ŒSOPHAGE ; l’immunité, d'auto-immunité, auto‑immune (trait d’union insécable), IL-6, IL6, "
    "H1 N1, H1N1, 60 000 globules/µL à 38°C, 4000/μL, α-thalassémie, Straße, ﬁèvre (ligature), "
    "fie\u0301vre (accent combiné), TA élevée, CE, vitamine D, complications, récemment, chevaux, heureuse, "
    "prudence, évidemment, indications, publications, ça va ; 1 500,5 mg ; « symptômes » : "
    "Ärzte, Ørsted, łódź, Đakovo, ıi, naïveté, aïe, crayons, payer, yeux, ÉTÉ, Noël, E. coli, COVID-19, 24-48 h, "
    "J+3, anti-TNF-α, post-opératoire, c’est-à-dire, est-ce, peut-être, grand-mère, arc-en-ciel, "
    "24-60 000 unités, 150 000-450 000 plaquettes, 1-2 500 cas, 2\u00a0500-3\u202f000 mg."
)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    bundled, _ = load_folder(CONTENT_DIR)
    return bundled + list(ArticleMaker(23, BUNDLED).articles(25))


@pytest.fixture(scope="module")
def texts(articles: list[Article]) -> list[str]:
    found = [ODD_TEXT]
    for article in articles:
        for doc in article_documents(article):
            found += [doc.title, doc.head, doc.body]
    return found


def forgetting_analyses() -> None:
    """Every written form analyzed again from now on (a search's guides are new to it)."""
    analysis.PIECES.clear()


def forms_may_give(text: str, clues: tuple[str, ...]) -> list[tuple[int, str]]:
    """The slow reference: every written form of the text asked ``may_give``."""
    return [(form.start(), form.group()) for form in TOKEN.finditer(text) if may_give(form.group(), clues)]


def test_forms_giving_are_those_may_give_accepts_of_every_form(texts: list[str]) -> None:
    rnd = random.Random(3)
    odd = re.split(r"(?<=[,;]) ", ODD_TEXT)  # (each alone: most are read with the pattern)
    pieces = [*texts, *odd, "x" + ODD_TEXT.replace("fie\u0301vre", "").replace("ﬁ", "fi")]
    compared = read_fast = 0
    for text in pieces:
        forms, extras, _ = analyze_all(text)
        clues = sorted({clue(term) for _, term in forms} | {clue(term) for term in extras} - {""})
        chosen = rnd.sample(clues, min(8, len(clues)))
        for asked in [(found,) for found in chosen] + [tuple(chosen[:3])] * bool(chosen):
            got = [(form.start(), form.group()) for form in forms_giving(text, asked)]
            assert got == forms_may_give(text, asked), (text[:80], asked)
            compared += len(got)
        read_fast += fast(text)
    assert compared > 5000
    assert read_fast > 0.9 * len(pieces)
    assert not fast(ODD_TEXT)  # a combined accent, the ligature ﬁ: form by form


def test_forms_giving_finds_compounds_numbers_and_ligatures() -> None:
    cases = [
        ("une maladie auto\u2011immune rare", "autoimm", "auto\u2011immune"),
        ("de 24-60 000 unités", "600", "24-60 000"),
        ("de 24-60\u202f000 unités", "600", "24-60\u202f000"),
        ("le Cœur bat", "coe", "Cœur"),
        ("le cœur bat", "co", "cœur"),
        ("un ŒSOPHAGE sain", "oesopha", "ŒSOPHAGE"),
        ("la Straße est là", "strass", "Straße"),
        ("4000/µL ce jour", "u", "µL"),
        ("la FIÈVRE monte", "fievr", "FIÈVRE"),
        ("une α-thalassémie", "thalassem", "α-thalassémie"),
    ]
    for text, asked, written in cases:
        assert fast(text), text
        assert [form.group() for form in forms_giving(text, (asked,))] == [written], (text, asked)
    assert [form.group() for form in forms_giving("une antifièvre, la fièvre", ("fievr",))] == ["fièvre"]


def test_folded_parts_are_those_fold_gives(texts: list[str]) -> None:
    for text in texts:
        for written in set(TOKEN.findall(text)):
            assert folded_parts(written) == re.split(r"[- ]+", fold_chars(written)), written


ODD_PIECES = [*"aeosmnlc", *"AEOSM", *"éÉèœŒæÆßẞ", "ma", "oe", "ss", "ae", *"0123456789", " ", " ", "-", "\u2011",
              "\u00a0", "\u202f", "'", "’", "ʼ", "_", "°", ",", ".", "/", "µ", "μ", "Μ", "σ", "Σ", "ͺ", "ĳ", "ǆ",
              "Ǆ", "ⅱ", "²", "ª", "K", "İ", "e\u0301", "…", "H1 N1", "60 000", "l'", "d’", "qu'"]  # fmt: skip
"""Characters and pieces where the pattern and the cutting into forms could part ways."""


def test_forms_giving_agrees_with_every_form_on_random_odd_texts() -> None:
    compared = read_fast = 0
    for seed in range(4000):
        rnd = random.Random(seed)
        text = "".join(rnd.choice(ODD_PIECES) for _ in range(rnd.randint(1, 30)))
        asked = tuple("".join(rnd.choice("aeosmnlc0123456°") for _ in range(rnd.randint(1, 4))) for _ in range(3))
        forms = TOKEN.findall(text)
        if forms and rnd.random() < 0.5:  # a clue that one of the text's forms starts
            folded = re.sub(r"[- ]", "", fold_chars(rnd.choice(forms)))
            asked = (asked[0], folded[: rnd.randint(1, max(1, len(folded)))] or "a")
        got = [(form.start(), form.group()) for form in forms_giving(text, asked)]
        assert got == forms_may_give(text, asked), (seed, text, asked)
        compared += len(got)
        read_fast += fast(text)
    assert compared > 1000 and read_fast > 1000


def test_forms_giving_cases_a_review_found() -> None:
    def found(text: str, *asked: str) -> list[str]:
        got = [form.group() for form in forms_giving(text, asked)]
        assert got == [written for _, written in forms_may_give(text, asked)]
        return got

    assert found("ma maman a de la fièvre", "mam") == ["maman"]  # a match in « ma » hid the next one
    assert found("xa-aa", "aa") == ["xa-aa"]
    assert found("Prendre 2x500 mg", "50") == ["500"]  # a number right after a letter
    assert found("10h30 puis 38°C", "30") == ["30"]
    assert found("abͺcd", "cd") == ["abͺcd"] and not fast("abͺcd")  # a letter folded to a space
    assert fast("la fièvre… puis ≥ 2 doses") and found("la fièvre… puis", "fievr") == ["fièvre"]
    assert found("J1 " * 300 + "jambe", "jamb") == ["jambe"]
    assert len(_pattern("s" * 40).pattern) < 20_000  # (each ß doubles it: only the clue's first letters)


def test_every_written_form_can_give_each_term_it_gives(texts: list[str]) -> None:
    checked = 0
    for text in texts:
        for written in set(TOKEN.findall(text)):
            found = analysis.piece(written)
            for term in [term for _, term in found.forms] + list(found.extras):
                assert not clue(term) or may_give(written, (clue(term),)), (written, term)
                checked += 1
    assert checked > 10_000


def test_clues_of_words_snowball_rewrites() -> None:
    for written, term in [("complications", "compliqu"), ("récemment", "recent"), ("chevaux", "cheval")]:
        assert analysis.stem(written) == term
        assert may_give(written, (clue(term),))
    assert may_give("auto-immunes", (clue(analysis.stem("autoimmune")),))  # the compound's joined term
    assert not may_give("antifièvre", (clue("fievr"),))  # a clue starts a word: not inside one
    assert clue("ta") == ""  # too short: any form may give it


def alert_sections(articles: list[Article]) -> list[IndexDoc]:
    found = [doc for article in articles for doc in article_documents(article) if doc.alert]
    odd = IndexDoc("odd", "section:quand-consulter", "section", "quand-consulter", "Quand consulter ?",
                   "Cœur et IL-6", "Quand consulter ?", ODD_TEXT)  # fmt: skip
    return [*found, odd]


def body_terms(doc: IndexDoc) -> frozenset[str]:
    """The terms of a document's body, words and extras, from its whole text (the slow reference)."""
    forms, extras, _ = analyze_all(doc.body)
    return frozenset([term for _, term in forms] + extras)


def bag(doc: IndexDoc) -> frozenset[str]:
    """Every term the index holds for a document (words, extras, the heading's stop words), from its whole text."""
    found: set[str] = set()
    for text in (doc.title, doc.head, doc.body):
        forms, extras, _ = analyze_all(text)
        found.update(term for _, term in forms)
        found.update(extras)
    found.update(common_word_term(word) for word in analyze_all(doc.head, stops=True)[2])
    return frozenset(found)


def asked_terms(doc: IndexDoc, others: list[IndexDoc], rnd: random.Random) -> list[str]:
    """Terms a search may ask about: the section's own (words, extras, its heading's stop words), others'
    words, and terms no text gives."""
    own = sorted(bag(doc))
    elsewhere = sorted({term for other in rnd.sample(others, 3) for term in bag(other)})
    return [*own, *rnd.sample(elsewhere, 30), "~quand", "~~bibliographie", "zzzqqq", "ta", "d"]


def test_the_alert_rule_reads_the_terms_the_whole_text_gives(articles: list[Article]) -> None:
    docs = alert_sections(articles)
    assert len(docs) > 25
    rnd = random.Random(5)
    compared = 0
    for doc in docs:
        for term in asked_terms(doc, docs, rnd):
            expected = (term in body_terms(doc), term in bag(doc))
            forgetting_analyses()  # each term asked of a text never analyzed
            section = AlertSection(doc, [])
            assert (section.in_body(term), section.holds(term)) == expected, (doc.slug, term)
            compared += expected[0]
    assert compared > 2000


def expressions_of(text: str, rnd: random.Random) -> list[list[str]]:
    """One-word expressions made of the text's own terms and others, and runs of two and three of its
    terms (a phrase, a synonym of several words): what the snippets mark."""
    forms, extras, _ = analyze_all(text)
    own = sorted({term for _, term in forms} | set(extras))
    chosen = [*rnd.sample(own, min(3, len(own))), "zzzqqq"]
    return [[term] for term in chosen] + runs_of([term for _, term in forms], rnd)


def runs_of(terms: list[str], rnd: random.Random) -> list[list[str]]:
    """Two runs of two and three terms, and the same with one term skipped."""
    found: list[list[str]] = []
    for _ in range(2):
        if len(terms) >= 4:
            at = rnd.randrange(len(terms) - 3)
            found += [terms[at : at + 2], terms[at : at + 3], [terms[at], terms[at + 2]]]
    return found


def positional(text: str) -> list[tuple[str, int, int]]:
    """Every term of the text in order, with where its word starts and ends (every form analyzed)."""
    found = []
    for match in written_forms(text):
        known = analysis.piece(match.group())
        found += [(term, match.start() + start, match.start() + end)
                  for (_, term), (start, end) in zip(known.forms, known.spans, strict=True)]  # fmt: skip
    return found


def expression_spans(text: str, expression: list[str]) -> list[tuple[int, int]]:
    """Where the expression's terms follow each other, joined as the snippets join touching marks."""
    terms, size = positional(text), len(expression)
    found = [(terms[at][1], terms[at + size - 1][2]) for at in range(len(terms) - size + 1)
             if [term for term, _, _ in terms[at : at + size]] == expression]  # fmt: skip
    joined: list[tuple[int, int]] = []
    for start, end in found:
        if joined and (start < joined[-1][1] or text[joined[-1][1] : start] == " "):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def test_an_expression_of_several_terms_is_marked_where_they_follow_each_other(texts: list[str]) -> None:
    rnd = random.Random(11)
    compared = 0
    for text in texts:
        for expression in runs_of([term for _, term in analyze_all(text)[0]], rnd):
            forgetting_analyses()
            found = [(start, end) for start, end, _ in marks(text, [expression])]
            assert found == expression_spans(text, expression), (text[:80], expression)
            compared += len(found)
    assert compared > 100


def test_snippet_marks_are_the_same_for_words_analyzed_before_or_not(texts: list[str]) -> None:
    rnd = random.Random(9)
    compared = 0
    for text in texts[::3]:
        if not text:
            continue
        expressions = expressions_of(text, rnd)
        for stop_words in (False, True):
            forgetting_analyses()
            cold = marks(text, expressions, stop_words)
            analyze_all(text, stops=True)  # every written form known: the slow path's answer
            warm = marks(text, expressions, stop_words)
            assert cold == warm, (text[:80], expressions)
            compared += len(warm)
    assert compared > 1000


def test_a_first_met_form_is_analyzed_only_when_it_can_give_a_term_asked_for() -> None:
    text = "Les chevaux galopent ; la fièvre monte, une fiévreuse soirée."
    forgetting_analyses()
    found = marks(text, [["fievr"]])
    assert [text[start:end] for start, end, _ in found] == ["fièvre"]
    assert "fièvre" in analysis.PIECES
    assert "chevaux" not in analysis.PIECES and "galopent" not in analysis.PIECES
    assert [match.group() for match in written_forms(text)][:2] == ["Les", "chevaux"]


def test_a_stop_word_heading_term_is_held_by_the_heading_not_the_body() -> None:
    doc = IndexDoc("s", "section:q", "section", "q", "Quand consulter ?", "T", "Quand consulter ?", "Quand on veut.")
    section = AlertSection(doc, [])
    assert section.holds(common_word_term("quand"))
    assert not section.in_body(common_word_term("quand"))
