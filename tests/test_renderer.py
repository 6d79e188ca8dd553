"""The HTML the viewer shows."""

from __future__ import annotations

import re

from guide_reader.content.loader import load_article
from guide_reader.content.renderer import render_article

from .conftest import CONTENT_DIR
from .test_loader import ARTICLE, write


def rendered(tmp_path, text: str = ARTICLE) -> str:
    return render_article(load_article(write(tmp_path, "grippe.md", text)).article)


def test_anchor_for_every_section_faq_item_and_reference(tmp_path) -> None:
    html = rendered(tmp_path)
    for anchor in ("symptomes", "quand-consulter", "faq-contagieux", "ref-1", "ref-2", "lead"):
        assert f'<a name="{anchor}"></a>' in html


def test_citations_link_to_references_and_unresolved_ones_look_different(tmp_path) -> None:
    html = rendered(tmp_path)
    assert '<a class="citation-link" href="#ref-1"' in html
    assert '<a class="citation-link" href="#ref-2"' in html
    assert (
        '<a class="citation-unresolved" href="#source-non-listee-9" title="Source 9 non listée dans l\'article">9</a>'
        in html
    )
    assert 'href="#ref-9"' not in html


def test_references_link_back_to_the_places_citing_them(tmp_path) -> None:
    html = rendered(tmp_path)
    cited_by = re.search(r'<a name="ref-1"></a>.*?<p class="cited-by">(.*?)</p>', html, re.DOTALL)
    assert cited_by is not None
    assert '<a href="#lead">Introduction</a>' in cited_by.group(1)
    assert '<a href="#symptomes">Symptômes</a>' in cited_by.group(1)


def test_when_to_see_a_doctor_stands_out(tmp_path) -> None:
    assert '<table class="alert"' in rendered(tmp_path)


def test_raw_html_and_outside_addresses_never_become_markup(tmp_path) -> None:
    hostile = ARTICLE.replace(
        "Oui.",
        '<script>alert(1)</script> <img src="http://evil.example/x.png"> ![photo](http://evil.example/p.png) '
        "[site](http://evil.example/) <http://evil.example/auto> [local](file:///etc/passwd)",
    )
    hostile = hostile.replace("title: Grippe", "title: Grippe <b>gras</b>")
    html = rendered(tmp_path, hostile)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Grippe &lt;b&gt;gras&lt;/b&gt;" in html
    addresses = re.findall(r'<[^>]*\s(?:href|src)="([^"]*)"', html)
    assert addresses and all(address.startswith("#") for address in addresses)
    assert "site (http://evil.example/)" in html  # the address is shown as text


def test_bundled_articles_render_with_author_date_and_disclaimer() -> None:
    magazine = render_article(load_article(CONTENT_DIR / "cancer-qui-regresse-tout-seul.md").article)
    assert "Par Johanna Amselem, publié le 12 mars 2018" in magazine
    guide = render_article(load_article(CONTENT_DIR / "leucopenie.md").article)
    assert "<b>Avertissement :</b> Les connaissances médicales" in guide
    assert guide.count('class="citation-unresolved"') > 10
    assert "17 décembre 2020 — Le diagnostic" in guide


def test_faq_questions_fold_and_unfold(tmp_path) -> None:
    article = load_article(write(tmp_path, "grippe.md", ARTICLE)).article
    unfolded = render_article(article)
    assert '<a class="question" href="#plier-faq-contagieux" title="Masquer la réponse">▾ Est-ce contagieux ?</a>' in (
        unfolded
    )
    assert '<div class="answer"><p>Oui.</p></div>' in unfolded
    folded = render_article(article, folded_faq={"faq-contagieux"})
    assert "▸ Est-ce contagieux ?" in folded
    assert "<p>Oui.</p>" not in folded


def test_bookmark_buttons_beside_sections_and_questions(tmp_path) -> None:
    article = load_article(write(tmp_path, "grippe.md", ARTICLE)).article
    assert 'class="bookmark"' not in render_article(article)
    html = render_article(article, bookmarked={"symptomes"})
    assert '<a class="bookmark" href="#marquer-symptomes" title="Signet enregistré : modifier la note">★</a>' in html
    assert '<a class="bookmark" href="#marquer-quand-consulter" title="Marquer cette section">☆</a>' in html
    assert 'href="#marquer-faq-contagieux"' in html


def test_every_article_ends_with_a_warning(tmp_path) -> None:
    without = load_article(CONTENT_DIR / "cancer-qui-regresse-tout-seul.md").article
    assert without.disclaimer is None
    html = render_article(without)
    assert "<b>Avertissement :</b> Ces informations ne remplacent pas l'avis d'un médecin" in html
    assert html.rindex("Avertissement") > html.rindex("immunothérapie")
