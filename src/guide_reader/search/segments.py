"""Writing index segments: the documents of a list of articles, in this process or in worker processes.

``add_articles`` is the one loop that turns articles into Whoosh documents (each article
analyzed once; one that fails is reported and left out, the others are written).
``write_in_processes`` writes the segments of a long build in worker processes, one
segment per part of the list, so that a build uses every core: Whoosh's writer and our
analysis are pure Python, held to one core by the GIL. The workers are started with
"forkserver" (or "spawn" where there is none, and in a frozen bundle), never "fork": the
window builds from a Qt pool thread, and forking a threaded process is unsafe. Each
worker reads its articles itself (``portable_source``: the catalogue's SQLite file, or
the articles themselves when they are in memory), writes its segment into the index
folder without committing it, and gives back the segment, the spelling words and the
problems; the caller adds the segments to the index, in order, in one commit.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex, clean_files

from ..content.cache import Catalogue
from ..content.model import Article
from .analysis import terms
from .documents import article_documents
from .postings import document_adder, use_posting_table
from .source import UNREADABLE, ArticleList, ArticleSource, CatalogueSource

Progress = Callable[[int, int, str], None]
ArticleDone = Callable[[str], None]
"""Called with each article's title (or its slug when it could not be read) once it is written."""

WORKERS = 2
"""Worker processes of a long build, at most (and never more than the machine's cores)."""
MESSAGE_SECONDS = 0.1
"""A worker tells the build how far it is at most this often."""
POLL_SECONDS = 0.1
"""The build looks at least this often whether a worker failed."""
ORPHAN_SECONDS = 0.5
"""Where a worker cannot be told that the program ended, it looks this often whether its parent changed."""


class BuildCancelledError(Exception):
    """A worker stopped because the build was cancelled."""


class LeftOut(NamedTuple):
    """An article the index could not write, and why."""

    problem: str
    """What is said to the reader (also added to the write's ``problems``)."""
    unread: bool
    """The source could not give the article (its catalogue locked past the wait, or damaged): it is written
    at the next open, not recorded as failed at its version as an article whose analysis failed is."""


def add_articles(
    writer: Any,
    source: ArticleSource,
    slugs: Iterable[str],
    words: set[str],
    problems: list[str],
    done: ArticleDone | None = None,
) -> dict[str, LeftOut]:
    """Add the documents of the articles ``slugs`` to ``writer``; returns the articles left out because
    reading or analyzing them failed, slug -> why (each problem also added to ``problems``). An article the
    source no longer has is left out in silence, as unread: removed since its slug was listed, the next open
    drops it; still there (its catalogue was being made anew), the next open writes it.
    ``words`` collects the spelling words of the articles written."""
    failed: dict[str, LeftOut] = {}
    add_document = document_adder(writer)
    for slug in slugs:
        article: Article | None = None
        try:
            article = source.article(slug)
            if article is not None:
                documents, found = article_fields(article)
        except Exception as error:  # anything in an article's data: the others are still written
            reason = f"{type(error).__name__} ({error})"
            if article is None and isinstance(error, UNREADABLE):  # its source cannot give it now
                failed[slug] = LeftOut(
                    f"article « {slug} » illisible pour l'instant, indexé plus tard : {reason}", True
                )
            else:
                failed[slug] = LeftOut(f"article « {slug} » non indexé : {reason}", False)
            problems.append(failed[slug].problem)
        else:
            if article is None:  # removed since its slug was listed, or its catalogue made anew meanwhile
                failed[slug] = LeftOut("", unread=True)  # (said by nobody: the next open knows which)
            else:
                for document in documents:
                    add_document(document)
                words |= found
        if done is not None:
            done(article.title if article is not None else slug)
    return failed


def article_fields(article: Article) -> tuple[list[dict[str, object]], set[str]]:
    """The keyword arguments of ``add_document`` for each document of the article, and its spelling
    words: all computed before anything is written, so that a failure leaves no part of it."""
    found: set[str] = set()
    title = terms(article.title)
    return [document.fields(title, found) for document in article_documents(article)], found


# Worker processes ----------------------------------------------------------------------------


def portable_source(source: ArticleSource) -> Callable[[], ArticleSource] | None:
    """Something a worker process can call to get the same articles, or None when there is none
    (a catalogue held in memory only, or a source of another kind)."""
    if isinstance(source, CatalogueSource) and source.catalogue.cache_file is not None:
        catalogue = source.catalogue
        return functools.partial(_open_catalogue, catalogue.content_dir, catalogue.cache_file)
    if isinstance(source, ArticleList):
        return functools.partial(_same, source)
    return None


def _open_catalogue(content_dir: Path, cache_file: Path) -> ArticleSource:
    return CatalogueSource(Catalogue(content_dir, cache_file, repairs=False))  # (the program repairs it)


def _same(source: ArticleSource) -> ArticleSource:
    return source


def worker_count() -> int:
    return max(1, min(WORKERS, os.cpu_count() or 1))


