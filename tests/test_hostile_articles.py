"""Hostile articles: nothing in an article makes the viewer load a file or an address outside the content.

Each article of ``HOSTILE`` tries one family of tricks (raw HTML, images, links,
``{: ...}`` attribute lists, entities, unicode, the front matter, the source
lists). They are loaded by the Library from a temporary content folder, rendered,
shown in the window, bookmarked and printed to PDF; the HTML must keep the
renderer's own shape, and Qt must never be asked for a resource.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from guide_reader.content.importer import import_text
from guide_reader.content.loader import MAX_ARTICLE_BYTES, MAX_BLOCK_LINES, load_article
from guide_reader.content.markdown_ext import MAX_FORMATTED_CHARS
from guide_reader.content.model import Article, Section
from guide_reader.content.problems import ContentError
from guide_reader.content.renderer import DEFAULT_STYLESHEET, render_article
from guide_reader.content.sheet import SHEET_STYLESHEET
from guide_reader.library import Library
from guide_reader.ui import printing
from guide_reader.ui.article_view import ArticleView
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.navigation import Location
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE, Settings
from guide_reader.ui.theme import THEMES, apply_theme

from .conftest import load_folder, show_and_index

EVIL = "evil.example"
"""Every outside address in the hostile articles names this host."""

FRONT = "---\ntitle: {title}\n---\n\n"

HOSTILE: dict[str, str] = {
    "balises": FRONT.format(title="Balises HTML")
    + """<script>alert(1)</script>

<iframe src="http://evil.example/frame"></iframe>

<link rel="stylesheet" href="http://evil.example/s.css">

