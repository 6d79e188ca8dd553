"""The staff PIN: its rules, its salted hash, the throttle on wrong attempts, and ``guide-reader kiosk-pin``."""

from __future__ import annotations

import base64
import functools
import io
import re
from pathlib import Path

import pytest

from guide_reader.cli import main
from guide_reader.kiosk import (
    EXAMPLE_CONFIG,
    AttemptThrottle,
    KioskConfig,
    default_config_path,
    hash_pin,
    is_pin_hash,
    load_config,
    validate_pin,
    verify_pin,
)
from guide_reader.kiosk import pin as pin_module

FAST = 1000  # iterations for tests; real hashes use pin_module.DEFAULT_ITERATIONS
HASH_LINE = re.compile(r'staff_pin_hash = "(pbkdf2-sha256\$[0-9]+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+)"')


# --- rules --------------------------------------------------------------------------------------


@pytest.mark.parametrize("pin", ["0000", "1234", "2468", "13579", "000000000000", "987654321098"])
def test_valid_pins(pin) -> None:
    assert validate_pin(pin) is None


@pytest.mark.parametrize(
    ("pin", "words"),
    [
        ("", "vide"),
        ("123", "(il en a 3)"),
        ("1234567890123", "(il en a 13)"),
        ("12a4", "que des chiffres"),
        ("12 34", "que des chiffres"),
        (" 1234", "que des chiffres"),
        ("1234\n", "que des chiffres"),
        ("-1234", "que des chiffres"),
        ("١٢٣٤", "que des chiffres"),  # Arabic-Indic digits: not on the PIN pad
        ("12²4", "que des chiffres"),
    ],
)
def test_invalid_pins_get_a_french_message(pin, words) -> None:
    message = validate_pin(pin)
    assert message is not None and words in message and "de 4 à 12 chiffres" in message


# --- hashing ------------------------------------------------------------------------------------


def test_hash_format() -> None:
    stored = hash_pin("2468", iterations=FAST)
    scheme, iterations, salt, digest = stored.split("$")
    assert (scheme, iterations) == ("pbkdf2-sha256", str(FAST))
    assert len(base64.b64decode(salt, validate=True)) == 16
    assert len(base64.b64decode(digest, validate=True)) == 32
    assert "2468" not in stored
    assert is_pin_hash(stored)


def test_real_hashes_use_a_high_iteration_count() -> None:
    assert pin_module.DEFAULT_ITERATIONS >= 600_000
    stored = hash_pin("2468")
    assert stored.startswith(f"pbkdf2-sha256${pin_module.DEFAULT_ITERATIONS}$")
    assert verify_pin("2468", stored) and not verify_pin("2469", stored)


def test_the_same_pin_gives_a_different_hash_each_time() -> None:
    hashes = {hash_pin("2468", iterations=FAST) for _ in range(5)}
    assert len(hashes) == 5
    assert len({stored.split("$")[2] for stored in hashes}) == 5  # a new salt each time
    assert all(verify_pin("2468", stored) for stored in hashes)


def test_verify() -> None:
    stored = hash_pin("13579", iterations=FAST)
    assert verify_pin("13579", stored)
    for wrong in ("1357", "135790", "13578", "", " 13579", "13579\n"):
        assert not verify_pin(wrong, stored), wrong


def test_verify_reads_the_iteration_count_from_the_stored_value() -> None:
    stored = hash_pin("4321", iterations=FAST)
    other_count = stored.replace(f"${FAST}$", f"${FAST + 1}$")
    assert verify_pin("4321", stored) and not verify_pin("4321", other_count)


def test_hash_pin_refuses_a_bad_pin() -> None:
    with pytest.raises(ValueError, match="que des chiffres"):
        hash_pin("abcd", iterations=FAST)
    with pytest.raises(ValueError, match="iterations"):
        hash_pin("1234", iterations=0)


def _swap(stored: str, index: int, value: str) -> str:
    parts = stored.split("$")
    parts[index] = value
    return "$".join(parts)


@pytest.fixture(scope="module")
def good() -> str:
    return hash_pin("1234", iterations=FAST)


