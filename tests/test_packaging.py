"""Packaging files: the desktop entry, the AppStream metadata, the icon and the PyInstaller spec.

The bundle itself is not built here (too slow for the test suite): scripts/build-bundle
builds it and runs a smoke test on it.
"""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest

import guide_reader
from guide_reader import paths

from .conftest import REPO_ROOT

RESOURCES = REPO_ROOT / "resources"
DESKTOP_FILE = RESOURCES / "guide-reader.desktop"
METAINFO_FILE = RESOURCES / "io.github.guidereader.GuideReader.metainfo.xml"
ICON_FILE = RESOURCES / "icons" / "guide-reader.svg"
SPEC_FILE = REPO_ROOT / "packaging" / "guide-reader.spec"
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build-bundle"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _pyproject() -> dict:
    with (REPO_ROOT / "pyproject.toml").open("rb") as stream:
        return tomllib.load(stream)


def _script_name() -> str:
    (name,) = _pyproject()["project"]["scripts"]
    return name


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO_FILE).getroot()


def _spec() -> ast.Module:
    return ast.parse(SPEC_FILE.read_text(encoding="utf-8"), filename=str(SPEC_FILE))


def _spec_assignment(name: str) -> ast.expr:
    for node in _spec().body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id == name for target in targets) and node.value:
                return node.value
    raise AssertionError(f"{name} is not assigned in {SPEC_FILE.name}")


def _spec_call_keyword(function: str, keyword: str) -> object:
    for node in ast.walk(_spec()):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function:
            for item in node.keywords:
                if item.arg == keyword:
                    return ast.literal_eval(item.value)
    raise AssertionError(f"{function}({keyword}=...) not found in {SPEC_FILE.name}")


# The desktop entry


def test_desktop_entry_starts_the_console_script_with_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == _script_name() == "guide-reader"
    assert entry["Icon"] == ICON_FILE.stem
    assert ICON_FILE.is_file()
    assert entry["StartupWMClass"] == paths.APP_NAME
    assert entry["Terminal"] == "false"


def test_desktop_entry_is_french_with_english_translations() -> None:
    entry = _desktop_entry()
    assert entry["Name"]
    for key in ("GenericName", "Comment", "Keywords"):
        assert entry[key] and entry[f"{key}[en]"], key
        assert entry[key] != entry[f"{key}[en]"], key
    assert "santé" in entry["GenericName"]
    assert set(entry["Categories"].rstrip(";").split(";")) >= {"Education", "MedicalSoftware"}


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


# The AppStream metadata


def test_metainfo_release_is_the_program_version() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases, "no release in the metainfo"
    assert releases[0].get("version") == guide_reader.__version__  # the newest release comes first
    assert releases[0].get("date") or releases[0].get("timestamp")


def test_the_version_lives_in_one_place() -> None:
    pyproject = _pyproject()
    assert "version" not in pyproject["project"]
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/guide_reader/__init__.py"


def test_metainfo_names_the_desktop_entry_and_the_executable() -> None:
    root = _metainfo()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == METAINFO_FILE.name.removesuffix(".metainfo.xml")
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == _script_name()
    assert root.findtext("name") == _desktop_entry()["Name"]
    assert root.findtext("metadata_license")
    assert root.find("content_rating") is not None


def test_metainfo_is_french_with_english_translations() -> None:
    root = _metainfo()
    summaries = {element.get(XML_LANG): element.text for element in root.findall("summary")}
    assert set(summaries) == {None, "en"}
    assert "santé" in (summaries[None] or "")
    description = root.find("description")
    assert description is not None
    paragraphs = description.findall("p")
    french = [p for p in paragraphs if p.get(XML_LANG) is None]
    english = [p for p in paragraphs if p.get(XML_LANG) == "en"]
    assert french and len(french) == len(english)
    items = description.findall("ul/li")
    assert len([li for li in items if li.get(XML_LANG) == "en"]) * 2 == len(items)


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# The icon


