"""A saved web page (HTML) -> Article, through trafilatura.

trafilatura finds the page's main content (menus, side bars, footers, comments left out) and
its metadata: title, author, date of publication, site name. Its element tree keeps the page's
own structure: headings (``head``), paragraphs, lists, tables, quotes; images and scripts are
never in it. Each element becomes a Block for the same reader as copied text
(``importer.build_article``), so both routes give the same Article and the same Markdown, and
the text rules (debris, bylines, FAQ, references) apply to both.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import debris
from .bylines import Byline, parse_byline
from .importer import (
    MAX_TABLE_ROWS,
    Block,
    Dropped,
    ImportResult,
    build_article,
    drop_repeated_title,
    parse_title,
    table_blocks,
)
from .markdown_format import escape_inline
from .model import Article
from .problems import ContentError

if TYPE_CHECKING:
    from lxml.etree import _Element

WEB_ARCHIVE_SUFFIXES = frozenset({".mht", ".mhtml"})
MAX_HTML_BYTES = 8 * 1024 * 1024
"""A saved page carries its scripts and styles: several times the size of its text."""
MAX_WEB_ARCHIVE_BYTES = 32 * 1024 * 1024
"""A page saved as one file carries its images too (read past, never decoded)."""
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL
)
_DECLARED_CHARSET = re.compile(rb"charset\s*=|<\?xml[^>]*encoding\s*=", re.IGNORECASE)
_CHARSET_SCAN_BYTES = 4096
"""Where browsers look for a page's declared encoding: its first kilobytes."""
_BLOCK_TAGS = frozenset({"p", "head", "list", "table", "quote", "code"})
_WORD = re.compile(r"\w+")
_OUTSIDE_LINK = re.compile(r"^(https?|ftp|mailto):", re.IGNORECASE)