@pytest.mark.parametrize(
    "make_bad",
    [
        lambda good: "",
        lambda good: "1234",
        lambda good: "pbkdf2-sha256",
        lambda good: good + "$",
        lambda good: good.rsplit("$", 1)[0],
        lambda good: _swap(good, 0, "pbkdf2-sha1"),
        lambda good: _swap(good, 0, "PBKDF2-SHA256"),
        lambda good: _swap(good, 1, "0"),
        lambda good: _swap(good, 1, "-1000"),
        lambda good: _swap(good, 1, "01000"),
        lambda good: _swap(good, 1, "1e3"),
        lambda good: _swap(good, 1, "99999999999999999999"),  # would compute for hours
        lambda good: _swap(good, 1, "١٠٠٠"),
        lambda good: _swap(good, 2, ""),
        lambda good: _swap(good, 2, "pas du base64 !"),
        lambda good: _swap(good, 2, base64.b64encode(b"short").decode()),
        lambda good: _swap(good, 3, base64.b64encode(b"x" * 31).decode()),
        lambda good: _swap(good, 3, good.split("$")[3][:-1]),
        lambda good: _swap(good, 3, "é" * 44),
        lambda good: f"  {good}",
        lambda good: good + "\n",
    ],
)
def test_malformed_stored_values(good, make_bad) -> None:
    bad = make_bad(good)
    assert not is_pin_hash(bad)
    assert not verify_pin("1234", bad)


def test_verify_is_false_for_a_value_that_is_not_text() -> None:
    assert not verify_pin("1234", None)  # type: ignore[arg-type]
    assert not is_pin_hash(b"pbkdf2-sha256$1000$x$y")  # type: ignore[arg-type]


def test_verify_uses_a_constant_time_comparison(monkeypatch, good) -> None:
    calls: list[tuple[bytes, bytes]] = []

    def compare(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return a == b

    monkeypatch.setattr(pin_module.hmac, "compare_digest", compare)
    assert verify_pin("1234", good) and not verify_pin("4321", good)
    assert len(calls) == 2


# --- throttle -----------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_throttle_doubles_the_delay_up_to_a_minute() -> None:
    clock = FakeClock()
    throttle = AttemptThrottle(clock)
    assert throttle.seconds_to_wait() == 0
    delays = []
    for _ in range(10):
        delays.append(throttle.failure())
        assert throttle.seconds_to_wait() == delays[-1]
        clock.now += delays[-1]
        assert throttle.seconds_to_wait() == 0
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60, 60]
    assert throttle.failures == 10
    for _ in range(2000):  # no overflow after very many failures
        throttle.failure()
    assert throttle.seconds_to_wait() == 60


def test_throttle_counts_down_with_the_clock() -> None:
    clock = FakeClock()
    throttle = AttemptThrottle(clock)
    throttle.failure()
    throttle.failure()
    assert throttle.seconds_to_wait() == 2
    clock.now += 0.5
    assert throttle.seconds_to_wait() == 1.5
    clock.now += 10
    assert throttle.seconds_to_wait() == 0


def test_a_success_resets_the_throttle() -> None:
    clock = FakeClock()
    throttle = AttemptThrottle(clock)
    for _ in range(4):
        throttle.failure()
    assert throttle.seconds_to_wait() == 8
    throttle.success()
    assert throttle.seconds_to_wait() == 0 and throttle.failures == 0
    assert throttle.failure() == 1


def test_throttle_uses_the_monotonic_clock_by_default() -> None:
    throttle = AttemptThrottle()
    assert throttle.seconds_to_wait() == 0
    assert 0 < throttle.failure() == 1
    assert 0 < throttle.seconds_to_wait() <= 1


# --- guide-reader kiosk-pin ---------------------------------------------------------------------


