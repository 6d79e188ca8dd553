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


def test_an_article_to_open_that_is_unknown_or_unreadable_is_said_and_the_exit_code_is_1(tmp_path) -> None:
    content = tmp_path / "guides"
    content.mkdir()
    (content / "grippe.md").write_text("---\ntitle: Grippe\n---\n\nLa grippe.\n", encoding="utf-8")
    (content / "fievre.md").write_bytes("---\ntitle: Fièvre\n---\n\nTexte é.\n".encode("cp1252"))
    unknown = run_screenshot(tmp_path, "--content", str(content), "--open", "zona")
    assert unknown.returncode == 1 and "article inconnu : zona" in unknown.stderr
    unreadable = run_screenshot(tmp_path, "--content", str(content), "--open", "fievre")
    assert unreadable.returncode == 1
    assert "article illisible : fievre.md:2: erreur: texte qui n'est pas en UTF-8" in unreadable.stderr
    assert not QImage(str(tmp_path / "shot.png")).isNull()  # the window as it is, still saved
