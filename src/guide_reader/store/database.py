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
from ..sqlite_transaction import transaction
from .errors import StoreWriteError, write_error
from .migrations import MIGRATIONS, Migration, SchemaTooNewError, migrate, schema_version
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
    "read_only": "Le fichier des signets « %1 » est en lecture seule : vos signets sont affichés "
    "et peuvent être exportés, mais les nouveaux signets et notes ne pourront pas être conservés.",
}
"""The notices, by code, in French (``ui`` shows them translated)."""


class Database:
    """A connection for writes and one for reads, shareable between threads.

    Writes are serialised by a lock and run in ``BEGIN IMMEDIATE``. Reads go through
    their own connection (WAL): they never wait for a write of this program or another.
    A file opened ``read_only`` (read-only media) refuses every write with ``StoreWriteError``.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path | None,
        *,
        reader: sqlite3.Connection | None = None,
        read_only: bool = False,
        recovered_from: Path | None = None,
        notice: Message | None = None,
    ) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self._reader = reader
        self._reader_lock = threading.RLock() if reader is not None else self._lock
        self.path = path
        """The file, or None when the data only lives in memory (see ``notice``)."""
        self.read_only = read_only
        """True when the file could only be opened for reading: nothing new can be kept."""
        self.recovered_from = recovered_from
        """Where a damaged file was moved to, when that happened at opening."""
        self.notice_message = notice
        """A message the user must see (recovery, read-only, or data not kept), else None; ``ui`` translates it."""
        self.notice = str(notice) if notice is not None else None
        """The same in French (the command line, logs)."""

    @property
    def persistent(self) -> bool:
        """True when a change is kept on disk (a writable file, not memory, not read-only)."""
        return self.path is not None and not self.read_only

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self._reader_lock:
            yield self._reader if self._reader is not None else self._connection

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """An atomic transaction: committed at the end of the block, rolled back on error.

        Raises ``StoreWriteError`` (nothing written) when the file refuses the change:
        read-only, disk full, locked by another program past the busy timeout.
        """
        if self.read_only:
            raise StoreWriteError("read-only")
        with self._lock:
            try:
                with transaction(self._connection, immediate=True):
                    yield self._connection
            except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
                raise
            except sqlite3.DatabaseError as error:
                _log.warning("write to %s failed: %s", self.path or "memory", error)
                raise write_error(error) from error

    def close(self) -> None:
        with self._lock:
            self._connection.close()
        if self._reader is not None:
            with self._reader_lock:
                self._reader.close()


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


def connect_reader(path: Path) -> sqlite3.Connection:
    """A second connection for reads only (WAL lets it read while a write is under way)."""
    reader = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
    reader.execute("PRAGMA query_only = 1")
    return reader


def connect_read_only(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> sqlite3.Connection:
    """Open a file that cannot be written (nor its ``-wal``/``-shm`` created): ``mode=ro``, else ``immutable=1``.

    Raises ``sqlite3.Error`` when neither can read it, or when it is not at this program's
    schema version (a read-only file cannot be migrated).
    """
    uri = path.resolve().as_uri()
    failure: sqlite3.Error = sqlite3.OperationalError("unable to open database file")
    for parameters in ("mode=ro", "mode=ro&immutable=1"):
        connection = sqlite3.connect(
            f"{uri}?{parameters}", uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
        try:
            check_integrity(connection)
            found = schema_version(connection)
            if found != len(migrations):
                raise sqlite3.DatabaseError(f"schema version {found}, expected {len(migrations)}")
        except sqlite3.Error as error:
            connection.close()
            failure = error
            continue
        return connection
    raise failure


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
        reader = connect_reader(path)
        if not moved:
            return Database(connection, path, reader=reader)
        notice = Message(NOTICE_CONTEXT, NOTICE_TEXTS["recovered"], (moved[0].name,))
        return Database(connection, path, reader=reader, recovered_from=moved[0], notice=notice)
    except SchemaTooNewError as error:
        _log.warning("database %s: %s", path, error)
        code, values = "too_new", (str(path),)
    except (sqlite3.Error, OSError) as error:
        _log.warning("cannot use database %s: %s", path, error)
        code, values = "unusable", (str(path), str(error))
        if not moved and path.is_file():
            read_only = _open_read_only(path, migrations)
            if read_only is not None:
                return read_only
    backup = moved[0] if moved else None
    if backup is not None:
        code, values = f"{code}_set_aside", (*values, backup.name)
    notice = Message(NOTICE_CONTEXT, NOTICE_TEXTS[code], values)
    return Database(connect(":memory:", migrations), None, recovered_from=backup, notice=notice)


def _open_read_only(path: Path, migrations: Sequence[Migration]) -> Database | None:
    try:
        connection = connect_read_only(path, migrations)
    except sqlite3.Error as error:
        _log.warning("cannot read database %s: %s", path, error)
        return None
    notice = Message(NOTICE_CONTEXT, NOTICE_TEXTS["read_only"], (str(path),))
    return Database(connection, path, read_only=True, notice=notice)
