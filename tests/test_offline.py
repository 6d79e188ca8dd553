"""Offline: the reader's main flows work with the network blocked, and nothing even tries to connect.

In the test process, every way Python reaches the network is replaced by one
that records the attempt and fails (``socket.socket.connect`` / ``connect_ex`` /
``sendto``, ``socket.create_connection``, ``getaddrinfo`` and the other name
look-ups), and an audit hook records the same events from C code and from the
index worker thread. The window then builds its index, searches, opens a result,
follows a citation and comes back, bookmarks a section with a note, exports the
bookmarks and saves the sheet as PDF: every step must work and the record must
stay empty. Qt's own networking (QtNetwork) is never loaded.

The real start-up (``python -m guide_reader --screenshot``) is checked the same
way in a child process, and, where ``strace`` can trace, at the system-call level.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from guide_reader.library import Library
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE, Settings
from guide_reader.ui.theme import THEMES, apply_theme

from .conftest import REPO_ROOT, show_and_index

NOTE = "demander si la fièvre de mardi compte"
SECTION = "quand-consulter-un-medecin"
NETWORK_AUDIT_EVENTS = frozenset(
    {
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
        "socket.sendto",
        "socket.sendmsg",
    }
)

# The audit hook cannot be removed once added: one for the session, recording only while a test asks.
_audit_record: list[str] | None = None
_audit_installed = False


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _audit_record is not None and event in NETWORK_AUDIT_EVENTS:
        _audit_record.append(f"{event}{args!r}"[:300])


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Block the network at the socket level; the list receives every attempt."""
    global _audit_record, _audit_installed
    attempts: list[str] = []

    def blocked(name: str) -> Callable[..., object]:
        def refuse(*args: object, **kwargs: object) -> object:
            attempts.append(f"{name}{args!r}"[:300])
            raise OSError(errno.ENETUNREACH, f"network blocked by the test: {name}")

        return refuse

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, blocked(f"socket.socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, blocked(f"socket.{name}"))
    if not _audit_installed:
        sys.addaudithook(_audit)
        _audit_installed = True
    _audit_record = attempts
    try:
        yield attempts
    finally:
        _audit_record = None


def test_the_blocking_records_what_tries_to_connect(network_attempts) -> None:
    """The checks below are not vacuous: a look-up or a connection is refused and recorded, and the
    audit hook sees what goes around the Python functions (here a numeric look-up, which stays local)."""
    import _socket
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.invalid/", timeout=5)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.invalid", 80)
    raw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    with raw, pytest.raises(OSError):
        raw.sendto(b"x", ("192.0.2.1", 9))
    _socket.getaddrinfo("127.0.0.1", 9, 0, 0, 0, socket.AI_NUMERICHOST)
    assert [attempt.split("(")[0] for attempt in network_attempts] == [
        "socket.create_connection",
        "socket.getaddrinfo",
        "socket.socket.sendto",
        "socket.getaddrinfo",
    ]
    assert "example.invalid" in network_attempts[0]
    assert "'127.0.0.1', 9" in network_attempts[3]


def test_the_package_never_uses_qt_networking() -> None:
    sources = (REPO_ROOT / "src" / "guide_reader").rglob("*.py")
    assert not [path.name for path in sources if "QtNetwork" in path.read_text(encoding="utf-8")]


