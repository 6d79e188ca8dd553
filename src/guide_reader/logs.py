"""The program's log: a rotating file in the user state folder (standard ``logging``).

Every layer logs through ``logging.getLogger(__name__)``; ``setup_logging`` (called once
by the command line) sends those records to ``guide-reader.log``, kept under
``MAX_LOG_BYTES`` with ``BACKUP_COUNT`` older files (``guide-reader.log.1``...).
A log that cannot be written never stops the program: records are then dropped. The file's
handler is made at the first record: most runs of a command log nothing, and ``logging.handlers``
takes 5 ms to import (sockets, pickle, queues), a tenth of a fresh ``guide-reader search``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .paths import user_state_dir
from .safe_files import check_replaceable

LOG_NAME = "guide-reader.log"
MAX_LOG_BYTES = 1024 * 1024
BACKUP_COUNT = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"


def log_file() -> Path:
    """Where the log is written: ``guide-reader.log`` in the user state folder."""
    return user_state_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the program's records to the rotating log file; return it, or None if it cannot be written.

    Called again (tests, a second window in the same process), it replaces its own handler.
    """
    logger = logging.getLogger("guide_reader")
    for handler in list(logger.handlers):
        if getattr(handler, "guide_reader_log", False):
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level)  # with a handler here, nothing reaches the terminal: the commands print their own messages
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _RotatingLog(path)
        check_replaceable(path)
    except OSError:
        handler, path = logging.NullHandler(), None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.guide_reader_log = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    return path


class _RotatingLog(logging.Handler):
    """The log file: a ``logging.handlers.RotatingFileHandler`` of ``MAX_LOG_BYTES`` and ``BACKUP_COUNT``,
    made at the first record (under this handler's lock, as every record is written)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.file: logging.FileHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is None:
            import logging.handlers  # here: see the module's docstring

            self.file = logging.handlers.RotatingFileHandler(
                self.path, maxBytes=MAX_LOG_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
            )
            self.file.setFormatter(self.formatter)
        self.file.emit(record)

    def flush(self) -> None:
        if self.file is not None:
            self.file.flush()

    def close(self) -> None:
        with self.lock:  # (not while a record is written)
            if self.file is not None:
                self.file.close()
        super().close()