def split(slugs: Sequence[str], most: int, workers: int) -> list[Sequence[str]]:
    """Parts of at most ``most`` articles, as even as can be, their number a multiple of ``workers``
    (so that no worker is left alone with the last part)."""
    count = -(-len(slugs) // most)
    count = min(len(slugs), max(workers, -(-count // workers) * workers))
    size, larger = divmod(len(slugs), count or 1)
    bounds = [number * size + min(number, larger) for number in range(count + 1)]
    return [slugs[start:end] for start, end in itertools.pairwise(bounds)]


def start_method() -> str:
    """ "forkserver" where Python has it, "spawn" elsewhere and in a frozen bundle."""
    import multiprocessing  # here and below: only a build in processes needs it (2 ms of a search's start)

    if getattr(sys, "frozen", False) or "forkserver" not in multiprocessing.get_all_start_methods():
        return "spawn"
    return "forkserver"


@dataclass
class Written:
    """What the workers wrote: segments in the order of the parts, words, problems, articles left out."""

    segments: list[Any] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    failed: dict[str, LeftOut] = field(default_factory=dict)


def write_in_processes(
    index: FileIndex,
    open_source: Callable[[], ArticleSource],
    parts: Sequence[Sequence[str]],
    progress: Progress | None,
    workers: int,
) -> Written:
    """Write one segment per part in ``workers`` processes (not committed: the caller adds them).

    ``progress(done, total, title)`` is called in this thread as the workers go; when it raises
    (a cancel), the workers stop within an article, the segment files they were writing are
    deleted and the exception goes on. A worker that fails stops the build the same way.
    """
    import concurrent.futures
    import multiprocessing
    import queue

    total = sum(len(part) for part in parts)
    directory = str(index.storage.folder)
    context = multiprocessing.get_context(start_method())
    if context.get_start_method() == "forkserver":
        # The server imports this module (and Whoosh) once, and not the program's main module.
        context.set_forkserver_preload([__name__])
    cancel = context.Event()
    messages = context.Queue()
    written = Written()
    done = 0
    try:
        with concurrent.futures.ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(cancel, messages, MESSAGE_SECONDS, os.getpid()),
        ) as pool:
            futures = [pool.submit(_write_part, directory, index.indexname, open_source, part) for part in parts]
            try:
                while not all(future.done() for future in futures):
                    for future in futures:
                        if future.done() and (error := future.exception()) is not None:
                            raise error
                    with contextlib.suppress(queue.Empty):
                        count, title = messages.get(timeout=POLL_SECONDS)
                        done += count
                        if progress:
                            progress(min(done, total), total, title)
                for future in futures:
                    segment, words, problems, failed = future.result()
                    if segment is not None:
                        written.segments.append(segment)
                    written.words |= words
                    written.problems += problems
                    written.failed.update(failed)
            except BaseException:
                cancel.set()
                for future in futures:
                    future.cancel()
                raise
    except BaseException:
        _delete_uncommitted(index)
        raise
    finally:
        messages.close()
        messages.join_thread()
    return written


def _delete_uncommitted(index: FileIndex) -> None:
    """Delete the segment files the index's table of contents does not list (Whoosh's own cleaning)."""
    toc = index._read_toc()
    clean_files(index.storage, index.indexname, toc.generation, toc.segments)


class _WorkerStorage(FileStorage):
    """The index folder, with temporary folders of this process's own: Whoosh names a writer's
    temporary folder after the index, and a writer that finishes deletes it whole."""

    def temp_storage(self, name: str | None = None) -> FileStorage:
        return super().temp_storage(f"{name or 'temp'}.{os.getpid()}")


_cancel: Any = None
_messages: Any = None
_every = MESSAGE_SECONDS


def _start_worker(cancel: Any, messages: Any, every: float, program: int) -> None:
    """In each worker, once: the build's cancel event, its message queue, the seconds between messages;
    and a watch on the program that started the build (``_stop_with``, its process id)."""
    global _cancel, _messages, _every
    _cancel, _messages, _every = cancel, messages, every
    threading.Thread(target=_stop_with, args=(program,), daemon=True).start()


def _stop_with(program: int) -> None:
    """Exit as soon as the program is gone (killed during a build): else the worker went on writing
    its part for nothing, a core busy for a minute at 10,000 articles. (The worker's parent is the
    forkserver, which outlives the program: the program itself is watched.)"""
    try:
        handle = os.pidfd_open(program)
    except (AttributeError, OSError):  # no pidfd here: the parent is watched instead
        parent = os.getppid()
        while os.getppid() == parent:
            time.sleep(ORPHAN_SECONDS)
    else:
        import select

        select.select([handle], [], [])  # readable once the program has ended
    os._exit(1)


def _write_part(
    directory: str, indexname: str, open_source: Callable[[], ArticleSource], slugs: Sequence[str]
) -> tuple[Any, set[str], list[str], dict[str, LeftOut]]:
    """In a worker: write one segment of the articles ``slugs`` into the index folder, uncommitted."""
    index = _WorkerStorage(directory, supports_mmap=False).open_index(indexname)
    source = open_source()
    from whoosh.writing import SegmentWriter  # (a worker's: a search never writes)

    writer = SegmentWriter(index, _lk=False)
    use_posting_table(writer)
    words: set[str] = set()
    problems: list[str] = []
    pending: list[Any] = [0, time.monotonic(), ""]
    """Articles written since the last message, when it was sent, the last title."""

    def done(title: str) -> None:
        if _cancel is not None and _cancel.is_set():
            raise BuildCancelledError
        pending[0] += 1
        pending[2] = title
        if _messages is not None and time.monotonic() - pending[1] >= _every:
            _messages.put((pending[0], title))
            pending[:2] = [0, time.monotonic()]

    try:
        failed = add_articles(writer, source, slugs, words, problems, done)
        segment = writer._finalize_segment() if writer._added else None
        if not writer._added:
            writer._close_segment()
        writer._finish()
    except BaseException:
        writer.cancel()
        raise
    finally:
        close = getattr(getattr(source, "catalogue", None), "close", None)
        if close is not None:
            close()
    if pending[0] and _messages is not None:
        _messages.put((pending[0], pending[2]))
    return segment, words, problems, failed
