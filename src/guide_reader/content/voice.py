"""The French voice: espeak-ng's command line, shared by the window and ``read-aloud --wav``.

Each utterance is one espeak-ng run (text on standard input, UTF-8), so that the window knows
exactly which sentence is being said and the WAV file says the same thing with the same voice.
Nothing here opens a network connection: espeak-ng synthesises on the machine.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path

from .speech import Kind, Utterance

ESPEAK = "espeak-ng"
VOICE = "fr"
DEBIAN_PACKAGES = ("espeak-ng",)
"""What a Debian or Ubuntu machine needs for the French voice (espeak-ng-data comes with it)."""

WORDS_PER_MINUTE = 160
"""espeak-ng's speed at 1×, in words per minute."""
MIN_RATE, MAX_RATE = 0.7, 1.5
HEADING_PITCH, SENTENCE_PITCH = 38, 50
"""espeak-ng pitch (0 to 99): headings are said lower, so that they sound like headings."""
TIMEOUT_SECONDS = 60


class VoiceError(Exception):
    """No French voice, or espeak-ng failed; the message says what to install or what went wrong."""


def espeak_program() -> str | None:
    """The path of espeak-ng, or None when it is not installed."""
    return shutil.which(ESPEAK)


def missing_voice_message(espeak_installed: bool) -> str:
    """Why there is no French voice, and the Debian packages that give one (French)."""
    install = "sudo apt install " + " ".join(DEBIAN_PACKAGES)
    if not espeak_installed:
        return f"Aucune voix française : espeak-ng n'est pas installé ({install})."
    return f"Aucune voix française dans espeak-ng ({install})."


def has_french_voice(voice_listing: str) -> bool:
    """Whether ``espeak-ng --voices=fr`` listed a French voice (its first line is a header)."""
    return any(len(line.split()) > 1 and line.split()[1].startswith(VOICE) for line in voice_listing.splitlines()[1:])


def french_voice_missing() -> str | None:
    """None when espeak-ng has a French voice; else why not. Runs espeak-ng: not for the GUI thread."""
    program = espeak_program()
    if program is None:
        return missing_voice_message(False)
    try:
        listing = subprocess.run(
            [program, f"--voices={VOICE}"], capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return missing_voice_message(True)
    return None if has_french_voice(listing.stdout) else missing_voice_message(True)


def espeak_arguments(kind: Kind, rate: float = 1.0, volume: float = 1.0) -> list[str]:
    """espeak-ng's options for one utterance read from standard input.

    ``rate`` is the speed as a multiple of the normal one (clamped to 0.7-1.5), ``volume``
    the loudness as a multiple of espeak-ng's default (clamped to 0-2).
    """
    rate = min(max(rate, MIN_RATE), MAX_RATE)
    volume = min(max(volume, 0.0), 2.0)
    pitch = HEADING_PITCH if kind is Kind.HEADING else SENTENCE_PITCH
    return ["-v", VOICE, "-b", "1", "-s", str(round(WORDS_PER_MINUTE * rate)), "-a", str(round(100 * volume)),
            "-p", str(pitch), "--stdin"]  # fmt: skip


def _synthesise(program: str, utterance: Utterance, rate: float, target: Path) -> None:
    """One utterance into a WAV file with espeak-ng; VoiceError when it fails."""
    command = [program, *espeak_arguments(utterance.kind, rate), "-w", str(target)]
    try:
        done = subprocess.run(
            command, input=utterance.said.encode("utf-8"), capture_output=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise VoiceError(f"espeak-ng a échoué : {error}") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"code {done.returncode}"
        raise VoiceError(f"espeak-ng a échoué : {message}")


def _check_target(target: Path) -> None:
    """VoiceError unless ``target`` can become a regular file: named, not another kind of file, its folder there."""
    if target.name in ("", ".", ".."):
        raise VoiceError(f"« {target} » n'est pas un nom de fichier")
    if target.exists() and not target.is_file():
        raise VoiceError(f"{target} n'est pas un fichier ordinaire : rien n'y est écrit")
    if not target.parent.is_dir():
        raise VoiceError(f"impossible d'écrire {target} : le dossier {target.parent} n'existe pas")


def write_wav(
    utterances: Sequence[Utterance],
    target: Path,
    rate: float = 1.0,
    progress: Callable[[int, int], None] | None = None,
) -> float:
    """Say ``utterances`` into one WAV file, with their pauses; returns its length in seconds.

    Raises VoiceError when espeak-ng is missing or fails, and before any synthesis when
    ``target`` names no file, is something other than a regular file (a folder, a device, a
    pipe: never replaced) or is in a folder that does not exist; the target is then left
    untouched (the file is written beside it and renamed at the end).
    """
    if not utterances:
        raise VoiceError("rien à lire")
    target = Path(target)
    _check_target(target)
    program = espeak_program()
    if program is None:
        raise VoiceError(missing_voice_message(False))
    partial = target.with_name(target.name + ".partiel")
    frames = 0
    framerate = 0
    try:
        with ExitStack() as stack:
            piece = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="guide-reader-wav-"))) / "piece.wav"
            out: wave.Wave_write | None = None
            for number, utterance in enumerate(utterances, 1):
                _synthesise(program, utterance, rate, piece)
                with wave.open(str(piece), "rb") as said:
                    if out is None:
                        out = stack.enter_context(wave.open(stack.enter_context(partial.open("wb")), "wb"))
                        out.setparams(said.getparams())
                        framerate = said.getframerate()
                    data = said.readframes(said.getnframes())
                frame_size = out.getsampwidth() * out.getnchannels()
                silence = b"\0" * (utterance.pause_after * framerate // 1000) * frame_size
                out.writeframes(data + silence)
                frames += len(data + silence) // frame_size
                if progress is not None:
                    progress(number, len(utterances))
        partial.replace(target)
    except (OSError, EOFError, wave.Error) as error:
        raise VoiceError(f"impossible d'écrire {target} : {error}") from error
    finally:
        partial.unlink(missing_ok=True)
    return frames / framerate
