"""Property tests (hypothesis): random and hostile text never breaks the importer, the loader, the
renderer, ``check`` or the search, and what they produce stays well formed.

* no exception escapes but the documented ``ContentError`` for a file that cannot be an article;
* nothing hangs: each example has a deadline far above its normal time, and pytest-timeout stops
  the whole test;
* rendered HTML has balanced tags and the renderer's safe shape (see ``test_hostile_articles``);
  snippets escape everything but their match marks; the JSON of a search is valid.

Examples are derandomized (the same every run) and few enough for the file to run in seconds.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import re
import string
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import guide_reader.content as content_package
from guide_reader import cli
from guide_reader.content import cache
from guide_reader.content.importer import ImportResult, decode, import_text
from guide_reader.content.loader import LoadResult, load_article
from guide_reader.content.markdown_format import to_markdown
from guide_reader.content.model import Article, FaqItem, Publication, Reference, Section, WebResource
from guide_reader.content.problems import ContentError
from guide_reader.content.renderer import render_article
from guide_reader.content.sheet import SHEET_STYLESHEET, SheetEntry, sheet_html
from guide_reader.search import SearchEngine

from .conftest import CONTENT_DIR, load_folder
from .test_hostile_articles import HOSTILE, assert_safe_html

SCALE = float(os.environ.get("GUIDE_READER_PROPERTY_SCALE", "0") or 0)
"""Unset: the fixed examples below. Set (say 30): that many times more examples, new ones each run."""

settings.register_profile(
    "guide-reader-properties",
    derandomize=not SCALE,  # the same examples on every run: CI stays stable, a failure reproduces
    database=None,  # nothing written into the repository
    deadline=timedelta(seconds=5),  # each example takes milliseconds; five seconds is a hang
    print_blob=False,
)
PROFILE = settings.get_profile("guide-reader-properties")


def examples(count: int) -> settings:
    return settings(PROFILE, max_examples=max(1, round(count * (SCALE or 1))))


# Strategies ------------------------------------------------------------------------------------

MARKUP = [
    "[", "]", "(", ")", "![", "](", "[1]", "[1,2]", "[3-5]", "[999]", "[x](#a)", "[x](http://evil.example/)",
    "<", ">", "<img src=\"http://evil.example/i.png\">", "<img src=\"file:///etc/passwd\">", "<script>",
    "</script>", "<http://evil.example/>", "<a@evil.example>", "<style>p{background:url(x)}</style>",
    "&", "&lt;", "&#60;", "&#0;", "&amp;", "&nbsp;", "#", "## ", "### ", "{#", "{#a}", "{: ", "}",
    "{: style=\"background:url(http://evil.example/s.png)\" onclick=\"x()\"}", "\\", "\\{", "*", "**", "_",
    "`", "```", "~~~", "> ", "- ", "* ", "+ ", "1. ", "    ", "\t", " ", "  \n", "\n", "\n\n", "---", "===",
    "title: ", "mailto:", "javascript:", "data:", "file://", "\u200b", "\u202e", "\u2028", "\r", "\r\n",
    "\x0b", "\x1b[31m", "\ufeff", "é", "œ", "ﬁ", "İ", "ß", "😀", "\U0010ffff",
]  # fmt: skip
IMPORTER_LINES = [
    "Leucopénie : Guide Complet 2025", "Titre", "Questions fréquentes", "FAQ", "Références", "Sources",
    "Sources et références", "Publications scientifiques", "Ressources web", "Spécialités médicales concernées",
    "Avertissement : Les connaissances évoluent.", "Publié par Jeanne Martin", "le 12/03/2018 à 10h",
    "le 31/02/2018", "Est-ce grave ?", "Est-ce grave ? Non, rarement.", "- [1] Santé Publique France.",
    "[2] HAS Lien", "- Une page (sante.fr)", "17 déc. 2020 — Un extrait.", "31 févr. 2020 — x",
    "- Un article (2024)", "woman with the doctor", "© Adobe Stock", "Partager", "Consultation remboursable *",
    "- Hématologie", "Un paragraphe qui finit bien.", "une suite en minuscules", "Marquer la date", "Top",
    "Ref 12", "Plier les genoux", "Lead", "Source non listée", "", "", "",
    "Aller au contenu principal", "Sommaire", "• Titre", "À lire aussi", "Lire aussi : Titre",
    "Publié le 9 février 2023 par Jeanne Martin", "Mis à jour le 12/03/2018", "RÉDIGÉ PAR UN MÉDECIN",
    "Type | Fréquence |", "---|---|", "Eczéma | 15% |", "a | b | c", "|", "||", "| --- |",
    "Médecin examinant la gorge d'un enfant", "1. boire souvent;", "3) se laver.", "Et chez l'enfant…",
]  # fmt: skip

markup_text = st.lists(st.sampled_from(MARKUP) | st.text(max_size=12), max_size=40).map("".join)
any_text = st.text(max_size=400) | markup_text
short_text = st.text(max_size=60) | st.lists(st.sampled_from(MARKUP), max_size=6).map("".join)
importer_text = st.lists(st.sampled_from(IMPORTER_LINES) | short_text, max_size=40).map("\n".join) | any_text
raw_bytes = st.binary(max_size=600) | any_text.map(lambda text: text.encode("utf-8"))


@st.composite
def article_files(draw: st.DrawFn) -> str:
    """Markdown article files: a front matter (sometimes broken) and blocks of hostile Markdown."""
    front = draw(
        st.sampled_from(["---\ntitle: Titre\n---\n", "---\ntitle: {}\ndate: {}\n---\n", "title: {}\n", "", "---\n"])
    )
    front = front.format(draw(short_text).replace("\n", " "), draw(short_text).replace("\n", " "))
    blocks = draw(
        st.lists(
            st.one_of(
                any_text,
                st.builds("## {} {{#{}}}".format, short_text, short_text),
                st.builds("### {} {{#faq-{}}}".format, short_text, short_text),
                st.sampled_from(
                    [
                        "## Questions fréquentes {#questions-frequentes}",
                        "## Références {#references}",
                        "## Ressources web {#ressources-web}",
                        "## Publications scientifiques {#publications}",
                        "## Spécialités médicales concernées {#specialites}",
                        "## Avertissement {#avertissement}",
                    ]
                ),
                st.builds("- [{}] {}".format, st.integers(0, 20_000), short_text),
            ),
            max_size=14,
        )
    )
    return front + "\n" + "\n\n".join(blocks) + "\n"


anchors = st.text(max_size=30) | st.sampled_from(["top", "lead", "ref-1", "marquer-x", "plier-x", "a b", "\u202ex"])


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Articles as the cache or the importer could hand them to the renderer: any text in any field."""
    references = draw(st.lists(st.builds(Reference, st.integers(0, 999), short_text), max_size=4))
    return Article(
        slug=draw(st.text(max_size=20)),
        title=draw(short_text),
        subtitle=draw(st.none() | short_text),
        lead=draw(any_text),
        author=draw(st.none() | short_text),
        date=draw(st.none() | st.dates(min_value=date(1, 1, 1))),
        sections=draw(st.lists(st.builds(Section, anchors, short_text, any_text), max_size=4)),
        faq=draw(st.lists(st.builds(FaqItem, anchors, short_text, any_text), max_size=3)),
        references=list({ref.number: ref for ref in references}.values()),
        publications=draw(st.lists(st.builds(Publication, short_text, st.none() | st.integers()), max_size=2)),
        web_resources=draw(
            st.lists(st.builds(WebResource, short_text, short_text, st.none() | st.dates(), short_text), max_size=2)
        ),
        specialties=draw(st.lists(short_text, max_size=2)),
        disclaimer=draw(st.none() | short_text),
        source_file=draw(st.none() | short_text),
    )


