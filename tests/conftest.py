"""Shared fixtures: no test touches the real user folders or a real display."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from guide_reader.content.cache import Catalogue
from guide_reader.content.model import Article
from guide_reader.content.problems import Problem
from guide_reader.store import BookmarkStore

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = REPO_ROOT / "content"
SOURCES_DIR = CONTENT_DIR / "sources"


@pytest.fixture(autouse=True)
def user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point every user directory (data, cache, config) at a fresh temporary folder."""
    base = tmp_path_factory.mktemp("user")
    dirs = {name: base / name for name in ("data", "cache", "config", "runtime")}
    for path in dirs.values():
        path.mkdir()
    dirs["runtime"].chmod(0o700)
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs["data"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs["cache"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs["config"]))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(dirs["runtime"]))
    monkeypatch.setenv("HOME", str(base))
    for variable in ("GUIDE_READER_DATA_DIR", "GUIDE_READER_CACHE_DIR", "GUIDE_READER_CONFIG_DIR"):
        monkeypatch.delenv(variable, raising=False)
    return dirs


@pytest.fixture(autouse=True)
def gui_thread_gc() -> Iterator[None]:
    """Once a window has turned automatic collection off, collect what is due after each test too:
    tests without a window spin no event loop for the collector's timer."""
    yield
    module = sys.modules.get("guide_reader.ui.gui_thread_gc")
    app = module.QCoreApplication.instance() if module is not None else None
    collector = app.findChild(module.GuiThreadCollector) if app is not None else None
    if collector is not None:
        collector.check()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled articles."""
    import shutil

    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def load_folder(folder: Path) -> tuple[list[Article], list[Problem]]:
    """Every article of a folder (by title) and the problems of its files, read as the program reads
    them: through ``Catalogue.sync``, in memory."""
    catalogue = Catalogue(folder, None)
    try:
        catalogue.sync()
        return list(catalogue.iter_articles()), catalogue.problems()
    finally:
        catalogue.close()


def show_and_index(qtbot, window):
    """Show a reader window offscreen and wait until its search index is ready."""
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.index_ready, timeout=60_000):
        window.start_indexing()
    return window


class Clock:
    """A minute passes at every reading: timestamps differ and nothing sleeps."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[BookmarkStore]:
    with BookmarkStore(tmp_path / "store.sqlite3", clock=Clock()) as opened:
        yield opened


@pytest.fixture
def full_catalogue_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """A catalogue file that opens but takes no more rows: SQLite's own « database or disk is full » at the
    first write, as on a full disk (a read-only file would not do: the tests may run as root)."""
    connect = Catalogue._connect

    def full(target: str) -> sqlite3.Connection:
        connection = connect(target)
        if target != ":memory:":
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr(Catalogue, "_connect", staticmethod(full))