class FakeStdin(io.StringIO):
    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def _run_pin(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *,
    stdin: str = "",
    tty: bool = False,
    typed: list[str] | None = None,
    real_hash: bool = False,
) -> tuple[int, str, str, list[str]]:
    prompts: list[str] = []
    answers = iter(typed or [])

    def fake_getpass(prompt: str = "Password: ", stream: object = None) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("sys.stdin", FakeStdin(stdin, tty))
    monkeypatch.setattr("getpass.getpass", fake_getpass)
    if not real_hash:
        monkeypatch.setattr("guide_reader.commands.kiosk.hash_pin", functools.partial(hash_pin, iterations=FAST))
    code = main(["kiosk-pin"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err, prompts


def _stored_hash(out: str) -> str:
    match = HASH_LINE.fullmatch(out.rstrip("\n"))
    assert match, out
    assert out.count("\n") == 1
    return match.group(1)


def test_kiosk_pin_reads_one_line_when_stdin_is_not_a_terminal(capsys, monkeypatch) -> None:
    code, out, err, prompts = _run_pin(capsys, monkeypatch, stdin="2468\nignored\n", real_hash=True)
    assert code == 0 and prompts == []
    stored = _stored_hash(out)
    assert stored.startswith(f"pbkdf2-sha256${pin_module.DEFAULT_ITERATIONS}$")
    assert verify_pin("2468", stored) and not verify_pin("1357", stored)
    assert str(default_config_path()) in err and "[features]" in err
    assert "2468" not in out + err

    # The printed line, put where it says, is read by the kiosk.
    path = default_config_path()
    path.parent.mkdir(parents=True)
    path.write_text(out, encoding="utf-8")
    assert load_config() == KioskConfig(path=path, staff_pin_hash=stored)


def test_kiosk_pin_accepts_a_windows_line_ending_and_no_final_newline(capsys, monkeypatch) -> None:
    for text in ("13579\r\n", "13579"):
        code, out, _, _ = _run_pin(capsys, monkeypatch, stdin=text)
        assert code == 0 and verify_pin("13579", _stored_hash(out))


def test_kiosk_pin_asks_twice_without_echo_on_a_terminal(capsys, monkeypatch) -> None:
    code, out, err, prompts = _run_pin(capsys, monkeypatch, tty=True, typed=["864209", "864209"])
    assert code == 0
    assert len(prompts) == 2 and "4 à 12 chiffres" in prompts[0]
    assert verify_pin("864209", _stored_hash(out))
    assert "864209" not in out + err


def test_two_runs_give_two_different_lines_for_the_same_pin(capsys, monkeypatch) -> None:
    first = _run_pin(capsys, monkeypatch, stdin="2468\n")[1]
    second = _run_pin(capsys, monkeypatch, stdin="2468\n")[1]
    assert first != second


def test_kiosk_pin_mismatch(capsys, monkeypatch) -> None:
    code, out, err, prompts = _run_pin(capsys, monkeypatch, tty=True, typed=["2468", "2469"])
    assert (code, out) == (2, "")
    assert "Les deux codes sont différents" in err and len(prompts) == 2


def test_kiosk_pin_invalid_on_a_terminal_stops_before_asking_again(capsys, monkeypatch) -> None:
    code, out, err, prompts = _run_pin(capsys, monkeypatch, tty=True, typed=["12"])
    assert (code, out, len(prompts)) == (2, "", 1)
    assert "de 4 à 12 chiffres (il en a 2)" in err


@pytest.mark.parametrize(
    ("stdin", "words"),
    [("12a4\n", "que des chiffres"), ("\n", "vide"), ("", "Aucun code lu"), ("1234567890123\n", "il en a 13")],
)
def test_kiosk_pin_invalid_on_stdin(capsys, monkeypatch, stdin, words) -> None:
    code, out, err, _ = _run_pin(capsys, monkeypatch, stdin=stdin)
    assert (code, out) == (2, "")
    assert words in err and "Aucune empreinte créée" in err


def test_kiosk_pin_end_of_input_on_a_terminal(capsys, monkeypatch) -> None:
    def no_input(prompt: str = "", stream: object = None) -> str:
        raise EOFError

    monkeypatch.setattr("sys.stdin", FakeStdin("", tty=True))
    monkeypatch.setattr("getpass.getpass", no_input)
    assert main(["kiosk-pin"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Aucun code saisi" in captured.err


def test_kiosk_pin_example(capsys, tmp_path: Path) -> None:
    assert main(["kiosk-pin", "--example"]) == 0
    out = capsys.readouterr().out
    assert out == EXAMPLE_CONFIG
    (tmp_path / "kiosk.toml").write_text(out, encoding="utf-8")
    assert load_config(tmp_path / "kiosk.toml") == KioskConfig(path=tmp_path / "kiosk.toml")


def test_kiosk_pin_points_to_the_example_when_the_file_is_missing(capsys, monkeypatch) -> None:
    err = _run_pin(capsys, monkeypatch, stdin="2468\n")[2]
    assert f"guide-reader kiosk-pin --example > {default_config_path()}" in err
    default_config_path().parent.mkdir(parents=True)
    default_config_path().write_text(EXAMPLE_CONFIG, encoding="utf-8")
    err = _run_pin(capsys, monkeypatch, stdin="2468\n")[2]
    assert "n'existe pas encore" not in err


def test_corner_taps_count_only_quick_series() -> None:
    from guide_reader.kiosk.gesture import CornerTaps

    taps = CornerTaps(3, 2.0)
    assert [taps.tap(moment) for moment in (0.0, 1.0, 5.0, 5.5, 6.0)] == [False, False, False, False, True]
    assert [taps.tap(moment) for moment in (6.1, 6.2, 6.3)] == [False, False, True]  # counting starts anew
