"""The store's SQLite connection: settings, transactions, and opening without ever failing.

Every write runs in ``BEGIN IMMEDIATE``: the write lock is taken first, so a second
program waits (busy timeout) instead of failing halfway, and a write happens whole
or not at all. The WAL journal lets readers go on while another program writes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from ..messages import Message
from .migrations import MIGRATIONS, Migration, SchemaTooNewError, migrate
from .recovery import check_integrity, is_damage, move_aside

BUSY_TIMEOUT_SECONDS = 15.0

_log = logging.getLogger(__name__)


NOTICE_CONTEXT = "StoreNotices"
_NOT_KEPT = "Les signets de cette session ne seront pas conservés."
NOTICE_TEXTS: dict[str, str] = {
    "recovered": "Le fichier des signets et de l'historique était endommagé : il a été mis de côté "
    "sous le nom « %1 » et un nouveau fichier a été commencé.",
    "too_new": "Le fichier des signets et de l'historique « %1 » n'est pas utilisé : il a été créé par une "
    "version plus récente du programme. " + _NOT_KEPT,
    "unusable": "Le fichier des signets et de l'historique « %1 » n'est pas utilisé : il ne peut pas être "
    "ouvert (%2). " + _NOT_KEPT,
    "too_new_set_aside": "Le fichier endommagé a été mis de côté sous le nom « %2 ». Le fichier des signets "
    "et de l'historique « %1 » n'est pas utilisé : il a été créé par une version plus récente du programme. "
    + _NOT_KEPT,
    "unusable_set_aside": "Le fichier endommagé a été mis de côté sous le nom « %3 ». Le fichier des signets "
    "et de l'historique « %1 » n'est pas utilisé : il ne peut pas être ouvert (%2). " + _NOT_KEPT,
}
"""The notices, by code, in French (``ui`` shows them translated)."""


class Database:
    """One connection, shareable between threads (a lock serialises its use)."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path | None,
        *,
        recovered_from: Path | None = None,
        notice: Message | None = None,
    ) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self.path = path
        """The file, or None when the data only lives in memory (see ``notice``)."""
        self.recovered_from = recovered_from
        """Where a damaged file was moved to, when that happened at opening."""
        self.notice_message = notice
        """A message the user must see (recovery, or data not kept), else None; ``ui`` translates it."""
        self.notice = str(notice) if notice is not None else None
        """The same in French (the command line, logs)."""

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._connection

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """An atomic transaction: committed at the end of the block, rolled back on error."""
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
                self._connection.execute("COMMIT")
            except BaseException:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def connect(path: Path | str, migrations: Sequence[Migration] = MIGRATIONS) -> sqlite3.Connection:
    """Open, configure, check and migrate; raise (with the connection closed) on failure."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000):d}")
        check_integrity(connection)
        migrate(connection, migrations)
        # Last: a file found damaged or foreign is moved aside as it was, not turned to WAL.
        connection.execute("PRAGMA journal_mode = WAL").fetchall()
    except BaseException:
        connection.close()
        raise
    return connection


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


def _connect_or_recover(
    path: Path, migrations: Sequence[Migration], now: Callable[[], datetime], moved: list[Path]
) -> sqlite3.Connection:
    """Connect; a damaged file is first moved aside (its backup appended to ``moved``).

    The file is moved only if it is still the one found damaged: when two programs
    start at once on a damaged file, the second must not move the new file the first made.
    """
    for _attempt in range(3):
        seen = _identity(path)
        try:
            return connect(path, migrations)
        except sqlite3.DatabaseError as error:
            if moved or not is_damage(error):
                raise
            _log.info("damaged database %s: %s", path, error)
        if _identity(path) == seen:
            with suppress(FileNotFoundError):
                moved.append(move_aside(path, now()))
    return connect(path, migrations)


def open_database(
    path: Path,
    *,
    migrations: Sequence[Migration] = MIGRATIONS,
    now: Callable[[], datetime] = datetime.now,
) -> Database:
    """Open the file at ``path``; never raise.

    A damaged file is moved aside (see ``recovery``) and a new one started. When no
    file can be used at all (unwritable folder, file from a newer version), the data
    lives in memory for this session. Either way ``notice`` says so.
    """
    moved: list[Path] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = _connect_or_recover(path, migrations, now, moved)
        if not moved:
            return Database(connection, path)
        notice = Message(NOTICE_CONTEXT, NOTICE_TEXTS["recovered"], (moved[0].name,))
        return Database(connection, path, recovered_from=moved[0], notice=notice)
    except SchemaTooNewError as error:
        _log.info("database %s: %s", path, error)
        code, values = "too_new", (str(path),)
    except (sqlite3.Error, OSError) as error:
        _log.info("cannot use database %s: %s", path, error)
        code, values = "unusable", (str(path), str(error))
    backup = moved[0] if moved else None
    if backup is not None:
        code, values = f"{code}_set_aside", (*values, backup.name)
    notice = Message(NOTICE_CONTEXT, NOTICE_TEXTS[code], values)
    return Database(connect(":memory:", migrations), None, recovered_from=backup, notice=notice)