def test_icon_is_a_square_svg_that_renders_at_16_pixels(qapp) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    assert ET.parse(ICON_FILE).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    renderer = QSvgRenderer(str(ICON_FILE))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    assert box.width() == box.height() > 0
    for size in (16, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() == 255, size  # the tile covers the middle: not a blank or tiny drawing


# The PyInstaller spec and the build command


def test_spec_puts_the_data_folders_where_the_program_looks_for_them(tmp_path, monkeypatch) -> None:
    folders = dict(ast.literal_eval(_spec_assignment("DATA_FOLDERS")))
    # the same layout as the wheel...
    assert folders == _pyproject()["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    for source in folders:
        assert (REPO_ROOT / source).is_dir()
    assert (REPO_ROOT / "content" / "sources").is_dir()
    assert (REPO_ROOT / "content" / "synonyms.txt").is_file()
    # ...which guide_reader.paths finds next to the package
    package = tmp_path / "_internal" / "guide_reader"
    for target in folders.values():
        (tmp_path / "_internal" / target).mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.bundled_content_dir() == tmp_path / "_internal" / folders["content"]
    assert paths.resources_dir() == tmp_path / "_internal" / folders["resources"]


def test_spec_builds_the_console_script_from_its_entry_point() -> None:
    assert _spec_call_keyword("EXE", "name") == _script_name()
    assert _spec_call_keyword("COLLECT", "name") == _script_name()
    module, _, function = _pyproject()["project"]["scripts"][_script_name()].partition(":")
    entry_point = (REPO_ROOT / "packaging" / "entry_point.py").read_text(encoding="utf-8")
    assert f"from {module} import {function}" in entry_point
    assert '"entry_point.py"' in SPEC_FILE.read_text(encoding="utf-8")


def test_spec_collects_the_markdown_extensions_the_loader_names() -> None:
    hidden = {node.value for node in ast.walk(_spec_assignment("HIDDEN_IMPORTS")) if isinstance(node, ast.Constant)}
    source = REPO_ROOT / "src" / "guide_reader" / "content" / "markdown_ext.py"
    named: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.keyword) and node.arg == "extensions" and isinstance(node.value, ast.List):
            named |= {item.value for item in node.value.elts if isinstance(item, ast.Constant)}
    assert named >= {"meta", "attr_list", "sane_lists"}
    assert {f"markdown.extensions.{name}" for name in named} <= hidden


def test_spec_collects_the_command_modules_the_command_line_imports_by_name() -> None:
    from guide_reader.cli import COMMAND_MODULES

    calls = [
        node.args[0].value
        for node in ast.walk(_spec_assignment("HIDDEN_IMPORTS"))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "collect_submodules"
    ]
    assert "guide_reader.commands" in calls  # else PyInstaller never sees them: the bundle's commands fail
    commands = REPO_ROOT / "src" / "guide_reader" / "commands"
    assert all((commands / f"{name}.py").is_file() for name in COMMAND_MODULES)


def test_the_program_imports_no_qt_module_the_spec_excludes() -> None:
    excluded = set(ast.literal_eval(_spec_assignment("UNUSED_QT_MODULES")))
    assert "PySide6.QtNetwork" in excluded and "PySide6.QtQuick" in excluded
    offenders = []
    for path in sorted((REPO_ROOT / "src" / "guide_reader").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            offenders += [f"{path.name}: {module}" for module in modules if module in excluded]
    assert offenders == []


def test_build_command_uses_the_spec_and_the_bundle_extra() -> None:
    assert os.access(BUILD_SCRIPT, os.X_OK)
    script = BUILD_SCRIPT.read_text(encoding="utf-8")
    assert "packaging/guide-reader.spec" in script
    assert "--distpath dist" in script
    requirements = _pyproject()["project"]["optional-dependencies"]["bundle"]
    assert any(requirement.lower().startswith("pyinstaller") for requirement in requirements)
