"""What an SQLite error says of its file: damaged, or only busy, full, read-only..."""

from __future__ import annotations

import sqlite3

DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
"""SQLite's primary result codes of a damaged file (or of no database at all)."""


def primary_code(error: BaseException) -> int:
    """SQLite's primary result code of an error (its extended code's low byte); 0 when it has none."""
    return (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF


def is_damaged_file(error: BaseException) -> bool:
    """True when the error says the file is damaged; False for a lock held past the wait, a full
    disk, a read-only file, a missing table..."""
    return isinstance(error, sqlite3.DatabaseError) and primary_code(error) in DAMAGE_CODES
