"""Getting started: scripts/install puts `guide-reader` on PATH and in the applications menu,
and every `guide-reader` command README.md shows is one the program accepts."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide_reader.cli import build_parser

from .conftest import REPO_ROOT

VENV = Path(sys.prefix)
PLACEHOLDERS = {"ID": "1", "FILE": "kiosk.toml", "RAW.txt...": "raw.txt", "DIR": "content"}


def readme_commands() -> list[str]:
    """Every line of README.md's shell blocks that runs `guide-reader`, comments dropped."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith("guide-reader"):
                commands.append(line)
    return commands


def as_arguments(line: str) -> list[str]:
    """The words after `guide-reader`: comment and redirection dropped, [optional] parts left out."""
    words = shlex.split(re.sub(r"\[[^\]]*\]", "", line), comments=True)
    for stop in (">", "<", "|"):
        if stop in words:
            words = words[: words.index(stop)]
    return [PLACEHOLDERS.get(word, word) for word in words[1:]]


def test_readme_shows_guide_reader_commands() -> None:
    commands = readme_commands()
    assert len(commands) >= 15
    assert any(line.startswith("guide-reader kiosk-pin") for line in commands)


@pytest.mark.parametrize("line", readme_commands())
def test_every_readme_command_is_accepted_as_written(line: str) -> None:
    parser = build_parser()
    try:
        parser.parse_args(as_arguments(line))
    except SystemExit as error:
        pytest.fail(f"« {line} » is refused ({error.code})")


def test_install_puts_the_command_on_path_and_in_the_menu(tmp_path: Path) -> None:
    if not any((VENV / name).exists() for name in (".guide-reader-installed-test", ".guide-reader-installed-reader")):
        pytest.skip("this environment was not set up by scripts/test or scripts/start: installing would download")
    env = dict(os.environ)
    env.update(
        GUIDE_READER_VENV=str(VENV),
        GUIDE_READER_BIN_DIR=str(tmp_path / "bin"),
        GUIDE_READER_SHARE_DIR=str(tmp_path / "share"),
    )
    subprocess.run([str(REPO_ROOT / "scripts" / "install")], env=env, check=True, capture_output=True, timeout=120)
    command = tmp_path / "bin" / "guide-reader"
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"
    version = subprocess.run(["guide-reader", "--version"], env=env, capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("guide-reader ")
    desktop = (tmp_path / "share" / "applications" / "guide-reader.desktop").read_text(encoding="utf-8")
    assert f"Exec={command}\n" in desktop
    assert (tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "guide-reader.svg").exists()
    if shutil.which("desktop-file-validate"):
        installed = tmp_path / "share" / "applications" / "guide-reader.desktop"
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True, timeout=60)
        assert check.returncode == 0 and check.stdout.strip() == "", check.stdout
    subprocess.run([str(REPO_ROOT / "scripts" / "install"), "--remove"], env=env, check=True, capture_output=True)
    assert not command.exists() and not (tmp_path / "share" / "applications" / "guide-reader.desktop").exists()


def test_start_installs_the_reader_without_the_test_tools() -> None:
    bootstrap = (REPO_ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    start = (REPO_ROOT / "scripts" / "start").read_text(encoding="utf-8")
    test = (REPO_ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "SETUP=test" in test and "SETUP=" not in start
    assert 'target="$ROOT[test]"' in bootstrap and 'if [ "$SETUP" = test ]' in bootstrap
