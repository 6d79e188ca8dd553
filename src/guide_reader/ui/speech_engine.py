"""The speaking engine behind « Écouter »: one utterance at a time, never waiting on the GUI thread.

:class:`SpeechEngine` is the interface the controls use; :class:`EspeakEngine` speaks with
espeak-ng (see README, "How it speaks": measured against Qt TextToSpeech and
speech-dispatcher), one process per utterance through the system's sound server, so that
the highlighted sentence is exactly the one being said. Engines are created at the first
« Écouter », never at start-up.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal

from ..content.speech import Utterance
from ..content.voice import VOICE, espeak_arguments, espeak_program, has_french_voice, missing_voice_message

_log = logging.getLogger(__name__)

STOP_WAIT_MS = 500
"""The longest wait for a killed espeak-ng to be collected (it takes well under a millisecond)."""


class SpeechEngine(QObject):
    """Says utterances one at a time and tells when each one is done.

    Signals: ``voice_checked(message)`` answers :meth:`check_voice` ('' when a French voice
    is there, else what to install); ``finished()`` when the utterance given to :meth:`say`
    was said to its end (not when it was stopped); ``failed(message)`` when it could not be said:
    ``message`` is plain words for the reader (translated), the engine's own error is logged.
    """

    voice_checked = Signal(str)
    finished = Signal()
    failed = Signal(str)

    def check_voice(self) -> None:
        raise NotImplementedError

    def say(self, utterance: Utterance, rate: float, volume: float) -> None:
        """Start saying ``utterance`` (stopping the one being said); ``rate`` 0.7-1.5, ``volume`` 0-2."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop at once; no ``finished`` follows."""
        raise NotImplementedError

    def shut_down(self) -> None:
        """Stop, and end whatever else runs (a voice check): no signal follows."""
        self.stop()


class EspeakEngine(SpeechEngine):
    """espeak-ng's French voice, one process per utterance (started and watched with QProcess)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.program = espeak_program()
        self._process: QProcess | None = None
        self._stopped: list[QProcess] = []
        self._voice_process: QProcess | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shut_down)

    def check_voice(self) -> None:
        if self.program is None:
            self.voice_checked.emit(missing_voice_message(False))
            return
        process = QProcess(self)
        self._voice_process = process
        process.setProgram(self.program)
        process.setArguments([f"--voices={VOICE}"])
        process.finished.connect(self._voices_listed)
        process.errorOccurred.connect(self._voices_listed)
        process.start()

    def _voices_listed(self) -> None:
        process = self.sender()
        if not isinstance(process, QProcess) or process.property("answered"):
            return
        process.setProperty("answered", True)
        self._voice_process = None
        listing = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        process.deleteLater()
        self.voice_checked.emit("" if has_french_voice(listing) else missing_voice_message(True))

    def say(self, utterance: Utterance, rate: float, volume: float) -> None:
        self.stop()
        if self.program is None:
            self.failed.emit(missing_voice_message(False))
            return
        process = QProcess(self)
        process.setProgram(self.program)
        process.setArguments(espeak_arguments(utterance.kind, rate, volume))
        process.finished.connect(self._process_finished)
        process.errorOccurred.connect(self._process_error)
        self._process = process
        process.start()
        process.write(utterance.said.encode("utf-8"))
        process.closeWriteChannel()

    def _process_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self.sender()
        if not isinstance(process, QProcess):
            return
        if process in self._stopped:
            self._stopped.remove(process)
            process.deleteLater()
            return
        if process is not self._process:
            return
        self._process = None
        process.deleteLater()
        errors = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        sound_error = next((line for line in errors.splitlines() if line.startswith("error:")), "")
        if status == QProcess.ExitStatus.NormalExit and code == 0 and not sound_error:
            self.finished.emit()
        elif sound_error:  # espeak-ng exits with 0 when no sound output opens
            _log.warning("read aloud: no sound output: %s", sound_error.removeprefix("error:").strip())
            self.failed.emit(
                self.tr("aucune sortie son. Branchez un casque ou des haut-parleurs, puis appuyez sur « Écouter ».")
            )
        else:
            _log.warning("read aloud: espeak-ng ended with code %s: %s", code, errors.strip() or "(nothing said)")
            self.failed.emit(self.tr("la voix n'a pas pu lire cette phrase. Appuyez de nouveau sur « Écouter »."))

    def _process_error(self, error: QProcess.ProcessError) -> None:
        process = self.sender()
        if error == QProcess.ProcessError.FailedToStart and process is self._process:
            self._process = None
            process.deleteLater()
            _log.warning("read aloud: espeak-ng did not start: %s", process.errorString())
            self.failed.emit(self.tr("la voix n'a pas pu démarrer (espeak-ng). Paquet Debian à vérifier : espeak-ng."))

    def stop(self) -> None:
        """Kill the espeak-ng being heard; its exit is collected at once (a killed process ends at once),
        so that no process outlives the window."""
        process, self._process = self._process, None
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            self._stopped.append(process)
            process.kill()
            process.waitForFinished(STOP_WAIT_MS)

    def shut_down(self) -> None:
        """Stop, and abandon a voice check under way (no answer follows): before the window or the program goes."""
        self.stop()
        process, self._voice_process = self._voice_process, None
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.setProperty("answered", True)
            process.kill()
            process.waitForFinished(STOP_WAIT_MS)
