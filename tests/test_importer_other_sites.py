"""Layouts of other sites than those of test_importer_kinds: a hospital page, a drug leaflet, a
forum question, a blog with a cookie banner and comments, as copied from a browser."""

from __future__ import annotations

from datetime import date

import pytest

from guide_reader.content.importer import decode, import_bytes, import_text
from guide_reader.content.markdown_format import to_markdown

from . import importer_inputs as pages

# A drug leaflet: the dosage table copied from the browser comes with its cells separated by tabs.
LEAFLET = (
    "Paracétamol 500 mg : notice\n"
    "Ce médicament soulage la douleur et la fièvre.\n"
    "Comment le prendre ?\n"
    "Poids\tÂge\tDose par prise\n"
    "27 à 40 kg\t8 à 13 ans\t1 comprimé\n"
    "Plus de 50 kg\t\t2 comprimés\n"
    "Respectez quatre heures entre deux prises.\n"
    "Effets indésirables\n"
    "Rarement, une éruption cutanée.\n"
)


def test_a_table_copied_with_tabs_stays_a_table() -> None:
    result = import_text(LEAFLET, "notice.txt")
    sections = result.article.sections
    assert [s.heading for s in sections] == ["Comment le prendre ?", "Effets indésirables"]
    assert sections[0].body == (
        "| Poids | Âge | Dose par prise |\n| --- | --- | --- |\n"
        "| 27 à 40 kg | 8 à 13 ans | 1 comprimé |\n| Plus de 50 kg |  | 2 comprimés |\n\n"
        "Respectez quatre heures entre deux prises."
    )
    assert result.dropped == []
    assert pages.kept_word_ratio(LEAFLET, [], to_markdown(result.article)) == 1.0


def test_one_line_with_a_tab_is_no_table() -> None:
    article = import_text("Angine\nLe mal de gorge\tdure une semaine.\nSoins\nDu miel.\n", "a.txt").article
    assert article.lead == "Le mal de gorge dure une semaine."


def test_utf8_text_with_one_windows_1252_line_keeps_its_utf8_lines() -> None:
    raw = "Toux : que faire ?\nLa toux sèche est fréquente.\n".encode() + "Le thé chaud aide.\n".encode("cp1252")
    text, warnings = decode(raw, "toux.txt")
    assert text == "Toux : que faire ?\nLa toux sèche est fréquente.\nLe thé chaud aide.\n"
    assert [(w.line, w.severity) for w in warnings] == [(3, "warning")]
    assert import_bytes(raw, "toux.txt").article.lead == "La toux sèche est fréquente.\n\nLe thé chaud aide."


BLOG_WITH_COOKIES = """Nous utilisons des cookies pour améliorer votre expérience. \
En poursuivant votre navigation, vous acceptez leur utilisation.
Tout accepter
Refuser
Personnaliser
Forum Santé › Pédiatrie › Otite du bébé, que faire ?
Otite chez le bébé : les signes à connaître
Le bébé se touche l'oreille, pleure allongé et dort mal.
Ce que fait le pédiatre
Il regarde le tympan avec un otoscope.
"""
BLOG_WITH_COOKIES_DEBRIS = [
    "Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, "
    "vous acceptez leur utilisation.",
    "Tout accepter",
    "Refuser",
    "Personnaliser",
    "Forum Santé › Pédiatrie › Otite du bébé, que faire ?",
]


def test_a_cookie_banner_and_a_short_breadcrumb_never_become_the_title() -> None:
    result = import_text(BLOG_WITH_COOKIES, "otite.txt")
    article = result.article
    assert article.title == "Otite chez le bébé : les signes à connaître"
    assert article.lead == "Le bébé se touche l'oreille, pleure allongé et dort mal."
    assert [s.heading for s in article.sections] == ["Ce que fait le pédiatre"]
    assert sorted(d.text for d in result.dropped) == sorted(BLOG_WITH_COOKIES_DEBRIS)
    markdown = to_markdown(article)
    assert pages.kept_word_ratio(BLOG_WITH_COOKIES, BLOG_WITH_COOKIES_DEBRIS, markdown) == 1.0


