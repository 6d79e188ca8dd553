"""The index on disk: built when missing, updated per changed article, rebuilt when damaged.

A manifest next to Whoosh's files records the analyzer and schema fingerprint, the
version of each article (from the catalogue: the file's size and time) and their digest, and the
size, CRC and modification time of every index file (Whoosh's files and the
spelling vocabulary). Opening compares the digest with the catalogue's (the versions themselves
only when they differ), and sizes and times
only; a file whose time changed is read again and its CRC compared, so a file
overwritten with garbage of the same size is still caught, while an ordinary
open reads nothing but the manifest. An index whose files do not match it
(truncated, overwritten, half written, missing) is rebuilt; one whose fingerprint
differs is rebuilt; otherwise only the articles whose version changed are rewritten,
into a new small segment; small segments are merged later, off the window's thread.
Whoosh's write lock is an OS file lock, so a lock file left by a crashed process
does not block anything; a writer that fails is always cancelled so that this
process does not keep its lock either.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.index import FileIndex, LockError
from whoosh.util.filelock import try_for

from ..content.cache import versions_digest
from ..content.model import Article
from .analysis import analyzer_fingerprint
from .completion_store import sync_completions
from .documents import KIND_BOOSTS
from .model import IndexReport
from .postings import use_posting_table
from .schema import build_schema
from .schema import settings as schema_settings
from .segments import LeftOut, add_articles, portable_source, split, worker_count, write_in_processes
from .source import ArticleList, ArticleSource
from .vocabulary import VOCABULARY_NAME, Vocabulary, save_words

if TYPE_CHECKING:  # (imported by Whoosh at the first write: a search never writes)
    from whoosh.writing import IndexWriter

_log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

INDEX_NAME = "guide"
MANIFEST_NAME = "guide-reader-index.json"
LOCK_NAME = f"{INDEX_NAME}_WRITELOCK"
ARTICLES_PER_SEGMENT = 2000
"""About 3.8 million postings of generated articles, 60 MB in a ``PostingTable``; searches read
fewer, larger segments faster."""
PARALLEL_ARTICLES = 400
"""A write of this many articles or more is done by worker processes (3 s of work or more in one
thread on a 2-core machine; starting the workers costs a few tenths of a second); fewer are
written in the calling thread."""
WRITING_MESSAGE = "écriture de l'index"
SMALL_SEGMENT_DOCS = 5000
"""Segments below this many documents (about 100 articles) are merged in the background."""


def index_fingerprint() -> str:
    settings = f"{analyzer_fingerprint()}|{schema_settings()}|{sorted(KIND_BOOSTS.items())}"
    return hashlib.sha256(settings.encode()).hexdigest()[:16]


Signature = list[int]
"""[size, crc32, modification time in ns]."""


@dataclass
class Manifest:
    fingerprint: str
    articles: dict[str, str] = field(default_factory=dict)
    """slug -> article version (see ArticleSource.versions)."""
    files: dict[str, Signature] = field(default_factory=dict)
    """index file name -> signature."""
    failed: dict[str, str] = field(default_factory=dict)
    """slug -> why the article (at its version in ``articles``) is not in the index: told at each open."""
    digest: str | None = None
    """``versions_digest(articles)``, written with them (None in a manifest of an older program)."""

    @classmethod
    def read(cls, path: Path) -> Manifest | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            failed = dict(data.get("failed", {}))
            digest = data.get("digest")
            digest = digest if isinstance(digest, str) else None
            return cls(str(data["fingerprint"]), dict(data["articles"]), dict(data["files"]), failed, digest)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, path: Path) -> None:
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
        temporary.replace(path)


def _is_index_file(name: str) -> bool:
    return (name.startswith((f"{INDEX_NAME}_", f"_{INDEX_NAME}_")) and name != LOCK_NAME) or name == VOCABULARY_NAME


def _index_files(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if _is_index_file(path.name))


def _crc(path: Path) -> int:
    crc = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def _signature(path: Path, known: Signature | None = None) -> Signature:
    """The file's signature; ``known`` is kept without reading the file when size and time match it."""
    stat = path.stat()
    if known is not None and len(known) == 3 and known[0] == stat.st_size and known[2] == stat.st_mtime_ns:
        return known
    return [stat.st_size, _crc(path), stat.st_mtime_ns]


