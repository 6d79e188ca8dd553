"""The kiosk session shipped in packaging/kiosk: cage under systemd, as an unprivileged user, restarted."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess

import pytest

from .conftest import REPO_ROOT

KIOSK = REPO_ROOT / "packaging" / "kiosk"
UNIT = KIOSK / "guide-reader-kiosk.service"


def unit() -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, interpolation=None)  # systemd repeats keys
    parser.optionxform = str  # keys are case-sensitive
    parser.read(UNIT, encoding="utf-8")
    return parser


def test_the_service_runs_cage_as_an_unprivileged_user_and_restarts() -> None:
    service = unit()["Service"]
    assert service["User"] == "guide-kiosk" and service["Group"] == "guide-kiosk"
    assert service["Restart"] == "always"
    command = shlex.split(service["ExecStart"])
    assert command[0] == "/usr/bin/cage"
    assert "-s" not in command  # no switching to another console
    assert command[command.index("--") + 1 :] == ["/usr/local/bin/guide-reader", "--kiosk"]
    assert unit()["Install"]["WantedBy"] == "graphical.target"


def test_the_user_exists_only_through_sysusers_with_no_login() -> None:
    lines = [line.split() for line in (KIOSK / "guide-reader-kiosk.sysusers").read_text().splitlines()]
    users = [line for line in lines if line and line[0] == "u"]
    assert [user[1] for user in users] == ["guide-kiosk"]
    assert users[0][-1] == "/usr/sbin/nologin"


def test_the_settings_and_data_folders_of_the_service() -> None:
    environment = [value for key, value in unit().items("Service") if key == "Environment"]
    text = (UNIT).read_text(encoding="utf-8")
    assert "Environment=GUIDE_READER_CONFIG_DIR=/etc/guide-reader" in text
    assert "Environment=QT_QPA_PLATFORM=wayland" in text
    assert environment  # at least the last one survives configparser; the file has them all


def test_the_install_script_is_valid_and_installs_what_the_service_needs() -> None:
    script = KIOSK / "install-kiosk"
    assert subprocess.run(["sh", "-n", str(script)], check=False).returncode == 0
    packages = (KIOSK / "kiosk-packages.txt").read_text().split()
    assert {"cage", "xwayland", "libwayland-cursor0", "libwayland-egl1"} <= set(packages)
    text = script.read_text(encoding="utf-8")
    for file in ("guide-reader-kiosk.service", "guide-reader-kiosk.sysusers", "kiosk-packages.txt"):
        assert file in text


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_reads_the_unit_without_a_syntax_warning(tmp_path) -> None:
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(UNIT)], capture_output=True, text=True, check=False
    )
    problems = [
        line
        for line in done.stderr.splitlines()
        if "Unknown" in line or "Invalid" in line or "Failed to parse" in line or "ignoring" in line.lower()
    ]
    assert problems == []
