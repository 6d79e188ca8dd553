"""A clinic's own folder of articles: chosen once, imported and checked, indexed incrementally."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QApplication

from guide_reader import __version__, paths
from guide_reader.cli import main
from guide_reader.library import Library
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import Settings

from .conftest import SOURCES_DIR

RAW_ARTICLE = """Angine : Guide Complet 2025 - Symptômes et Traitements

L'angine est une inflammation de la gorge, souvent virale [1].

Comment Reconnaître les Symptômes ?
La gorge fait mal et la fièvre monte parfois au-dessus de 38°C [1].
Quand Consulter un Médecin ?
Consultez si la fièvre dure plus de trois jours ou si avaler devient impossible [1].
Sources et références
Références
- [1] Angine, Assurance Maladie.Lien

Avertissement : Ces informations ne remplacent pas un avis médical.
"""


def test_the_remembered_folder_is_the_default_everywhere(tmp_path, capsys) -> None:
    folder = tmp_path / "guides"
    shutil.copytree(paths.bundled_content_dir(), folder)
    paths.remember_content_dir(folder)
    assert paths.default_content_dir() == folder.resolve()
    assert Library().content_dir == folder.resolve()
    paths.remember_content_dir(None)
    assert paths.default_content_dir() == paths.bundled_content_dir()


def test_environment_variable_overrides_the_setting(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GUIDE_READER_CONTENT_DIR", str(tmp_path))
    assert paths.default_content_dir() == tmp_path


def test_content_pack_flow_from_a_fresh_folder(tmp_path, capsys) -> None:
    folder = tmp_path / "clinique"
    folder.mkdir()
    raw = tmp_path / "angine.txt"
    raw.write_text(RAW_ARTICLE, encoding="utf-8")
    assert main(["import", str(raw), "--content", str(folder)]) == 0
    assert (folder / "angine.md").is_file() and (folder / "sources" / "angine.txt").is_file()
    assert main(["check", str(folder)]) == 0
    assert main(["index", "--content", str(folder)]) == 0
    capsys.readouterr()
    assert main(["search", "gorge", "--json", "--content", str(folder)]) == 0
    assert '"article_slug": "angine"' in capsys.readouterr().out

    # A second article arrives: only it is indexed at the next start.
    shutil.copy(next(SOURCES_DIR.glob("002_*.txt")), tmp_path / "leucopenie.txt")
    assert main(["import", str(tmp_path / "leucopenie.txt"), "--content", str(folder)]) == 0
    library = Library(folder)
    report = library.search_engine.ensure_index()
    assert report.action == "updated"
    assert report.articles_indexed == 1
    assert [hit.article_slug for hit in library.search_engine.search("leucopénie").hits][:1] == ["leucopenie"]
    library.close()

    (folder / "angine.md").unlink()
    library = Library(folder)
    report = library.search_engine.ensure_index()
    assert report.action == "updated"
    assert library.search_engine.search("gorge").hits == [] or all(
        hit.article_slug != "angine" for hit in library.search_engine.search("gorge").hits
    )
    library.close()


def test_about_box_lists_the_version_and_the_articles_sources(qtbot) -> None:
    window = MainWindow(Library(), Settings())
    qtbot.addWidget(window)
    about = window.about_html()
    assert f"Guide Reader {__version__}" in about
    assert "sources/002_e574ecf732a44809.txt" not in about  # a file name tells a reader nothing
    assert "Source : Johanna Amselem · publié le" in about
    assert "Source non indiquée · date inconnue · mise à jour inconnue" in about
    assert "sante-sur-le-net.com" in about
    window.show_about()
    assert window.about_box.isVisible()
    window.about_box.close()
    QApplication.processEvents()
