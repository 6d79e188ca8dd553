"""Recognising a damaged database file and moving it aside as a dated backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from ..sqlite_errors import is_damaged_file
from .migrations import ForeignDatabaseError


class DamagedDatabaseError(sqlite3.DatabaseError):
    """The integrity check of the file failed."""


def is_damage(error: BaseException) -> bool:
    """True for a damaged or foreign file; False for a lock, a full disk, a permission..."""
    if isinstance(error, DamagedDatabaseError | ForeignDatabaseError):
        return True
    return is_damaged_file(error)


def check_integrity(connection: sqlite3.Connection) -> None:
    """``PRAGMA quick_check``: cheap on a file this small, and catches a truncated one."""
    rows = connection.execute("PRAGMA quick_check").fetchall()
    if rows != [("ok",)]:
        raise DamagedDatabaseError("; ".join(str(row[0]) for row in rows[:5]))


def backup_path(path: Path, moment: datetime) -> Path:
    """``<name>.damaged-YYYYMMDD-HHMMSS`` next to ``path``, with ``-2``, ``-3``... if taken."""
    base = path.with_name(f"{path.name}.damaged-{moment:%Y%m%d-%H%M%S}")
    candidate, counter = base, 2
    while candidate.exists():
        candidate = base.with_name(f"{base.name}-{counter}")
        counter += 1
    return candidate


def move_aside(path: Path, moment: datetime) -> Path:
    """Rename the file, and its ``-wal`` and ``-shm`` companions, to a dated backup."""
    backup = backup_path(path, moment)
    path.rename(backup)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(backup.with_name(backup.name + suffix))
    return backup
