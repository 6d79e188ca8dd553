"""The window when the store cannot write, on read-only media, and with text from files or people."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from guide_reader.library import Library
from guide_reader.store import FORMAT_NAME, MAX_NOTE_CHARS, BookmarkStore, default_database_path
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.note_dialog import NoteDialog
from guide_reader.ui.settings import Settings

from .test_store_faults import LONG_NOTE, full_disk, read_only_media  # noqa: F401 (fixture)

SECTION = "quand-consulter-un-medecin"
UI_DIR = Path(__file__).resolve().parent.parent / "src" / "guide_reader" / "ui"
HTML = '<img src="/tmp/x.png"><h1><font color=red>URGENT : appelez le 0800</font></h1>'


def make_window(qtbot, note: str) -> MainWindow:
    window = MainWindow(Library(), Settings(in_memory=True))
    window.ask_note = lambda _parent, _heading, _current: note
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_note_not_saved_on_a_full_disk_stays_on_screen_with_retry_and_copy(qtbot, full_disk) -> None:  # noqa: F811
    window = make_window(qtbot, LONG_NOTE)
    window.open_article("leucopenie", SECTION)
    window.bookmark_section(SECTION)
    window.store_writes.finish()
    dialog = window.note_not_kept_dialog
    assert dialog.isVisible()
    assert dialog.note() == LONG_NOTE
    assert "le disque est plein" in dialog.message.text()
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText
    assert SECTION not in window.article_page.bookmarked
    assert window.library.store.bookmarks() == []
    assert "ne sont pas enregistrés : le disque est plein" in window.status_label.text()
    dialog.copy_note()
    assert QApplication.clipboard().text() == LONG_NOTE
    # Room again on the disk: « Réessayer » keeps the note as edited in the dialog.
    window.library.store._database._connection.execute("PRAGMA max_page_count = 100000")
    dialog.editor.setPlainText(LONG_NOTE + " !")
    dialog.retry_button.click()
    window.store_writes.finish()
    (bookmark,) = window.library.store.bookmarks()
    assert bookmark.note == LONG_NOTE + " !"
    assert SECTION in window.article_page.bookmarked


def test_reading_goes_on_when_history_cannot_be_written(qtbot) -> None:
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with BookmarkStore(path) as store:
        store.add("leucopenie", SECTION, kind="section", article_title="Leucopénie", heading="Quand", note="gardée")
    read_only_media(path)
    window = make_window(qtbot, "nouvelle")
    assert window.library.store.read_only
    window.open_article("leucopenie", SECTION)
    window.open_article("cancer-qui-regresse-tout-seul")
    window.store_writes.finish()
    assert window.article_page.article.slug == "cancer-qui-regresse-tout-seul"
    message = window.status_label.text()
    assert "ne sont pas enregistrés : le fichier des signets est en lecture seule" in message
    assert list(window.degraded.said) == ["store-write"]  # said once, not at every page
    window.open_article("leucopenie", SECTION)
    window.bookmark_section(SECTION)
    window.store_writes.finish()
    assert window.note_not_kept_dialog.note() == "nouvelle"
    assert [bookmark.note for bookmark in window.library.store.bookmarks()] == ["gardée"]  # still shown
    window.show_store_notice()
    assert "lecture seule" in window.store_notice_box.text()


def test_the_note_dialog_refuses_a_note_too_long_and_says_why(qtbot) -> None:
    dialog = NoteDialog("Quand consulter")
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("x" * MAX_NOTE_CHARS)
    assert dialog.save_button.isEnabled()
    assert dialog.limit_label.isHidden()
    dialog.editor.setPlainText("x" * (MAX_NOTE_CHARS + 5))
    assert not dialog.save_button.isEnabled()
    assert dialog.limit_label.text().startswith(f"Note trop longue : {MAX_NOTE_CHARS + 5} caractères")
    assert dialog.editor.toPlainText() == "x" * (MAX_NOTE_CHARS + 5)  # nothing typed is cut


def test_import_error_shows_the_files_text_as_plain_text(qtbot, tmp_path) -> None:
    window = make_window(qtbot, "")
    source = tmp_path / "piege.json"
    entry = {"slug": "leucopenie", "anchor": "a", "kind": HTML}
    source.write_text(json.dumps({"format": FORMAT_NAME, "version": 1, "bookmarks": [entry]}), encoding="utf-8")
    window.import_bookmarks(source)
    window.store_writes.finish()
    box = window.message_box
    assert box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "fichier de signets illisible" in box.text()
    assert "<img" in box.text()
    box.close()


def test_no_dialog_of_the_window_reads_its_text_as_html() -> None:
    """QMessageBox's static functions (warning, information...) use AutoText: a tag in the text turns it to HTML."""
    offenders = []
    for path in sorted(UI_DIR.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"QMessageBox\.(warning|information|critical|question|about)\(", text):
            offenders.append(f"{path.name}:{text[: match.start()].count(chr(10)) + 1}")
        for match in re.finditer(r"QMessageBox\(", text):
            after = text[match.start() : match.start() + 600]
            if "setTextFormat(" not in after:
                offenders.append(f"{path.name}:{text[: match.start()].count(chr(10)) + 1} (no text format)")
    assert offenders == []


