"""Saved web pages (tests/pages, written for each site layout) import like copied text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guide_reader.cli import main
from guide_reader.content.importer import import_bytes, import_file
from guide_reader.content.loader import load_article
from guide_reader.content.markdown_format import to_markdown
from guide_reader.content.problems import ContentError
from guide_reader.content.renderer import render_article

from . import importer_inputs as pages

PAGES = Path(__file__).parent / "pages"


def _import(name: str):
    return import_file(PAGES / name)


def test_magazine_page_metadata_structure_and_no_boilerplate(tmp_path) -> None:
    result = _import("magazine.html")
    article = result.article
    assert (article.slug, article.title) == ("angine", "Angine : symptômes et traitements")
    assert (article.author, article.date, article.updated) == ("Claire Dubois", date(2023, 2, 9), date(2024, 1, 5))
    assert article.publisher == "Santé Magazine"
    assert article.source_file == "sources/magazine.html"
    assert article.lead.startswith("L'angine est une inflammation des amygdales")
    assert [s.heading for s in article.sections] == ["Les symptômes", "Fréquence", "Quand consulter un médecin ?"]
    assert article.sections[0].body == (
        "Mal de gorge, fièvre et difficulté à avaler sont les signes habituels. "
        "Voir le site Ameli (https://ameli.fr) pour plus.\n\n- mal de gorge\n- fièvre"
    )
    assert article.sections[1].body == "| Âge | Cas |\n| --- | --- |\n| Enfant | 60 % |\n| Adulte | 40 % |"
    assert article.sections[2].body.endswith("1. boire souvent;\n2. se reposer.")
    assert [(ref.number, ref.text) for ref in article.references] == [(1, "Santé Publique France, 2024.")]
    assert article.unresolved_citations() == []
    markdown = to_markdown(article)
    for boilerplate in ("Aller au contenu", "Accueil", "var x", "body{}", "gorge.jpg", "Otite", "Mentions légales"):
        assert boilerplate not in markdown
    path = tmp_path / "angine.md"
    path.write_text(markdown, encoding="utf-8")
    assert load_article(path).article == article


def test_brand_question_page_gives_an_faq() -> None:
    article = _import("brand-faq.html").article
    assert article.publisher == "Laboratoire Pastilla"
    assert article.title == "Maux de gorge : vos questions"
    assert [item.question for item in article.faq] == [
        "Le mal de gorge est-il contagieux ?",
        "Combien de temps dure un mal de gorge ?",
        "Faut-il prendre des antibiotiques ?",
    ]
    assert article.faq[1].answer.startswith("En général trois à sept jours.")
    markdown = to_markdown(article)
    for boilerplate in ("cookies", "Nos produits", "Partager", "Imprimer", "dataLayer", "©"):
        assert boilerplate not in markdown


def test_insurer_page_in_latin_1_with_only_an_update_date() -> None:
    result = _import("insurer.html")
    article = result.article
    assert article.title == "Hypertension artérielle"
    assert (article.date, article.updated) == (None, date(2018, 3, 12))
    assert [s.heading for s in article.sections] == [
        "Les chiffres à connaître",
        "Les bons gestes au quotidien",
        "Quand consulter ?",
    ]
    assert "| Normale | moins de 130 | moins de 85 |" in article.sections[0].body
    assert article.sections[1].body.startswith("- Réduire le sel à moins de 6 g par jour.")
    assert [(item.kind, item.text) for item in result.dropped] == [
        ("signature", "Mis à jour le 12/03/2018"),
        ("navigation", "À lire aussi : Le cholestérol en 5 questions"),
    ]
    markdown = to_markdown(article)
    for boilerplate in ("espace adhérent", "garanties", "19 euros", "droits réservés"):
        assert boilerplate not in markdown


def test_blog_post_drops_share_comments_and_widgets() -> None:
    result = _import("blog.html")
    article = result.article
    assert (article.author, article.date, article.publisher) == ("Léa Martin", date(2021, 6, 3), "Le blog de Léa")
    assert [s.heading for s in article.sections] == [
        "Reconnaître l'eczéma",
        "Les soins au quotidien",
        "Quand consulter ?",
    ]
    assert article.sections[1].body.startswith("1. Un bain court et tiède")
    markdown = to_markdown(article)
    for boilerplate in (
        "Spread the love",
        "Poursuivre la lecture",
        "Sophie",
        "Articles récents",
        "WordPress",
        "eczema.jpg",
    ):
        assert boilerplate not in markdown
    assert '<h2 class="alert"' in render_article(article)


def test_encyclopedia_page_citations_link_to_its_numbered_references() -> None:
    article = _import("encyclopedia.html").article
    assert article.title == "Varicelle"
    assert [s.heading for s in article.sections] == ["Symptômes", "Traitement"]
    assert [(ref.number, ref.text) for ref in article.references] == [
        (1, "Santé publique France, « Varicelle », 2023."),
        (2, "Haute Autorité de santé, recommandations, 2022."),
    ]
    assert article.unresolved_citations() == []
    assert "Se connecter" not in to_markdown(article) and "licence libre" not in to_markdown(article)


def test_page_and_copied_text_give_the_same_markdown_format(tmp_path) -> None:
    """The same article saved as a page and copied as text: same sections, same body Markdown."""
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Otite</title></head><body><article>"
        "<h1>Otite</h1><p>L'otite est une infection de l'oreille moyenne, fréquente chez l'enfant.</p>"
        "<h2>Quand consulter ?</h2><p>Si la douleur dure plus de deux jours ou si l'oreille coule.</p>"
        "<h2>Les traitements</h2><p>Le paracétamol soulage la douleur et la fièvre de l'enfant.</p>"
        "</article></body></html>"
    )
    text = (
        "Otite\n\nL'otite est une infection de l'oreille moyenne, fréquente chez l'enfant.\n\n"
        "Quand consulter ?\n\nSi la douleur dure plus de deux jours ou si l'oreille coule.\n\n"
        "Les traitements\n\nLe paracétamol soulage la douleur et la fièvre de l'enfant.\n"
    )
    from_page = import_bytes(html.encode(), "otite.html").article
    from_text = import_bytes(text.encode(), "otite.txt").article
    assert (from_page.slug, from_page.lead, from_page.sections) == (from_text.slug, from_text.lead, from_text.sections)
    assert pages.kept_word_ratio(text, [], to_markdown(from_page)) >= 0.98


def test_a_five_megabyte_saved_page_imports(tmp_path) -> None:
    page = (PAGES / "magazine.html").read_text(encoding="utf-8")
    script = "<script>" + "var tracking = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';\n" * 120_000 + "</script>"
    big = tmp_path / "lourde.html"
    big.write_text(page.replace("</head>", script + "</head>"), encoding="utf-8")
    assert big.stat().st_size > 5 * 1024 * 1024
    article = import_file(big).article
    assert article.title == "Angine : symptômes et traitements"
    assert "tracking" not in to_markdown(article)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "fichier vide"),
        (b"<!DOCTYPE html><html><head><title>Accueil</title></head>"
         b"<body><nav><a href='/'>Accueil</a></nav></body></html>", "aucun texte"),
        ("<!DOCTYPE html><html><head><title>Offre</title></head><body><main>"
         "<p>Consultez un médecin en ligne dès aujourd'hui</p><ul><li>Consultation remboursable *</li>"
         "<li>Ordonnance et arrêt de travail sécurisés (HDS)</li></ul>"
         "<p>* Lorsque le parcours de soins est respecté</p></main></body></html>".encode(), "publicité"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binaire"),
    ],
    ids=["empty", "no-main-text", "only-ads", "binary"],
)  # fmt: skip
def test_bad_pages_give_a_clear_error_naming_the_file(tmp_path, content: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(ContentError) as error:
        import_file(path)
    assert error.value.problem.file == "page.html"
    assert message in str(error.value)


def test_utf16_page_and_utf16_text_are_read(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes((PAGES / "magazine.html").read_text(encoding="utf-8").encode("utf-16"))
    assert import_file(page).article.title == "Angine : symptômes et traitements"
    text = tmp_path / "texte.txt"
    text.write_bytes("Fièvre\n\nLa fièvre est fréquente.\n".encode("utf-16"))
    result = import_file(text)
    assert (result.article.title, result.article.lead) == ("Fièvre", "La fièvre est fréquente.")


def test_one_command_imports_the_good_files_and_fails_for_the_bad_ones(tmp_path, capsys) -> None:
    bad = {"vide.txt": b"", "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00", "pub.html": b"<html><body></body></html>"}
    for name, content in bad.items():
        (tmp_path / name).write_bytes(content)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Fièvre\n\nLa fièvre est fréquente.\n".encode("latin-1"))
    out = tmp_path / "out"
    sources = [tmp_path / "vide.txt", PAGES / "magazine.html", tmp_path / "image.txt", latin, tmp_path / "pub.html"]
    assert main(["import", *map(str, sources), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "vide.txt: erreur: fichier vide" in captured.err
    assert "image.txt: erreur: fichier binaire" in captured.err
    assert "pub.html: erreur:" in captured.err
    assert "latin.txt:1: avertissement: pas en UTF-8" in captured.err
    assert "3 fichier(s) sur 5 non importé(s)" in captured.err
    assert "  hors du contenu principal : environ " in captured.out
    assert sorted(path.name for path in out.glob("*.md")) == ["angine.md", "fievre.md"]


def test_the_article_cache_keeps_the_update_date_and_site(tmp_path, capsys) -> None:
    from guide_reader.library import Library

    assert main(["import", str(PAGES / "magazine.html"), "--out", str(tmp_path)]) == 0
    first = Library(tmp_path).articles
    second = Library(tmp_path).articles  # from the catalogue
    assert second == first
    article = second[0]
    assert (article.updated, article.publisher) == (date(2024, 1, 5), "Santé Magazine")


def test_a_page_imports_with_the_network_blocked(tmp_path, monkeypatch, capsys) -> None:
    """trafilatura and htmldate read the file only: no look-up, no connection, even for outside addresses."""
    import socket

    attempts: list[str] = []

    def refuse(name: str):
        def refused(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network blocked: {name}")

        return refused

    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    page = (
        (PAGES / "magazine.html")
        .read_text(encoding="utf-8")
        .replace(
            "</head>",
            '<link rel="canonical" href="https://www.example.org/angine"><img src="https://cdn.example.org/a.jpg"></head>',
        )
    )
    path = tmp_path / "angine.html"
    path.write_text(page, encoding="utf-8")
    assert main(["import", str(path), "--out", str(tmp_path / "out")]) == 0
    assert attempts == []
    assert (tmp_path / "out" / "angine.md").exists()


def test_a_page_heading_ends_the_questions_and_the_references() -> None:
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Toux</title></head><body><article>"
        "<h1>Toux</h1><p>La toux est un réflexe qui protège les bronches [1].</p>"
        "<h2>Questions fréquentes</h2><h3>La toux est-elle grave ?</h3><p>Rarement.</p>"
        "<h2>Les sirops</h2><p>Ils ont peu d'effet prouvé chez l'enfant.</p>"
        "<h2>Références</h2><ol><li>Collège de pneumologie, 2021.</li></ol>"
        "<h2>Pour aller plus loin</h2><p>Parlez-en à votre pharmacien.</p>"
        "</article></body></html>"
    )
    article = import_bytes(html.encode(), "toux.html").article
    assert [item.question for item in article.faq] == ["La toux est-elle grave ?"]
    assert [(s.heading, s.body) for s in article.sections] == [
        ("Les sirops", "Ils ont peu d'effet prouvé chez l'enfant."),
        ("Pour aller plus loin", "Parlez-en à votre pharmacien."),
    ]
    assert [(ref.number, ref.text) for ref in article.references] == [(1, "Collège de pneumologie, 2021.")]


MAIN_CONTENT = {
    "magazine.html": ("//article", ["Par Claire Dubois, publié le 9 février 2023"]),
    "brand-faq.html": ("//main", ["Partager", "Partager sur Facebook", "Imprimer"]),
    "insurer.html": (
        "//div[@id='contenu']",
        ["Mis à jour le 12/03/2018", "À lire aussi : Le cholestérol en 5 questions"],
    ),
    "blog.html": ("//div[@class='entry-content']", ["Spread the love", "Poursuivre la lecture ci-dessous"]),
    "encyclopedia.html": ("//div[@id='bodyContent']", ["Sommaire", "1 Symptômes", "2 Traitement"]),
}


@pytest.mark.parametrize("name", MAIN_CONTENT)
def test_saved_pages_keep_the_words_of_their_main_content(name) -> None:
    """The text of the page's main element (its paragraphs, items, cells and headings), debris
    aside, is in the article: at least 98% of its words."""
    from lxml import html as lxml_html

    path, debris_lines = MAIN_CONTENT[name]
    tree = lxml_html.fromstring((PAGES / name).read_bytes())
    (main_element,) = tree.xpath(path)
    blocks = main_element.xpath(".//p | .//li | .//h1 | .//h2 | .//h3 | .//td | .//th")
    raw = "\n".join(" ".join(block.text_content().split()) for block in blocks)
    markdown = to_markdown(import_file(PAGES / name).article)
    assert pages.kept_word_ratio(raw, debris_lines, markdown) >= 0.98


def test_a_contents_list_and_a_related_links_list_left_in_the_main_content_go() -> None:
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Otite</title></head><body><article>"
        "<h1>Otite</h1><p>L'otite est une infection de l'oreille moyenne, fréquente chez le jeune enfant.</p>"
        "<h2>Sommaire</h2><ul><li>Les symptômes</li><li>Les traitements</li></ul>"
        "<h2>Les symptômes</h2><p>Douleur, fièvre et irritabilité sont les signes les plus fréquents.</p>"
        "<p>À lire aussi</p><ul><li>Angine de l'enfant</li><li>Rhume du nourrisson</li></ul>"
        "<h2>Les traitements</h2><p>Le paracétamol soulage, les antibiotiques ne sont pas toujours utiles.</p>"
        "</article></body></html>"
    )
    result = import_bytes(html.encode(), "otite.html")
    assert [s.heading for s in result.article.sections] == ["Les symptômes", "Les traitements"]
    assert [item.text for item in result.dropped] == [
        "Sommaire", "Les symptômes", "Les traitements", "À lire aussi", "Angine de l'enfant", "Rhume du nourrisson",
    ]  # fmt: skip
    assert "Rhume" not in to_markdown(result.article)


def test_a_page_saved_as_one_file_mhtml_imports(tmp_path) -> None:
    """Chrome's « Page Web, un seul fichier »: MIME parts, the page in quoted-printable, an image beside it."""
    import quopri

    html = (PAGES / "magazine.html").read_bytes()
    archive = (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.org/angine\r\n"
        b"Subject: Angine\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
        b'\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x----"\r\n\r\n\r\n'
        b"------MultipartBoundary--x----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://www.example.org/angine\r\n\r\n"
        + quopri.encodestring(html).replace(b"\n", b"\r\n")
        + b"\r\n------MultipartBoundary--x----\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: https://www.example.org/gorge.jpg\r\n\r\n/9j/4AAQSkZJRgABAQ==\r\n"
        b"------MultipartBoundary--x------\r\n"
    )
    path = tmp_path / "angine.mhtml"
    path.write_bytes(archive)
    article = import_file(path).article
    assert article.title == "Angine : symptômes et traitements"
    assert (article.author, article.publisher) == ("Claire Dubois", "Santé Magazine")
    assert [s.heading for s in article.sections] == ["Les symptômes", "Fréquence", "Quand consulter un médecin ?"]
    assert "gorge.jpg" not in to_markdown(article)
