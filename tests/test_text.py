"""Text helpers: folding, slugs, accent-insensitive finding."""

from __future__ import annotations

from guide_reader.content.text import find_folded, fold, slugify, unique_anchor


def test_fold_removes_accents_case_and_ligatures() -> None:
    assert fold("Cœur, FIÈVRE et Leucopénie") == "coeur, fievre et leucopenie"


def test_slugify_is_ascii_with_hyphens_and_cut_at_a_word() -> None:
    assert slugify("Leucopénie : Définition et Vue d'Ensemble") == "leucopenie-definition-et-vue-d-ensemble"
    assert slugify("un deux trois quatre", max_length=10) == "un-deux"


def test_unique_anchor() -> None:
    taken = {"symptomes"}
    assert unique_anchor("symptomes", taken) == "symptomes-2"
    assert unique_anchor("symptomes", taken) == "symptomes-3"


def test_find_folded_maps_back_to_the_original_text() -> None:
    text = "La fièvre du cœur, FIEVRE encore."
    assert [text[start:end] for start, end in find_folded(text, "fievre")] == ["fièvre", "FIEVRE"]
    assert [text[start:end] for start, end in find_folded(text, "coeur")] == ["cœur"]
    assert find_folded(text, "  ") == []
