"""The Qt binding the project installs keeps Python's reference counts right."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_calls_returning_nothing_do_not_drop_references_to_none(qtbot) -> None:
    """PySide6 6.12.0 on CPython 3.11 lost a reference to None per call: the program aborted after a while."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 50