def test_every_label_showing_user_or_file_text_is_plain(qtbot, tmp_path) -> None:
    """Sweep: bookmarks and history with HTML in them, every page and dialog shown; no label reads them as HTML."""
    with BookmarkStore(default_database_path()) as store:
        store.add("leucopenie", SECTION, kind="section", article_title=HTML, heading=HTML, note=HTML)
        store.add("absent", "x", kind="section", article_title=HTML, heading=HTML, note=HTML)
        store.history.record("absent", "x", article_title=HTML, heading=HTML)
    window = make_window(qtbot, HTML)
    window.open_article("leucopenie", SECTION)
    window.bookmark_section(SECTION)
    window.store_writes.finish()
    window.go_to(window.history.current.__class__("bookmarks"))
    window._note_not_kept(HTML, HTML, OSError(HTML), lambda _note: None)
    bad = tmp_path / "bad.json"
    bad.write_text(HTML, encoding="utf-8")
    window.import_bookmarks(bad)
    window.store_writes.finish()
    labels = [
        label
        for top in QApplication.topLevelWidgets()
        if top is window or isinstance(top, QDialog | QMessageBox) or top.parent() is window
        for label in top.findChildren(QLabel)
        if "<" in label.text() and label.isVisible()
    ]
    labels += [
        label for dialog in window.findChildren(QDialog) for label in dialog.findChildren(QLabel) if "<" in label.text()
    ]
    assert labels, "the sweep must meet the crafted text"
    rich = [label.text()[:80] for label in labels if label.textFormat() != Qt.TextFormat.PlainText]
    assert rich == []


@pytest.mark.parametrize("reason", ["disk-full", "read-only", "busy"])
def test_each_write_failure_reason_is_said_in_plain_words(qtbot, reason) -> None:
    from guide_reader.store import StoreWriteError
    from guide_reader.ui.write_failures import reason_text

    assert reason_text(StoreWriteError(reason)) == str(StoreWriteError(reason))


def test_removing_on_read_only_media_says_why_and_keeps_the_bookmark(qtbot) -> None:
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with BookmarkStore(path) as store:
        store.add("leucopenie", SECTION, kind="section", article_title="Leucopénie", heading="Quand", note="gardée")
        store.history.record("leucopenie", SECTION, article_title="Leucopénie")
    read_only_media(path)
    window = make_window(qtbot, "")
    window.go_to(window.history.current.__class__("bookmarks"))
    page = window.bookmarks_page
    page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
    page.remove_current()
    page.clear_history()
    assert window.store_writes.finish(30)  # written off the GUI thread, answered on it
    assert "le fichier des signets est en lecture seule" in window.status_label.text()
    assert len(window.library.store.bookmarks()) == 1
    assert len(window.library.store.history.recent()) == 1
    assert not page.undo_stack.canUndo()  # nothing was removed: nothing to undo
    assert page._current_bookmark().note == "gardée"  # still listed and selected
    assert page.history_list.count() == 1 and "Leucopénie" in page.history_list.item(0).text()


