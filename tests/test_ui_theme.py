"""Every theme meets WCAG AA contrast for the text it draws."""

from __future__ import annotations

import pytest

from guide_reader.ui.navigation import Location, NavigationHistory
from guide_reader.ui.theme import THEMES, contrast_pairs, contrast_ratio

WCAG_AA_NORMAL_TEXT = 4.5


@pytest.mark.parametrize("name", sorted(THEMES))
def test_theme_contrast_meets_wcag_aa(name: str) -> None:
    failing = {
        label: round(contrast_ratio(foreground, background), 2)
        for label, (foreground, background) in contrast_pairs(THEMES[name]).items()
        if contrast_ratio(foreground, background) < WCAG_AA_NORMAL_TEXT
    }
    assert failing == {}


def test_contrast_ratio_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_navigation_history_drops_the_forward_part_on_a_new_visit() -> None:
    history = NavigationHistory()
    for slug in ("a", "b", "c"):
        history.visit(Location("article", slug))
    assert history.back() == Location("article", "b")
    history.visit(Location("article", "d"))
    assert not history.can_go_forward()
    assert history.back() == Location("article", "b")
    history.remember_position(120)
    history.forward()
    assert history.back() == Location("article", "b", position=120)