# Checks -------------------------------------------------------------------------------------------

VOID_TAGS = frozenset({"meta", "br", "hr", "img", "link", "input", "col", "wbr"})


class _Balance(HTMLParser):
    """Every element closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_TAGS:
            self.errors.append(f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> with {self.open[-3:]} open")
        else:
            self.open.pop()


def assert_well_formed(html_text: str) -> None:
    balance = _Balance()
    balance.feed(html_text)
    balance.close()
    assert balance.errors == [] and balance.open == [], (balance.errors, balance.open)


def check_load(path: Path) -> LoadResult | None:
    """load_article, which may only raise ContentError."""
    try:
        return load_article(path)
    except ContentError as error:
        assert error.problem.severity == "error" and error.problem.message
        return None


@contextlib.contextmanager
def temporary_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="guide-reader-property-") as name:
        yield Path(name)


# Importer -----------------------------------------------------------------------------------------


@examples(120)
@given(importer_text)
def test_importer_takes_any_text(text: str) -> None:
    try:
        result = import_text(text, "source.txt")
    except ContentError:
        return
    assert isinstance(result, ImportResult)
    article = result.article
    assert article.title and article.slug
    anchors = [section.anchor for section in article.sections] + [item.anchor for item in article.faq]
    assert len(anchors) == len(set(anchors)) and all(anchors)
    assert to_markdown(article).endswith("\n")
    assert_safe_html(render_article(article))


@examples(60)
@given(raw_bytes)
def test_decoding_takes_any_bytes(raw: bytes) -> None:
    try:
        text, warnings = decode(raw, "source.txt")
    except ContentError as error:
        assert error.problem.file == "source.txt"
        return
    assert isinstance(text, str)
    assert all(warning.severity == "warning" for warning in warnings)


@examples(80)
@given(importer_text)
def test_an_imported_article_loads_back_without_errors(text: str) -> None:
    """What ``guide-reader import`` writes, ``check`` reads: same sections and questions, no error."""
    try:
        article = import_text(text, "source.txt").article
    except ContentError:
        return
    with temporary_folder() as folder:
        path = folder / f"{article.slug}.md"
        path.write_text(to_markdown(article), encoding="utf-8")
        loaded = load_article(path)
    errors = [str(problem) for problem in loaded.problems if problem.severity == "error"]
    assert errors == [] or all("balise HTML" in error or "image" in error for error in errors), errors
    assert outline(loaded.article) == outline(article)


def outline(article: Article) -> list[tuple[str, str]]:
    """Anchors and headings. '<https://site.fr>' in a raw text is written as it is ('<' cannot be escaped
    in Markdown) and then shown as a link would be shown, 'https://site.fr': the brackets do not count."""
    places = [(section.anchor, section.heading) for section in article.sections]
    places += [(item.anchor, item.question) for item in article.faq]
    return [(anchor, " ".join(heading.replace("<", "").replace(">", "").split())) for anchor, heading in places]


def test_an_article_of_only_a_title_is_refused_at_import() -> None:
    """Found by the property above: import wrote an article that check then called empty."""
    with pytest.raises(ContentError, match="aucun texte à lire après le titre"):
        import_text("Leucopénie : Guide Complet 2025\n\n\n", "source.txt")


def test_control_characters_of_a_copied_page_are_dropped() -> None:
    """Found above: a NUL made the written article a 'binary file' for the loader; STX and ETX,
    Python-Markdown's own markers, vanished from it."""
    article = import_text("Titre\n\nUn\x00 chapeau\x03 \x1b[31mrouge\x7f.\n\nSection\n\nTexte\x02.\n", "s.txt").article
    assert article.lead == "Un chapeau [31mrouge." and article.sections[0].body == "Texte."


