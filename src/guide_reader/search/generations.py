"""Several copies of the program on one index folder: one builder at a time, no half-built index seen.

``IndexGenerations`` wraps ``IndexStore`` and keeps its folder layout. Every ``ensure``
takes a build lock (an OS file lock next to the folder, released if the process dies):
a second copy that finds the index being built waits for it, with progress, and then
finds it up to date instead of building it again. A full build (first build, rebuild on
request, rebuild of a damaged index) never happens in place: the index is written into
a new folder beside it, which then takes the folder's name. A searcher already open
keeps its files; an ``ensure`` never sees the folder missing or half written. Updates of
a few articles still go into the folder itself (Whoosh adds a segment: readers go on).

``verify`` reads every file of the index and compares it with the manifest's CRCs: it
catches a file damaged with its time kept (``guide-reader index`` runs it).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.util.filelock import try_for

from . import store as index_store
from .model import IndexReport
from .store import IndexStore, Progress

try:
    import fcntl
except ImportError:  # pragma: no cover (not on Linux)
    fcntl = None  # type: ignore[assignment]

_log = logging.getLogger(__name__)

BUILD_WAIT_SECONDS = 900.0
"""How long a copy waits for another one's build before it builds its own index in memory."""
_POLL_SECONDS = 0.2


class _FreshBuildNeededError(Exception):
    """Raised instead of deleting the folder's files: the build goes to a new folder."""


class _NoRebuildInPlace(IndexStore):
    def _rebuild(self, *args: Any, **kwargs: Any) -> Any:
        raise _FreshBuildNeededError


class BuildLockTimeoutError(Exception):
    """Another copy of the program kept the index's build lock past the wait."""


class IndexGenerations:
    """``IndexStore``'s ``ensure`` for one folder shared by several copies of the program."""

    def __init__(self, index_dir: Path, lock_timeout: float = 10.0, build_wait: float = BUILD_WAIT_SECONDS) -> None:
        self.index_dir = index_dir
        self.lock_timeout = lock_timeout
        self.build_wait = build_wait
        self._store = IndexStore(index_dir, lock_timeout)

    @property
    def vocabulary_path(self) -> Path:
        return self._store.vocabulary_path

    def merge_small_segments(self, index: Any) -> bool:
        """``IndexStore.merge_small_segments`` on this folder's index."""
        return self._store.merge_small_segments(index)

    @property
    def lock_path(self) -> Path:
        return self.index_dir.parent / f".{self.index_dir.name}.lock"

    def ensure(
        self, source: Any, progress: Progress | None = None, rebuild: bool = False
    ) -> tuple[Any, Any, IndexReport]:
        """As ``IndexStore.ensure``: the index, its vocabulary and a report. Waits for another copy's build."""
        started = time.perf_counter()
        try:
            with self._build_lock(progress):
                if not rebuild:
                    try:
                        return _NoRebuildInPlace(self.index_dir, self.lock_timeout).ensure(source, progress)
                    except _FreshBuildNeededError:
                        existed = self.index_dir.is_dir() and any(self.index_dir.iterdir())
                        problem = "index reconstruit : endommagé ou incomplet" if existed else None
                        return self._fresh_build(source, progress, started, problem, "rebuilt" if existed else "built")
                return self._fresh_build(source, progress, started, None, "rebuilt")
        except BuildLockTimeoutError:
            _log.warning("index %s: another copy kept the build lock for %.0f s", self.index_dir, self.build_wait)
            index, vocabulary, report = IndexStore(self._unusable_dir(), self.lock_timeout).ensure(source, progress)
            report.problems.insert(0, "index en préparation par un autre programme depuis trop longtemps")
            return index, vocabulary, report

    def _unusable_dir(self) -> Path:
        """A folder path that cannot be created (under a file): ``IndexStore`` then builds in memory."""
        return Path(os.devnull) / "index"

    def _fresh_build(
        self, source: Any, progress: Progress | None, started: float, problem: str | None, action: str
    ) -> tuple[Any, Any, IndexReport]:
        """Build into a new folder beside the index, then give it the index's name (build lock held)."""
        parent = self.index_dir.parent
        fresh = parent / f".{self.index_dir.name}.building-{os.getpid()}"
        try:
            parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(fresh, ignore_errors=True)
            index, vocabulary, report = IndexStore(fresh, self.lock_timeout).ensure(source, progress)
        except OSError:
            index, vocabulary, report = IndexStore(self._unusable_dir(), self.lock_timeout).ensure(source, progress)
        if isinstance(index.storage, RamStorage):  # the folder cannot be written: this session's index in memory
            shutil.rmtree(fresh, ignore_errors=True)
            return index, vocabulary, report
        if not self._switch(fresh):  # a writer of another program is in the old folder: this session uses the new one
            report.problems.append("index en cours d'écriture par un autre programme : index neuf gardé à part")
            return index, vocabulary, IndexReport(action, report.articles_indexed, report.seconds, report.problems)
        index.close()
        index, vocabulary, opened = IndexStore(self.index_dir, self.lock_timeout).ensure(source)
        problems = ([problem] if problem else []) + report.problems + opened.problems
        written = report.articles_indexed
        return index, vocabulary, IndexReport(action, written, time.perf_counter() - started, problems)

    def _switch(self, fresh: Path) -> bool:
        """``fresh`` takes the index's name; the old folder is removed (its open files stay readable).

        False, and nothing moved, when a Whoosh writer (another program's merge) holds the old folder.
        """
        old = self.index_dir.parent / f".{self.index_dir.name}.old-{os.getpid()}-{time.monotonic_ns()}"
        writer_lock = None
        if self.index_dir.is_dir():
            writer_lock = FileStorage(str(self.index_dir)).lock(index_store.LOCK_NAME)
            if not try_for(writer_lock.acquire, timeout=self.lock_timeout, delay=0.1):
                return False
        try:
            with contextlib.suppress(FileNotFoundError):
                self.index_dir.rename(old)
            fresh.rename(self.index_dir)
        finally:
            if writer_lock is not None:
                writer_lock.release()
        shutil.rmtree(old, ignore_errors=True)
        for leftover in self.index_dir.parent.glob(f".{self.index_dir.name}.building-*"):
            if not _pid_alive(leftover.name.rsplit("-", 1)[-1]):  # a build cut short (killed)
                shutil.rmtree(leftover, ignore_errors=True)
        return True

    @contextlib.contextmanager
    def _build_lock(self, progress: Progress | None) -> Iterator[None]:
        """Hold the build lock; wait (reporting progress) while another copy holds it."""
        if fcntl is None:
            yield
            return
        try:
            self.index_dir.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
        except OSError:  # an unwritable cache: IndexStore builds in memory, nothing to share
            yield
            return
        try:
            deadline = time.monotonic() + self.build_wait
            told = 0.0
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise BuildLockTimeoutError from None
                    if progress is not None and time.monotonic() - told > 1.0:
                        told = time.monotonic()
                        progress(0, 0, "index en préparation par un autre programme")
                    time.sleep(_POLL_SECONDS)
            try:
                yield
            finally:
                fcntl.flock(descriptor, fcntl.LOCK_UN)
        finally:
            os.close(descriptor)

    def verify(self) -> list[str]:
        """Every index file whose contents do not match the manifest's CRC (reads the whole index).

        Under the build lock: a folder another copy is switching is never taken for a damaged one.
        """
        try:
            with self._build_lock(None):
                return self._store.damaged_files()
        except BuildLockTimeoutError:
            return []


def _pid_alive(text: str) -> bool:
    try:
        os.kill(int(text), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True
