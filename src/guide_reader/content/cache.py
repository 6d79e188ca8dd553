"""The catalogue: a SQLite copy of a content folder's articles, so that the window starts without parsing Markdown.

One file per content folder (in the user cache folder) holds, for each article file:

- ``files``: its name, size and modification time (ns) as last read, and its problems;
- ``catalogue``: what the home page and the search results need (slug, title, lead
  preview, reading time, section and question outline) and the article's version;
- ``articles``: the parsed article but its sections' bodies and its questions' answers
  (zlib-compressed JSON), and ``bodies`` those texts, one row each: a search hit reads
  its own part (``skeleton`` and ``body``), an opened article reads them all (``article``).

``sync`` keeps it in step with the Markdown files, which stay the single source of truth:
it lists the folder and compares each file's size and modification time (``Signature``) with the row's
(a ``stat``, never a read or a hash), then parses only the new and changed files and drops
the rows of removed ones. A change in the loader's code empties the catalogue. ``meta`` keeps the
digest of the articles' versions (``versions_digest``): the search index compares it with the one
its manifest records instead of comparing 10,000 versions at each start. It is
derived data: a damaged file is set aside and rebuilt, a file whose tables are not the ones
this code makes is emptied and made anew (whatever its ``user_version`` says), and a cache
folder that cannot be written gives a catalogue in memory (each start then parses every
file), which ``Catalogue.notice`` says.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from .. import __version__
from ..sqlite_errors import is_damaged_file, primary_code
from ..sqlite_transaction import transaction
from .model import Article, FaqItem, Publication, Reference, Section, WebResource
from .problems import ContentError, Problem
from .text import fold_chars

SCHEMA_VERSION = 6
WORDS_PER_MINUTE = 200
LEAD_PREVIEW_CHARS = 220
_LOADER_SOURCES = (
    "loader.py",
    "model.py",
    "markdown_ext.py",
    "markdown_format.py",
    "problems.py",
    "checks.py",
    "layout_checks.py",
    "text.py",
    "anchors.py",
    "debris.py",
    "bylines.py",
)
"""Every module of this package the loader runs: a change in any of them parses the articles again.
A change in what this module stores (the tables, the preview, the reading time) bumps ``SCHEMA_VERSION``."""
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    slug TEXT, problems TEXT NOT NULL, errors INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS catalogue (
    slug TEXT PRIMARY KEY, file TEXT NOT NULL, title TEXT NOT NULL, sort_key TEXT NOT NULL,
    lead_preview TEXT NOT NULL, minutes INTEGER NOT NULL, section_count INTEGER NOT NULL, outline TEXT NOT NULL,
    version TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS catalogue_listing ON catalogue (
    sort_key, slug, title, lead_preview, minutes, section_count, file, version);
CREATE TABLE IF NOT EXISTS articles (slug TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS bodies (slug TEXT NOT NULL, position INTEGER NOT NULL, text BLOB NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS bodies_part ON bodies (slug, position);
"""
_log = logging.getLogger(__name__)
_T = TypeVar("_T")
UNPACKING_ERRORS = (zlib.error, UnicodeDecodeError, json.JSONDecodeError)
"""What unpacking a stored text raises when its bytes are damaged."""
LOCK_TIMEOUT_S = 30.0
"""Seconds a connection waits for another process's write (a window's sync) before giving up."""
Progress = Callable[[int, int, str], None]
"""progress(done, total, file name)."""


