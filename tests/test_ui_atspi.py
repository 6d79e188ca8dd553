"""The window as a screen reader (Orca) sees it: the AT-SPI tree, on a private session bus.

The reader runs on Xvfb with QT_ACCESSIBILITY=1 under ``dbus-run-session``; the system
python3 reads the tree with pyatspi (tests/atspi_probe.py) and presses buttons through
their AT-SPI actions. scripts/bootstrap.sh installs xvfb, dbus, at-spi2-core and python3-pyatspi.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO_ROOT

SYSTEM_PYTHON = "/usr/bin/python3"
PROBE = REPO_ROOT / "tests" / "atspi_probe.py"
PROBE_SECONDS = 60
GLYPHS_ONLY = re.compile(r"^[^A-Za-zÀ-ÿ]*[A-Za-zÀ-ÿ]?[^A-Za-zÀ-ÿ]*$")  # "A+", "◀", "☆": no word in it


def _missing_tools() -> str | None:
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (scripts/bootstrap.sh installs it)"
    if not Path(SYSTEM_PYTHON).exists():
        return "no system python3"
    check = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if check.returncode != 0:
        return "python3-pyatspi is not installed (scripts/bootstrap.sh installs it)"
    return None


def read_tree(arguments: list[str], user_dirs: dict[str, Path]) -> dict[str, list[list[str]]]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="xcb",
        XDG_DATA_HOME=str(user_dirs["data"]),
        XDG_CACHE_HOME=str(user_dirs["cache"]),
        XDG_CONFIG_HOME=str(user_dirs["config"]),
        QT_ACCESSIBILITY="1",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        LANGUAGE="fr",
        NO_AT_BRIDGE="0",
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("DISPLAY", None)
    app = [sys.executable, "-m", "guide_reader", "--lang", "fr", *arguments]
    output, log = user_dirs["data"].parent / "tree.json", user_dirs["data"].parent / "probe.log"
    output.unlink(missing_ok=True)
    command = ["xvfb-run", "-a", "dbus-run-session", "--", SYSTEM_PYTHON, str(PROBE), str(PROBE_SECONDS), str(output)]
    # Output to a file, not a pipe: the bus's helpers may outlive the run and keep a pipe open.
    with log.open("w") as log_file:
        done = subprocess.run(
            [*command, "--", *app],
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
            timeout=PROBE_SECONDS + 30,
            check=False,
        )
    assert output.exists(), f"no tree read (exit {done.returncode}): {log.read_text()[-1500:]}"
    return json.loads(output.read_text(encoding="utf-8"))["pages"]


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[str]]]:
    reason = _missing_tools()
    if reason:
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("atspi")
    dirs = {name: base / name for name in ("data", "cache", "config")}
    for path in dirs.values():
        path.mkdir()
    pages: dict[str, list[list[str]]] = {}
    for arguments in (["--open", "leucopenie"], ["--search", "fièvre"]):
        for page, rows in read_tree(arguments, dirs).items():
            pages.setdefault(page, rows)
    return pages


@pytest.fixture(autouse=True)
def _no_offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)


def nodes(rows: list[list[str]], role: str) -> list[list[str]]:
    return [row for row in rows if row[0] == role]


def names(rows: list[list[str]], role: str) -> list[str]:
    return [row[1] for row in nodes(rows, role)]


TOOLBAR = [
    "Page précédente",
    "Page suivante",
    "Accueil",
    "Mes signets et l'historique de lecture",
    "Marquer la section en cours",
    "Texte plus petit",
    "Texte plus grand",
    "Affichage : thème, taille du texte, langue",
]


@pytest.mark.parametrize("page", ["article", "search", "bookmarks", "home"])
def test_every_page_has_its_toolbar_with_spoken_names(trees, page) -> None:
    rows = trees[page]
    buttons = names(rows, "push button")
    assert [name for name in buttons if name in TOOLBAR] == TOOLBAR
    assert "Chercher dans les guides" in names(rows, "text")
    for row in nodes(rows, "push button") + nodes(rows, "check box"):
        assert row[1] and not GLYPHS_ONLY.match(row[1]), row  # a name in words, never a glyph
    for row in nodes(rows, "push button"):
        if row[1] in TOOLBAR:
            assert "focusable" in row, row  # reachable with Tab


def test_article_page_tree(trees) -> None:
    rows = trees["article"]
    assert nodes(rows, "frame")[0][1] == "Leucopénie — Guide Reader"
    contents = [row for row in rows if row[1] == "Sommaire du guide"]
    assert contents and contents[0][0] in ("tree", "tree table", "list")
    items = [row[1] for row in rows if row[0] in ("tree item", "table cell", "list item")]
    assert items[:2] == ["Début du guide", "Leucopénie : Définition et Vue d'Ensemble"] and len(items) >= 5
    assert any(row[1] == "Texte du guide" and "focusable" in row for row in rows)
    toggle = [row for row in rows if row[1] in ("Sommaire affiché", "Sommaire masqué")]
    assert toggle and toggle[0][0] in ("toggle button", "check box") and "checked" in toggle[0]
    assert any("Source non indiquée" in row[1] for row in nodes(rows, "label"))


def test_search_page_results_are_a_list_of_items(trees) -> None:
    rows = trees["search"]
    assert nodes(rows, "frame")[0][1] == "Recherche — Guide Reader"
    assert "Résultats de la recherche" in names(rows, "list")
    items = nodes(rows, "list item")
    assert len(items) >= 3
    assert all(" — " in row[1] and "fièvre" in row[1].lower() for row in items[:3]), items[:3]
    assert any("selected" in row for row in items)
    assert any(re.match(r"\d+ résultats? · \d+ guides?", row[1]) for row in nodes(rows, "label"))


def test_bookmarks_page_tree(trees) -> None:
    rows = trees["bookmarks"]
    assert nodes(rows, "frame")[0][1] == "Mes signets — Guide Reader"
    assert names(rows, "page tab")[:2] == ["Signets", "Lu récemment"]
    for button in ("Imprimer…", "Enregistrer en PDF…", "Exporter…", "Importer…"):
        assert button in names(rows, "push button")


def test_home_page_tree(trees) -> None:
    rows = trees["home"]
    assert nodes(rows, "frame")[0][1].startswith("Guide Reader")
    assert "Liste des guides" in names(rows, "list")
    assert "Filtrer la liste des guides" in names(rows, "text")
    cards = names(rows, "list item")  # each card: an item of the list, named by its guide's title
    for title in ("Leucopénie", "Régression Tumorale Spontanée"):
        assert title in cards


def test_a_changed_search_page_is_announced(trees) -> None:
    """Clearing the search (its clear button, pressed over AT-SPI) is said without moving the focus."""
    heard = [row[1] for row in trees["announcements"]]
    assert heard and heard[0].startswith("Chercher dans tous les guides.")