def test_a_heading_with_braces_keeps_its_anchor(tmp_path: Path) -> None:
    """Found above: 'Score {A}' was written '## Score {A} {#score-a}', and attr_list read '{A} {#score-a}'
    as one attribute list it could not parse: the reader saw the anchor, and it changed."""
    article = import_text("Titre\n\nChapeau.\n\nLe score {A} et {: x}\n\nTexte {#b}.\n", "s.txt").article
    path = tmp_path / "titre.md"
    path.write_text(to_markdown(article), encoding="utf-8")
    loaded = load_article(path)
    assert [(s.anchor, s.heading) for s in loaded.article.sections] == [("le-score-a-et-x", "Le score {A} et {: x}")]
    assert "Texte {#b}." in render_article(loaded.article)
    assert not [problem for problem in loaded.problems if "ancre" in problem.message]


def test_a_heading_ending_with_hashes_keeps_them(tmp_path: Path) -> None:
    """Found above: Python-Markdown drops the '#' that end a heading ('## C# {#c}' reads 'C')."""
    article = import_text("Titre\n\nChapeau.\n\nLe langage C#\n\nTexte.\n\nNuméro ##\n\nTexte.\n", "s.txt").article
    path = tmp_path / "titre.md"
    path.write_text(to_markdown(article), encoding="utf-8")
    assert [s.heading for s in load_article(path).article.sections] == ["Le langage C#", "Numéro ##"]