def lead_preview(article: Article) -> str:
    """The first lines of the lead, without Markdown escapes or citations (at most ``LEAD_PREVIEW_CHARS``)."""
    text = re.sub(r"\s*\[\d[\d,\s–-]*\]", "", article.lead).replace("\\", "")
    text = " ".join(text.split())
    if len(text) <= LEAD_PREVIEW_CHARS:
        return text
    return text[:LEAD_PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"


def reading_minutes(article: Article) -> int:
    """Minutes to read the article at ``WORDS_PER_MINUTE``, at least 1."""
    return max(1, math.ceil(article.word_count() / WORDS_PER_MINUTE))


def versions_digest(versions: Mapping[str, str]) -> str:
    """A digest of slug -> version pairs: two mappings have the same digest only when they are equal.
    The catalogue keeps that of its versions; the search index and the completions, that of the
    versions they hold."""
    text = json.dumps(sorted(versions.items()), ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


class CatalogueEntry(NamedTuple):
    """One article as the home page lists it. ``version`` is a hash of the parsed article: it
    changes when what the reader shows changes. (A named tuple: the 10,000 of a large library are
    made at each start, three times faster than frozen dataclasses.)"""

    slug: str
    title: str
    lead_preview: str
    minutes: int
    section_count: int
    file: str
    version: str


@dataclass(frozen=True, slots=True)
class Outline:
    """An article's title, section anchors and headings, question anchors and questions (bodies and
    answers empty): what the completions need."""

    slug: str
    title: str
    sections: tuple[Section, ...]
    faq: tuple[FaqItem, ...]


@dataclass(frozen=True)
class SyncReport:
    """What ``sync`` did: file names added, changed (parsed again) and removed."""

    added: list[str]
    changed: list[str]
    removed: list[str]


def loader_fingerprint() -> str:
    """The program version and a hash of each loader module's source (about 100 KB read, under a
    millisecond); compared as is. Contents, not times: a module copied or checked out again with the
    same code keeps the catalogue (at 10,000 articles, parsing again takes over a minute)."""
    parts = [__version__]
    package = Path(__file__).parent
    for name in _LOADER_SOURCES:
        try:
            source = (package / name).read_bytes()
        except OSError:  # a bundle may ship compiled modules only: the version then stands for the code
            continue
        parts.append(f"{name}:{hashlib.blake2b(source, digest_size=12).hexdigest()}")
    return "\n".join(parts)


def _to_json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _article_from_dict(data: dict[str, Any]) -> Article:
    def when(text: str | None) -> date | None:
        return date.fromisoformat(text) if text else None

    return Article(
        slug=data["slug"],
        title=data["title"],
        subtitle=data["subtitle"],
        lead=data["lead"],
        author=data["author"],
        date=when(data["date"]),
        publisher=data.get("publisher"),
        updated=when(data.get("updated")),
        sections=[Section(**item) for item in data["sections"]],
        faq=[FaqItem(**item) for item in data["faq"]],
        references=[Reference(**item) for item in data["references"]],
        publications=[Publication(**item) for item in data["publications"]],
        web_resources=[
            WebResource(item["title"], item["site"], when(item["date"]), item["snippet"])
            for item in data["web_resources"]
        ],
        specialties=list(data["specialties"]),
        disclaimer=data["disclaimer"],
        source_file=data["source_file"],
    )


Signature = tuple[int, int]
"""A file's size (bytes) and modification time (ns): what tells it changed. (Not its status change
time: a 'chmod -R', a hard-linked backup or a folder copied at each boot with 'cp -a' would make every
start parse every file again. An edit that keeps both size and time is seen once the file is touched.)"""


def _signatures(folder: Path) -> dict[str, Signature]:
    """File name -> signature of every ``*.md`` of the folder but README.md, whatever it is: a folder, a
    pipe or a device named so is read by the loader, which refuses it with a problem of its file (it is
    not left out in silence); a file gone meanwhile is left out. One pass, close to the speed of the
    ``stat`` calls alone (10,000 files: about 27 ms, 35 ms with a function call and a context each)."""
    found: dict[str, Signature] = {}
    with contextlib.suppress(OSError), _opened(folder) as (directory, prefix):
        for name in os.listdir(folder if directory is None else directory):  # noqa: PTH208 (names, not paths)
            if not name.endswith(".md") or name.upper() == "README.MD":
                continue
            try:
                stat = os.stat(prefix + name, dir_fd=directory)  # through a link
            except OSError:
                try:
                    stat = os.stat(prefix + name, dir_fd=directory, follow_symlinks=False)  # a dangling link
                except OSError:
                    continue
            found[name] = (stat.st_size, stat.st_mtime_ns)
    return found


@contextlib.contextmanager
def _opened(folder: Path) -> Iterator[tuple[int | None, str]]:
    """The folder opened for ``stat`` calls relative to it where the system has them (the folder's path is
    then not walked again for each file: 3 ms of 33 at 10,000 files), and what goes before a file's name
    in those calls: nothing, or else the folder's path."""
    if os.stat not in os.supports_dir_fd or os.listdir not in os.supports_fd:
        yield None, f"{folder}{os.sep}"
        return
    directory = os.open(folder, os.O_RDONLY)
    try:
        yield directory, ""
    finally:
        os.close(directory)


def _outline(slug: str, title: str, parts: dict[str, list[list[str]]]) -> Outline:
    """An article's outline from the catalogue's stored one (``{"sections": [[anchor, heading]…], "faq": …}``)."""
    return Outline(
        slug,
        title,
        tuple(Section(anchor, heading, "") for anchor, heading in parts["sections"]),
        tuple(FaqItem(anchor, question, "") for anchor, question in parts["faq"]),
    )


def _set_aside(path: Path) -> None:
    """Rename a damaged catalogue file ``<name>.damaged`` (one kept: derived data). Raises ``OSError``."""
    path.replace(path.with_name(path.name + ".damaged"))


def _packed(text: str) -> bytes:
    """A stored text: UTF-8, zlib-compressed at level 1 (the fastest)."""
    return zlib.compress(text.encode(), 1)


def _unpacked(data: bytes) -> str:
    return zlib.decompress(data).decode()


def _schema_of(connection: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """name -> (kind, SQL) of each table and index a database holds (SQLite's own ones left out)."""
    rows = connection.execute(
        "SELECT name, type, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite^_%' ESCAPE '^'"
    )
    return {name: (kind, sql) for name, kind, sql in rows}


@functools.cache
def _made_schema() -> dict[str, tuple[str, str]]:
    """The tables and indexes ``_SCHEMA`` makes, as SQLite keeps their SQL (made in memory once per process,
    about 0.2 ms)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(_SCHEMA)
        return _schema_of(connection)
    finally:
        connection.close()


def _schema_is_ours(connection: sqlite3.Connection, found: dict[str, tuple[str, str]] | None = None) -> bool:
    """Whether a catalogue file holds this code's tables and indexes, column for column, and nothing else,
    under ``SCHEMA_VERSION``. The version alone is not trusted: a build that changed the tables without
    changing it (a development one, say) made every write fail, and every start parse every file."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    return version == SCHEMA_VERSION and (found if found is not None else _schema_of(connection)) == _made_schema()


class Catalogue:
    """The catalogue of one content folder, in ``cache_file`` (None: in memory).

    Safe to use from several threads (one connection, one lock); every method may raise
    nothing but what its docstring says.
    """

    def __init__(self, content_dir: Path, cache_file: Path | None, repairs: bool = True) -> None:
        """``repairs``: whether a file found damaged by a read is set aside and made again (``_read``)."""
        self.content_dir = content_dir
        self.cache_file = cache_file
        self.repairs = repairs
        self.notice: Problem | None = None
        """A warning of the catalogue file when it could not be opened or written and the catalogue went
        to memory (every start then parses every file again): ``Library.problems`` lists it."""
        self._lock = threading.RLock()  # (held by a read through the repair of a damaged file: ``_read``)
        self._connection = self._open(cache_file)
        if not self._on_disk():
            self.cache_file = None  # could not be opened there: in memory

    def _open(self, cache_file: Path | None) -> sqlite3.Connection:
        if cache_file is None:
            return self._connect(":memory:")
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            try:
                return self._connect(str(cache_file))
            except sqlite3.DatabaseError as error:
                if not is_damaged_file(error):
                    raise  # locked by another process past the timeout, say: kept as it is
                _set_aside(cache_file)
                return self._connect(str(cache_file))
        except (OSError, sqlite3.Error) as error:
            self._say_in_memory(cache_file, error)
            return self._connect(":memory:")

    def _say_in_memory(self, cache_file: Path, error: Exception) -> None:
        """Record (``notice``) and log that the catalogue file could not be used: never in silence, since
        at 10,000 articles each start then takes over a minute."""
        if primary_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):  # another program writes it
            message = "catalogue occupé par un autre programme : les articles sont relus cette fois"
            _log.warning("catalogue %s locked past the wait, kept in memory this time: %s", cache_file, error)
        else:
            reason = str(error) or type(error).__name__
            message = f"catalogue impossible à enregistrer ({reason}) : les articles seront relus à chaque démarrage"
            _log.warning(
                "catalogue %s cannot be written, kept in memory (each start parses every file): %s", cache_file, error
            )
        self.notice = Problem(str(cache_file), None, message, "warning")

    def _replace_damaged(self, error: Exception) -> None:
        """(The lock held.) Set the catalogue file found damaged aside and start a new one (in memory when it
        cannot be made), said in ``notice``; the caller fills it again (``sync``)."""
        path = self.cache_file
        assert path is not None
        _log.warning("catalogue %s damaged (%s): set aside, made again from the files", path, error)
        self._connection.close()
        with contextlib.suppress(OSError):
            _set_aside(path)
        self._connection = self._open(path)
        if not self._on_disk():
            self.cache_file = None
        else:
            message = "catalogue endommagé : mis de côté et refait à partir des fichiers"
            self.notice = Problem(str(path), None, message, "warning")

    def _read(self, query: Callable[[sqlite3.Connection], _T]) -> _T:
        """``query(connection)``, the lock held. A file that the query finds damaged (SQLite says so, or a stored
        text no longer unpacks) is set aside and made again from the Markdown files (each parsed again, as at a
        first start), the lock held throughout so that no other thread reads it half made, then asked again
        (unless ``repairs`` is False: a worker process leaves the shared file to the program); any other error
        is raised."""
        with self._lock:
            try:
                return query(self._connection)
            except (sqlite3.DatabaseError, *UNPACKING_ERRORS) as error:
                sqlite = isinstance(error, sqlite3.DatabaseError)
                if not self.repairs or self.cache_file is None or (sqlite and not is_damaged_file(error)):
                    raise
                self._replace_damaged(error)
            self.sync()
            return query(self._connection)

    def _on_disk(self) -> bool:
        """Whether the connection is to a file (not to memory)."""
        return self._connection.execute("PRAGMA database_list").fetchone()[2] != ""

    @staticmethod
    def _connect(target: str) -> sqlite3.Connection:
        connection = sqlite3.connect(target, timeout=LOCK_TIMEOUT_S, check_same_thread=False, isolation_level=None)
        try:
            if not _schema_is_ours(connection):
                with transaction(connection, immediate=True):
                    found = _schema_of(connection)  # again under the write lock: another copy may have made it
                    if not _schema_is_ours(connection, found):
                        for name, (kind, _sql) in found.items():  # a table's indexes go with it: IF EXISTS
                            quoted = name.replace('"', '""')
                            connection.execute(f'DROP {kind} IF EXISTS "{quoted}"')
                        for statement in filter(str.strip, _SCHEMA.split(";")):
                            connection.execute(statement)
                        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("SELECT count(*) FROM files").fetchone()
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    # Keeping in step ---------------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """See ``_sync``; a catalogue file found damaged is set aside and made anew, one that cannot be
        written is replaced by one in memory (``notice`` says either)."""
        try:
            return self._sync(progress)
        except sqlite3.Error as error:
            with self._lock:
                if self.cache_file is not None and is_damaged_file(error):
                    self._replace_damaged(error)
                else:
                    self._connection.close()
                    self._connection = self._connect(":memory:")
                    if self.cache_file is not None:
                        self._say_in_memory(self.cache_file, error)
                    self.cache_file = None
            return self._sync(progress)

    def _sync(self, progress: Progress | None) -> SyncReport:
        """Bring the catalogue in step with the folder's ``*.md`` files (size and time compared, never
        contents); parse the new and changed ones. A missing folder empties it. Never raises on a
        bad article (it is recorded as a problem of its file)."""
        on_disk = _signatures(self.content_dir)
        with self._lock:
            has_digest = self._check_fingerprint()
            known = {name: (size, mtime) for name, size, mtime in self._connection.execute(
                "SELECT name, size, mtime_ns FROM files")}  # fmt: skip
        if known == on_disk:  # the usual start: nothing to sort out (3 ms at 10,000 files)
            if not has_digest and known:  # a sync stopped before recording it
                with contextlib.suppress(sqlite3.Error):  # (a read-only catalogue: compared version by version)
                    self._keep_versions_digest()
            return SyncReport([], [], [])
        added = sorted(name for name in on_disk if name not in known)
        changed = sorted(name for name in on_disk if name in known and known[name] != on_disk[name])
        removed = sorted(name for name in known if name not in on_disk)
        with self._lock, self._transaction():
            for name in removed:
                self._forget(name)
        work = added + changed
        for start in range(0, len(work), 200):  # one transaction for 200 files: an interrupted build keeps most
            rows = [self._parse(name, on_disk[name]) for name in work[start : start + 200]]
            with self._lock, self._transaction():
                for name, *row in rows:
                    self._forget(name)
                    self._store(name, *row)
            if progress:
                progress(min(start + 200, len(work)), len(work), work[min(start + 199, len(work) - 1)])
        if removed or work:
            self._keep_versions_digest()
        return SyncReport(added, changed, removed)

    def _keep_versions_digest(self) -> None:
        """Record the digest of the versions, which every change forgot (``_forget``): read and written
        in one transaction, so that while the row is there it is the digest of the table. (Only after a
        sync that wrote: one that found nothing changed writes nothing, a read-only catalogue still opens.)"""
        with self._lock, transaction(self._connection, immediate=True):
            versions = dict(self._connection.execute("SELECT slug, version FROM catalogue"))
            self._connection.execute("INSERT OR REPLACE INTO meta VALUES ('versions', ?)", (versions_digest(versions),))

    def _transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return transaction(self._connection)

    def _check_fingerprint(self) -> bool:
        """Empty the catalogue when the loader (or the folder it was made for) is not the same; whether the
        catalogue has its versions' digest. (Made here, at a sync, off the window's thread: it reads the
        loader's sources.)"""
        fingerprint = f"{loader_fingerprint()}\n{self.content_dir.resolve()}"
        meta = dict(self._connection.execute("SELECT key, value FROM meta WHERE key IN ('fingerprint', 'versions')"))
        if meta.get("fingerprint") == fingerprint:
            return "versions" in meta
        with self._transaction():
            for table in (name for name, (kind, _) in _made_schema().items() if kind == "table"):
                self._connection.execute(f"DELETE FROM {table}")
            self._connection.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        return False

    def _parse(self, name: str, signature: Signature) -> tuple[Any, ...]:
        from .loader import load_article  # Markdown is only needed when files changed

        path = self.content_dir / name
        try:
            loaded = load_article(path)
        except ContentError as error:
            return name, signature, None, [error.problem]
        return name, signature, loaded.article, loaded.problems

    def _forget(self, name: str) -> None:
        """Remove a file's rows (every change of the catalogue starts here), and the versions' digest."""
        self._connection.execute("DELETE FROM meta WHERE key = 'versions'")
        row = self._connection.execute("SELECT slug FROM files WHERE name = ?", (name,)).fetchone()
        self._connection.execute("DELETE FROM files WHERE name = ?", (name,))
        if row is not None and row[0] is not None:
            self._connection.execute("DELETE FROM catalogue WHERE slug = ?", (row[0],))
            self._connection.execute("DELETE FROM articles WHERE slug = ?", (row[0],))
            self._connection.execute("DELETE FROM bodies WHERE slug = ?", (row[0],))

    def _store(self, name: str, signature: Signature, article: Article | None, problems: list[Problem]) -> None:
        size, mtime_ns = signature
        errors = sum(problem.severity == "error" for problem in problems)
        listed = json.dumps([dataclasses.asdict(problem) for problem in problems], ensure_ascii=False)
        slug = article.slug if article is not None else None
        row = (name, size, mtime_ns, slug, listed, errors)
        self._connection.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)", row)
        if article is None:
            return
        outline = {
            "sections": [[section.anchor, section.heading] for section in article.sections],
            "faq": [[item.anchor, item.question] for item in article.faq],
        }
        data = json.dumps(dataclasses.asdict(article), ensure_ascii=False, default=_to_json).encode()
        version = hashlib.blake2b(data, digest_size=12).hexdigest()
        self._connection.execute(
            "INSERT INTO catalogue VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.slug,
                name,
                article.title,
                fold_chars(article.title),  # accents left out: « Épilepsie » between « Eczéma » and « Fièvre »
                lead_preview(article),
                reading_minutes(article),
                len(article.sections),
                json.dumps(outline, ensure_ascii=False),
                version,
            ),
        )
        skeleton = json.dumps(dataclasses.asdict(article.with_body_texts({})), ensure_ascii=False, default=_to_json)
        self._connection.execute("INSERT INTO articles VALUES (?, ?)", (article.slug, _packed(skeleton)))
        self._connection.executemany(
            "INSERT INTO bodies VALUES (?, ?, ?)",
            [(article.slug, position, _packed(text)) for position, text in enumerate(article.body_texts())],
        )

    # Reading -----------------------------------------------------------------------

    def entries(self) -> list[CatalogueEntry]:
        """Every article of the catalogue, by title (case-insensitive), then slug."""
        rows = self._read(
            lambda connection: connection.execute(
                "SELECT slug, title, lead_preview, minutes, section_count, file, version FROM catalogue "
                "ORDER BY sort_key, slug"
            ).fetchall()
        )
        return list(map(CatalogueEntry._make, rows))

    def outlines(self) -> Iterator[Outline]:
        """Every article's outline, by title (read a thousand rows at a time)."""
        after: tuple[str, str] = ("", "")  # (each page read anew after the last: a repair may come between)

        def page(connection: sqlite3.Connection) -> list[tuple[str, str, Outline]]:
            rows = connection.execute(
                "SELECT sort_key, slug, title, outline FROM catalogue WHERE (sort_key, slug) > (?, ?) "
                "ORDER BY sort_key, slug LIMIT 1000",
                after,
            )
            return [
                (sort_key, slug, _outline(slug, title, json.loads(outline))) for sort_key, slug, title, outline in rows
            ]

        while rows := self._read(page):
            after = rows[-1][:2]
            yield from (outline for _, _, outline in rows)

    def versions(self) -> dict[str, str]:
        """slug -> version, for the search index to compare with its manifest."""
        return self._read(lambda connection: dict(connection.execute("SELECT slug, version FROM catalogue")))

    def versions_digest(self) -> str | None:
        """``versions_digest(self.versions())`` as the last sync that changed the catalogue recorded it, or
        None when none did (then compare ``versions``)."""
        row = self._read(
            lambda connection: connection.execute("SELECT value FROM meta WHERE key = 'versions'").fetchone()
        )
        return row[0] if row is not None else None

    def article(self, slug: str) -> Article | None:
        """The whole article, or None when the catalogue has no such slug."""

        def read(connection: sqlite3.Connection) -> Article | None:
            with transaction(connection):  # (both tables as one sync left them)
                row = connection.execute("SELECT data FROM articles WHERE slug = ?", (slug,)).fetchone()
                bodies = connection.execute("SELECT position, text FROM bodies WHERE slug = ?", (slug,))
                texts = {position: _unpacked(text) for position, text in bodies}
            if row is None:
                return None
            return _article_from_dict(json.loads(_unpacked(row[0]))).with_body_texts(texts)

        return self._read(read)

    def skeleton(self, slug: str) -> tuple[Article, str] | None:
        """The article without its sections' bodies and its questions' answers (each ''), a tenth of its
        text, and its version: what a search hit needs besides its own part (``body``); None when there
        is no such slug."""

        def read(connection: sqlite3.Connection) -> tuple[Article, str] | None:
            row = connection.execute(
                "SELECT data, version FROM articles JOIN catalogue USING (slug) WHERE slug = ?", (slug,)
            ).fetchone()
            return (_article_from_dict(json.loads(_unpacked(row[0]))), row[1]) if row is not None else None

        return self._read(read)

    def body(self, slug: str, version: str, position: int) -> str | None:
        """The body of a section of the article, or the answer of a question: ``position`` counts the
        sections, then the questions (as ``skeleton`` lists them); None when there is none there, or when
        the article is no longer at ``version`` (a sync replaced it since its skeleton was read)."""

        def read(connection: sqlite3.Connection) -> str | None:
            row = connection.execute(
                "SELECT text FROM bodies JOIN catalogue USING (slug) WHERE slug = ? AND version = ? AND position = ?",
                (slug, version, position),
            ).fetchone()
            return _unpacked(row[0]) if row is not None else None

        return self._read(read)

    def iter_articles(self) -> Iterator[Article]:
        """Every article, whole, by title (one at a time: memory does not grow with the library)."""
        for entry in self.entries():
            article = self.article(entry.slug)
            if article is not None:
                yield article

    def problems(self) -> list[Problem]:
        """The problems of every file, by file name."""
        rows = self._read(
            lambda connection: connection.execute(
                "SELECT problems FROM files WHERE problems != '[]' ORDER BY name"
            ).fetchall()
        )
        return [Problem(**item) for (listed,) in rows for item in json.loads(listed)]

    def broken_files(self) -> int:
        """How many files could not be read as articles, or were read with errors."""
        return self._read(
            lambda connection: connection.execute("SELECT count(*) FROM files WHERE errors > 0").fetchone()[0]
        )