def _matches(path: Path, signature: Signature) -> bool:
    """Size and time first; the contents only when the time changed (a copy, a touch, or damage)."""
    try:
        stat = path.stat()
        if len(signature) != 3 or stat.st_size != signature[0]:
            return False
        return stat.st_mtime_ns == signature[2] or _crc(path) == signature[1]
    except OSError:
        return False


class IndexStore:
    """One index directory, with the manifest that says what it holds."""

    def __init__(self, index_dir: Path, lock_timeout: float = 10.0) -> None:
        self.index_dir = index_dir
        self.lock_timeout = lock_timeout
        self.fingerprint = index_fingerprint()

    @property
    def manifest_path(self) -> Path:
        return self.index_dir / MANIFEST_NAME

    @property
    def vocabulary_path(self) -> Path:
        return self.index_dir / VOCABULARY_NAME

    def ensure(
        self, source: ArticleSource | Sequence[Article], progress: Progress | None = None, rebuild: bool = False
    ) -> tuple[FileIndex, Vocabulary, IndexReport]:
        """An index holding exactly the source's articles (or these articles), its spelling vocabulary,
        and what it took to get them (``rebuild``: from scratch). Only the versions are compared: an
        article is read from the source when it has to be written."""
        if isinstance(source, Sequence):
            source = ArticleList(source)
        started = time.perf_counter()
        problems: list[str] = []
        manifest = Manifest.read(self.manifest_path)
        versions, digest = _versions(source, manifest)
        try:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            storage = FileStorage(str(self.index_dir), supports_mmap=False)
            existing = bool(_index_files(self.index_dir))
            if rebuild:
                index = self._rebuild(storage, source, versions, progress, problems)
                action, written = "rebuilt", len(versions)
            else:
                index, action, written = self._open_or_build(
                    storage, existing, manifest, source, versions, digest, progress, problems
                )
            vocabulary = Vocabulary(self.vocabulary_path)
            sync_completions(self.index_dir, source, versions, progress, digest)  # beside the index, in step with it
        except (OSError, LockError) as error:
            problems.append(f"index sur disque inutilisable ({error}) : index en mémoire pour cette session")
            words: set[str] = set()
            index = self._build(RamStorage(), source, sorted(versions), progress, words, problems)
            vocabulary = Vocabulary(words=words)
            action, written = "built", len(versions)
        return index, vocabulary, IndexReport(action, written, time.perf_counter() - started, problems)

    def _open_or_build(
        self,
        storage: FileStorage,
        existing: bool,
        manifest: Manifest | None,
        source: ArticleSource,
        versions: dict[str, str],
        digest: str,
        progress: Progress | None,
        problems: list[str],
    ) -> tuple[FileIndex, str, int]:
        """``digest``: ``versions_digest(versions)``."""
        reason = self._unusable(manifest, existing)
        index = None if reason else self._open_checked(storage, problems)
        if index is None or manifest is None:
            if existing:
                problems.append(f"index reconstruit : {reason or 'illisible'}")
            index = self._rebuild(storage, source, versions, progress, problems)
            return index, "rebuilt" if existing else "built", len(versions)
        if manifest.digest == digest:  # the same versions
            changed, removed = [], []
        else:
            changed = sorted(slug for slug, version in versions.items() if manifest.articles.get(slug) != version)
            removed = sorted(manifest.articles.keys() - versions.keys())
        still_failed = {slug: why for slug, why in manifest.failed.items() if slug in versions and slug not in changed}
        if not changed and not removed:
            problems += still_failed.values()
            return index, "up-to-date", 0
        words: set[str] = set()
        try:
            with self._write_lock(index):
                failed = self._write(index, source, changed, removed + changed, progress, words, problems)
                known_words = Vocabulary(self.vocabulary_path).words
                if not words.issubset(known_words):
                    save_words(self.vocabulary_path, [*known_words, *words])
                written, newly_failed = _recorded(versions, failed)
                self._save_manifest(written, manifest.files, {**still_failed, **newly_failed})
        except LockError:
            problems.append("index en cours d'écriture par un autre programme : résultats peut-être pas à jour")
            problems += still_failed.values()
            return index, "up-to-date", 0
        problems += still_failed.values()
        return index, "updated", len(changed)

    def merge_small_segments(self, index: FileIndex) -> bool:
        """Merge the segments of fewer than ``SMALL_SEGMENT_DOCS`` documents (the updates leave one small
        segment each) and those more than half deleted into one; True when it merged. For a worker
        thread: it takes the write lock (without waiting: False when another writer holds it) and
        rewrites the manifest."""
        # The table of contents alone (a searcher would load every segment's readers).
        segments = index._segments()
        if not _rewritten(segments) and len(_live_segments(segments)) == len(segments):
            return False
        try:
            with self._write_lock(index, wait=0.0):
                manifest = Manifest.read(self.manifest_path)  # under the lock: as the last write left it
                writer: IndexWriter = index.writer(_lk=False)
                use_posting_table(writer)
                try:
                    writer.commit(mergetype=_merge_small)
                except BaseException:
                    writer.cancel()
                    raise
                if manifest is not None:
                    self._save_manifest(manifest.articles, manifest.files, manifest.failed)
        except LockError:
            return False
        return True

    def damaged_files(self) -> list[str]:
        """Every index file whose contents do not match the manifest's CRC (reads the whole index);
        none when there is no manifest (the next ``ensure`` rebuilds such an index anyway)."""
        manifest = Manifest.read(self.manifest_path)
        if manifest is None:
            return []
        damaged = []
        for name, signature in manifest.files.items():
            try:
                if _crc(self.index_dir / name) != signature[1]:
                    damaged.append(name)
            except OSError:
                damaged.append(name)
        return damaged

    def _unusable(self, manifest: Manifest | None, existing: bool) -> str | None:
        """Why the index on disk cannot be kept, or None when it matches its manifest."""
        if not existing:
            return "absent"
        if manifest is None:
            return "manifeste absent ou illisible"
        if manifest.fingerprint != self.fingerprint:
            return "analyseur ou schéma modifié"
        on_disk = set(_index_files(self.index_dir))
        if on_disk != set(manifest.files):
            return "fichiers manquants ou en trop"
        for name, signature in manifest.files.items():
            if not _matches(self.index_dir / name, signature):
                return f"fichier endommagé : {name}"
        return None

    @staticmethod
    def _open_checked(storage: FileStorage, problems: list[str]) -> FileIndex | None:
        try:
            index = storage.open_index(INDEX_NAME)
            # The table of contents and each segment's header only: opening every segment's readers
            # here would double an update's cost (the engine opens its searcher next, and rebuilds
            # an index whose segments do not open).
            sum(segment.doc_count_all() for segment in index._segments())
            return index
        except Exception as error:  # a damaged index can raise nearly anything
            problems.append(f"index illisible : {type(error).__name__}")
            return None

    def _rebuild(
        self,
        storage: FileStorage,
        source: ArticleSource,
        versions: dict[str, str],
        progress: Progress | None,
        problems: list[str],
    ) -> FileIndex:
        with contextlib.suppress(FileNotFoundError):
            self.manifest_path.unlink()
        for name in _index_files(self.index_dir):
            (self.index_dir / name).unlink()
        words: set[str] = set()
        index = storage.create_index(build_schema(), indexname=INDEX_NAME)
        with self._write_lock(index):
            failed = self._write(index, source, sorted(versions), [], progress, words, problems)
            save_words(self.vocabulary_path, words)
            written, newly_failed = _recorded(versions, failed)
            self._save_manifest(written, {}, newly_failed)
        return index

    def _build(
        self,
        storage: RamStorage,
        source: ArticleSource,
        slugs: Sequence[str],
        progress: Progress | None,
        words: set[str],
        problems: list[str],
    ) -> FileIndex:
        index = storage.create_index(build_schema(), indexname=INDEX_NAME)
        with self._write_lock(index):
            self._write(index, source, slugs, [], progress, words, problems)
        return index

    @contextlib.contextmanager
    def _write_lock(self, index: FileIndex, wait: float | None = None) -> Iterator[None]:
        """Whoosh's write lock of the index, held until the manifest is written too: another program must not
        write between this write's segments and its manifest (its manifest would then be replaced by one of
        older versions). Raises ``LockError`` when another writer holds it past ``wait`` seconds (by default
        ``lock_timeout``; 0: one try)."""
        lock = index.lock("WRITELOCK")
        if not try_for(lock.acquire, timeout=self.lock_timeout if wait is None else wait, delay=0.1):
            raise LockError
        try:
            yield
        finally:
            lock.release()

    def _write(
        self,
        index: FileIndex,
        source: ArticleSource,
        slugs: Sequence[str],
        deleted: Sequence[str],
        progress: Progress | None,
        words: set[str],
        problems: list[str],
    ) -> dict[str, LeftOut]:
        """Write the articles ``slugs`` (read one at a time from the source) after deleting ``deleted``,
        each document analyzed once, the caller holding the write lock (``_write_lock``); returns the articles
        that could not be read or analyzed, slug -> why (each problem also in ``problems``; the others are
        written).

        Nothing is merged here (a segment whose every document is deleted is dropped: ``_live``): an
        update of a few articles adds one small segment, and costs
        the same at any size of the index (Whoosh's default would merge the segments it finds
        small, up to rewriting most of the index: 201 s for one article at 100,000);
        ``merge_small_segments`` gathers them later, in the background. A long list is written in
        parts of at most ``ARTICLES_PER_SEGMENT``, each its own segment, whose postings are held in
        a ``PostingTable`` (Whoosh's sorting pool spilled them to disk and merged them back a
        posting at a time: 1,000 generated articles took 30 s, 13 s with the table). Searches
        read the segments one after the other. From ``PARALLEL_ARTICLES`` articles on, the parts
        are written by worker processes (``segments.write_in_processes``); fewer stay in this
        thread, where they cost no process start, and so does everything when the workers cannot
        start or one of them dies.
        """
        job = _Write(slugs, deleted, progress, words, problems)
        workers = worker_count()
        open_source = portable_source(source) if len(slugs) >= PARALLEL_ARTICLES and workers > 1 else None
        if open_source is not None and isinstance(index.storage, FileStorage):
            from concurrent.futures.process import BrokenProcessPool  # (8 ms of a search's fresh start)

            try:
                return self._write_in_processes(index, open_source, job)
            except (OSError, BrokenProcessPool) as error:  # no processes here (or one died): this thread
                _log.warning("index build in worker processes failed (%s): written in this thread", error)
        return self._write_here(index, source, job)

    @staticmethod
    def _write_here(index: FileIndex, source: ArticleSource, job: _Write) -> dict[str, LeftOut]:
        slugs, progress = job.slugs, job.progress
        total = len(slugs)
        step = max(1, total // 100)
        parts = [slugs[start : start + ARTICLES_PER_SEGMENT] for start in range(0, total, ARTICLES_PER_SEGMENT)]
        count = [0]
        failed: dict[str, LeftOut] = {}

        def done(title: str) -> None:
            count[0] += 1
            if progress and (count[0] % step == 0 or count[0] == total):
                progress(count[0], total, title)

        for number, part in enumerate(parts or [[]]):
            writer: IndexWriter = index.writer(_lk=False)
            use_posting_table(writer)
            try:
                if number == 0:
                    for slug in job.deleted:
                        writer.delete_by_term("slug", slug)
                failed.update(add_articles(writer, source, part, job.words, job.problems, done))
                if progress and count[0] == total:
                    progress(total, total, WRITING_MESSAGE)
                writer.commit(mergetype=_live)
            except BaseException:
                writer.cancel()
                raise
        return failed

    @staticmethod
    def _write_in_processes(
        index: FileIndex, open_source: Callable[[], ArticleSource], job: _Write
    ) -> dict[str, LeftOut]:
        workers, slugs, progress = worker_count(), job.slugs, job.progress
        written = write_in_processes(index, open_source, split(slugs, ARTICLES_PER_SEGMENT, workers), progress, workers)
        job.words.update(written.words)
        job.problems.extend(written.problems)
        if progress:
            progress(len(slugs), len(slugs), WRITING_MESSAGE)
        writer: IndexWriter = index.writer(_lk=False)
        try:
            for slug in job.deleted:
                writer.delete_by_term("slug", slug)
            writer.commit(mergetype=lambda _, segments: [*_live_segments(segments), *written.segments])
        except BaseException:
            writer.cancel()
            raise
        return written.failed

    def _save_manifest(
        self, versions: dict[str, str], known: dict[str, Signature], failed: dict[str, str] | None = None
    ) -> None:
        """Record the files as they are now; those unchanged since ``known`` are not read again."""
        files = {name: _signature(self.index_dir / name, known.get(name)) for name in _index_files(self.index_dir)}
        manifest = Manifest(self.fingerprint, dict(versions), files, dict(failed or {}), versions_digest(versions))
        manifest.write(self.manifest_path)


def _recorded(versions: dict[str, str], failed: dict[str, LeftOut]) -> tuple[dict[str, str], dict[str, str]]:
    """What the manifest records of a write: the versions written, and slug -> problem of the articles whose
    analysis failed (told at each open until their version changes). An article the source could not give
    is in neither: the next open finds it missing and writes it."""
    unread = {slug for slug, left in failed.items() if left.unread}
    written = {slug: version for slug, version in versions.items() if slug not in unread}
    return written, {slug: left.problem for slug, left in failed.items() if not left.unread}


def _versions(source: ArticleSource, manifest: Manifest | None) -> tuple[dict[str, str], str]:
    """The source's versions and their digest: the manifest's versions, not read, when the source keeps a
    digest and it is the manifest's (10,000 versions read and compared otherwise: 10 ms at each start)."""
    digest = source.versions_digest()
    if digest is not None and manifest is not None and manifest.digest == digest:
        return manifest.articles, digest
    versions = source.versions()
    return versions, versions_digest(versions)


@dataclass(frozen=True)
class _Write:
    """One write: the articles to write and to delete, and where it reports (``progress``; the
    spelling ``words`` and the ``problems`` it adds to)."""

    slugs: Sequence[str]
    deleted: Sequence[str]
    progress: Progress | None
    words: set[str]
    problems: list[str]


def _live(writer: IndexWriter, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: the segments that hold a document not deleted, none merged. (A segment of deleted
    documents only is dropped: kept, it was read at every search, its postings walked to skip them;
    an update of every article left the whole former index so, and a search took 1.5 s at 10,000 articles.)"""
    return _live_segments(segments)


def _live_segments(segments: list[Any]) -> list[Any]:
    return [segment for segment in segments if segment.doc_count() > 0]


def _rewritten(segments: list[Any]) -> list[Any]:
    """The segments ``merge_small_segments`` rewrites into one: those of fewer than ``SMALL_SEGMENT_DOCS``
    documents and those more than half deleted (their postings are read at every search, deleted or not),
    none when that would rewrite one segment that has nothing deleted."""
    chosen = [
        segment
        for segment in segments
        if segment.doc_count() > 0
        and (segment.doc_count_all() < SMALL_SEGMENT_DOCS or 2 * segment.deleted_count() > segment.doc_count_all())
    ]
    return chosen if len(chosen) > 1 or any(segment.has_deletions() for segment in chosen) else []


def _merge_small(writer: IndexWriter, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: the segments ``_rewritten`` names become one; those with nothing left are dropped."""
    from whoosh.reading import SegmentReader

    small = _rewritten(segments)
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in _live_segments(segments) if segment not in small]
