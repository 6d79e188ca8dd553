"""Kiosk settings: defaults, a full file, every kind of bad file, and the documented example."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from guide_reader.kiosk import (
    EXAMPLE_CONFIG,
    LIMITS,
    KioskConfig,
    KioskConfigError,
    KioskFeatures,
    default_config_path,
    hash_pin,
    load_config,
)
from guide_reader.kiosk.config import MAX_FILE_BYTES
from guide_reader.kiosk.pin import MAX_CHECK_ITERATIONS, MIN_ITERATIONS

from .conftest import REPO_ROOT

FULL = """\
idle_seconds = 300
countdown_seconds = 30
staff_pin_hash = "{hash}"
text_scale = 1.5
exit_taps = 7
exit_tap_seconds = 4.5
emergency_label = "Emergency: 911"
files_folder = "/media/usb"

[features]
search = false
bookmarks = true
print = true
files = true
"""


def _write(tmp_path: Path, text: str, name: str = "kiosk.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> KioskConfigError:
    with pytest.raises(KioskConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value)
    assert caught.value.path == path
    return caught.value


def test_default_path_is_in_the_user_config_folder(user_dirs, monkeypatch, tmp_path) -> None:
    assert default_config_path() == user_dirs["config"] / "guide-reader" / "kiosk.toml"
    monkeypatch.setenv("GUIDE_READER_CONFIG_DIR", str(tmp_path / "elsewhere"))
    assert default_config_path() == tmp_path / "elsewhere" / "kiosk.toml"


def test_built_in_defaults_when_there_is_no_file() -> None:
    config = load_config()
    assert config == KioskConfig(path=None)
    assert (config.idle_seconds, config.countdown_seconds, config.staff_pin_hash) == (120, 15, None)
    assert (config.text_scale, config.exit_taps, config.exit_tap_seconds) == (1.3, 5, 3.0)
    assert config.features == KioskFeatures(search=True, bookmarks=False, print=False, files=False)
    assert "valeurs par défaut" in config.source_description()
    assert str(default_config_path()) in config.source_description()


def test_the_default_file_is_read_when_present() -> None:
    path = default_config_path()
    path.parent.mkdir(parents=True)
    path.write_text("idle_seconds = 60\n", encoding="utf-8")
    config = load_config()
    assert config == KioskConfig(path=path, idle_seconds=60)
    assert config.source_description() == f"Réglages du kiosque : {path}"


def test_a_full_file(tmp_path) -> None:
    pin_hash = hash_pin("2468", iterations=MIN_ITERATIONS)
    path = _write(tmp_path, FULL.format(hash=pin_hash))
    assert load_config(path) == KioskConfig(
        path=path,
        idle_seconds=300,
        countdown_seconds=30,
        staff_pin_hash=pin_hash,
        text_scale=1.5,
        exit_taps=7,
        exit_tap_seconds=4.5,
        emergency_label="Emergency: 911",
        files_folder="/media/usb",
        features=KioskFeatures(search=False, bookmarks=True, print=True, files=True),
    )


def test_partial_files_keep_the_other_defaults(tmp_path) -> None:
    assert load_config(_write(tmp_path, "")) == KioskConfig(path=tmp_path / "kiosk.toml")
    path = _write(tmp_path, "[features]\nprint = true\n")
    assert load_config(path) == KioskConfig(path=path, features=KioskFeatures(print=True))
    path = _write(
        tmp_path, 'files_folder = "/media"\nfeatures.files = true\ntext_scale = 2  # an integer is a number too\n'
    )
    config = load_config(path)
    assert config.features == KioskFeatures(files=True) and config.files_folder == "/media"
    assert config.text_scale == 2.0 and isinstance(config.text_scale, float)


def test_limits_are_inclusive(tmp_path) -> None:
    for name, (low, high) in LIMITS.items():
        for value in (low, high):
            assert getattr(load_config(_write(tmp_path, f"{name} = {value}\n")), name) == value


def test_utf8_with_a_byte_order_mark_is_accepted(tmp_path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes("\ufeff# réglages\nexit_taps = 3\n".encode())
    assert load_config(path).exit_taps == 3


def test_a_missing_explicit_file(tmp_path) -> None:
    error = _error(tmp_path / "absent.toml")
    assert "introuvable" in str(error)


def test_a_folder_or_unreadable_file(tmp_path) -> None:
    folder = tmp_path / "kiosk.toml"
    folder.mkdir()
    assert "dossier" in str(_error(folder))
    default = default_config_path()  # a default file that exists but cannot be read is not silently ignored
    default.mkdir(parents=True)
    with pytest.raises(KioskConfigError, match="dossier"):
        load_config()


def test_not_utf8(tmp_path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes("# ok\n# réglages\n".encode("latin-1"))
    error = _error(path)
    assert "UTF-8" in str(error) and error.line == 2 and ", ligne 2 :" in str(error)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("# réglages\nidle_seconds = \n", 2, "valeur mal écrite"),
        ('idle_seconds = 60\nstaff_pin_hash = "abc\n', 2, "guillemet fermant"),
        ("idle_seconds = 60\n\nidle_seconds = 90\n", 3, "déjà donné plus haut"),
        ("exit_taps 5\n", 1, "il manque « = »"),
        ("[features\nsearch = true\n", 1, "crochet fermant"),
        ('staff_pin_hash = """abc', 1, "TOML"),  # at the end of the document: its last line
    ],
)
def test_toml_syntax_errors_name_the_file_and_line(tmp_path, text, line, words) -> None:
    error = _error(_write(tmp_path, text))
    assert error.line == line
    assert f"kiosk.toml, ligne {line}" in str(error)
    assert "n'est pas du TOML valide" in str(error) and words in str(error)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("idle_secs = 60\n", 1, "réglage inconnu « idle_secs » : vouliez-vous dire « idle_seconds » ?"),
        ("# x\n[features]\nsearch = true\nprnt = true\n", 4, "« prnt » dans [features] : vouliez-vous dire « print »"),
        ("[features]\nstaff_pin_hash = 'x'\n", 2, "réglage général, à placer avant la ligne [features]"),
        ("[display]\nscale = 2\n", 1, "réglage inconnu « display »"),
        ("'colour' = 'blue'\n", 1, "réglage inconnu « colour »"),
    ],
)
def test_unknown_keys(tmp_path, text, line, words) -> None:
    error = _error(_write(tmp_path, text))
    assert error.line == line
    assert f"kiosk.toml, ligne {line} : " in str(error)
    assert words in str(error)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('idle_seconds = "120"', "« idle_seconds » doit être un nombre entier"),
        ("idle_seconds = 120.0", "« idle_seconds » doit être un nombre entier"),
        ("idle_seconds = true", "« idle_seconds » doit être un nombre entier"),
        (
            "exit_taps = [5]",
            "« exit_taps » doit être un nombre entier (sans guillemets ni virgule) ; trouvé : une liste",
        ),
        ('text_scale = "1,5"', "« text_scale » doit être un nombre (par exemple 1.5"),
        ("exit_tap_seconds = false", "« exit_tap_seconds » doit être un nombre"),
        ("staff_pin_hash = 1234", "« staff_pin_hash » doit être un texte entre guillemets"),
        ("countdown_seconds = 1979-05-27", "trouvé : une date"),
        ("[features]\nsearch = 'yes'", "« search » (dans [features]) doit être true ou false"),
        ("[features]\nprint = 1", "« print » (dans [features]) doit être true ou false"),
        ("features = true", "« features » doit être une table"),
        ("features = [1]", "« features » doit être une table"),
        ('staff_pin_hash = "1234"', "n'est pas une empreinte de code valide"),
        ('staff_pin_hash = ""', "n'est pas une empreinte de code valide"),
    ],
)
def test_wrong_types(tmp_path, text, words) -> None:
    error = _error(_write(tmp_path, "# réglages\n" + text + "\n"))
    assert words in str(error)
    assert error.line == text.count("\n") + 2


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("idle_seconds", "14"),
        ("idle_seconds", "3601"),
        ("countdown_seconds", "2"),
        ("countdown_seconds", "121"),
        ("text_scale", "0.79"),
        ("text_scale", "3.01"),
        ("text_scale", "nan"),
        ("text_scale", "inf"),
        ("exit_taps", "2"),
        ("exit_taps", "11"),
        ("exit_tap_seconds", "0.5"),
        ("exit_tap_seconds", "-inf"),
    ],
)
def test_values_out_of_range(tmp_path, name, bad) -> None:
    error = _error(_write(tmp_path, f"# réglages\n{name} = {bad}\n"))
    low, high = LIMITS[name]
    assert f"« {name} » doit être compris entre {low} et {high}" in str(error)
    assert error.line == 2


