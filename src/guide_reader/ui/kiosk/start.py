"""Starting the kiosk: its settings, a library whose visitor data stays in memory, and the window."""

from __future__ import annotations

import sys
from contextlib import suppress
from pathlib import Path

from ...kiosk import KioskConfigError, load_config
from ...library import Library
from ...paths import user_data_dir
from .window import KioskWindow

# The file where earlier versions kept the session's bookmarks and history (with its WAL and SHM files).
OLD_SESSION_FILE = "kiosk-session.sqlite3"


def remove_old_session_files(folder: Path) -> None:
    """Delete what an earlier version left of its visitors on disk."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            (folder / f"{OLD_SESSION_FILE}{suffix}").unlink()


def kiosk_window(content: Path | None, config_path: Path | None) -> KioskWindow | None:
    """The kiosk window, after printing which settings it uses; None when they cannot be read."""
    try:
        config = load_config(config_path)
    except KioskConfigError as error:
        print(error, file=sys.stderr)
        return None
    print(config.source_description())
    if config.staff_pin_hash is None:
        print(
            "Attention : aucun code du personnel (staff_pin_hash) ; voir « guide-reader kiosk-pin ».", file=sys.stderr
        )
    remove_old_session_files(user_data_dir())
    return KioskWindow(Library(content), config)
