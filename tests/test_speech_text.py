"""What is read aloud: sentences, headings, skipped marks and pronunciation (no sound)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_reader.content.loader import load_article
from guide_reader.content.model import Article, FaqItem, Section
from guide_reader.content.pronunciation import load_pronunciation, parse_pronunciation
from guide_reader.content.speech import (
    EMERGENCY_SENTENCE,
    PAUSE_AFTER_HEADING,
    PAUSE_AFTER_PARAGRAPH,
    PAUSE_AFTER_SENTENCE,
    Kind,
    article_utterances,
    paragraphs,
    plain_text,
    said_text,
    sentences,
    when_to_see_doctor_utterances,
)

from .conftest import CONTENT_DIR

BUNDLED = load_pronunciation(CONTENT_DIR / "pronunciation.txt")
NONE = parse_pronunciation("")


def test_the_bundled_pronunciation_file_has_no_problem():
    assert BUNDLED.problems == []
    assert len(BUNDLED.rules) >= 20


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("une fièvre supérieure à 38°C, même banale", "une fièvre supérieure à 38 degrés Celsius, même banale"),
        ("sous les 4000/µL", "sous les 4000 par microlitre"),
        ("1,5 × 10⁹/L de neutrophiles", "1,5 × 10 puissance 9 par litre de neutrophiles"),
        ("une NFS de contrôle", "une N F S de contrôle"),
        ("contactez le 15 (SAMU) la nuit", "contactez le 15 (Samu) la nuit"),
        ("le VIH et l'IRM", "le V I H et l'I R M"),
        ("la HAS recommande", "la H A S recommande"),
        ("le RZALEX® est nouveau", "le RZALEX est nouveau"),
        ("une glycémie ≥ 7 mmol", "une glycémie supérieur ou égal à 7 mmol"),
    ],
)
def test_units_and_acronyms_are_said_as_the_pronunciation_file_says(written, said):
    assert said_text(written, BUNDLED) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("HASARD et VIHX", "HASARD et VIHX"),  # whole words only
        ("le vih", "le vih"),  # acronyms are case-sensitive
        ("38 °C", "38 degrés Celsius"),
    ],
)
def test_word_rules_only_match_whole_words_and_exact_case(written, said):
    assert said_text(written, BUNDLED) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("la normale est entre 4000 et 10000 [17,18].", "la normale est entre 4000 et 10000."),
        ("une étude [13] et une autre [6-8], puis [99].", "une étude et une autre, puis."),
        ("selon Santé Publique France [1,2]. Ensuite", "selon Santé Publique France. Ensuite"),
    ],
)
def test_citation_marks_resolved_or_not_are_skipped(written, said):
    assert said_text(written, NONE) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Consultez dans les 24-48 heures", "Consultez dans les 24 à 48 heures"),
        ("les neutrophiles (60-70%)", "les neutrophiles (60 à 70%)"),
        ("l'année 2024–2025", "l'année 2024 à 2025"),
        ("entre 1,5-2,5 g", "entre 1,5 à 2,5 g"),
        ("10⁻³ mol", "10 puissance moins 3 mol"),
        ("le G-CSF", "le G-CSF"),  # letters: not a range
    ],
)
def test_number_ranges_and_powers_are_spelt_out(written, said):
    assert said_text(written, NONE) == said


def test_sentences_cut_at_full_stops_but_not_after_abbreviations_or_initials():
    text = (
        "Le Dr. Martin l'a vu. Mais une seule NFS ne suffit pas ! Faut-il revenir ? "
        "Oui… Selon J. Dupont, etc. il faut 2 contrôles. 15 jours plus tard, on refait."
    )
    assert sentences(text) == [
        "Le Dr. Martin l'a vu.",
        "Mais une seule NFS ne suffit pas !",
        "Faut-il revenir ?",
        "Oui…",
        "Selon J. Dupont, etc. il faut 2 contrôles.",
        "15 jours plus tard, on refait.",
    ]


def test_sentences_keep_decimal_numbers_and_closing_quotes():
    assert sentences("Environ 2,3% des gens. « Vraiment ? » Oui.") == [
        "Environ 2,3% des gens.",
        "« Vraiment ? »",
        "Oui.",
    ]


def test_markdown_marks_are_removed_from_what_is_shown():
    assert plain_text("Un **mot** et *un autre* et `code` et [un lien](https://x.fr) \\*") == (
        "Un mot et un autre et code et un lien *"
    )
    assert paragraphs("Premier paragraphe\nsur deux lignes.\n\n- un\n- deux\n  suite\n\n### Titre") == [
        "Premier paragraphe sur deux lignes.",
        "un",
        "deux suite",
        "Titre",
    ]


ARTICLE = Article(
    slug="essai",
    title="Essai",
    lead="Une introduction [1]. Deuxième phrase.",
    sections=[
        Section("causes", "Les causes", "Une cause.\n\nUne autre [2,3]. Et la fin."),
        Section("quand-consulter", "Quand consulter un médecin ?", "Au-delà de 38°C, consultez [4]."),
    ],
    faq=[FaqItem("faq-a", "Est-ce grave ?", "Pas toujours.")],
    disclaimer="Ceci ne remplace pas un médecin.",
)


def test_the_whole_article_reads_headings_then_sentences_with_pauses():
    said = [(u.kind, u.said, u.anchor, u.pause_after) for u in article_utterances(ARTICLE, BUNDLED)]
    heading, sentence = Kind.HEADING, Kind.SENTENCE
    assert said == [
        (heading, "Essai", "top", PAUSE_AFTER_HEADING),
        (sentence, "Une introduction.", "top", PAUSE_AFTER_SENTENCE),
        (sentence, "Deuxième phrase.", "top", PAUSE_AFTER_PARAGRAPH),
        (heading, "Les causes", "causes", PAUSE_AFTER_HEADING),
        (sentence, "Une cause.", "causes", PAUSE_AFTER_PARAGRAPH),
        (sentence, "Une autre.", "causes", PAUSE_AFTER_SENTENCE),
        (sentence, "Et la fin.", "causes", PAUSE_AFTER_PARAGRAPH),
        (heading, "Quand consulter un médecin ?", "quand-consulter", PAUSE_AFTER_HEADING),
        (sentence, "Au-delà de 38 degrés Celsius, consultez.", "quand-consulter", PAUSE_AFTER_PARAGRAPH),
        (heading, "Questions fréquentes", "questions-frequentes", PAUSE_AFTER_HEADING),
        (heading, "Est-ce grave ?", "faq-a", PAUSE_AFTER_HEADING),
        (sentence, "Pas toujours.", "faq-a", PAUSE_AFTER_PARAGRAPH),
        (heading, "Avertissement", "avertissement", PAUSE_AFTER_HEADING),
        (sentence, "Ceci ne remplace pas un médecin.", "avertissement", PAUSE_AFTER_PARAGRAPH),
    ]
    assert article_utterances(ARTICLE, BUNDLED, "top") == article_utterances(ARTICLE, BUNDLED)


def test_one_section_or_question_reads_only_itself():
    assert [u.said for u in article_utterances(ARTICLE, NONE, "causes")] == [
        "Les causes",
        "Une cause.",
        "Une autre.",
        "Et la fin.",
    ]
    assert [u.said for u in article_utterances(ARTICLE, NONE, "faq-a")] == ["Est-ce grave ?", "Pas toujours."]
    assert [u.said for u in article_utterances(ARTICLE, NONE, "questions-frequentes")] == [
        "Questions fréquentes",
        "Est-ce grave ?",
        "Pas toujours.",
    ]
    assert article_utterances(ARTICLE, NONE, "references") == []
    assert article_utterances(ARTICLE, NONE, "no-such-anchor") == []
    assert [u.said for u in article_utterances(ARTICLE, NONE, "avertissement")] == [
        "Avertissement",
        "Ceci ne remplace pas un médecin.",
    ]


@pytest.mark.parametrize("path", sorted(CONTENT_DIR.glob("*.md")), ids=lambda path: path.stem)
def test_every_anchor_read_from_the_top_can_be_listened_to_alone(path: Path):
    article = load_article(path).article
    whole = article_utterances(article, NONE)
    for anchor in dict.fromkeys(u.anchor for u in whole):
        alone = article_utterances(article, NONE, anchor)
        assert alone, anchor
        assert [u for u in whole if u.anchor == anchor] == [u for u in alone if u.anchor == anchor]


def test_shown_text_keeps_the_citations_for_highlighting():
    shown = [u.shown for u in article_utterances(ARTICLE, BUNDLED, "causes")]
    assert shown == ["Les causes", "Une cause.", "Une autre [2,3].", "Et la fin."]


def test_when_to_see_doctor_is_the_section_then_the_emergency_numbers():
    said = [u.said for u in when_to_see_doctor_utterances(ARTICLE, BUNDLED)]
    assert said == [
        "Quand consulter un médecin ?",
        "Au-delà de 38 degrés Celsius, consultez.",
        "En cas d'urgence, appelez le 15, le Samu, ou le 112, le numéro d'urgence européen.",
    ]
    without = Article(slug="x", title="X", sections=[Section("a", "A", "Texte.")])
    assert [u.shown for u in when_to_see_doctor_utterances(without, BUNDLED)] == [EMERGENCY_SENTENCE]


def test_a_bundled_guide_has_no_citation_mark_or_markdown_left_in_what_is_said():
    article = load_article(CONTENT_DIR / "leucopenie.md").article
    utterances = article_utterances(article, BUNDLED)
    assert len(utterances) == 220
    for utterance in utterances:
        assert "[" not in utterance.said and "**" not in utterance.said, utterance.said
    said = " ".join(u.said for u in when_to_see_doctor_utterances(article, BUNDLED))
    assert "38 degrés Celsius" in said and "24 à 48 heures" in said and "15 (Samu)" in said


def test_bad_lines_of_a_pronunciation_file_are_reported_with_file_and_line(tmp_path: Path):
    path = tmp_path / "pronunciation.txt"
    path.write_text("# règles\nNFS = N F S\nsans égal\n= rien d'écrit\nSAMU = Samu # commentaire\n", encoding="utf-8")
    pronunciation = load_pronunciation(path)
    assert pronunciation.rules == {"NFS": "N F S", "SAMU": "Samu"}
    assert pronunciation.problems == [
        "pronunciation.txt:3: ligne ignorée (il faut « écrit = dit »)",
        "pronunciation.txt:4: ligne ignorée (il faut « écrit = dit »)",
    ]


def test_a_line_that_is_not_utf8_is_reported_and_the_other_rules_still_load(tmp_path: Path):
    broken = tmp_path / "pronunciation.txt"
    broken.write_bytes(b"\xef\xbb\xbfVIH = V I H\r\nNFS = \xff\xfe N F S\r\nSAMU = Samu\n")
    pronunciation = load_pronunciation(broken)
    assert pronunciation.rules == {"VIH": "V I H", "SAMU": "Samu"}
    assert pronunciation.problems == ["pronunciation.txt:2: ligne ignorée (pas en UTF-8)"]


def test_an_unreadable_or_huge_pronunciation_file_gives_no_rule_and_says_why(tmp_path: Path):
    unreadable = tmp_path / "folder" / "pronunciation.txt"
    unreadable.mkdir(parents=True)
    assert load_pronunciation(unreadable).rules == {}
    assert "introuvable" in load_pronunciation(unreadable).problems[0]
    huge = tmp_path / "huge.txt"
    huge.write_text("a = b\n" * 50_000, encoding="utf-8")
    assert "trop grand" in load_pronunciation(huge).problems[0]
    assert "introuvable" in load_pronunciation(tmp_path / "missing.txt").problems[0]


def test_the_page_has_a_listen_link_beside_each_section_heading_only_when_asked():
    from guide_reader.content.renderer import render_article

    page = render_article(ARTICLE, listen=True)
    assert page.count('class="listen"') == 3  # two sections and the questions' heading
    for anchor in ("causes", "quand-consulter", "questions-frequentes"):
        assert f'href="#ecouter-{anchor}"' in page
    assert 'class="listen"' not in render_article(ARTICLE)
