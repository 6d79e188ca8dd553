"""Why a change could not be kept: one exception with a reason code and a plain French message."""

from __future__ import annotations

import sqlite3
from typing import Literal

Reason = Literal["read-only", "disk-full", "busy", "memory-only", "other"]

_MESSAGES: dict[Reason, str] = {
    "read-only": "le fichier des signets est en lecture seule",
    "disk-full": "le disque est plein",
    "busy": "un autre programme utilise le fichier des signets",
    "memory-only": "le fichier des signets n'est pas utilisable dans cette session",
    "other": "le fichier des signets ne peut pas être écrit",
}

_CODES: dict[int, Reason] = {
    sqlite3.SQLITE_READONLY: "read-only",
    sqlite3.SQLITE_CANTOPEN: "read-only",
    sqlite3.SQLITE_PERM: "read-only",
    sqlite3.SQLITE_FULL: "disk-full",
    sqlite3.SQLITE_BUSY: "busy",
    sqlite3.SQLITE_LOCKED: "busy",
}


class StoreWriteError(Exception):
    """A change was not kept (nothing of it was written). ``reason``: a code; str(): a French message."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        self.reason: Reason = reason
        self.detail = detail
        super().__init__(_MESSAGES[reason] + (f" ({detail})" if reason == "other" and detail else ""))


def write_error(error: sqlite3.Error) -> StoreWriteError:
    """The ``StoreWriteError`` for an SQLite error met while writing."""
    code = getattr(error, "sqlite_errorcode", None)
    reason = _CODES.get(code & 0xFF, "other") if code is not None else "other"
    if reason == "other" and "readonly" in str(error).replace(" ", "").lower():
        reason = "read-only"
    return StoreWriteError(reason, str(error))
