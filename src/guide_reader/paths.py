"""Where things are: the bundled articles and the user's data, cache and config.

The bundled articles and resources ship inside the package (``guide_reader/bundled_content``,
``guide_reader/resources``) in a wheel or a bundle; from a checkout they are the top-level
``content/`` and ``resources/`` folders.
User folders follow the platform rules (XDG on Linux) and can be moved with
``GUIDE_READER_DATA_DIR``, ``GUIDE_READER_CACHE_DIR`` and ``GUIDE_READER_CONFIG_DIR``.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "guide-reader"
_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_content_dir() -> Path:
    """The articles that come with the program."""
    installed = _PACKAGE_DIR / "bundled_content"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent.parent / "content"


def resources_dir() -> Path:
    """Icons, translations and other files the program needs at run time."""
    installed = _PACKAGE_DIR / "resources"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent.parent / "resources"


def _user_dir(variable: str, default: str) -> Path:
    override = os.environ.get(variable)
    return Path(override) if override else Path(default)


def user_data_dir() -> Path:
    return _user_dir("GUIDE_READER_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    return _user_dir("GUIDE_READER_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    return _user_dir("GUIDE_READER_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))