def test_a_sentence_about_cookies_to_eat_stays_text() -> None:
    text = "Diabète\nLes cookies industriels contiennent beaucoup de sucre.\nQuand consulter ?\nSi soif.\n"
    result = import_text(text, "diabete.txt")
    assert result.article.lead == "Les cookies industriels contiennent beaucoup de sucre."
    assert result.dropped == []


BLOG_WITH_READING_TIME = """Le blog de la maman pratique
Otite chez le bébé : les signes à connaître
Écrit par Julie Martin le 4 octobre 2023 · 6 min de lecture
Mon fils a eu sa première otite à huit mois.
Ce que fait le pédiatre
Il regarde le tympan avec un otoscope.
"""


@pytest.mark.parametrize(
    "reading_time", ["6 min de lecture", "Lecture : 4 min", "Temps de lecture : 3 minutes", "4 minutes de lecture"]
)
def test_a_byline_with_a_reading_time_is_a_byline(reading_time) -> None:
    text = BLOG_WITH_READING_TIME.replace("6 min de lecture", reading_time)
    result = import_text(text, "otite.txt")
    article = result.article
    assert (article.title, article.author, article.date) == (
        "Otite chez le bébé : les signes à connaître",
        "Julie Martin",
        date(2023, 10, 4),
    )
    assert article.lead == "Mon fils a eu sa première otite à huit mois."
    assert [s.heading for s in article.sections] == ["Ce que fait le pédiatre"]


# A forum question copied with its answers' buttons, votes, comment form and the site's footer.
FORUM = """Cystites à répétition, que faire ?
Bonjour, j'ai des cystites tous les deux mois depuis un an.
Signaler
Répondre
3 réponses
Réponse du Dr Laurent Petit
Buvez au moins un litre et demi d'eau par jour.
Cette réponse vous a-t-elle aidé ? Oui (24) Non (2)
Réponse de marie34
Merci beaucoup, je vais en parler à mon médecin.
Signaler un abus
Laisser un commentaire
Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *
Commentaire *
Nom *
E-mail *
Mentions légales
Politique de confidentialité
Plan du site
"""
FORUM_DEBRIS = [
    "Signaler",
    "Répondre",
    "3 réponses",
    "Cette réponse vous a-t-elle aidé ? Oui (24) Non (2)",
    "Signaler un abus",
    "Laisser un commentaire",
    "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
    "Commentaire *",
    "Nom *",
    "E-mail *",
    "Mentions légales",
    "Politique de confidentialité",
    "Plan du site",
]


def test_forum_buttons_votes_comment_form_and_footer_never_become_sections() -> None:
    result = import_text(FORUM, "cystite.txt")
    article = result.article
    assert article.title == "Cystites à répétition, que faire ?"
    assert [s.heading for s in article.sections] == ["Réponse du Dr Laurent Petit", "Réponse de marie34"]
    assert [s.body for s in article.sections] == [
        "Buvez au moins un litre et demi d'eau par jour.",
        "Merci beaucoup, je vais en parler à mon médecin.",
    ]
    assert sorted(d.text for d in result.dropped) == sorted(FORUM_DEBRIS)
    assert pages.kept_word_ratio(FORUM, FORUM_DEBRIS, to_markdown(article)) == 1.0


# A hospital page: the title, then the department that signs it, then the date.
HOSPITAL = """Accueil / Patients et visiteurs / Nos services / Pneumologie
Asthme de l'adulte : comprendre et bien vivre avec sa maladie
Service de pneumologie — CHU de Montfleury
Mis à jour : 03.05.2024
L'asthme est une maladie chronique des bronches.
Les traitements
Le traitement de fond réduit l'inflammation.
"""


def test_a_department_signing_a_hospital_page_is_its_author_not_its_title() -> None:
    result = import_text(HOSPITAL, "asthme.txt")
    article = result.article
    assert (article.title, article.author, article.updated) == (
        "Asthme de l'adulte : comprendre et bien vivre avec sa maladie",
        "Service de pneumologie — CHU de Montfleury",
        date(2024, 5, 3),
    )
    assert article.lead == "L'asthme est une maladie chronique des bronches."
    assert [s.heading for s in article.sections] == ["Les traitements"]
    assert [(d.kind, d.text) for d in result.dropped if d.kind == "signature"] == [
        ("signature", "Service de pneumologie — CHU de Montfleury"),
        ("signature", "Mis à jour : 03.05.2024"),
    ]


