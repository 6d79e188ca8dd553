"""One explicit SQLite transaction, for the program's connections (opened in autocommit mode)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection, immediate: bool = False) -> Iterator[sqlite3.Connection]:
    """``BEGIN`` (``BEGIN IMMEDIATE`` with ``immediate``: the write lock taken first, so that another
    copy of the program waits at the start rather than failing at the commit) ... ``COMMIT``; on any
    exception, the commit's own included, ``ROLLBACK`` and the exception raised again."""
    connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
