"""Errors reach someone: a rotating log in the user state folder, a calm message for the unexpected,
and every degraded state said once in the window in plain words."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from guide_reader.cli import main
from guide_reader.library import Library
from guide_reader.logs import BACKUP_COUNT, MAX_LOG_BYTES, log_file, setup_logging
from guide_reader.search.model import IndexReport
from guide_reader.ui.excepthook import ErrorReporter, install
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import Settings


@pytest.fixture(autouse=True)
def _state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_READER_STATE_DIR", str(tmp_path / "state"))
    yield
    setup_logging()  # the next test's own folder, not this one's


def test_the_log_is_a_rotating_file_in_the_user_state_folder(tmp_path) -> None:
    path = setup_logging()
    assert path == log_file() == tmp_path / "state" / "guide-reader.log"
    logging.getLogger("guide_reader.store.database").warning("écriture impossible : disque plein")
    assert "écriture impossible : disque plein" in path.read_text(encoding="utf-8")
    handler = next(h for h in logging.getLogger("guide_reader").handlers if getattr(h, "guide_reader_log", False))
    rotating = handler.file  # made at the first record
    assert (rotating.maxBytes, rotating.backupCount) == (MAX_LOG_BYTES, BACKUP_COUNT)


def test_the_log_turns_over_at_its_size_and_keeps_its_older_files(tmp_path) -> None:
    path = setup_logging()
    logger = logging.getLogger("guide_reader.search")
    line = "x" * 1000
    for _ in range((BACKUP_COUNT + 2) * MAX_LOG_BYTES // len(line)):
        logger.info(line)
    kept = sorted(found.name for found in path.parent.iterdir())
    assert kept == ["guide-reader.log", *(f"guide-reader.log.{number}" for number in range(1, BACKUP_COUNT + 1))]
    assert all(found.stat().st_size <= MAX_LOG_BYTES for found in path.parent.iterdir())


def test_a_log_that_cannot_be_written_stops_nothing(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("GUIDE_READER_STATE_DIR", str(blocker / "state"))
    assert setup_logging() is None
    logging.getLogger("guide_reader").error("nowhere to go")


def test_a_log_path_that_is_a_fifo_is_not_opened(tmp_path) -> None:
    import os

    (tmp_path / "state").mkdir()
    os.mkfifo(tmp_path / "state" / "guide-reader.log")
    assert setup_logging() is None
    logging.getLogger("guide_reader").error("not written to the FIFO")  # would block if it were opened


def test_the_command_line_logs_what_it_could_not_keep(capsys, tmp_path, monkeypatch) -> None:
    from guide_reader.paths import user_data_dir

    database = user_data_dir() / "guide-reader.sqlite3"
    database.mkdir(parents=True)
    assert main(["bookmarks", "add", "leucopenie#quand-consulter-un-medecin"]) == 1
    assert "cannot use database" in log_file().read_text(encoding="utf-8")
    assert "cannot use database" not in capsys.readouterr().err  # the terminal gets the plain message only


def test_an_unexpected_error_is_logged_and_told_calmly_once(qtbot) -> None:
    setup_logging()
    reporter = ErrorReporter()
    for _ in range(3):
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError:
            reporter.handle(*sys.exc_info())
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
    assert reporter.reported == 3
    assert reporter.box.textFormat() == Qt.TextFormat.PlainText
    assert "Un problème inattendu est survenu" in reporter.box.text()
    assert str(log_file()) in reporter.box.text()
    text = log_file().read_text(encoding="utf-8")
    assert text.count("ZeroDivisionError: boom") == 3
    assert "Traceback" in text
    reporter.box.close()
    assert (
        len([w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "Problème inattendu"])
        == 0
    )


def test_install_routes_both_hooks_to_the_reporter(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    setup_logging()
    reporter = install(QApplication.instance())
    thread = threading.Thread(target=lambda: 1 / 0, name="worker-x")
    thread.start()
    thread.join()
    assert reporter.reported == 1
    assert "unexpected error in worker-x" in log_file().read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: reporter.box is not None)
    reporter.box.close()


@pytest.fixture
def window(qtbot) -> MainWindow:
    window = MainWindow(Library(), Settings(in_memory=True))
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_memory_only_index_is_said_once_in_plain_words(window) -> None:
    report = IndexReport("built", 3, 0.1, ["index sur disque inutilisable (x) : index en mémoire pour cette session"])
    window._index_finished(report)
    assert window.status_label.text().startswith("La recherche fonctionne, mais son index n'a pas pu être enregistré")
    window.status_label.setText("autre chose")
    window._index_finished(report)
    assert window.status_label.text() == "Recherche prête."  # said once
    assert list(window.degraded.said) == ["index-memory"]


def test_no_index_is_said_in_plain_words_without_the_raw_error(window) -> None:
    window._index_failed("[Errno 2] No such file or directory: '_MAIN_1.toc'")
    assert (
        window.status_label.text() == "La recherche est indisponible pour le moment ; la lecture des guides continue."
    )
    assert "Errno" not in window.status_label.text()


def test_a_search_failing_on_a_damaged_index_says_so_and_rebuilds(qtbot, window, monkeypatch) -> None:
    from tests.conftest import show_and_index

    show_and_index(qtbot, window)
    engine = window.library.search_engine

    def broken(plan, searcher, vocabulary, limit):
        raise OSError("damaged segment")

    monkeypatch.setattr(engine, "_run", broken)
    with qtbot.waitSignal(window.index_ready, timeout=60_000):
        window.search_for("fièvre")
        assert "L'index de recherche était endommagé" in window.status_label.text()
        monkeypatch.undo()
    assert window.search_page.hits  # the rebuilt index answers the query typed before
    assert list(window.degraded.said) == ["search"]


def test_a_search_typed_in_the_field_on_a_damaged_index_rebuilds_it_too(qtbot, window, monkeypatch) -> None:
    from tests.conftest import show_and_index

    show_and_index(qtbot, window)
    engine = window.library.search_engine

    def broken(plan, searcher, vocabulary, limit):
        raise OSError("damaged segment")

    monkeypatch.setattr(engine, "_run", broken)
    with qtbot.waitSignal(window.index_ready, timeout=60_000):
        window.focus_search()
        qtbot.keyClicks(window.search_field, "fievre")  # answered on a pool thread after the typing pause
        qtbot.waitUntil(lambda: "L'index de recherche était endommagé" in window.status_label.text(), timeout=10_000)
        monkeypatch.undo()
    assert list(window.degraded.said) == ["search"]


def test_a_read_only_store_is_said_in_the_window(window) -> None:
    from guide_reader.store import BookmarkStore, default_database_path
    from tests.test_store_faults import read_only_media

    with BookmarkStore(default_database_path()) as store:
        store.history.record("leucopenie", article_title="L")
    read_only_media(default_database_path())
    window.show_store_notice()
    assert window.degraded.said["store"].startswith("Vos signets sont affichés, mais les nouveaux ne peuvent pas")
    window.store_notice_box.close()


def test_a_later_search_retries_a_failed_index_build(qtbot, window) -> None:
    window._index_failed("[Errno 2] No such file or directory: 'guide_x.trm'")
    window._last_index_try -= 60  # as if the failure were a minute old
    with qtbot.waitSignal(window.index_ready, timeout=60_000):
        window.search_for("fièvre")
    assert window.index_error is None
    assert window.search_page.hits


def test_the_window_heals_an_index_damaged_with_its_time_kept(qtbot, window) -> None:
    import os

    from PySide6.QtCore import QThreadPool

    from guide_reader.search.store import INDEX_NAME
    from tests.conftest import show_and_index

    show_and_index(qtbot, window)
    assert QThreadPool.globalInstance().waitForDone(60_000)  # its own check of the index is done too
    index_dir = window.library.index_dir
    segment = max(index_dir.glob(f"{INDEX_NAME}_*.seg"), key=lambda path: path.stat().st_size)
    status = segment.stat()
    data = bytearray(segment.read_bytes())
    for offset in range(len(data) // 3, len(data) // 3 + 64):
        data[offset] ^= 0x55
    segment.write_bytes(bytes(data))
    os.utime(segment, ns=(status.st_atime_ns, status.st_mtime_ns))
    again = MainWindow(Library(), Settings(in_memory=True))
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.index_ready, timeout=60_000):
        again.start_indexing()  # opens the index as it is: the manifest sees nothing wrong
    qtbot.waitUntil(lambda: "search" in again.degraded.said, timeout=60_000)  # the check after opening
    assert again.degraded.said["search"] == "L'index de recherche était endommagé : il a été reconstruit."
    again.search_for("traitement")
    assert again.search_page.hits


def test_an_exception_escaping_a_slot_reaches_the_reporter(qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QTimer

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    setup_logging()
    reporter = install(QApplication.instance())
    QTimer.singleShot(0, lambda: {}["missing key"])
    qtbot.waitUntil(lambda: reporter.reported == 1)
    assert "KeyError: 'missing key'" in log_file().read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: reporter.box is not None)
    reporter.box.close()
