"""Bookmarks: add without duplicates, notes, remove and undo, grouping, and what is left after a content update."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_reader.library import Library
from guide_reader.paths import user_data_dir
from guide_reader.store import BookmarkStore, Status, find_anchor, group_by_article, resolve

SECTION = "quand-consulter-un-medecin"
FAQ = "faq-la-leucopenie-est-elle-contagieuse"


@pytest.fixture(scope="module")
def library() -> Library:
    return Library()


def test_default_file_is_in_the_user_data_folder(user_dirs: dict[str, Path]) -> None:
    with BookmarkStore() as store:
        assert store.path == user_data_dir() / "guide-reader.sqlite3"
        assert store.path.is_relative_to(user_dirs["data"])
        assert store.path.is_file()
        assert store.notice is None
        assert store.recovered_from is None


def test_add_for_takes_the_snapshot_from_the_article(store: BookmarkStore, library: Library) -> None:
    article = library.article("leucopenie")
    section = store.add_for(article, SECTION, "demander au Dr si la fièvre de mardi compte")
    faq = store.add_for(article, FAQ)
    assert (section.kind, section.article_title, section.heading) == (
        "section",
        "Leucopénie",
        find_anchor(article, SECTION)[1],
    )
    assert section.note == "demander au Dr si la fièvre de mardi compte"
    assert section.target == f"leucopenie#{SECTION}"
    assert (faq.kind, faq.heading, faq.note) == ("faq", "La leucopénie est-elle contagieuse ?", "")
    assert section.created_at == section.updated_at
    assert store.bookmarks() == [section, faq]
    assert store.get(faq.id) == faq
    assert store.find("leucopenie", SECTION) == section
    assert store.get(999) is None
    assert store.find("leucopenie", "nowhere") is None


def test_add_for_refuses_an_unknown_anchor(store: BookmarkStore, library: Library) -> None:
    with pytest.raises(LookupError):
        store.add_for(library.article("leucopenie"), "nowhere")
    assert store.bookmarks() == []


def test_add_rejects_bad_values(store: BookmarkStore) -> None:
    with pytest.raises(ValueError, match="kind"):
        store.add("a", "b", kind="chapter", article_title="A", heading="B")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="anchor"):
        store.add("a", "", kind="section", article_title="A", heading="B")


def test_adding_the_same_place_twice_updates_the_bookmark(store: BookmarkStore) -> None:
    first = store.add("leucopenie", SECTION, kind="section", article_title="Leucopénie", heading="Quand ?", note="un")
    again = store.add("leucopenie", SECTION, kind="section", article_title="Leucopénie", heading="Quand ?")
    assert again == first  # no note given: nothing changes, not even the date
    renamed = store.add("leucopenie", SECTION, kind="section", article_title="Leucopénie", heading="Quand consulter")
    assert (renamed.id, renamed.note, renamed.heading) == (first.id, "un", "Quand consulter")
    assert renamed.updated_at > first.updated_at
    assert renamed.created_at == first.created_at
    cleared = store.add(
        "leucopenie", SECTION, kind="section", article_title="Leucopénie", heading="Quand consulter", note=""
    )
    assert cleared.note == ""
    assert len(store.bookmarks()) == 1


def test_update_note(store: BookmarkStore) -> None:
    bookmark = store.add("leucopenie", SECTION, kind="section", article_title="L", heading="Q")
    updated = store.update_note(bookmark.id, "  apporter la prise de sang  ")
    assert updated.note == "apporter la prise de sang"
    assert updated.updated_at > bookmark.updated_at
    assert store.update_note(bookmark.id, "apporter la prise de sang") == updated
    assert store.update_note(bookmark.id, "").note == ""
    assert store.update_note(12345, "x") is None


def test_remove_then_restore_gives_back_the_same_bookmark(store: BookmarkStore) -> None:
    kept = store.add("leucopenie", "a", kind="section", article_title="L", heading="A")
    removed_one = store.add("leucopenie", "b", kind="section", article_title="L", heading="B", note="note")
    last = store.add("leucopenie", "c", kind="section", article_title="L", heading="C")
    removed = store.remove(last.id)
    assert removed == last
    assert store.remove(last.id) is None
    assert store.remove(removed_one.id) == removed_one
    newer = store.add("leucopenie", "d", kind="section", article_title="L", heading="D")
    assert newer.id not in (last.id, removed_one.id)  # ids are never reused
    assert store.restore(removed) == last
    assert store.restore(removed_one) == removed_one
    assert store.restore(removed_one) == removed_one  # undo twice: no duplicate
    assert store.bookmarks() == [kept, removed_one, last, newer]


def test_restore_after_the_place_was_marked_again_merges_the_note(store: BookmarkStore) -> None:
    removed = store.remove(
        store.add("leucopenie", "a", kind="section", article_title="L", heading="A", note="ancienne").id
    )
    again = store.add("leucopenie", "a", kind="section", article_title="L", heading="A", note="nouvelle")
    restored = store.restore(removed)
    assert restored.id == again.id
    assert restored.note == "nouvelle\n\nancienne"
    assert len(store.bookmarks()) == 1


def test_clear_and_reset(store: BookmarkStore) -> None:
    store.add("leucopenie", "a", kind="section", article_title="L", heading="A")
    store.add("leucopenie", "b", kind="faq", article_title="L", heading="B")
    store.history.record("leucopenie", article_title="L")
    assert store.clear() == 2
    assert store.bookmarks() == []
    assert len(store.history.recent()) == 1
    store.add("leucopenie", "a", kind="section", article_title="L", heading="A")
    store.reset()
    assert store.bookmarks() == []
    assert store.history.recent() == []


def test_bookmarks_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with BookmarkStore(path) as store:
        bookmark = store.add("leucopenie", "a", kind="section", article_title="L", heading="A", note="à garder")
    with BookmarkStore(path) as store:
        assert store.bookmarks() == [bookmark]


def test_grouped_by_article(store: BookmarkStore, library: Library) -> None:
    leucopenie = library.article("leucopenie")
    regression = library.article("regression-tumorale-spontanee")
    late = store.add_for(leucopenie, SECTION)
    other = store.add_for(regression, regression.sections[0].anchor)
    early = store.add_for(leucopenie, leucopenie.sections[0].anchor)
    gone = store.add("leucopenie", "ancienne-section", kind="section", article_title="Leucopénie", heading="Ancienne")
    plain = group_by_article(store.bookmarks())
    assert [group.slug for group in plain] == ["leucopenie", "regression-tumorale-spontanee"]
    assert plain[0].bookmarks == (late, early, gone)  # creation order
    in_reading_order = store.grouped(library)
    assert in_reading_order[0].article_title == leucopenie.title
    assert in_reading_order[0].bookmarks == (early, late, gone)  # vanished sections last
    assert in_reading_order[1].bookmarks == (other,)


def _drop_section(content: Path, anchor: str) -> None:
    path = content / "leucopenie.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith(f"{{#{anchor}}}"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    path.write_text("\n".join(lines[:start] + lines[end:]) + "\n", encoding="utf-8")


def test_a_bookmark_whose_section_is_gone_is_kept_and_says_so(store: BookmarkStore, content_copy: Path) -> None:
    before = Library(content_copy)
    section = store.add_for(before.article("leucopenie"), SECTION, "demander au Dr")
    other = store.add_for(before.article("leucopenie"), FAQ)
    assert resolve(section, before).status is Status.AVAILABLE
    assert resolve(section, before).message == ""

    _drop_section(content_copy, SECTION)
    after = Library(content_copy)
    assert after.article("leucopenie") is not None
    assert store.bookmarks() == [section, other]  # nothing vanished from the store
    gone = resolve(section, after)
    assert gone.status is Status.SECTION_MISSING
    assert not gone.available
    assert gone.message == "section plus disponible"
    assert gone.heading == section.heading  # the snapshot says what it was
    assert gone.article is after.article("leucopenie")  # still a link to the article
    assert resolve(other, after.article).available  # a lookup function works too
    assert store.get(section.id).note == "demander au Dr"


def test_a_bookmark_whose_article_is_gone(store: BookmarkStore, content_copy: Path) -> None:
    bookmark = store.add_for(Library(content_copy).article("leucopenie"), SECTION)
    (content_copy / "leucopenie.md").unlink()
    resolution = resolve(bookmark, Library(content_copy))
    assert resolution.status is Status.ARTICLE_MISSING
    assert resolution.message == "article plus disponible"
    assert (resolution.article, resolution.article_title, resolution.heading) == (None, "Leucopénie", bookmark.heading)


def test_store_shared_between_threads(store: BookmarkStore) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def add(number: int) -> int:
        return store.add("leucopenie", f"s{number}", kind="section", article_title="L", heading=str(number)).id

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = list(pool.map(add, range(40)))
    assert len(set(ids)) == 40
    assert len(store.bookmarks()) == 40


def test_an_in_memory_store_keeps_nothing_on_disk(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = BookmarkStore.in_memory()
    store.add("leucopenie", "x", kind="section", article_title="L", heading="H", note="visiteur")
    assert [bookmark.note for bookmark in store.bookmarks()] == ["visiteur"]
    assert store.path is None
    store.close()
    assert list(tmp_path.iterdir()) == []


def test_guides_are_grouped_in_the_home_pages_order_accents_and_case_left_out(store: BookmarkStore) -> None:
    for slug, title in [("zona", "Zona"), ("epilepsie", "Épilepsie"), ("eczema", "eczéma"), ("fievre", "Fièvre")]:
        store.add(slug, "quand-consulter", kind="section", article_title=title, heading="Quand consulter ?")
    assert [group.article_title for group in group_by_article(store.bookmarks())] == [
        "eczéma", "Épilepsie", "Fièvre", "Zona",
    ]  # fmt: skip
