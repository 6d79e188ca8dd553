"""Unexpected errors: logged with their traceback, and the reader told calmly, once.

Installed by the window's start (``install``) for the main thread (``sys.excepthook``,
which PySide calls for an exception escaping a slot) and for other threads
(``threading.excepthook``). The program goes on; the message says where the log is.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication

from ..logs import log_file
from .widgets import plain_message

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

_log = logging.getLogger(__name__)


class ErrorReporter(QObject):
    """Logs every unexpected exception; shows one calm message per session on the GUI thread."""

    _show = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reported = 0
        """How many unexpected errors were logged this session."""
        self.box: QMessageBox | None = None
        self._show.connect(self._show_message, Qt.ConnectionType.QueuedConnection)

    def handle(
        self, kind: type[BaseException], error: BaseException, traceback: TracebackType | None, where: str = ""
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, traceback)
            return
        self.reported += 1
        _log.critical("unexpected error%s", f" in {where}" if where else "", exc_info=(kind, error, traceback))
        if self.reported == 1:
            self._show.emit()  # queued: shown from the event loop, whatever thread failed

    @Slot()
    def _show_message(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        parent = QApplication.activeWindow()
        text = QCoreApplication.translate(
            "ErrorReporter",
            "Un problème inattendu est survenu. Vous pouvez continuer à lire ; si quelque chose "
            "ne répond plus, fermez puis rouvrez le programme.\n\nLes détails sont dans le journal : %1",
        ).replace("%1", str(log_file()))
        self.box = plain_message(
            parent,
            QMessageBox.Icon.Information,
            QCoreApplication.translate("ErrorReporter", "Problème inattendu"),
            text,
        )


def install(app: QCoreApplication) -> ErrorReporter:
    """Route unexpected exceptions of every thread to one ``ErrorReporter`` (kept alive by ``app``)."""
    reporter = ErrorReporter(app)
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("install from the GUI thread")
    sys.excepthook = reporter.handle

    def thread_hook(arguments: threading.ExceptHookArgs) -> None:
        name = arguments.thread.name if arguments.thread is not None else "thread"
        reporter.handle(arguments.exc_type, arguments.exc_value or arguments.exc_type(), arguments.exc_traceback, name)

    threading.excepthook = thread_hook
    return reporter