def test_a_title_above_a_byline_is_never_taken_for_a_department() -> None:
    text = HOSPITAL.replace("Service de pneumologie — CHU de Montfleury\n", "")
    title = import_text(text, "asthme.txt").article.title
    assert title == "Asthme de l'adulte : comprendre et bien vivre avec sa maladie"


def test_a_see_also_list_copied_without_bullets_is_navigation() -> None:
    text = (
        "Cystite : que faire ?\nBuvez beaucoup d'eau.\nLes traitements\nUn antibiotique court suffit.\n"
        "Voir aussi\nCystite chez l'homme : est-ce grave ?\nBrûlures urinaires sans infection\n"
    )
    result = import_text(text, "cystite.txt")
    assert [s.heading for s in result.article.sections] == ["Les traitements"]
    assert [(d.kind, d.text) for d in result.dropped] == [
        ("navigation", "Voir aussi"),
        ("navigation", "Cystite chez l'homme : est-ce grave ?"),
        ("navigation", "Brûlures urinaires sans infection"),
    ]


def test_a_heading_with_its_text_after_a_see_also_list_stays() -> None:
    text = (
        "Cystite : que faire ?\nBuvez beaucoup d'eau.\nÀ lire aussi\nCystite chez l'homme\n"
        "Les traitements\nUn antibiotique court suffit.\n"
    )
    result = import_text(text, "cystite.txt")
    assert [s.heading for s in result.article.sections] == ["Les traitements"]
    assert [d.text for d in result.dropped] == ["À lire aussi", "Cystite chez l'homme"]


PHARMACY_PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<title>Notice Ibuprofène 200 mg - Pharmacie du Centre</title>
<meta property="og:site_name" content="Pharmacie du Centre">
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
<p>Nous utilisons des cookies pour mesurer l'audience.
En poursuivant votre navigation, vous acceptez leur utilisation.</p>
<button>Tout accepter</button>
<button>Refuser</button>
</div>
<main>
<h1>Ibuprofène 200 mg, comprimé enrobé</h1>
<p>L'ibuprofène est un anti-inflammatoire utilisé contre la douleur et la fièvre
de l'adulte et de l'enfant de plus de 20 kg.</p>
<h2>Posologie</h2>
<table>
<thead>
<tr>
<th>Poids</th>
<th>Âge</th>
<th>Dose par prise</th>
<th>Maximum par jour</th>
</tr>
</thead>
<tbody>
<tr>
<td>20 à 30 kg</td>
<td>6 à 11 ans</td>
<td>1 comprimé</td>
<td>3 comprimés</td>
</tr>
<tr>
<td>Plus de 30 kg</td>
<td>Plus de 11 ans</td>
<td>1 à 2 comprimés</td>
<td>6 comprimés</td>
</tr>
</tbody>
</table>
<p>Respectez au moins six heures entre deux prises.</p>
<h2>Contre-indications</h2>
<p>Ne prenez pas d'ibuprofène à partir du sixième mois de grossesse, ni en cas d'ulcère de l'estomac.</p>
<h2>Quand consulter ?</h2>
<p>Si la fièvre dure plus de trois jours ou la douleur plus de cinq jours, consultez un médecin.</p>
</main>
</body>
</html>
"""


def test_a_saved_page_in_windows_1252_without_a_declared_charset_keeps_its_accents() -> None:
    article = import_bytes(PHARMACY_PAGE.encode("cp1252"), "ibuprofene.html").article
    assert (article.title, article.slug) == ("Ibuprofène 200 mg, comprimé enrobé", "ibuprofene-200-mg-comprime-enrobe")
    assert "| 20 à 30 kg | 6 à 11 ans | 1 comprimé | 3 comprimés |" in article.sections[0].body
    assert (
        article.sections[2].body
        == "Si la fièvre dure plus de trois jours ou la douleur plus de cinq jours, consultez un médecin."
    )


def test_check_warns_about_a_cookie_banner_title(tmp_path) -> None:
    from guide_reader.content.checks import display_problems
    from guide_reader.content.loader import load_article

    text = (
        "---\ntitle: Nous utilisons des cookies. En poursuivant votre navigation, vous acceptez leur utilisation.\n"
        "---\n\nL'otite est fréquente.\n"
    )
    path = tmp_path / "otite.md"
    path.write_text(text, encoding="utf-8")
    problems = display_problems("otite.md", text, load_article(path).article)
    assert [(p.line, p.message[:45]) for p in problems] == [(1, "titre qui ressemble à un bandeau de cookies :")]


COMMENTED_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Otite du bébé</title>{meta}</head>
<body><article><h1>Otite du bébé</h1><p>Le bébé se touche l'oreille et pleure quand il est allongé.</p>
<h2>Quand consulter ?</h2><p>Si la fièvre dure plus de deux jours ou si l'oreille coule.</p></article>
<section id="comments" class="comments-area"><h2>2 commentaires</h2>
<div class="comment"><span class="author">Marc</span> <time>2 mai 2024</time><p>Très clair, merci.</p></div>
<div class="comment"><span class="author">Nadia</span> <time datetime="2024-06-20">20 juin 2024</time><p>Oui.</p></div>
</section></body></html>
"""