def test_example_config_loads_and_equals_the_defaults(tmp_path) -> None:
    path = _write(tmp_path, EXAMPLE_CONFIG)
    assert load_config(path) == KioskConfig(path=path)


def test_example_config_documents_every_setting_with_its_default_and_range() -> None:
    data = tomllib.loads(EXAMPLE_CONFIG)
    defaults = KioskConfig(path=None)
    features = data.pop("features")
    assert features == dataclasses.asdict(KioskFeatures())
    written = {f.name for f in dataclasses.fields(KioskConfig)} - {"path", "features", "staff_pin_hash"}
    assert data == {name: getattr(defaults, name) for name in written}
    assert "\n# staff_pin_hash = " in EXAMPLE_CONFIG and "guide-reader kiosk-pin" in EXAMPLE_CONFIG
    for name, (low, high) in LIMITS.items():
        assert f"{low} à {high}" in EXAMPLE_CONFIG, name


def test_example_config_with_its_pin_line_uncommented(tmp_path) -> None:
    pin_hash = hash_pin("13579", iterations=MIN_ITERATIONS)
    text = re.sub(r"^# staff_pin_hash = .*$", f'staff_pin_hash = "{pin_hash}"', EXAMPLE_CONFIG, flags=re.MULTILINE)
    path = _write(tmp_path, text)
    assert load_config(path) == KioskConfig(path=path, staff_pin_hash=pin_hash)