def test_link_syntax_copied_from_a_page_stays_text(tmp_path: Path) -> None:
    """Found above: '[x](#y)' or '![x](y)' in a raw text became a link or an image, and lost its address;
    a line '[note]: …' became a link definition and vanished."""
    raw = "Titre\n\nChapeau.\n\nVoir [x](#y) ici\n\n![photo](p.png) et [1] (2020).\n\n[note]: une remarque.\n"
    article = import_text(raw, "s.txt").article
    path = tmp_path / "titre.md"
    path.write_text(to_markdown(article), encoding="utf-8")
    loaded = load_article(path).article
    assert loaded.sections[0].heading == "Voir [x](#y) ici"
    page = render_article(loaded)
    assert "![photo](p.png) et" in page and "[note]: une remarque." in page
    assert 'href="#source-non-listee-1"' in page  # citations are still citations


# Loader and check ---------------------------------------------------------------------------------


@examples(100)
@given(article_files())
def test_loader_takes_any_markdown(text: str) -> None:
    with temporary_folder() as folder:
        path = folder / "article.md"
        path.write_text(text, encoding="utf-8")
        result = check_load(path)
    if result is None:
        return
    article = result.article
    assert article.title.strip()
    page = render_article(article, bookmarked=set(), folded_faq={item.anchor for item in article.faq[:1]})
    assert_well_formed(page)
    assert_safe_html(page)


@examples(60)
@given(raw_bytes)
def test_loader_takes_any_bytes(raw: bytes) -> None:
    with temporary_folder() as folder:
        path = folder / "article.md"
        path.write_bytes(raw)
        result = check_load(path)
    if result is not None:
        assert_safe_html(render_article(result.article))


@examples(25)
@given(st.lists(article_files() | raw_bytes, min_size=1, max_size=4))
def test_check_takes_any_folder(files: list[str | bytes]) -> None:
    output, errors = io.StringIO(), io.StringIO()
    with temporary_folder() as folder:
        for number, content in enumerate(files):
            path = folder / f"article-{number}.md"
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(errors):
            code = cli.main(["check", str(folder)])
    assert code in (0, 1)
    assert re.search(r"\d+ article\(s\) lu\(s\), (\d+) erreur\(s\)", output.getvalue())
    assert (code == 1) == ("erreur:" in errors.getvalue())


def test_the_article_cache_is_keyed_by_every_module_the_loader_runs() -> None:
    """checks.py and text.py were not in the key: after a change to check's rules alone, check and the
    window kept showing the problems found by the old rules, from the cache."""
    package = Path(content_package.__file__).parent
    needed, waiting = set(), ["loader.py"]
    while waiting:
        name = waiting.pop()
        needed.add(name)
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                names = [node.module] if node.module else [alias.name for alias in node.names]
                waiting += [f"{module}.py" for module in names if f"{module}.py" not in needed]
    assert needed <= set(cache._LOADER_SOURCES) | {"cache.py"}, sorted(needed - set(cache._LOADER_SOURCES))


# Renderer and sheet -------------------------------------------------------------------------------


@examples(100)
@given(articles(), st.data())
def test_renderer_takes_any_article(article: Article, data: st.DataObject) -> None:
    places = [section.anchor for section in article.sections] + [item.anchor for item in article.faq]
    bookmarked = data.draw(st.none() | st.sets(st.sampled_from(places) if places else st.nothing()))
    folded = data.draw(st.sets(st.sampled_from(places) if places else st.nothing()))
    page = render_article(article, folded_faq=folded, bookmarked=bookmarked)
    assert_well_formed(page)
    assert_safe_html(page)
    assert page.count("<title>") == 1


@examples(40)
@given(articles(), st.lists(st.tuples(short_text, st.text(max_size=200), st.booleans()), max_size=4))
def test_sheet_takes_any_bookmarks(article: Article, marks: list[tuple[str, str, bool]]) -> None:
    places = [section.anchor for section in article.sections] + [item.anchor for item in article.faq] + ["gone"]
    entries = [
        SheetEntry(article.slug, article.title, places[number % len(places)], heading, note, available)
        for number, (heading, note, available) in enumerate(marks)
    ]
    for with_texts in (False, True):
        page = sheet_html(entries, {article.slug: article}.get, date(2025, 1, 31), with_texts)
        assert_well_formed(page)
        assert_safe_html(page, SHEET_STYLESHEET)