@pytest.mark.parametrize(
    ("meta", "published"),
    [('<meta property="article:published_time" content="2023-06-14">', date(2023, 6, 14)), ("", None)],
)
def test_the_dates_of_a_pages_comments_are_not_the_articles_dates(meta, published) -> None:
    article = import_bytes(COMMENTED_PAGE.format(meta=meta).encode(), "otite.html").article
    assert (article.date, article.updated) == (published, None)


# A drug leaflet in the standard French layout: its header, then the drug's name, then a list
# of its numbered parts under « Que contient cette notice ? ».
STANDARD_LEAFLET = """NOTICE : INFORMATION DE L'UTILISATEUR
Paracétamol 500 mg, comprimé
Veuillez lire attentivement cette notice avant de prendre ce médicament.
Que contient cette notice ?
1. Qu'est-ce que Paracétamol 500 mg et dans quels cas est-il utilisé ?
2. Comment prendre Paracétamol 500 mg ?
1. QU'EST-CE QUE PARACÉTAMOL 500 MG ET DANS QUELS CAS EST-IL UTILISÉ ?
Ce médicament contient du paracétamol, un antalgique.
2. COMMENT PRENDRE PARACÉTAMOL 500 MG ?
Respectez quatre heures entre deux prises.
"""
STANDARD_LEAFLET_DEBRIS = [
    "NOTICE : INFORMATION DE L'UTILISATEUR",
    "Que contient cette notice ?",
    "1. Qu'est-ce que Paracétamol 500 mg et dans quels cas est-il utilisé ?",
    "2. Comment prendre Paracétamol 500 mg ?",
]


def test_a_drug_leaflets_header_and_contents_list_are_left_out() -> None:
    result = import_text(STANDARD_LEAFLET, "paracetamol.txt")
    article = result.article
    assert (article.title, article.slug) == ("Paracétamol 500 mg, comprimé", "paracetamol-500-mg-comprime")
    assert article.lead == "Veuillez lire attentivement cette notice avant de prendre ce médicament."
    assert len(article.sections) == 2
    assert [d.text for d in result.dropped] == STANDARD_LEAFLET_DEBRIS
    markdown = to_markdown(article)
    assert pages.kept_word_ratio(STANDARD_LEAFLET, STANDARD_LEAFLET_DEBRIS, markdown) == 1.0


def test_a_list_copied_with_a_tab_after_each_number_or_bullet_is_no_table() -> None:
    text = "Gastro\nLa gastro passe seule.\nLes gestes\n1.\tboire souvent ;\n2)\tmanger léger.\n•\tse laver les mains\n"
    with_tabs = import_text(text, "gastro.txt")
    with_spaces = import_text(text.replace("\t", " "), "gastro.txt")
    assert with_tabs.article == with_spaces.article
    assert with_tabs.article.sections[0].body.startswith("1\\. boire souvent ;")