def test_the_readme_shows_the_example() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, flags=re.DOTALL)
    assert EXAMPLE_CONFIG in blocks


def test_the_checks_cover_every_field() -> None:
    from guide_reader.kiosk import config

    general = {f.name for f in dataclasses.fields(KioskConfig)} - {"path", "features"}
    assert set(config._GENERAL) == general
    assert set(config._FEATURES) == {f.name for f in dataclasses.fields(KioskFeatures)}
    assert set(LIMITS) <= general


def test_the_settings_and_the_pin_command_load_no_qt() -> None:
    code = (
        "import sys, guide_reader.kiosk, guide_reader.commands.kiosk; "
        "sys.exit(any(name.split('.')[0] in ('PySide6', 'shiboken6') for name in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("text_scale = 1,3\n", 1, "nombre écrit avec une virgule : écrire 1.3 (avec un point)"),
        ("[features]\nfiles = False\n", 2, "« files » se règle avec true ou false, en minuscules et sans guillemets"),
        ("[features]\nbookmarks = yes\n", 2, "« bookmarks » se règle avec true ou false"),
        ("[features]\nprint = Oui\n", 2, "« print » se règle avec true ou false"),
        ("idle_seconds = 12O\n", 1, "« idle_seconds » doit être un nombre entier"),
        ("emergency_label = Urgence 15\n", 1, 'un texte se met entre guillemets droits "..."'),
    ],
)
def test_syntax_messages_name_the_real_mistake(tmp_path, text, line, words) -> None:
    error = _error(_write(tmp_path, text))
    assert error.line == line
    assert words in str(error)
    if "true ou false" in words or "nombre" in words:
        assert "guillemets droits" not in str(error)  # that advice would lead to a second error


def test_a_nested_table_is_found_on_its_line(tmp_path) -> None:
    error = _error(_write(tmp_path, "# réglages\n[features]\nsearch = true\n[features.extra]\nx = 1\n"))
    assert error.line == 4
    assert "réglage inconnu « extra » dans [features]" in str(error)


def test_pin_hashes_too_weak_or_too_slow_are_refused(tmp_path) -> None:
    for iterations in (1, MIN_ITERATIONS - 1, MAX_CHECK_ITERATIONS + 1):
        stored = (
            hash_pin("2468", iterations=iterations)
            if iterations < MAX_CHECK_ITERATIONS
            else (hash_pin("2468", iterations=1).replace("$1$", f"${iterations}$"))
        )
        error = _error(_write(tmp_path, f'staff_pin_hash = "{stored}"\n'))
        assert f"utilise {iterations} itérations" in str(error) and "guide-reader kiosk-pin" in str(error)
        assert error.line == 1


def test_huge_values_give_short_messages_at_once(tmp_path) -> None:
    error = _error(_write(tmp_path, "x" * (MAX_FILE_BYTES + 1)))
    assert "fichier trop grand" in str(error) and len(str(error)) < 300
    for text in ("y" * 60_000 + " = 1\n", f'emergency_label = "{"z" * 60_000}"\n', f'idle_secs = "{"z" * 60_000}"\n'):
        error = _error(_write(tmp_path, text))
        assert len(str(error)) < 600


def test_files_need_their_folder(tmp_path) -> None:
    error = _error(_write(tmp_path, "[features]\nfiles = true\n"))
    assert "files_folder" in str(error) and error.line == 2
    error = _error(_write(tmp_path, 'files_folder = "cle"\n'))
    assert "chemin absolu" in str(error) and error.line == 1
