"""Preferences remembered between runs (an INI file in the user config folder)."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..paths import user_config_dir
from .text_size import DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE, MIN_TEXT_SIZE
from .theme import DEFAULT_THEME, THEMES

__all__ = ["DEFAULT_TEXT_SIZE", "MAX_TEXT_SIZE", "MIN_TEXT_SIZE", "Settings"]

_log = logging.getLogger(__name__)

MAX_SETTINGS_BYTES = 1024 * 1024
LANGUAGES = ("auto", "fr", "en")


class _MemoryStore:
    """QSettings' interface over a dict: preferences that last one session (the kiosk)."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def value(self, key: str, default: object = None) -> object:
        return self._values.get(key, default)

    def setValue(self, key: str, value: object) -> None:  # noqa: N802 (QSettings' name)
        self._values[key] = value

    def sync(self) -> None:
        pass


def _usable(path: Path) -> bool:
    """True when ``path`` is missing (it will be created) or a regular file under ``MAX_SETTINGS_BYTES``."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return True
    except OSError as error:
        _log.warning("settings file %s not read: %s", path, error)
        return False
    if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_SETTINGS_BYTES:
        _log.warning("settings file %s not read: not a regular file of at most %d bytes", path, MAX_SETTINGS_BYTES)
        return False
    return True


class Settings:
    def __init__(self, in_memory: bool = False) -> None:
        """The user's settings file, or (``in_memory``) nothing written anywhere."""
        if in_memory:
            self._store: QSettings | _MemoryStore = _MemoryStore()
        else:
            path = user_config_dir() / "settings.ini"
            # QSettings reads the whole file, and blocks on a FIFO: anything but a small regular file is left alone.
            self._store = QSettings(str(path), QSettings.Format.IniFormat) if _usable(path) else _MemoryStore()

    def _get(self, key: str, default: object) -> object:
        return self._store.value(key, default)

    @property
    def theme(self) -> str:
        value = str(self._get("view/theme", DEFAULT_THEME))
        return value if value in THEMES else DEFAULT_THEME

    @theme.setter
    def theme(self, value: str) -> None:
        self._store.setValue("view/theme", value)

    @property
    def text_size(self) -> int:
        try:
            value = int(str(self._get("view/text_size", DEFAULT_TEXT_SIZE)))
        except ValueError:
            return DEFAULT_TEXT_SIZE
        return max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, value))

    @text_size.setter
    def text_size(self, value: int) -> None:
        self._store.setValue("view/text_size", value)

    @property
    def language(self) -> str:
        value = str(self._get("view/language", "auto"))
        return value if value in LANGUAGES else "auto"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("view/language", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._get("window/geometry", None)
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def last_location(self) -> tuple[str, str, int] | None:
        """(article slug, section anchor, text position at the top) of the last article read."""
        slug = str(self._get("reading/slug", "") or "")
        if not slug:
            return None
        anchor = str(self._get("reading/anchor", "") or "")
        try:
            position = int(str(self._get("reading/position", 0)))
        except ValueError:
            position = 0
        return slug, anchor, position

    @last_location.setter
    def last_location(self, value: tuple[str, str, int] | None) -> None:
        slug, anchor, position = value or ("", "", 0)
        self._store.setValue("reading/slug", slug)
        self._store.setValue("reading/anchor", anchor)
        self._store.setValue("reading/position", position)

    def sync(self) -> None:
        self._store.sync()
