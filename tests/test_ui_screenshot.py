"""guide-reader --screenshot renders the window offscreen and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def run_screenshot(tmp_path, *options: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "guide_reader", "--screenshot", str(tmp_path / "shot.png"), *options],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_screenshot_of_an_article_section_in_the_dark_theme(tmp_path) -> None:
    result = run_screenshot(tmp_path, "--open", "leucopenie#quand-consulter-un-medecin", "--theme", "dark",
                            "--size", "1000x700")  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(tmp_path / "shot.png"))
    assert (image.width(), image.height()) == (1000, 700)


def test_screenshot_of_search_results(tmp_path) -> None:
    result = run_screenshot(tmp_path, "--search", "globules blancs bas", "--size", "900x600")
    assert result.returncode == 0, result.stderr
    assert not QImage(str(tmp_path / "shot.png")).isNull()


def test_bad_size_is_refused_clearly(tmp_path) -> None:
    result = run_screenshot(tmp_path, "--size", "huge")
    assert result.returncode == 2
    assert "taille invalide" in result.stderr
