"""Files that are not files: FIFOs, devices, folders and huge files named like inputs.

Each kind of outside file (article, raw page, bookmarks file, settings, synonyms) is tried
with each kind of non-file. The readers run in a child process with a time limit, so a
reader that blocks fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from guide_reader.safe_files import FileTooLargeError, NotRegularFileError, read_limited, read_text_limited

CHILD_TIMEOUT_S = 60


def _make(kind: str, path: Path) -> None:
    """Put a non-file of ``kind`` at ``path``."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev-urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "folder":
        path.mkdir()
    else:
        raise AssertionError(kind)


NON_FILES = ["fifo", "dev-zero", "dev-urandom", "folder"]


def _run_child(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a child Python with a memory cap and a time limit (a hang fails, it does not block)."""
    prelude = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        env={**os.environ, **env},
        check=False,
    )


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-urandom"])
def test_read_limited_refuses_what_is_not_a_regular_file(tmp_path, kind) -> None:
    path = tmp_path / "x.md"
    _make(kind, path)
    with pytest.raises(NotRegularFileError) as caught:
        read_limited(path, 1024)
    assert caught.value.strerror == "pas un fichier ordinaire"


def test_read_limited_refuses_a_folder(tmp_path) -> None:
    with pytest.raises(IsADirectoryError):
        read_limited(tmp_path, 1024)


def test_read_limited_reads_up_to_the_limit_and_no_more(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, 100) == b"x" * 100
    with pytest.raises(FileTooLargeError) as caught:
        read_limited(path, 99)
    assert (caught.value.size, caught.value.limit) == (100, 99)


def test_read_text_limited_drops_a_byte_order_mark(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfbonjour")
    assert read_text_limited(path, 100) == "bonjour"


@pytest.mark.parametrize("kind", NON_FILES)
def test_a_content_folder_with_a_non_file_article_loads_the_others(tmp_path, content_copy, kind) -> None:
    _make(kind, content_copy / "x.md")
    result = _run_child(
        f"""
        from pathlib import Path
        from guide_reader.content.cache import Catalogue
        catalogue = Catalogue(Path({str(content_copy)!r}), None)
        catalogue.sync()
        print(len(catalogue.entries()))
        for problem in catalogue.problems():
            print(problem.file, problem.message)
        """
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "3"
    refused = [line for line in lines[1:] if line.startswith("x.md ")]
    assert len(refused) == 1
    assert "lecture impossible" in refused[0]


@pytest.mark.parametrize("kind", NON_FILES)
def test_check_command_does_not_hang_on_a_non_file_article(tmp_path, content_copy, kind) -> None:
    _make(kind, content_copy / "x.md")
    result = _run_child(
        f"""
        import sys
        from guide_reader.cli import main
        sys.exit(main(["check", {str(content_copy)!r}]))
        """,
        GUIDE_READER_CACHE_DIR=str(tmp_path / "cache"),
    )
    assert result.returncode == 1  # one unreadable file is an error; the others are read
    assert "x.md" in result.stderr
    assert "3 article(s) lu(s)" in result.stdout


@pytest.mark.parametrize("kind", NON_FILES)
def test_import_refuses_a_non_file_raw_page(tmp_path, kind) -> None:
    source = tmp_path / "page.txt"
    _make(kind, source)
    result = _run_child(
        f"""
        import sys
        from guide_reader.cli import main
        sys.exit(main(["import", {str(source)!r}, "--out", {str(tmp_path / "out")!r}]))
        """
    )
    assert result.returncode == 1
    assert "page.txt" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", NON_FILES)
def test_bookmarks_import_refuses_a_non_file(tmp_path, kind) -> None:
    source = tmp_path / "signets.json"
    _make(kind, source)
    result = _run_child(
        f"""
        import sys
        from guide_reader.cli import main
        sys.exit(main(["bookmarks", "import", {str(source)!r}]))
        """,
        GUIDE_READER_DATA_DIR=str(tmp_path / "data"),
    )
    assert result.returncode == 2
    assert "signets.json" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", NON_FILES)
def test_a_non_file_synonyms_list_is_reported_not_read(tmp_path, kind) -> None:
    source = tmp_path / "synonyms.txt"
    _make(kind, source)
    result = _run_child(
        f"""
        from pathlib import Path
        from guide_reader.search.synonyms import load_synonyms
        print(load_synonyms(Path({str(source)!r})).problems)
        """
    )
    assert result.returncode == 0, result.stderr
    assert "synonymes illisibles" in result.stdout


@pytest.mark.parametrize("kind", NON_FILES)
def test_a_non_file_content_setting_is_ignored(tmp_path, kind) -> None:
    config = tmp_path / "config"
    config.mkdir()
    _make(kind, config / "content.toml")
    result = _run_child(
        """
        from guide_reader.paths import bundled_content_dir, default_content_dir
        print(default_content_dir() == bundled_content_dir())
        """,
        GUIDE_READER_CONFIG_DIR=str(config),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-urandom"])
def test_a_non_file_kiosk_settings_file_is_refused(tmp_path, kind) -> None:
    source = tmp_path / "kiosk.toml"
    _make(kind, source)
    result = _run_child(
        f"""
        from pathlib import Path
        from guide_reader.kiosk.config import KioskConfigError, load_config
        try:
            load_config(Path({str(source)!r}))
        except KioskConfigError as error:
            print("refused:", error)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("refused:")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-urandom"])
def test_a_non_file_window_settings_file_is_not_read(tmp_path, kind) -> None:
    config = tmp_path / "config"
    config.mkdir()
    _make(kind, config / "settings.ini")
    result = _run_child(
        """
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from guide_reader.ui.settings import Settings
        settings = Settings()
        print(settings.text_size)
        """,
        GUIDE_READER_CONFIG_DIR=str(config),
        QT_QPA_PLATFORM="offscreen",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().isdigit()


@pytest.mark.parametrize("kind", NON_FILES)
def test_a_non_file_pronunciation_list_is_reported_not_read(tmp_path, kind) -> None:
    source = tmp_path / "pronunciation.txt"
    _make(kind, source)
    result = _run_child(
        f"""
        from pathlib import Path
        from guide_reader.content.pronunciation import load_pronunciation
        print(load_pronunciation(Path({str(source)!r})).problems)
        """
    )
    assert result.returncode == 0, result.stderr
    assert "pronunciation.txt" in result.stdout