def test_main_flows_work_offline_and_nothing_tries_to_connect(qtbot, network_attempts, tmp_path) -> None:
    qt_network_before = "PySide6.QtNetwork" in sys.modules
    apply_theme(QApplication.instance(), THEMES["light"], DEFAULT_TEXT_SIZE)
    # Start: the articles, the store and the search index are built with the network blocked.
    window = MainWindow(Library(), Settings())
    asked: list[str] = []

    def ask_note(_parent: object, heading: str, _current: str) -> str:
        asked.append(heading)
        return NOTE

    window.ask_note = ask_note
    show_and_index(qtbot, window)
    assert window.index_is_ready

    # Search as a reader types (completions are asked for at each key; the search runs after a pause).
    with qtbot.waitSignal(window.background_search.done, timeout=10_000):
        qtbot.keyClicks(window.search_field, "fievre")
    assert window.pages.currentWidget() is window.search_page
    hits = window.search_page.hits
    assert hits and "fièvre" in hits[0].snippet.lower()

    # Open a result at its section, the searched words highlighted.
    with qtbot.waitSignal(window.page_shown):
        window.search_page.open_hit_at(0)
    page = window.article_page
    assert page.article is not None and page.article.slug == hits[0].article_slug
    assert page.view.highlight_count("search") > 0

    # Follow a citation to its reference and come back.
    window.open_article("regression-tumorale-spontanee", "les-complications-possibles")
    scroll = page.scroll_value()
    page.view.anchorClicked.emit(QUrl("#ref-13"))
    assert page.reference_panel.isVisible()
    assert "[13]</b> Régression tumorale" in page.reference_panel.label.text()
    page.reference_panel.go_button.click()
    assert page.scroll_value() != scroll
    window.go_back()
    assert page.scroll_value() == scroll

    # Bookmark a section with a note, from the button beside its heading.
    window.open_article("leucopenie", SECTION)
    page.view.anchorClicked.emit(QUrl(f"#marquer-{SECTION}"))
    assert asked == ["Quand Consulter un Médecin ?"]
    window.store_writes.finish()
    (bookmark,) = window.library.store.bookmarks()
    assert (bookmark.slug, bookmark.anchor, bookmark.note) == ("leucopenie", SECTION, NOTE)

    # Export the bookmarks to a file, and save the sheet for the doctor as PDF.
    exported = tmp_path / "signets.json"
    window.export_bookmarks(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["bookmarks"][0]["note"] == NOTE
    pdf = tmp_path / "feuille.pdf"
    window.save_sheet_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    window.close()
    assert network_attempts == []
    if not qt_network_before:
        assert "PySide6.QtNetwork" not in sys.modules


# The real start-up, in a child process ----------------------------------------------------

_BLOCKING_START = textwrap.dedent(
    """
    import json, os, runpy, socket, sys

    attempts = []
    EVENTS = {events!r}

    def blocked(name):
        def refuse(*args, **kwargs):
            attempts.append((name + repr(args))[:300])
            raise OSError(101, "network blocked by the test: " + name)
        return refuse

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        setattr(socket.socket, name, blocked("socket.socket." + name))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        setattr(socket, name, blocked("socket." + name))
    sys.addaudithook(lambda event, args: attempts.append((event + repr(args))[:300]) if event in EVENTS else None)

    def report(code):
        try:
            with open("/proc/self/maps", encoding="utf-8") as maps:
                qt_network_loaded = "libQt6Network" in maps.read()
        except OSError:
            qt_network_loaded = None
        with open(os.environ["GUIDE_READER_TEST_REPORT"], "w", encoding="utf-8") as stream:
            json.dump({{"code": code, "attempts": attempts, "qt_network_module": "PySide6.QtNetwork" in sys.modules,
                       "qt_network_loaded": qt_network_loaded}}, stream)

    sys.argv = ["guide-reader", *sys.argv[1:]]
    try:
        runpy.run_module("guide_reader", run_name="__main__", alter_sys=True)
    except SystemExit as exit:
        report(exit.code)
        raise
    """
).format(events=sorted(NETWORK_AUDIT_EVENTS))


def _start(tmp_path: Path, *command: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUIDE_READER_TEST_REPORT=str(tmp_path / "report.json"))
    return subprocess.run(
        [*command], capture_output=True, text=True, env=environment, timeout=120, cwd=tmp_path, check=False
    )


START_OPTIONS = ("--screenshot", "shot.png", "--open", "leucopenie#quand-consulter-un-medecin", "--search", "fievre")


def test_real_start_up_tries_no_connection(tmp_path) -> None:
    """``python -m guide_reader --screenshot``: loads the articles, builds the index, opens an article
    with the searched words highlighted and saves the picture, with the network blocked."""
    result = _start(tmp_path, sys.executable, "-c", _BLOCKING_START, *START_OPTIONS)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "shot.png").stat().st_size > 1000
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["code"] in (0, None)
    assert report["attempts"] == []
    assert report["qt_network_module"] is False
    assert report["qt_network_loaded"] in (False, None)  # None: no /proc to look at


def _traced(tmp_path: Path, name: str, *command: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    strace = shutil.which("strace")
    assert strace is not None
    log = tmp_path / f"{name}.strace"
    result = _start(
        tmp_path, strace, "-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg", "-o", str(log), *command
    )
    return result, log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_real_start_up_opens_no_network_socket_at_all(tmp_path) -> None:
    """The same start-up under strace: not one AF_INET or AF_INET6 socket, from Python, Qt or anything else."""
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed")
    control, control_calls = _traced(
        tmp_path, "control", sys.executable, "-c", "import socket; socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)"
    )
    if control.returncode != 0 or not any("AF_INET6" in call for call in control_calls):
        pytest.skip(f"strace cannot trace here: {control.stderr.strip()[:200]}")
    result, calls = _traced(tmp_path, "start", sys.executable, "-m", "guide_reader", *START_OPTIONS)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "shot.png").exists()
    assert [call for call in calls if "AF_INET" in call] == []
