"""Kiosk mode without Qt: the settings file and the staff PIN (the window is in ``guide_reader.ui``)."""

from __future__ import annotations

from .config import (
    EXAMPLE_CONFIG,
    LIMITS,
    KioskConfig,
    KioskConfigError,
    KioskFeatures,
    default_config_path,
    load_config,
)
from .pin import AttemptThrottle, hash_pin, is_pin_hash, validate_pin, verify_pin

__all__ = [
    "EXAMPLE_CONFIG",
    "LIMITS",
    "AttemptThrottle",
    "KioskConfig",
    "KioskConfigError",
    "KioskFeatures",
    "default_config_path",
    "hash_pin",
    "is_pin_hash",
    "load_config",
    "validate_pin",
    "verify_pin",
]