<style>body { background: url(http://evil.example/bg.png) }</style>

## Balises en ligne {#balises-en-ligne}

Texte <img src="http://evil.example/i.png"> et <img src="file:///etc/passwd"> puis <script src="http://evil.example/x.js"></script>.

<div onclick="alert(1)" style="background-image:url(http://evil.example/d.png)">bloc</div>

<object data="http://evil.example/o.swf"></object><embed src="file:///etc/hosts"><svg onload="alert(1)"></svg>

<table background="http://evil.example/t.png"><tr><td background="file:///etc/passwd">case</td></tr></table>

<base href="http://evil.example/"><meta http-equiv="refresh" content="0;url=http://evil.example/">

<a href="http://evil.example/a">lien brut</a> <a name="x" href="javascript:alert(1)">js</a>

<!-- un commentaire --> <![CDATA[ x ]]> <?php echo 1; ?>

<p style="background:url(http://evil.example/p.png)">paragraphe</p>
""",
    "images-et-liens": FRONT.format(title="Images et liens")
    + """![photo](http://evil.example/photo.png) ![local](file:///etc/passwd)
![data](data:image/png;base64,iVBORw0KGgo=)

## Liens {#liens}

[web](http://evil.example/) [sûr](https://evil.example/s) [fichier](file:///etc/passwd) [js](javascript:alert(1))
[données](data:text/html,<script>alert(1)</script>) [ftp](ftp://evil.example/f) [relatif](../secret.md)
[racine](/etc/passwd) [courriel](mailto:someone@evil.example) [titre](http://evil.example/t "titre")

Adresses automatiques <http://evil.example/auto> <https://evil.example/auto>
<someone@evil.example> <javascript:alert(1)>.

## Références par nom {#references-par-nom}

Voir [la page][evil], [evil], ![image][evil], [local][fichier] et [ancre][interne].

[evil]: http://evil.example/ref "Titre"
[fichier]: file:///etc/passwd
[interne]: #liens
[1]: http://evil.example/un

Une citation [1] sans référence listée, [ancre interne](#liens "t") et [vide]().
""",
    "attributs": FRONT.format(title="Attributs")
    + """Chapeau
\\{: style="background-image:url(http://evil.example/lead.png)" onclick="alert(1)"}

## Titre {#titre onclick="alert(1)" style="background:url(http://evil.example/h.png)" src="http://evil.example/s"}

Paragraphe
\\{: style="background-image:url(http://evil.example/p.png)" onmouseover="alert(1)" background="http://evil.example/b.png"}

Du *texte*\\{: style="background:url(file:///etc/passwd)" onmouseover="x()"} et `code`\\{: style="x:url(http://evil.example/c)"}.

Un [lien interne](#titre){: href="http://evil.example/attr" } et *direct*{: style="background:url(http://evil.example/e.png)"}.

- élément
  \\{: style="background:url(http://evil.example/li.png)"}
- autre {: class="alert" }

1. premier
2. second
{: start="7" onclick="x()" }

Un paragraphe qui se prend pour une référence
\\{: #ref-1 class="reference" }

## Questions fréquentes {#questions-frequentes}

### Est-ce grave ? {#faq-grave style="background:url(http://evil.example/q.png)" href="http://evil.example/q"}

Non.
\\{: onclick="alert(1)" }

## Références {#references}

- [1] Une référence.
""",
    "entites": FRONT.format(title="Entités &lt;img src=x&gt;")
    + """&lt;img src="http://evil.example/e.png"&gt; &#60;script&#62;alert(1)&#60;/script&#62;

## Entités {#entites}

&#x3C;iframe src="http://evil.example/f"&#x3E; &amp;lt;b&amp;gt; &lt;style&gt;p{background:url(http://evil.example/s.png)}&lt;/style&gt;

Valeurs limites : &#0; &#xFFFFFF; &#55296; &#1114112; &nexistepas; &amp &#x; &#;
""",
    "unicode": FRONT.format(title="Unicode \u202eLIVE\u202c")
    + """Chapeau avec \u200b espace de largeur nulle et \u202e renversement \u202c de sens.

## Symp\u200btômes {#symp\u200btomes}

Texte\u2028sur\u2029lignes et contrôles \x01\x02\x03\x1b[31m.

## Renversé {#\u202eevil}

Texte.

## Réservée {#ref-1}

Une section dont l'ancre ressemble à une référence [1].

## Marquer {#marquer-symptomes}

Texte.

## Plier {#plier-faq-x}

Texte.

## Sommet {#top}

Texte.

## Chevrons {#a<b>c}

Texte.

## Références {#references}

- [1] Référence \u202eesrever\u202c.
""",
    "en-tete": """---
title: <img src="file:///etc/passwd"> Titre <script>alert(1)</script>
subtitle: <iframe src="http://evil.example/sub"></iframe>
author: <a href="http://evil.example/auteur">Auteur</a>
date: 2024-02-30
source: ../../../etc/passwd
---

Chapeau.

## Section {#section}

Texte.
""",
    "sources": FRONT.format(title="Sources")
    + """Chapeau [1].

## Section {#section}

Texte [1,2].

## Spécialités médicales concernées {#specialites}

- <img src="http://evil.example/spe.png"> Hématologie

## Références {#references}

- [1] <img src="http://evil.example/ref.png"> [lien](http://evil.example/ref) <http://evil.example/auto>
- [2] ![x](file:///etc/passwd) <script>alert(2)</script>

## Publications scientifiques {#publications}

- <iframe src="http://evil.example/pub"></iframe> (2024)

## Ressources web {#ressources-web}

- <img src=x onerror=alert(1)> (evil.example)
  2020-12-17 — <script>alert(3)</script> ![x](http://evil.example/w.png)

## Avertissement {#avertissement}

<style>*{background:url(http://evil.example/av.png)}</style>
""",
}


# The shape of safe HTML -------------------------------------------------------------

ALLOWED_TAGS = frozenset(
    "html head meta title style body a h1 h2 h3 h4 h5 h6 p div span table tr td b strong em code pre br hr "
    "ul ol li blockquote thead tbody th".split()
)
ALLOWED_ATTRIBUTES = frozenset(
    "lang charset name id class href title width border cellpadding cellspacing start".split()
)


class _Shape(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.styles: list[str] = []
        self.others: list[str] = []  # comments, declarations, processing instructions
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "style":
            self.styles.append(data)

    def handle_comment(self, data: str) -> None:
        self.others.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        if decl.lower() != "doctype html":
            self.others.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.others.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.others.append(f"<![{data}]>")


def assert_safe_html(html: str, stylesheet: str = DEFAULT_STYLESHEET) -> None:
    """Only the renderer's own tags and attributes; links only inside the page; no style but its own."""
    shape = _Shape()
    shape.feed(html)
    shape.close()
    tags = {tag for tag, _ in shape.tags}
    assert tags <= ALLOWED_TAGS, f"unexpected tags: {sorted(tags - ALLOWED_TAGS)}"
    assert [tag for tag, _ in shape.tags].count("style") == 1
    assert shape.styles == [stylesheet], "a <style> other than the renderer's own"
    assert shape.others == []
    for tag, attrs in shape.tags:
        for name, value in attrs:
            assert name in ALLOWED_ATTRIBUTES, f"<{tag} {name}={value!r}>"
            assert "url(" not in (value or "").lower(), f"<{tag} {name}={value!r}>"
            if name == "href":
                assert value is not None and value.startswith("#"), f"<{tag} href={value!r}>"
            if tag == "meta":
                assert name == "charset"


def hostile_folder(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for slug, text in HOSTILE.items():
        (directory / f"{slug}.md").write_text(text, encoding="utf-8")
    return directory


@pytest.fixture
def hostile_content(tmp_path: Path) -> Path:
    return hostile_folder(tmp_path / "content")


# Loading and rendering ------------------------------------------------------------


def test_every_hostile_article_loads(hostile_content) -> None:
    library = Library(hostile_content)
    assert sorted(article.slug for article in library.articles) == sorted(HOSTILE)
    assert not [problem for problem in library.problems if "lecture" in problem.message]


@pytest.mark.parametrize("slug", sorted(HOSTILE))
def test_rendered_hostile_article_keeps_the_renderers_shape(hostile_content, slug) -> None:
    library = Library(hostile_content)
    article = library.article(slug)
    assert article is not None
    for html in (
        render_article(article),
        render_article(article, bookmarked=set()),
        render_article(article, folded_faq={item.anchor for item in article.faq}),
    ):
        assert_safe_html(html)
        assert "file:///etc/passwd" not in re.sub(r">[^<]*<", "><", html)  # only ever in text


def test_hostile_text_is_shown_as_text(hostile_content) -> None:
    library = Library(hostile_content)
    balises = render_article(library.article("balises"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in balises
    assert (
        "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in balises or '&lt;img src="file:///etc/passwd"&gt;' in balises
    )
    links = render_article(library.article("images-et-liens"))
    assert "web (http://evil.example/)" in links  # an outside address is shown, never linked
    assert "la page (http://evil.example/ref)" in links
    assert "someone@evil.example" in links
    header = render_article(library.article("en-tete"))
    assert "<title>&lt;img src=&quot;file:///etc/passwd&quot;&gt; Titre" in header


# The bugs found: each with its own test ------------------------------------------------


def test_attr_list_cannot_smuggle_attributes_through_an_escaped_brace(tmp_path) -> None:
    """'\\{: ...}' reads as text the first time; the loader wrote it back as '{: ...}', which
    the renderer's attr_list then applied: a style with url(...) and onclick reached the viewer.
    Now braces are written escaped, and no attribute of an article survives anyway."""
    path = tmp_path / "a.md"
    path.write_text(
        FRONT.format(title="A") + '## S {#s}\n\nTexte\n\\{: style="background:url(http://evil.example/x.png)" '
        'onclick="x()"}\n\nDu *texte*\\{: style="background:url(file:///etc/passwd)"} ici.\n',
        encoding="utf-8",
    )
    html = render_article(load_article(path).article)
    assert_safe_html(html)
    assert '<p>Texte\n{: style="background:url(http://evil.example/x.png)" onclick="x()"}</p>' in html  # as text
    assert 'Du <em>texte</em>{: style="background:url(file:///etc/passwd)"} ici.' in html


def test_attr_list_cannot_give_a_link_an_outside_address() -> None:
    """attr_list ran after the links were neutralized: '[x](#a){: href=...}' became a real outside link."""
    body = '[x](#a){: href="http://evil.example/" } et *y*{: style="background:url(http://evil.example/y.png)" }'
    html = render_article(Article("a", "A", sections=[Section("s", "S", body)]))
    assert_safe_html(html)
    assert "x (http://evil.example/)" in html
    imported = import_text(f"Titre\n\nIntro.\n\nSection\n\n{body}\n", "a.txt").article
    assert_safe_html(render_article(imported))


def test_attr_list_keeps_only_heading_anchors() -> None:
    body = '### Sous-titre {#sous-titre style="color:red" onclick="x()"}\n\n1. un\n2. deux\n{: start="3" }'
    html = render_article(Article("a", "A", sections=[Section("s", "S", body)]))
    assert '<h3 id="sous-titre">Sous-titre</h3>' in html
    assert "<ol>" in html


def test_email_autolink_reads_as_the_plain_address(tmp_path) -> None:
    """'<name@example.org>' came out as 'amp#110;amp#97;...': Python-Markdown's hidden entities leaked."""
    path = tmp_path / "a.md"
    path.write_text(FRONT.format(title="A") + "## S {#s}\n\nÉcrire à <contact@exemple.fr> ou [ici](mailto:a@b.fr).\n")
    article = load_article(path).article
    assert article.sections[0].body == "Écrire à contact@exemple.fr ou ici (a@b.fr)."
    assert "Écrire à contact@exemple.fr ou ici (a@b.fr)." in render_article(article)
    direct = render_article(Article("a", "A", sections=[Section("s", "S", "<contact@exemple.fr>")]))
    assert "<p>contact@exemple.fr</p>" in direct


def test_unclosed_brackets_take_linear_time(tmp_path) -> None:
    """Each '[' made Python-Markdown's link patterns scan to the end of the paragraph (5,000 took seconds,
    a large file hours), and each '](' or '[' made check's patterns do the same. This file of 80,000
    brackets in paragraphs just under the formatting limit loads and renders well within pytest-timeout."""
    paragraphs = ["[" * 9_000, "[1," * 3_000, "![" * 4_500, "[a](" * 2_000, "<http:" * 1_500, "[a](b(" * 1_500]
    body = "\n\n".join(paragraphs * 4)
    path = tmp_path / "a.md"
    path.write_text(FRONT.format(title="A") + "## S {#s}\n\n" + body + "\n", encoding="utf-8")
    assert path.stat().st_size < MAX_ARTICLE_BYTES
    result = load_article(path)
    assert not [problem for problem in result.problems if "mise en forme" in problem.message]
    assert result.article.sections[0].body.count("[") == 80_000
    assert_safe_html(render_article(result.article))


def test_nested_and_closed_brackets_still_make_the_same_links() -> None:
    body = "[a [b] c](#s) [d]](#s) [[e]](#s) [f](http://evil.example/) [g] [1] [2-3]"
    html = render_article(Article("a", "A", sections=[Section("s", "S", body)]))
    assert '<a href="#s">a [b] c</a>' in html
    assert "[d]](#s)" in html
    assert '<a href="#s">[e]</a>' in html
    assert "f (http://evil.example/)" in html
    assert 'href="#source-non-listee-1"' in html and 'href="#source-non-listee-3"' in html


def test_a_huge_paragraph_is_shown_as_plain_text_and_reported(tmp_path) -> None:
    """Python-Markdown's inline formatting grows with the square of a paragraph: a paragraph of
    100,000 characters of links took minutes. Past MAX_FORMATTED_CHARS it stays plain text."""
    paragraph = "[a](#s) *b* [1] " * (MAX_FORMATTED_CHARS // 8)
    path = tmp_path / "a.md"
    path.write_text(FRONT.format(title="A") + f"## S {{#s}}\n\nCourt *paragraphe*.\n\n{paragraph}\n")
    result = load_article(path)
    assert [(problem.line, problem.severity) for problem in result.problems if "mise en forme" in problem.message] == [
        (9, "warning")
    ]
    html = render_article(result.article)
    assert "Court <em>paragraphe</em>." in html
    assert "[a](#s) *b* [1]" in html  # as written, the loader's escapes undone


def test_a_file_over_the_size_limit_is_refused(tmp_path) -> None:
    """Thousands of tiny paragraphs cost Python-Markdown about 20 seconds a megabyte, once to load and
    again to render in the window: 4 MB was allowed; now 512 Ko, 18 times the longest article."""
    (tmp_path / "gros.md").write_text(FRONT.format(title="Gros") + "mot\n\n" * (MAX_ARTICLE_BYTES // 5))
    (problem,) = load_folder(tmp_path)[1]
    assert problem.message == "fichier trop grand (512 Ko, maximum 512 Ko)"


def test_a_block_of_too_many_lines_is_refused(tmp_path) -> None:
    """Python-Markdown splits a block again after each heading, rule or list item in it: a block of
    18,000 lines '-' or '=' took seconds, and its time grows with the square of its length."""
    text = FRONT.format(title="Bloc") + "## S {#s}\n\nIntro.\n\n" + "Titre\n-\n" * (MAX_BLOCK_LINES // 2 + 1)
    (tmp_path / "bloc.md").write_text(text, encoding="utf-8")
    (problem,) = load_folder(tmp_path)[1]
    assert (
        str(problem) == f"bloc.md:9: erreur: plus de {MAX_BLOCK_LINES} lignes sans ligne vide : séparez les paragraphes"
    )
    fine = FRONT.format(title="Liste") + "## S {#s}\n\n" + "- élément\n" * MAX_BLOCK_LINES + "\n" + "Titre\n-\n\n" * 300
    (tmp_path / "bloc.md").write_text(fine, encoding="utf-8")
    assert load_article(tmp_path / "bloc.md").article.sections[0].body.count("élément") == MAX_BLOCK_LINES


def test_lists_nested_too_deep_are_refused_not_a_crash(tmp_path) -> None:
    """'- - - - …' or '1. 1. 1. …' on one line nests a list per marker: Python-Markdown recursed until
    RecursionError, which escaped load_article and stopped the window and check."""
    for marker in ("- ", "1. ", "* "):
        (tmp_path / "profond.md").write_text(FRONT.format(title="P") + "## S {#s}\n\n" + marker * 2_000 + "x\n")
        with pytest.raises(ContentError, match="imbriquées trop profondément"):
            load_article(tmp_path / "profond.md")
    html = render_article(Article("a", "A", sections=[Section("s", "S", "- " * 2_000 + "<x>")]))
    assert_safe_html(html)
    assert "- - - &lt;x&gt;" in html


def test_joining_a_long_broken_paragraph_takes_linear_time() -> None:
    """The importer joined a sentence split over blank lines one piece at a time: 2 MB took minutes."""
    start = "Début d'un long paragraphe qui continue encore et encore sur bien des mots sans finir sa phrase"
    text = f"Titre\n\n{start}\n\n" + "suite sans point\n\n" * 100_000 + "Section\n\nFin.\n"
    article = import_text(text, "a.txt").article
    assert article.lead.startswith(f"{start} suite sans point suite")
    assert article.lead.count("suite sans point") == 100_000


def test_check_reports_anchors_the_viewer_would_misread(hostile_content) -> None:
    """A section '{#marquer-x}' or '{#ref-1}': the 'Cité dans' links to it opened the bookmark dialog or the
    reference panel, and '#ref-1' led to the section, not to reference 1. Invisible or reversing characters
    make two anchors that look alike."""
    problems = {
        (problem.line, problem.severity, problem.message.split(" :")[0])
        for problem in load_folder(hostile_content)[1]
        if problem.file == "unicode.md" and "ancre" in problem.message
    }
    assert problems == {
        (7, "warning", "ancre « symp\\u200btomes »"),
        (11, "warning", "ancre « \\u202eevil »"),
        (15, "error", "ancre « ref-1 » réservée au lecteur"),
        (19, "error", "ancre « marquer-symptomes » réservée au lecteur"),
        (23, "error", "ancre « plier-faq-x » réservée au lecteur"),
        (27, "error", "ancre « top » réservée au lecteur"),
        (31, "warning", "ancre « a<b>c »"),
    }


def test_import_never_gives_a_section_an_anchor_of_the_viewer() -> None:
    headings = ("Marquer la date", "Top", "Ref 2", "Source non listée", "Source non listée")
    text = "Titre\n\nChapeau.\n\n" + "".join(f"{heading}\n\nTexte.\n\nSuite.\n\n" for heading in headings)
    article = import_text(text, "a.txt").article
    assert [section.anchor for section in article.sections] == [
        "section-marquer-la-date",
        "top-2",
        "section-ref-2",
        "section-source-non-listee",
        "section-source-non-listee-2",
    ]


# In the window -------------------------------------------------------------------------


class _Requests:
    """Every resource Qt asks a view or a printed document for, and the answer."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int, str, object]] = []

    def record(self, where: str, kind: int, name: QUrl, answer: object) -> object:
        self.asked.append((where, kind, name.toString(), answer))
        return answer


@pytest.fixture
def requests(monkeypatch) -> _Requests:
    """Record ArticleView.loadResource (the article and the search results) and the sheet's QTextDocument."""
    requests = _Requests()
    original = ArticleView.loadResource

    def article_view_load(self, kind: int, name: QUrl) -> object:
        return requests.record("article", kind, name, original(self, kind, name))

    monkeypatch.setattr(ArticleView, "loadResource", article_view_load)

    class RecordingDocument(QTextDocument):
        def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802
            return requests.record("sheet", kind, name, super().loadResource(kind, name))

    monkeypatch.setattr(printing, "QTextDocument", RecordingDocument)
    return requests


def test_the_recording_sees_a_request_when_there_is_one(qtbot, requests) -> None:
    """The check below is not vacuous: an image in a page is asked for, and refused."""
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    view.set_page(f'<p>x</p><img src="http://{EVIL}/control.png">', DEFAULT_TEXT_SIZE)
    QApplication.processEvents()
    assert requests.asked
    assert set(requests.asked) == {("article", 2, f"http://{EVIL}/control.png", None)}


def _document_links_and_images(document: QTextDocument) -> Iterator[tuple[str, bool]]:
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            char_format = iterator.fragment().charFormat()
            yield char_format.anchorHref(), char_format.isImageFormat()
            iterator += 1
        block = block.next()


def hostile_window(qtbot, content: Path) -> MainWindow:
    apply_theme(QApplication.instance(), THEMES["light"], DEFAULT_TEXT_SIZE)
    window = MainWindow(Library(content), Settings())
    window.ask_note = lambda _parent, heading, _current: f"note sur {heading}"
    return show_and_index(qtbot, window)


def test_the_window_shows_hostile_articles_and_loads_nothing(qtbot, hostile_content, requests, tmp_path) -> None:
    window = hostile_window(qtbot, hostile_content)
    for article in window.library.articles:
        window.open_article(article.slug)
        page = window.article_page
        assert page.article is not None and page.article.slug == article.slug
        document = page.view.document()
        links = [href for href, is_image in _document_links_and_images(document) if href]
        assert not any(is_image for _, is_image in _document_links_and_images(document))
        assert all(href.startswith("#") for href in links), links
        for href in dict.fromkeys(links):  # follow every link the page has, bookmark buttons included
            if window.pages.currentWidget() is not page:
                window.open_article(article.slug)
            page.view.anchorClicked.emit(QUrl(href))
        for section in article.sections:
            window.open_article(article.slug, section.anchor)
        QApplication.processEvents()
    window.search_for(EVIL)
    window.search_for("script alert")
    window.search_for("img src")
    for hit in list(window.search_page.hits)[:5]:
        window.open_hit(hit)
    window.store_writes.finish()
    assert window.library.store.bookmarks()
    sheet = window._sheet_html()
    assert_safe_html(sheet, SHEET_STYLESHEET)
    window.save_sheet_pdf(tmp_path / "feuille.pdf")
    assert (tmp_path / "feuille.pdf").read_bytes().startswith(b"%PDF")
    assert requests.asked == []


def test_unicode_anchors_are_followed_inside_the_page(qtbot, hostile_content, requests) -> None:
    window = hostile_window(qtbot, hostile_content)
    article = window.library.article("unicode")
    assert article is not None
    anchors = [section.anchor for section in article.sections]
    assert "symp\u200btomes" in anchors and "\u202eevil" in anchors
    page = window.article_page
    for anchor in anchors:
        window.open_article("unicode", anchor)
        assert page.view.scroll_to(anchor)
    assert requests.asked == []


# Outside the content package: Qt reads a label's or a tooltip's text as HTML when it looks like it ----


@pytest.fixture
def image_title_content(tmp_path: Path) -> tuple[Path, Path]:
    """An article whose title, lead and heading start with an <img> of a local file (400 px high)."""
    image = tmp_path / "outside" / "big.png"
    image.parent.mkdir()
    picture = QImage(400, 400, QImage.Format.Format_RGB32)
    picture.fill(0)
    assert picture.save(str(image))
    tag = f'<img src="{image.as_uri()}">'
    content = tmp_path / "content"
    content.mkdir()
    (content / "image.md").write_text(
        f"---\ntitle: {tag} Titre\n---\n\n{tag} chapeau.\n\n## {tag} Section {{#section}}\n\nTexte.\n",
        encoding="utf-8",
    )
    return content, image


def _tall_labels(window: MainWindow) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel) if label.sizeHint().height() >= 300]


def test_home_card_never_reads_a_title_as_html(qtbot, image_title_content) -> None:
    """The card's title and lead labels showed an <img> of a local file as the image (fixed in cec96cc)."""
    content, _image = image_title_content
    window = hostile_window(qtbot, content)
    assert _tall_labels(window) == []


def test_status_bar_never_reads_a_heading_as_html(qtbot, image_title_content) -> None:
    """'Signet enregistré : <heading>' did the same in the status bar (fixed in cec96cc)."""
    content, _image = image_title_content
    window = hostile_window(qtbot, content)
    labels_before = set(_tall_labels(window))
    window.open_article("image", "section")
    window.bookmark_section("section")
    window.store_writes.finish()
    assert window.library.store.bookmarks()
    assert set(_tall_labels(window)) - labels_before == set()


def _tooltip_height(widget: QWidget, position: QPoint) -> int:
    """Show the tooltip Qt would show at ``position`` in ``widget``; the height of what it shows."""
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, position, widget.mapToGlobal(position)))
    tips = [tip for tip in QApplication.topLevelWidgets() if tip.objectName() == "qtooltip_label" and tip.isVisible()]
    height = max((tip.sizeHint().height() for tip in tips), default=0)
    QToolTip.hideText()
    return height


def test_tooltips_never_read_article_or_user_text_as_html(qtbot, image_title_content) -> None:
    """The card's 'Ouvrir « title »', each contents entry and a bookmark's note showed an <img> of a
    local file as the image (fixed in d92a71a)."""
    content, image = image_title_content
    window = hostile_window(qtbot, content)
    cards = window.home_page.list
    heights = {"card": _tooltip_height(cards.viewport(), cards.visualRect(cards.model().index(0, 0)).center())}
    window.open_article("image", "section")
    toc = window.article_page.toc
    (entry,) = [
        toc.topLevelItem(row) for row in range(toc.topLevelItemCount()) if "Section" in toc.topLevelItem(row).text(0)
    ]
    heights["contents"] = _tooltip_height(toc.viewport(), toc.visualItemRect(entry).center())
    window.library.store.add_for(window.library.article("image"), "section", f'<img src="{image.as_uri()}"> note')
    window.go_to(Location("bookmarks"))
    tree = window.bookmarks_page.tree
    note = tree.indexFromItem(tree.topLevelItem(0).child(0), 1)
    assert image.name in note.data(Qt.ItemDataRole.ToolTipRole)
    heights["note"] = _tooltip_height(tree.viewport(), tree.visualRect(note).center())
    assert max(heights.values()) < 300, heights  # a tooltip of text is one line high; the image is 400 px
