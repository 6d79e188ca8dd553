"""guide-reader read-aloud: one real synthesis with espeak-ng, measured with sox.

espeak-ng and sox are installed by scripts/bootstrap.sh (packaging/debian-commands.txt and
debian-test-packages.txt): these tests fail, rather than skip, when the voice is missing or broken.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import wave
from pathlib import Path

import pytest

from guide_reader.cli import main
from guide_reader.content.voice import WORDS_PER_MINUTE, french_voice_missing

from .conftest import CONTENT_DIR


def sox_stat(path: Path) -> dict[str, float]:
    """sox's statistics of a sound file: 'Length (seconds)', 'RMS amplitude', ..."""
    result = subprocess.run(["sox", str(path), "-n", "stat"], capture_output=True, text=True, check=True)
    values = {}
    for line in result.stderr.splitlines():
        name, _, value = line.partition(":")
        if re.fullmatch(r"\s*-?[\d.]+(e[-+]?\d+)?\s*", value):
            values[" ".join(name.split())] = float(value)
    return values


def check_speech(path: Path, words: int, pauses_ms: int) -> None:
    """Not silence, and about as long as ``words`` said at the normal speed plus the pauses."""
    stats = sox_stat(path)
    assert stats["RMS amplitude"] > 0.02, f"silence: {stats}"
    assert stats["Maximum amplitude"] > 0.2, f"too quiet: {stats}"
    expected = words / WORDS_PER_MINUTE * 60 + pauses_ms / 1000
    assert 0.6 * expected < stats["Length (seconds)"] < 1.6 * expected, (stats, expected)


def test_the_french_voice_is_installed():
    assert french_voice_missing() is None


def test_read_aloud_writes_when_to_see_a_doctor_as_speech(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    target = tmp_path / "quand-consulter.wav"
    assert main(["read-aloud", "leucopenie#quand-consulter-un-medecin", "--wav", str(target)]) == 0
    assert "15 phrase(s)" in capsys.readouterr().err
    assert main(["read-aloud", "leucopenie#quand-consulter-un-medecin"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "## Quand Consulter un Médecin ?"
    assert len(lines) == 15
    words = sum(len(line.removeprefix("## ").split()) for line in lines)
    pauses = 600 + 450 * 6 + 150 * 8  # one heading; six paragraphs of 14 sentences
    check_speech(target, words, pauses)
    with wave.open(str(target)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)


def test_the_speech_check_fails_on_silence(tmp_path: Path):
    silent = tmp_path / "silence.wav"
    subprocess.run(["sox", "-n", "-r", "22050", "-c", "1", "-b", "16", str(silent), "trim", "0", "10"], check=True)
    with pytest.raises(AssertionError, match="silence"):
        check_speech(silent, 25, 0)


def test_read_aloud_from_the_top_and_when_to_see_a_doctor_as_text(capsys: pytest.CaptureFixture[str]):
    assert main(["read-aloud", "leucopenie"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "## Leucopénie",
        "La leucopénie correspond à une diminution anormale du nombre de globules blancs dans le sang, "
        "en dessous de 4000 cellules par microlitre.",
    ]
    assert len(lines) == 220
    assert main(["read-aloud", "leucopenie#quand-consulter"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "En cas d'urgence, appelez le 15, le Samu, ou le 112, le numéro d'urgence européen."


def test_read_aloud_says_what_is_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["read-aloud", "nulle-part"]) == 1
    assert "guide introuvable : nulle-part" in capsys.readouterr().err
    assert main(["read-aloud", "leucopenie#references"]) == 1
    assert "rien à lire" in capsys.readouterr().err
    assert main(["read-aloud", "leucopenie", "--rate", "3", "--wav", str(tmp_path / "out.wav")]) == 2
    assert "vitesse hors limites : 3.0 (de 0.7 à 1.5)" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_the_warning_read_last_can_be_listened_to_alone(capsys: pytest.CaptureFixture[str]):
    assert main(["read-aloud", "leucopenie#avertissement"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "## Avertissement"
    assert len(lines) >= 2


@pytest.mark.parametrize("rate", ["1.2", "1"])
def test_a_rate_without_a_wav_file_is_refused(capsys: pytest.CaptureFixture[str], rate: str):
    assert main(["read-aloud", "leucopenie#avertissement", "--rate", rate]) == 2
    captured = capsys.readouterr()
    assert captured.err == "--rate règle la vitesse du fichier WAV : ajoutez --wav FICHIER\n"
    assert captured.out == ""


def test_a_wav_file_named_dash_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert main(["read-aloud", "leucopenie#avertissement", "--wav", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "--wav - : la sortie standard n'est pas prise en charge ; donnez un nom de fichier .wav\n"
    assert captured.out == ""
    assert list(tmp_path.iterdir()) == []


def test_a_content_folder_brings_its_own_pronunciation(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "leucopenie.md").write_text((CONTENT_DIR / "leucopenie.md").read_text(encoding="utf-8"))
    (folder / "pronunciation.txt").write_text("leucopénie = leuco-pénie\nligne fausse\n", encoding="utf-8")
    assert main(["read-aloud", "leucopenie#definition-et-vue-d-ensemble", "--content", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "pronunciation.txt:2: ligne ignorée" in captured.err
    assert captured.out.splitlines()[0] == "## Leucopénie : Définition et Vue d'Ensemble"  # rules are case-sensitive
    assert "La leuco-pénie se définit" in captured.out


def test_a_wav_file_that_cannot_be_written_is_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    target = tmp_path / "no-such-folder" / "out.wav"
    assert main(["read-aloud", "leucopenie#quand-consulter", "--wav", str(target)]) == 1
    assert f"impossible d'écrire {target}" in capsys.readouterr().err
    assert not target.parent.exists()


def test_a_failing_voice_leaves_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch):
    broken = tmp_path / "bin" / "espeak-ng"
    broken.parent.mkdir()
    broken.write_text("#!/bin/sh\necho 'voix cassée' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setenv("PATH", f"{broken.parent}:/usr/bin:/bin")
    target = tmp_path / "out.wav"
    assert main(["read-aloud", "leucopenie#quand-consulter", "--wav", str(target)]) == 1
    assert "espeak-ng a échoué : voix cassée" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bin"]


@pytest.mark.parametrize("kind", ["directory", "fifo", "symlink to a fifo"])
def test_a_wav_path_that_is_not_a_regular_file_is_refused_before_any_synthesis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch, kind: str
):
    broken = tmp_path / "bin" / "espeak-ng"  # a voice that would fail: the path must be refused first
    broken.parent.mkdir()
    broken.write_text("#!/bin/sh\necho 'voix cassée' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    monkeypatch.setenv("PATH", f"{broken.parent}:/usr/bin:/bin")
    target = tmp_path / "out.wav"
    if kind == "directory":
        target.mkdir()
    else:
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        if kind == "fifo":
            fifo.rename(target)
        else:
            target.symlink_to(fifo)
    assert main(["read-aloud", "leucopenie#quand-consulter", "--wav", str(target)]) == 1
    assert f"{target} n'est pas un fichier ordinaire" in capsys.readouterr().err
    assert target.is_dir() if kind == "directory" else stat.S_ISFIFO(target.stat().st_mode)
    assert not (tmp_path / "out.wav.partiel").exists()


@pytest.mark.parametrize("path", ["", ".", "/"])
def test_a_wav_path_with_no_file_name_is_a_clear_message(path: str, capsys: pytest.CaptureFixture[str]):
    assert main(["read-aloud", "leucopenie#quand-consulter", "--wav", path]) == 1
    assert "n'est pas un nom de fichier" in capsys.readouterr().err
