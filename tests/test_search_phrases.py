"""A phrase looked for only where it can start gives the answer of every term analyzed."""

from __future__ import annotations

import random
import re

import pytest

from benchmarks.corpus import SHORT, ArticleMaker
from guide_reader.search.analysis import terms
from guide_reader.search.phrases import phrase_in, phrase_in_texts
from guide_reader.search.snippets import snippet

from .conftest import CONTENT_DIR, load_folder

WRITTEN = [
    "Les globules blancs, et les globules de blancs draps ; globules-blancs.",
    "Une maladie auto-immune : l'immunité, L’IMMUNITÉ et l'auto immunité.",
    "Le virus H1 N1 et l'IL-6 ; 60 000 cas en 2019, 1 500,5 mg, 24-48 heures.",
    "Le cœur, les sœurs, un œdème ; la TA et la ta ; CE que ce médecin dit.",
    "Quand consulter ? Quand la fièvre dure, et quand la toux persiste.",
    "De 24-60 000 unités, 150 000-450 000 plaquettes et les 1-2 500 cas.",
    "",
]


def cases(texts: list[str], rnd: random.Random) -> list[list[str]]:
    """Runs of two and three terms the texts hold, the same with a term skipped, and reversed pairs."""
    found: list[list[str]] = []
    for text in texts:
        words = terms(text)
        for _ in range(6):
            if len(words) >= 4:
                at = rnd.randrange(len(words) - 3)
                found += [words[at : at + 2], words[at : at + 3], [words[at], words[at + 2]], words[at : at + 2][::-1]]
    return found


def check(texts: list[str], phrases: list[list[str]]) -> int:
    """Compare both ways on each phrase, in each text alone and in all of them as one document's parts;
    returns how many were found."""
    parts = [terms(text) for text in texts]
    found = 0
    for phrase in phrases:
        for slop in (1, 2):
            expected = phrase_in(parts, phrase, slop)
            assert phrase_in_texts(texts, phrase, slop) == expected, (phrase, slop)
            found += expected
        for text, part in zip(texts, parts, strict=True):
            assert phrase_in_texts([text], phrase, 1) == phrase_in([part], phrase, 1), (phrase, text[:60])
    return found


def test_written_cases_compounds_codes_apostrophes_ligatures_acronyms() -> None:
    phrases = [
        *cases(WRITTEN, random.Random(1)),
        ["globul", "blanc"], ["auto", "immun"], ["autoimmun"], ["h1", "n1"], ["il", "6"], ["60000", "cas"],
        ["coeur"], ["ta"], ["ce", "medecin"], ["quand", "fievr"], ["fievr", "dur"], ["blanc", "drap"],
        ["60000", "unit"], ["450000"], ["2500", "cas"],
    ]  # fmt: skip
    assert check(WRITTEN, phrases) > 20


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_sections(seed: int) -> None:
    rnd = random.Random(seed)
    for article in ArticleMaker(seed, SHORT).articles(8):
        texts = [article.title] + [section.heading for section in article.sections]
        texts += [section.body for section in article.sections]
        assert check(texts, cases(texts, rnd)) > 0


def test_bundled_guides() -> None:
    rnd = random.Random(4)
    articles, _ = load_folder(CONTENT_DIR)
    for article in articles:
        texts = [article.title] + [section.heading for section in article.sections]
        texts += [section.body for section in article.sections]
        assert check(texts, cases(texts, rnd)) > 0


def test_a_snippet_marks_every_match_it_shows_those_of_passages_not_chosen_included() -> None:
    filler = "un mot " * 30
    text = (
        f"{filler}La fièvre et la toux. {filler}Une fièvre, puis des nuits longues et des réveils, enfin la toux "
        f"qui dure ; une fièvre de plus. {filler}Une fièvre et une toux encore. {filler}"
    )
    shown = snippet(text, [["fievr"], ["toux"]])
    plain = re.sub(r"</?b[^>]*>", "", shown)
    marked = re.findall(r"<b [^>]*>([^<]*)</b>", shown)
    assert len(marked) == plain.count("fièvre") + plain.count("toux") >= 5, shown


def test_a_passage_never_starts_or_ends_inside_a_match() -> None:
    filler = "un mot " * 30
    text = (
        f"{filler}toux, {'m' * 30} les globules blancs {'x' * 54} fièvre, toux, fièvre. {filler}"
        f"fièvre, toux, fièvre. {filler}"
    )
    shown = snippet(text, [["fievr"], ["toux"], ["globul", "blanc"]])
    plain = re.sub(r"</?b[^>]*>", "", shown)
    marked = re.findall(r"<b [^>]*>([^<]*)</b>", shown)
    assert plain.count("blancs") == sum("blancs" in found for found in marked), shown
    assert plain.count("fièvre") + plain.count("toux") == sum(found in ("fièvre", "toux") for found in marked)
