"""The completions on disk: one SQLite file in the index folder, written with the index and kept in
step with the articles' versions, so that no process holds every entry in memory.

- ``meta``: the fingerprint, and the digest of the versions ``articles`` holds (``versions_digest``),
  written at the end of each write;
- ``articles``: each article's number, slug, version (``ArticleSource.versions``) and title;
- ``entries``: one row per title, heading or question of one guide (by its number). Its id follows
  the completions' order (``completion.rank_key``), with room between ids (``GAP``): an updated
  article's entries take ids between their neighbours'; when two neighbours leave no room, every
  id is given again;
- ``entry_words``: an FTS5 index of each entry's folded words (``completion.fold_words``), with
  prefix indexes of 1 to 3 characters and no positions. A keystroke is one
  ``MATCH '"w1"* AND "w2"*' ORDER BY rowid LIMIT 64``: the best ranked matches, whatever the size
  of the library.

Writes run in one transaction under SQLite's own write lock (``BEGIN IMMEDIATE``): another copy
of the program waits, then finds the file in step. The file is derived data: a damaged one is
deleted and written again; one that cannot be written (a read-only cache) is used as it is when
in step, and otherwise ``open_completions`` gives the completions in memory (``Completer``).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..content.cache import versions_digest
from ..sqlite_errors import DAMAGE_CODES, is_damaged_file, primary_code
from ..sqlite_transaction import transaction
from .analysis import analyzer_fingerprint
from .completion import (
    CANDIDATES,
    KIND_ORDER,
    Completer,
    Completions,
    complete_prefix,
    entries_of,
    fold_words,
    typed_first,
    written_forms,
)
from .model import Completion
from .source import ArticleSource, Outline

_log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
"""progress(done, total, message), as the index's."""

COMPLETIONS_NAME = "guide-reader-completions.sqlite3"
STORE_VERSION = 2
"""Bumped when the tables or what goes into them change: the file is then written again."""
GAP = 1 << 32
"""Room between the ids of two entries ranked next to each other when the file is written whole (less
if SQLite's 64-bit ids would not hold them all): 32 entries inserted one after the other at the
same place. Also the room left before the first entry and after the last one when an update adds
there. A larger room makes the FTS5 index larger (its row ids are stored as varints of the gaps)."""
UPDATE_SHARE = 20
"""Above one changed article in ``UPDATE_SHARE`` (and at least ``UPDATE_MIN``), the file is written
whole from the outlines rather than article by article."""
UPDATE_MIN = 100
BUSY_SECONDS = 30.0
"""How long bringing the file in step waits for another program's write to end."""
READ_WAIT_SECONDS = 0.2
"""How long a keystroke's look-up waits for it: then it raises (no completions for that keystroke)
rather than hold the file's lock, and every keystroke after it, for the whole write."""
_FIRST_ID, _LAST_ID = -(1 << 63), (1 << 63) - 1
"""The range of SQLite's row ids."""
_TABLES = {"meta", "articles", "entries", "entry_words"}
_KINDS = {number: kind for kind, number in KIND_ORDER.items()}
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, version TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, length INTEGER NOT NULL, text TEXT NOT NULL,
    article INTEGER NOT NULL, anchor TEXT NOT NULL);
CREATE INDEX entries_rank ON entries (kind, length, text);
CREATE INDEX entries_article ON entries (article);
CREATE VIRTUAL TABLE entry_words USING fts5 (
    words, content='', prefix='1 2 3', detail=none, columnsize=0, tokenize='unicode61 remove_diacritics 0');
"""


class _RenumberError(Exception):
    """No id left between two neighbours: the file is written whole."""


def fingerprint() -> str:
    """What decides the rows: the file's layout and the folding of words."""
    return f"{STORE_VERSION}|{analyzer_fingerprint()}"