def looks_like_html(raw: bytes) -> bool:
    """A saved web page rather than copied text (looked at in its first kilobyte)."""
    head = raw[:1024]
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[2:].decode(encoding, errors="ignore").encode()
    return bool(_HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")))


def _page_text(raw: bytes, source: str) -> str | bytes:
    """UTF-16 pages decoded here (with their byte order mark); others go to trafilatura as bytes."""
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError(source, None, "fichier binaire, pas une page HTML")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ContentError(source, None, "page illisible : UTF-16 abîmé") from None
    if not _DECLARED_CHARSET.search(raw[:_CHARSET_SCAN_BYTES]):
        # No charset said: UTF-8, else Windows-1252 as for copied text (a guess from the bytes
        # read 'è' as Central European 'č' on French pages).
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    return raw


def looks_like_web_archive(raw: bytes, source: str) -> bool:
    """A page saved as one file by Chrome or Edge (« Page Web, un seul fichier », .mhtml): MIME."""
    head = raw[:2048].lower()
    return Path(source).suffix.lower() in WEB_ARCHIVE_SUFFIXES or (
        head.startswith((b"from:", b"mime-version:", b"snapshot-content-location:", b"subject:"))
        and b"multipart/related" in head
    )


def _archived_page(raw: bytes, source: str) -> str | bytes:
    """The HTML part of a web archive (MHTML); its images and styles are never read.

    Decoded when the part names its charset; else its bytes, for the page's own <meta charset>.
    """
    import email
    import email.policy

    message = email.message_from_bytes(raw, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                break
            charset = part.get_content_charset()
            try:
                return payload.decode(charset) if charset else payload
            except (LookupError, UnicodeDecodeError):
                raise ContentError(source, None, f"page enregistrée illisible : encodage {charset}") from None
    raise ContentError(source, None, "fichier MHTML sans page HTML")


def _text(element: _Element) -> str:
    """An element's text on one line; an outside link kept as 'label (address)', never as a link."""
    try:
        return _inline_text(element)
    except RecursionError:  # elements nested past Python's stack: their words, without the addresses
        return " ".join("".join(element.itertext()).split())


def _inline_text(element: _Element) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "ref":
            label = _inline_text(child)
            target = (child.get("target") or "").strip()
            shown = target.removeprefix("mailto:")
            parts.append(f"{label} ({shown})" if _OUTSIDE_LINK.match(target) and shown != label else label)
        elif child.tag in ("graphic", "lb"):
            parts.append(" ")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _blocks(body: _Element) -> list[Block]:
    """The main content's elements, in order, as Blocks numbered from 1."""
    blocks: list[Block] = []
    for element in body.iter(*_BLOCK_TAGS):
        if any(parent.tag in _BLOCK_TAGS for parent in element.iterancestors()):
            continue  # a paragraph inside a list item or a table cell is read with it
        number = len(blocks) + 1
        if element.tag == "head":
            text = _text(element)
            if text:
                blocks.append(Block(number, text, heading=True))
        elif element.tag == "list":
            items = [_text(item) for item in element.iterchildren("item")]
            items = [item for item in items if item]
            if not items:
                continue
            for start in range(0, len(items), MAX_TABLE_ROWS):
                blocks.append(_list_block(number, items[start : start + MAX_TABLE_ROWS], element.get("rend") == "ol"))
        elif element.tag == "table":
            rows = [[_text(cell) for cell in row.iterchildren("cell")] for row in element.iter("row")]
            rows = [row for row in rows if any(row)]
            if rows:
                blocks += table_blocks(number, rows)
        else:
            text = _text(element)
            if text:
                blocks.append(Block(number, text, heading=False))
    return blocks


def _list_block(number: int, items: list[str], ordered: bool) -> Block:
    markers = [f"{index}." if ordered else "-" for index in range(1, len(items) + 1)]
    markdown = "\n".join(f"{marker} {escape_inline(item)}" for marker, item in zip(markers, items, strict=True))
    return Block(number, " ".join(items), markdown, heading=False, items=items, ordered=ordered)


def _without_debris_items(block: Block, dropped: list[Dropped]) -> Block | None:
    """A list without its ad or share items; None when nothing else was in it."""
    items = block.items or []
    kinds = [debris.debris_kind(item) for item in items]
    if not any(kinds):
        return block
    dropped += [Dropped(block.number, kind, item) for item, kind in zip(items, kinds, strict=True) if kind]
    kept = [item for item, kind in zip(items, kinds, strict=True) if not kind]
    return _list_block(block.number, kept, block.ordered) if kept else None


def _drop_debris(blocks: list[Block], article: Article, dropped: list[Dropped]) -> list[Block]:
    """What trafilatura kept of share widgets, 'À lire aussi' and bylines; a byline fills the metadata.

    A page that only says 'Mis à jour le …' has no publication date: the metadata's date is then
    the update's.
    """
    kept: list[Block] = []
    stated = Byline()
    links_follow = False  # after 'Sommaire' or 'À lire aussi': the list under it is links
    for block in blocks:
        if links_follow and block.items is not None:
            dropped += [Dropped(block.number, "navigation", item) for item in block.items]
            links_follow = False
            continue
        links_follow = False
        if block.items is not None:
            block = _without_debris_items(block, dropped)
            if block is None:
                continue
        if block.markdown is None and (kind := debris.debris_kind(block.text)):
            dropped.append(Dropped(block.number, kind, debris.strip_bullet(block.text)))
            links_follow = debris.is_contents_heading(block.text) or debris.opens_link_list(block.text)
        elif block.markdown is None and (byline := parse_byline(block.text)):
            stated.author = stated.author or byline.author
            stated.published = stated.published or byline.published
            stated.updated = stated.updated or byline.updated
            dropped.append(Dropped(block.number, "signature", block.text))
        else:
            kept.append(block)
    article.author = article.author or stated.author
    if stated.updated and not stated.published and article.date == stated.updated:
        article.date = None
    article.date = article.date or stated.published
    article.updated = article.updated or stated.updated
    if article.updated and article.updated == article.date:
        article.updated = None
    return kept


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


_COMMENTS = (
    "//*[not(self::html or self::body or self::main or self::article) and not(.//h1) and ("
    "contains(translate(@id, 'COMMENTAIRS', 'commentairs'), 'comment')"
    " or contains(translate(@class, 'COMMENTAIRS', 'commentairs'), 'comment')"
    " or contains(translate(@id, 'REPLY', 'reply'), 'reply')"
    " or contains(translate(@class, 'REPLY', 'reply'), 'reply'))]"
)
"""Comment threads of a page (not a container of its title): their dates are not the article's."""


def _dates(page: str | bytes) -> tuple[date | None, date | None]:
    """(first published, latest) dates of the page, with htmldate (no network), comments left out."""
    import htmldate
    from trafilatura.utils import load_html

    try:
        tree = load_html(page)
        if tree is None:
            return None, None
        for element in tree.xpath(_COMMENTS):
            if element.getparent() is not None:
                element.getparent().remove(element)
        first = _iso_date(htmldate.find_date(tree, original_date=True, extensive_search=False))
        latest = _iso_date(htmldate.find_date(tree, original_date=False, extensive_search=False))
    except (ValueError, TypeError):
        return None, None
    return first, latest


def _title(metadata_title: str | None, site: str | None, blocks: list[Block]) -> str | None:
    """The page's title, without ' - Site name' at its end; else its first heading."""
    title = (metadata_title or "").strip()
    if title and site:
        for separator in (" - ", " | ", " – ", " — ", " : "):
            if title.lower().endswith(f"{separator}{site}".lower()):
                title = title[: -len(separator) - len(site)].strip()
    if not title:
        title = next((block.text for block in blocks if block.heading), "")
    return " ".join(title.split()) or None


def import_html(raw: bytes, source: str) -> ImportResult:
    """A saved web page's bytes -> ImportResult; ContentError (naming ``source``) if it has no main text."""
    import trafilatura  # loads lxml and its rules: only when a page is imported

    if not raw.strip():
        raise ContentError(source, None, "fichier vide : aucun texte")
    page = _archived_page(raw, source) if looks_like_web_archive(raw, source) else _page_text(raw, source)
    try:
        document = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_tables=True,
            include_links=True,
            include_images=False,
            include_comments=False,
            include_formatting=False,
            favor_recall=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (ValueError, TypeError) as error:
        raise ContentError(source, None, f"page HTML illisible : {error}") from None
    if document is None or document.body is None or not len(document.body):
        raise ContentError(source, None, "aucun texte principal trouvé dans la page")
    blocks = _blocks(document.body)
    site = (document.sitename or "").strip() or None
    title = _title(document.title, site, blocks)
    if not title:
        raise ContentError(source, None, "page sans titre")
    dropped: list[Dropped] = []
    if blocks and blocks[0].heading and " ".join(blocks[0].text.split()) == title:
        blocks = blocks[1:]  # the page's <h1>: the title itself
    main_title, subtitle, short_title = parse_title(title)
    published, latest = _dates(page)
    article = Article(slug="", title=main_title, subtitle=subtitle, author=document.author or None, date=published)
    article.publisher = site
    article.source_file = f"sources/{Path(source).name}"
    article.updated = latest if latest and published and latest > published else None
    blocks = _drop_debris(blocks, article, dropped)
    title_block = Block(0, title)
    blocks = drop_repeated_title(title_block, blocks, dropped)
    result = build_article(article, short_title, title_block, blocks, source, dropped)
    kept = (
        _word_count(title) + result.article.word_count() + sum(_word_count(s.heading) for s in result.article.sections)
    )
    kept += sum(_word_count(ref.text) for ref in result.article.references)
    kept += sum(_word_count(item.text) for item in dropped)
    result.words_outside = max(0, _page_words(page) - kept)
    result.place = "bloc"
    return result


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _page_words(page: str | bytes) -> int:
    """The words a reader of the page sees: its body's text, scripts and styles left out."""
    from trafilatura import load_html

    tree = load_html(page)
    if tree is None:
        return 0
    hidden = "ancestor::script or ancestor::style or ancestor::noscript or ancestor::template"
    return sum(_word_count(text) for text in tree.xpath(f"//body//text()[not({hidden})]"))
