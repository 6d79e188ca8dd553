"""Where the articles and the user's folders are."""

from __future__ import annotations

import zipfile
from pathlib import Path

from guide_reader import paths

from .conftest import CONTENT_DIR


def test_bundled_content_from_the_checkout() -> None:
    assert paths.bundled_content_dir().resolve() == CONTENT_DIR.resolve()


def test_bundled_content_inside_an_installed_package(tmp_path, monkeypatch) -> None:
    package = tmp_path / "guide_reader"
    (package / "bundled_content").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.bundled_content_dir() == package / "bundled_content"


def test_a_content_folders_own_file_else_the_bundled_one(tmp_path) -> None:
    """Synonyms and pronunciation: a clinic's folder may bring its own; a folder without falls back
    to the program's, and so does a folder (not a file) of that name."""
    from guide_reader.content.pronunciation import pronunciation_file
    from guide_reader.library import Library

    (tmp_path / "synonyms.txt").write_text("fièvre = hyperthermie\n", encoding="utf-8")
    (tmp_path / "pronunciation.txt").mkdir()
    library = Library(tmp_path, sync=False)
    assert library.synonyms_file == tmp_path / "synonyms.txt"
    library.close()
    assert pronunciation_file(tmp_path) == CONTENT_DIR / "pronunciation.txt"
    assert paths.content_file(tmp_path / "absent", "synonyms.txt") == CONTENT_DIR / "synonyms.txt"


def test_user_folders_follow_xdg(user_dirs) -> None:
    assert paths.user_data_dir() == user_dirs["data"] / "guide-reader"
    assert paths.user_cache_dir() == user_dirs["cache"] / "guide-reader"
    assert paths.user_config_dir() == user_dirs["config"] / "guide-reader"


def test_user_folders_can_be_moved(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GUIDE_READER_CACHE_DIR", str(tmp_path / "cache"))
    assert paths.user_cache_dir() == tmp_path / "cache"


def test_wheel_ships_the_articles(tmp_path) -> None:
    """The wheel build configuration puts content/ inside the package."""
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(CONTENT_DIR.parent)],
        check=True,
        capture_output=True,
    )
    wheel = next(Path(tmp_path).glob("guide_reader-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "guide_reader/bundled_content/leucopenie.md" in names
    assert "guide_reader/bundled_content/sources/002_e574ecf732a44809.txt" in names
    assert "guide_reader/content/loader.py" in names