class CompletionStore:
    """The completions file of one index folder. Safe to use from several threads (one connection,
    one lock). Methods raise ``sqlite3.Error`` when the file is damaged or cannot be written."""

    def __init__(self, path: Path) -> None:
        """Open ``path`` (created when missing: its folder must exist). Raises ``sqlite3.Error``."""
        self.path = path
        self.damaged = False
        """True once a read found the file damaged (it is then deleted: the next opening writes it again)."""
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(
            str(path), timeout=READ_WAIT_SECONDS, check_same_thread=False, isolation_level=None
        )

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    # Keeping in step -----------------------------------------------------------------

    def in_step(self, versions: dict[str, str], digest: str | None = None) -> bool:
        """True when the file holds exactly these article versions, written with today's folding.
        ``digest``: ``versions_digest(versions)`` when known (then compared instead of the versions)."""
        with self._lock:
            return self._in_step(versions, digest)

    def _in_step(self, versions: dict[str, str], digest: str | None = None) -> bool:
        if not self._has_tables() or self._meta("fingerprint") != fingerprint():
            return False
        kept = self._meta("versions") if digest is not None else None
        if kept is not None:
            return kept == digest
        return dict(self._connection.execute("SELECT slug, version FROM articles")) == versions

    def sync(
        self,
        source: ArticleSource,
        versions: dict[str, str] | None = None,
        progress: Progress | None = None,
        digest: str | None = None,
    ) -> str:
        """Bring the file in step with the source's articles: "up-to-date", "updated" (the changed
        articles rewritten) or "built" (written whole). ``versions``: the source's, when already read
        (``digest``: theirs, when known); ``progress(done, total, message)``: called while the file is
        written whole (articles done)."""
        versions = source.versions() if versions is None else versions
        with self._lock, self._waiting(BUSY_SECONDS):
            if self._in_step(versions, digest):  # a read: a read-only file in step is fine
                return "up-to-date"
            with self._write():
                if not self._has_tables() or self._meta("fingerprint") != fingerprint():
                    self._create()
                known = dict(self._connection.execute("SELECT slug, version FROM articles"))
                changed = sorted(slug for slug, version in versions.items() if known.get(slug) != version)
                removed = sorted(known.keys() - versions.keys())
                if not changed and not removed:  # another program brought it in step meanwhile
                    action = "up-to-date"
                else:
                    action = self._write_changes(source, versions, bool(known), changed, removed, progress)
                self._keep_versions_digest()
                return action

    def _write_changes(
        self,
        source: ArticleSource,
        versions: dict[str, str],
        updatable: bool,
        changed: list[str],
        removed: list[str],
        progress: Progress | None,
    ) -> str:
        """Write the changed articles' entries ("updated"), or every entry ("built") when many changed,
        the file held none (``updatable`` False) or two neighbours left no room."""
        if updatable and len(changed) <= max(UPDATE_MIN, len(versions) // UPDATE_SHARE):
            try:
                self._update(source, versions, changed, removed)
                return "updated"
            except _RenumberError:
                pass
        self._build(source.outlines(), versions, progress)
        return "built"

    def _keep_versions_digest(self) -> None:
        """Record the digest of the versions written (at the end of each write transaction: the row is
        always that of the table), which ``_in_step`` compares instead of reading every version."""
        versions = dict(self._connection.execute("SELECT slug, version FROM articles"))
        self._connection.execute("INSERT OR REPLACE INTO meta VALUES ('versions', ?)", (versions_digest(versions),))

    @contextlib.contextmanager
    def _waiting(self, seconds: float) -> Iterator[None]:
        """Another program's write is waited for up to ``seconds`` meanwhile (else ``READ_WAIT_SECONDS``)."""
        self._connection.execute(f"PRAGMA busy_timeout = {round(seconds * 1000)}")
        try:
            yield
        finally:
            self._connection.execute(f"PRAGMA busy_timeout = {round(READ_WAIT_SECONDS * 1000)}")

    def _write(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return transaction(self._connection, immediate=True)

    def _has_tables(self) -> bool:
        if self._connection.execute("PRAGMA user_version").fetchone()[0] != STORE_VERSION:
            return False
        names = {name for (name,) in self._connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return names >= _TABLES

    def _meta(self, key: str) -> str | None:
        row = self._connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _create(self) -> None:
        """Drop whatever the file holds, make the tables (inside the write transaction)."""
        rows = self._connection.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view')")
        for kind, name in rows.fetchall():
            if not name.startswith("sqlite_") and not name.startswith("entry_words_"):
                self._connection.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self._connection.execute(statement)
        self._connection.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint(),))
        self._connection.execute(f"PRAGMA user_version = {STORE_VERSION}")

    def _build(self, outlines: Iterable[Outline], versions: dict[str, str], progress: Progress | None) -> None:
        """Every entry written again, ids in rank order (SQLite sorts: memory stays small)."""
        connection = self._connection
        connection.execute("DELETE FROM articles")
        connection.execute("INSERT INTO entry_words (entry_words) VALUES ('delete-all')")
        connection.execute("DELETE FROM entries")
        connection.execute(
            "CREATE TEMP TABLE staged (seq INTEGER PRIMARY KEY, kind INTEGER, length INTEGER, text TEXT, slug TEXT, "
            "anchor TEXT, words TEXT, article INTEGER)"
        )
        try:
            total = len(versions)
            step = max(1, total // 100)
            for done, outline in enumerate(outlines, 1):
                if progress and done % step == 0:
                    progress(min(done, total), total, "complétions")
                article = self._article_id(outline, versions.get(outline.slug, ""))
                connection.executemany(
                    "INSERT INTO staged (kind, length, text, slug, anchor, words, article) VALUES (?, ?, ?, ?, ?, ?, ?)",  # noqa: E501
                    ((*row, article) for row in _rows(entries_of(outline))),
                )
            count = connection.execute("SELECT count(*) FROM staged").fetchone()[0]
            gap = (max(1, min(GAP, _LAST_ID // (count + 1))),)
            rank = "row_number() OVER (ORDER BY kind, length, text, slug, seq) * ?"
            columns = "kind, length, text, article, anchor"
            connection.execute(f"INSERT INTO entries SELECT {rank}, {columns} FROM staged", gap)
            connection.execute(f"INSERT INTO entry_words (rowid, words) SELECT {rank}, words FROM staged", gap)
            if progress:
                progress(total, total, "écriture des complétions")
        finally:
            connection.execute("DROP TABLE temp.staged")

    def _article_id(self, outline: Outline, version: str) -> int:
        """The article's row (made, or taken again for a slug listed twice) with this version and title."""
        row = self._connection.execute("SELECT id FROM articles WHERE slug = ?", (outline.slug,)).fetchone()
        if row is not None:
            self._connection.execute("UPDATE articles SET version = ?, title = ? WHERE id = ?",
                                     (version, outline.title, row[0]))  # fmt: skip
            return int(row[0])
        cursor = self._connection.execute(
            "INSERT INTO articles (slug, version, title) VALUES (?, ?, ?)", (outline.slug, version, outline.title)
        )
        return int(cursor.lastrowid or 0)

    def _update(self, source: ArticleSource, versions: dict[str, str], changed: list[str], removed: list[str]) -> None:
        """Remove the entries of the removed and changed articles; insert the changed ones' between
        their neighbours. Raises ``_RenumberError`` when two neighbours leave no room."""
        connection = self._connection
        for slug in removed + changed:
            row = connection.execute("SELECT id FROM articles WHERE slug = ?", (slug,)).fetchone()
            if row is None:
                continue
            gone = connection.execute("SELECT id, text FROM entries WHERE article = ?", row).fetchall()
            connection.executemany(
                "INSERT INTO entry_words (entry_words, rowid, words) VALUES ('delete', ?, ?)",
                ((number, _words(text)) for number, text in gone),
            )
            connection.execute("DELETE FROM entries WHERE article = ?", row)
            connection.execute("DELETE FROM articles WHERE id = ?", row)
        for slug in changed:
            article = source.article(slug)
            if article is None:  # removed since the versions were read: the next sync drops it
                continue
            article_id = self._article_id(article, versions[slug])
            for kind, length, text, _, anchor, words in _rows(entries_of(article)):
                number = self._free_id(kind, length, text, slug)
                connection.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)",
                                   (number, kind, length, text, article_id, anchor))  # fmt: skip
                connection.execute("INSERT INTO entry_words (rowid, words) VALUES (?, ?)", (number, words))

    def _free_id(self, kind: int, length: int, text: str, slug: str) -> int:
        """An id between the last entry ranked at or before (kind, length, text, slug) and the first one after."""
        key = (kind, length, text)
        low, high = self._tie_bounds(key, slug)
        if low is None:
            row = self._connection.execute(
                "SELECT id FROM entries WHERE (kind, length, text) < (?, ?, ?) "
                "ORDER BY kind DESC, length DESC, text DESC, id DESC LIMIT 1",
                key,
            ).fetchone()
            low = row[0] if row else None
        if high is None:
            row = self._connection.execute(
                "SELECT id FROM entries WHERE (kind, length, text) > (?, ?, ?) ORDER BY kind, length, text, id LIMIT 1",
                key,
            ).fetchone()
            high = row[0] if row else None
        if low is None:  # first (or alone): a whole gap before the next one (ids may go below zero)
            number = GAP if high is None else high - GAP
        elif high is None:  # last: a whole gap after the one before
            number = low + GAP
        elif high - low >= 2:
            number = (low + high) // 2
        else:
            raise _RenumberError
        if not _FIRST_ID <= number <= _LAST_ID:
            raise _RenumberError
        return number

    def _tie_bounds(self, key: tuple[int, int, str], slug: str) -> tuple[int | None, int | None]:
        """Among the entries of the same kind, length and text (a heading every guide has), the id of the
        last one whose guide's slug is at or before ``slug`` and of the first one after it (None: none).
        Their ids are in slug order: a binary search over ids, a few index look-ups even for 100,000."""

        def tie(condition: str, number: int) -> tuple[int, str] | None:
            order = "DESC" if condition == "<=" else "ASC"
            return self._connection.execute(
                "SELECT e.id, a.slug FROM entries AS e JOIN articles AS a ON a.id = e.article WHERE e.kind = ? "
                f"AND e.length = ? AND e.text = ? AND e.id {condition} ? ORDER BY e.id {order} LIMIT 1",
                (*key, number),
            ).fetchone()

        first, last = tie(">=", _FIRST_ID), tie("<=", _LAST_ID)
        if first is None or last is None:
            return None, None
        if first[1] > slug:
            return None, first[0]
        if last[1] <= slug:
            return last[0], None
        low, high = first[0], last[0]  # slug of low <= slug < slug of high
        while True:
            middle = (low + high) // 2
            found = tie("<=", middle)  # the closest tie at or before the middle: low at worst
            if found is None or found[0] == low:
                found = tie(">", middle)  # none between low and the middle: the closest after it
                if found is None or found[0] == high:
                    return low, high
            if found[1] <= slug:
                low = found[0]
            else:
                high = found[0]

    # Queries -------------------------------------------------------------------------

    def complete(self, prefix: str, limit: int = 8) -> list[Completion]:
        """As ``Completer.complete``: up to ``limit`` entries holding every typed word, the last one as a
        prefix (``completion.complete_prefix``)."""
        return complete_prefix(prefix, limit, self._complete)

    def _complete(self, typed: list[str], limit: int) -> list[Completion]:
        if not typed or limit <= 0:
            return []
        match = " AND ".join(f'"{word}"*' for word in dict.fromkeys(typed))
        with self._reading() as connection:
            rows = connection.execute(
                "SELECT e.id, e.kind, e.text, a.slug, e.anchor, a.title FROM "
                "(SELECT rowid AS id FROM entry_words WHERE entry_words MATCH ? ORDER BY rowid LIMIT ?) AS found "
                "JOIN entries AS e ON e.id = found.id JOIN articles AS a ON a.id = e.article",
                (match, CANDIDATES),
            ).fetchall()
        chosen = [
            (number, _first_word(text), Completion(text, slug, anchor, _KINDS[kind], title))
            for number, kind, text, slug, anchor, title in rows
        ]
        return typed_first(typed, chosen, limit)

    def display_form(self, folded: str) -> str | None:
        """The folded word as first written in the entries, in rank order (accents kept), or None (also for
        a digit group of a number written with spaces, « 60 000 »: the file holds « 60000 »)."""
        if not folded or '"' in folded:
            return None
        with self._reading() as connection:
            cursor = connection.execute(
                "SELECT e.text FROM entry_words JOIN entries AS e ON e.id = entry_words.rowid "
                "WHERE entry_words MATCH ? ORDER BY entry_words.rowid",
                (f'"{folded}"',),
            )
            for (text,) in cursor:  # the word may be a compound's parts joined: then the next entry
                for form, written in written_forms(text):
                    if form == folded:
                        return written
        return None

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock; a file found damaged by a read is deleted (see ``damaged``)."""
        with self._lock:
            try:
                yield self._connection
            except sqlite3.DatabaseError as error:
                if is_damaged_file(error) and not self.damaged:
                    self.damaged = True
                    _log.warning("completions %s damaged (%s): written again at next use", self.path, error)
                    _remove(self.path)
                raise

    def entry_count(self) -> int:
        with self._lock:
            return self._connection.execute("SELECT count(*) FROM entries").fetchone()[0]


def _rows(entries: Iterable[Completion]) -> Iterator[tuple[int, int, str, str, str, str]]:
    """(kind, length, text, slug, anchor, folded words) of each entry."""
    for entry in entries:
        yield KIND_ORDER[entry.kind], len(entry.text), entry.text, entry.article_slug, entry.anchor, _words(entry.text)


def _words(text: str) -> str:
    """What the FTS5 table indexes of an entry: its folded words, each once, separated by spaces."""
    return " ".join(dict.fromkeys(fold_words(text)))


def _first_word(text: str) -> str:
    words = fold_words(text)
    return words[0] if words else ""


def sync_completions(
    index_dir: Path,
    source: ArticleSource,
    versions: dict[str, str],
    progress: Progress | None = None,
    digest: str | None = None,
) -> str | None:
    """Bring the completions file of ``index_dir`` in step (for the index's build and update; ``digest``:
    ``versions_digest(versions)`` when known); never raises: the action ("up-to-date", "updated",
    "built"), or None when the file could not be written."""
    try:
        store, action = _open_in_step(index_dir / COMPLETIONS_NAME, source, versions, progress, digest)
    except (OSError, sqlite3.Error) as error:
        _log.info("completions of %s not written (%s)", index_dir, error)
        return None
    store.close()
    return action


def open_completions(index_dir: Path, source: ArticleSource) -> Completions:
    """The completions of the source's articles: the file of ``index_dir``, brought in step (a missing
    or damaged one written; one that cannot be written used as is when in step); in memory when the
    index folder does not exist yet, or the file cannot be used."""
    versions = source.versions()
    if index_dir.is_dir():
        try:
            return _open_in_step(index_dir / COMPLETIONS_NAME, source, versions)[0]
        except (OSError, sqlite3.Error) as error:
            _log.info("completions of %s kept in memory (%s)", index_dir, error)
    return Completer(list(source.outlines()))


_DAMAGE = DAMAGE_CODES | {sqlite3.SQLITE_ERROR}
"""Error codes of a file that is not (or no longer) a completions file: it is written again."""


def _open_in_step(
    path: Path,
    source: ArticleSource,
    versions: dict[str, str],
    progress: Progress | None = None,
    digest: str | None = None,
) -> tuple[CompletionStore, str]:
    """The file at ``path`` brought in step with the source, and what it took; a damaged one is deleted
    and written again. Raises ``sqlite3.Error`` or ``OSError`` when it cannot be read or written."""
    for attempt in range(2):
        store = CompletionStore(path)
        try:
            return store, store.sync(source, versions, progress, digest)
        except BaseException as error:
            store.close()
            if not isinstance(error, sqlite3.Error):
                raise  # a cancelled build (from ``progress``): nothing of it is kept
            if attempt or primary_code(error) not in _DAMAGE:
                raise  # locked past the wait, read-only, or still damaged once written anew
            _log.warning("completions %s damaged (%s): written again", path, error)
            _remove(path)
    raise AssertionError("unreachable")


def _remove(path: Path) -> None:
    """Delete a completions file and its journal (an open connection keeps reading what it had)."""
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()