def test_an_undo_not_kept_leaves_the_bookmark_removed_and_the_undo_to_try_again(qtbot, monkeypatch) -> None:
    from guide_reader.store import StoreWriteError

    window = make_window(qtbot, "")
    store = window.library.store
    store.add("leucopenie", SECTION, kind="section", article_title="Leucopénie", heading="Quand", note="gardée")
    window.go_to(window.history.current.__class__("bookmarks"))
    page = window.bookmarks_page
    page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
    page.remove_current()
    assert window.store_writes.finish(30)
    assert store.bookmarks() == []

    def full(_bookmark: object) -> None:
        raise StoreWriteError("disk-full")

    monkeypatch.setattr(type(store), "restore", lambda _self, bookmark: full(bookmark))
    page.undo_remove()
    assert window.store_writes.finish(30)
    assert store.bookmarks() == []
    assert page.undo_stack.canUndo() and page.undo_bar.isVisible()  # can be tried again
    assert str(StoreWriteError("disk-full")) in window.status_label.text()
    monkeypatch.undo()
    page.undo_remove()
    assert window.store_writes.finish(30)
    assert [bookmark.note for bookmark in store.bookmarks()] == ["gardée"]
    assert page._current_bookmark().note == "gardée"
    assert not page.undo_stack.canUndo()


def test_open_from_the_command_line_shows_the_window_when_history_cannot_be_written(tmp_path) -> None:
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    data.mkdir()
    path = data / "guide-reader.sqlite3"
    with BookmarkStore(path) as store:
        store.history.record("leucopenie", article_title="Leucopénie")
    read_only_media(path)
    shot = tmp_path / "open.png"
    env = {
        **os.environ,
        "GUIDE_READER_DATA_DIR": str(data),
        "GUIDE_READER_STATE_DIR": str(tmp_path / "state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-m", "guide_reader", "--open", "leucopenie", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert shot.stat().st_size > 10_000
    assert "store write failed" in (tmp_path / "state" / "guide-reader.log").read_text(encoding="utf-8")


def test_an_edited_note_not_saved_stays_on_screen(qtbot) -> None:
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with BookmarkStore(path) as store:
        bookmark = store.add("leucopenie", SECTION, kind="section", article_title="L", heading="Quand", note="avant")
    read_only_media(path)
    window = make_window(qtbot, "après, plus long")
    window.edit_bookmark_note(bookmark)
    window.store_writes.finish()
    assert window.note_not_kept_dialog.note() == "après, plus long"
    assert "lecture seule" in window.note_not_kept_dialog.message.text()
    assert window.library.store.get(bookmark.id).note == "avant"


def test_a_kiosk_with_an_old_session_file_it_cannot_delete_starts_empty_and_says_so(qtbot, capsys) -> None:
    from guide_reader.kiosk import load_config
    from guide_reader.paths import user_data_dir
    from guide_reader.ui.kiosk.start import kiosk_window

    path = user_data_dir() / "kiosk-session.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    with BookmarkStore(path) as store:
        store.add("leucopenie", SECTION, kind="section", article_title="L", heading="H", note="visiteur d'hier")
    read_only_media(path)  # its -wal and -shm are folders: they cannot be deleted as files
    window = kiosk_window(None, load_config(None))
    qtbot.addWidget(window)
    assert window.library.store.bookmarks() == []  # the session lives in memory, never in that file
    assert not path.exists()
    assert "Ancien fichier de session du kiosque non supprimé" in capsys.readouterr().err
    window.exit_allowed = True