# Search -------------------------------------------------------------------------------------------

QUERY_PIECES = [
    "fievre", "fièvre", "globules", "blancs", "bas", "leucopénie", "leucopnie", "contagieux", "cancer", "G-CSF",
    '"', '"globules blancs"', "~", "fievre~", "fievre~9", "~2", "*", "?", "AND", "OR", "NOT", "(", ")", "[", "]",
    "{", "}", "^", "^2", ":", "title:", "body:x", "-", "+", "\\", "/", "'", "l'", "d'", "<b>", "</b>",
    "<script>", "&amp;", "&", "\x00", "\x1f", "\u200b", "\u202e", "😀", "Ⅸ", "ﬁ", " ", "  ", "\n", "\t",
    "a" * 60, "é" * 40,
]  # fmt: skip
queries = st.text(max_size=80) | st.lists(st.sampled_from(QUERY_PIECES) | st.text(max_size=6), max_size=14).map(
    " ".join
)
MARK = re.compile(r'<b class="match term\d+">|</b>')
ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#x27|#39);")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchEngine]:
    """The bundled articles and the hostile ones, indexed once for the module."""
    hostile = tmp_path_factory.mktemp("hostile")
    for slug, text in HOSTILE.items():
        (hostile / f"{slug}.md").write_text(text, encoding="utf-8")
    articles_ = load_folder(CONTENT_DIR)[0] + load_folder(hostile)[0]
    engine = SearchEngine(articles_, tmp_path_factory.mktemp("index"), CONTENT_DIR / "synonyms.txt")
    engine.ensure_index()
    engine.search("fièvre")  # first query: the searcher opens
    yield engine
    engine.close()


def assert_safe_snippet(snippet: str) -> None:
    """Only the match marks are markup; everything else is escaped text."""
    text = MARK.sub("", snippet)
    assert "<" not in text and ">" not in text, snippet
    assert "&" not in ENTITY.sub("", text), snippet
    assert snippet.count("<b ") == snippet.count("</b>"), snippet


@settings(examples(80), suppress_health_check=[HealthCheck.too_slow])  # each example is a real search
@given(queries)
def test_search_takes_any_query(engine: SearchEngine, query: str) -> None:
    results = engine.search(query, limit=5)
    encoded = json.loads(json.dumps(results.as_json(), ensure_ascii=False, allow_nan=False))
    assert set(encoded) == {"query", "suggestion", "total", "common_words", "hits"}
    assert encoded["total"] >= len(results.hits) and len(results.hits) <= 5
    assert results.suggestion is None or isinstance(results.suggestion, str)
    for hit in results.hits:
        assert_safe_snippet(hit.snippet)
    assert not [problem for problem in engine.problems if "recherche impossible" in problem]


def test_snippets_of_hostile_articles_escape_their_markup(engine: SearchEngine) -> None:
    results = engine.search("script alert img evil", limit=20)
    assert results.hits
    assert any("&lt;" in hit.snippet for hit in results.hits)
    for hit in results.hits:
        assert_safe_snippet(hit.snippet)


@examples(100)
@given(queries, st.integers(-3, 30))
def test_completion_takes_any_prefix(engine: SearchEngine, prefix: str, limit: int) -> None:
    completions = engine.complete(prefix, limit)
    assert len(completions) <= max(limit, 0)
    assert all(isinstance(completion.text, str) and completion.article_slug for completion in completions)


@examples(100)
@given(any_text, queries)
def test_highlight_spans_stay_inside_the_text(engine: SearchEngine, text: str, query: str) -> None:
    spans = engine.highlight_spans(text, query)
    assert all(0 <= start < end <= len(text) for start, end in spans)


def test_a_pasted_page_is_cut_not_searched_whole(engine: SearchEngine) -> None:
    page = " ".join(string.ascii_lowercase[index % 26] * (index % 9 + 2) for index in range(20_000))
    results = engine.search(page, limit=3)
    assert len(results.query) <= 300
    for hit in results.hits:
        assert_safe_snippet(hit.snippet)
