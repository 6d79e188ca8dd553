"""Reading a file that comes from outside the program: regular files only, never past a limit.

A FIFO, a socket or a device named ``x.md`` (or a link to ``/dev/zero``) reports a size
of 0 and then never ends: reading it whole hangs the program or fills its memory. Every
file the program did not write itself (articles, raw pages, bookmark files, settings,
synonyms) is read through ``read_limited``, which opens without blocking, refuses
anything but a regular file, and reads at most ``limit + 1`` bytes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_CHUNK = 1 << 16


class NotRegularFileError(OSError):
    """The path names a FIFO, a socket, a device or a folder, not a regular file."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "pas un fichier ordinaire", str(path))


class FileTooLargeError(OSError):
    """The file is larger than the limit given (``size`` bytes when known, ``limit`` bytes)."""

    def __init__(self, path: Path, size: int | None, limit: int) -> None:
        super().__init__(errno.EFBIG, f"fichier trop grand (maximum {limit // 1024} Ko)", str(path))
        self.size = size
        self.limit = limit


def _check_regular(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "c'est un dossier, pas un fichier", str(path))
        raise NotRegularFileError(path)


def check_replaceable(path: Path) -> None:
    """Raise ``NotRegularFileError`` (or ``IsADirectoryError``) when ``path`` (links followed) exists
    and is not a regular file: writing a whole file over a FIFO, a device or a socket would
    replace it (run as root, ``/dev/full`` itself)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    _check_regular(path, mode)


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``limit`` bytes.

    Raises ``NotRegularFileError`` (FIFO, socket, device), ``IsADirectoryError``,
    ``FileTooLargeError`` (over ``limit`` bytes, even if it grows while read), or any other
    ``OSError`` of opening or reading. Never blocks on a FIFO, never reads past ``limit + 1``.
    """
    status = path.stat()
    _check_regular(path, status.st_mode)
    if status.st_size > limit:
        raise FileTooLargeError(path, status.st_size, limit)
    # O_NONBLOCK: should the path be swapped for a FIFO after the check, opening still returns.
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        _check_regular(path, os.fstat(descriptor).st_mode)
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(_CHUNK, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileTooLargeError(path, None, limit)
    return data


def read_text_limited(path: Path, limit: int, encoding: str = "utf-8-sig") -> str:
    """``read_limited`` decoded (a UTF-8 byte-order mark is dropped); ``UnicodeDecodeError`` if not text."""
    return read_limited(path, limit).decode(encoding)
