"""Where things are: the bundled articles and the user's data, cache and config.

The bundled articles and resources ship inside the package (``guide_reader/bundled_content``,
``guide_reader/resources``) in a wheel or a bundle; from a checkout they are the top-level
``content/`` and ``resources/`` folders.
User folders follow the platform rules (XDG on Linux) and can be moved with
``GUIDE_READER_DATA_DIR``, ``GUIDE_READER_CACHE_DIR``, ``GUIDE_READER_CONFIG_DIR`` and
``GUIDE_READER_STATE_DIR`` (the log).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

from .safe_files import read_text_limited

APP_NAME = "guide-reader"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(installed: str, checkout: str) -> Path:
    """A folder that ships inside the package (``installed``), else the checkout's top-level ``checkout``."""
    inside = _PACKAGE_DIR / installed
    return inside if inside.is_dir() else _PACKAGE_DIR.parent.parent / checkout


def bundled_content_dir() -> Path:
    """The articles that come with the program."""
    return _shipped("bundled_content", "content")


def content_file(content_dir: Path, name: str) -> Path:
    """The file ``name`` of a content folder when it has one, else the one bundled with the program
    (which may be missing too: the reader of the file says so)."""
    own = content_dir / name
    return own if own.is_file() else bundled_content_dir() / name


def content_setting_file() -> Path:
    """Where the reader remembers a clinic's own folder of articles (``content_folder = "..."``)."""
    return user_config_dir() / "content.toml"


def default_content_dir() -> Path:
    """``GUIDE_READER_CONTENT_DIR``, else the remembered folder, else the bundled articles."""
    override = os.environ.get("GUIDE_READER_CONTENT_DIR")
    if override:
        return Path(override)
    import tomllib  # (only here: 4 ms of a command's start)

    try:
        folder = tomllib.loads(read_text_limited(content_setting_file(), 64 * 1024)).get("content_folder")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        folder = None
    return Path(folder) if isinstance(folder, str) and folder else bundled_content_dir()


def remember_content_dir(folder: Path | None) -> None:
    """Use ``folder`` from the next start on; None goes back to the bundled articles."""
    setting = content_setting_file()
    if folder is None:
        setting.unlink(missing_ok=True)
        return
    setting.parent.mkdir(parents=True, exist_ok=True)
    setting.write_text(f"content_folder = {json.dumps(str(folder.resolve()))}\n", encoding="utf-8")


def resources_dir() -> Path:
    """Icons, translations and other files the program needs at run time."""
    return _shipped("resources", "resources")


def _user_dir(variable: str, default: str) -> Path:
    override = os.environ.get(variable)
    return Path(override) if override else Path(default)


def user_data_dir() -> Path:
    return _user_dir("GUIDE_READER_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    return _user_dir("GUIDE_READER_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_state_dir() -> Path:
    """Where the log file is kept (``GUIDE_READER_STATE_DIR``, else ``~/.local/state/guide-reader`` on Linux)."""
    return _user_dir("GUIDE_READER_STATE_DIR", platformdirs.user_state_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    return _user_dir("GUIDE_READER_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))
