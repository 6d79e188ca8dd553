"""The staff PIN of the kiosk: checking its form, storing it as a salted hash, slowing down guesses.

The settings file never holds the PIN itself, only a self-describing hash::

    pbkdf2-sha256$600000$<salt, base64>$<PBKDF2-HMAC-SHA256 of the PIN, base64>

The iteration count is read back from the stored value, so it can be raised later without breaking
the hashes already written in settings files.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12
SCHEME = "pbkdf2-sha256"
DEFAULT_ITERATIONS = 600_000
SALT_BYTES = 16
HASH_BYTES = 32
# A stored value asking for more than this is treated as malformed rather than computed for minutes.
MAX_ITERATIONS = 10_000_000
# What the kiosk's settings accept: fewer makes guessing cheap, more makes each check slow
# (600,000 take about 0.2 s on a small clinic computer; 2,000,000 under a second).
MIN_ITERATIONS = 100_000
MAX_CHECK_ITERATIONS = 2_000_000

FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 60.0

_DIGITS = re.compile(r"[0-9]+")


def validate_pin(pin: str) -> str | None:
    """None if ``pin`` is acceptable (4 to 12 ASCII digits), else a French message saying what is wrong."""
    rule = f"de {PIN_MIN_DIGITS} à {PIN_MAX_DIGITS} chiffres"
    if not pin:
        return f"Le code est vide : il faut {rule}."
    if not _DIGITS.fullmatch(pin):
        return f"Le code ne doit contenir que des chiffres de 0 à 9 ({rule}), sans espace ni lettre."
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        return f"Le code doit avoir {rule} (il en a {len(pin)})."
    return None


def hash_pin(pin: str, *, iterations: int = DEFAULT_ITERATIONS) -> str:
    """The salted hash to store for ``pin``; a new random salt each time, so never the same string twice.

    Raises ValueError (with validate_pin's message) if the PIN is not acceptable.
    """
    problem = validate_pin(pin)
    if problem is not None:
        raise ValueError(problem)
    if not 1 <= iterations <= MAX_ITERATIONS:
        raise ValueError(f"iterations must be between 1 and {MAX_ITERATIONS}, not {iterations}")
    salt = secrets.token_bytes(SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return "$".join((SCHEME, str(iterations), _b64(salt), _b64(digest)))


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one ``stored`` was made from; False when ``stored`` is malformed."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), parsed.salt, parsed.iterations, dklen=len(parsed.digest))
    return hmac.compare_digest(digest, parsed.digest)


def is_pin_hash(stored: str) -> bool:
    """Whether ``stored`` has the form hash_pin produces (whatever PIN it was made from)."""
    return _parse(stored) is not None


def pin_hash_iterations(stored: str) -> int | None:
    """The PBKDF2 iteration count of a stored hash; None when ``stored`` is malformed."""
    parsed = _parse(stored)
    return None if parsed is None else parsed.iterations


@dataclass(frozen=True)
class _Parsed:
    iterations: int
    salt: bytes
    digest: bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None


def _parse(stored: object) -> _Parsed | None:
    if not isinstance(stored, str):
        return None
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != SCHEME:
        return None
    count = parts[1]
    if not _DIGITS.fullmatch(count) or count.startswith("0") or len(count) > len(str(MAX_ITERATIONS)):
        return None
    iterations = int(count)
    salt, digest = _unb64(parts[2]), _unb64(parts[3])
    if iterations > MAX_ITERATIONS or salt is None or digest is None:
        return None
    if len(salt) < SALT_BYTES or len(digest) != HASH_BYTES:
        return None
    return _Parsed(iterations, salt, digest)


class AttemptThrottle:
    """Wrong attempts are slowed down: after each failure the next attempt is allowed only after a delay that
    doubles (1, 2, 4, ... seconds, capped at 60); a success resets it. Clock injectable for tests (no sleeps).

    Keep one throttle for the life of the kiosk (not one per PIN pad or per visitor), otherwise waiting for
    the idle reset would clear the delay.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures = 0
        self._allowed_at: float | None = None

    @property
    def failures(self) -> int:
        """Wrong attempts since the last success."""
        return self._failures

    def seconds_to_wait(self) -> float:
        """0 when an attempt is allowed now, else the seconds left before the next one."""
        if self._allowed_at is None:
            return 0.0
        return max(0.0, self._allowed_at - self._clock())

    def failure(self) -> float:
        """Register a wrong attempt; return the delay before the next attempt is allowed."""
        self._failures += 1
        delay = min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2.0 ** min(self._failures - 1, 16))
        self._allowed_at = self._clock() + delay
        return delay

    def success(self) -> None:
        """A right attempt: no delay any more, and the next failure starts again at 1 second."""
        self._failures = 0
        self._allowed_at = None
