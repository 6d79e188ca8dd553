"""The library facade and its catalogue: kept in step with added, changed, removed and broken files."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from benchmarks.corpus import SHORT, write_corpus
from guide_reader.cli import main
from guide_reader.content.cache import SCHEMA_VERSION, Catalogue
from guide_reader.content.model import Article
from guide_reader.library import Library, folder_id, open_catalogue


def touch_later(path: Path) -> None:
    """Move the modification time on, as an editor saving the file a moment later would."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))


def catalogue_file(user_dirs) -> Path:
    (found,) = (user_dirs["cache"] / "guide-reader" / "catalogue").glob("*.sqlite3")
    return found


def test_the_catalogue_lists_titles_previews_and_outlines_without_the_whole_articles(content_copy) -> None:
    library = Library(content_copy)
    assert [entry.title for entry in library.entries] == [
        "Cancer qui régresse tout seul : est-ce vraiment possible ?",
        "Leucopénie",
        "Régression Tumorale Spontanée",
    ]
    entry = library.entry("leucopenie")
    assert entry.minutes == 16 and entry.section_count == 15
    outline = next(outline for outline in library.catalogue.outlines() if outline.slug == "leucopenie")
    assert outline.sections[-1].heading == "Quand Consulter un Médecin ?" and outline.sections[-1].body == ""
    assert outline.faq[0].anchor == "faq-la-leucopenie-est-elle-contagieuse" and outline.title == "Leucopénie"
    assert entry.lead_preview.startswith("La leucopénie correspond") and "[17]" not in entry.lead_preview
    assert library._opened == {}  # nothing whole read at start
    article = library.article("leucopenie")
    assert article.sections[0].body.startswith("La leucopénie se définit")
    assert len(article.references) == 5 and article.faq[0].answer.startswith("Non")


def test_an_article_is_kept_as_its_skeleton_and_its_bodies_one_by_one(content_copy) -> None:
    from guide_reader.content.loader import load_article

    library = Library(content_copy)
    catalogue = library.catalogue
    for path in sorted(content_copy.glob("*.md")):
        parsed = load_article(path).article
        assert catalogue.article(parsed.slug) == parsed  # reassembled whole, as parsed
        skeleton, version = catalogue.skeleton(parsed.slug)
        assert version == library.entry(parsed.slug).version
        assert [s.heading for s in skeleton.sections] == [s.heading for s in parsed.sections]
        assert {s.body for s in skeleton.sections} == {""} and {item.answer for item in skeleton.faq} <= {""}
        assert skeleton.references == parsed.references and skeleton.lead == parsed.lead
        texts = [s.body for s in parsed.sections] + [item.answer for item in parsed.faq]
        assert [catalogue.body(parsed.slug, version, at) for at in range(len(texts))] == texts
        assert catalogue.body(parsed.slug, version, len(texts)) is None
        assert catalogue.body(parsed.slug, "another version", 0) is None
    assert catalogue.skeleton("nope") is None and catalogue.body("nope", "", 0) is None


def test_a_search_reads_the_parts_of_its_hits_not_whole_articles(content_copy, monkeypatch) -> None:
    library = Library(content_copy)
    engine = library.search_engine
    engine.ensure_index()  # (the build reads whole articles)
    expected = engine.search("fièvre globules")
    engine._docs.clear()
    monkeypatch.setattr(Catalogue, "article", lambda self, slug: pytest.fail(f"whole article {slug} read"))
    read: list[tuple[str, str, int]] = []
    body = Catalogue.body
    monkeypatch.setattr(Catalogue, "body", lambda self, *key: read.append(key) or body(self, *key))
    found = engine.search("fièvre globules")
    assert found.hits == expected.hits and len(found.hits) > 3
    assert 0 < len(read) <= len(found.hits) + 3  # its hits' sections and answers, and each guide's alert section
    assert all("<b" in hit.snippet for hit in found.hits)


def test_a_hit_read_after_its_article_changed_never_mixes_old_and_new_parts(content_copy) -> None:
    from guide_reader.search.documents import plain_text

    library = Library(content_copy)
    engine = library.search_engine
    engine.ensure_index()
    old = engine._article_docs("leucopenie").article  # its skeleton, kept between searches
    path = content_copy / "leucopenie.md"
    path.write_text(path.read_text().replace("\n## ", "\n## Une section ajoutée\n\nAjout en tête.\n\n## ", 1))
    touch_later(path)
    library.sync()  # the index is not updated yet: its hits name the old parts
    part = f"section:{old.sections[1].anchor}"  # now the third section: the second is another one
    assert engine._document("leucopenie", part) is None  # not the new second section's text under its heading
    doc = engine._document("leucopenie", part)  # read again, from the new article
    new = library.catalogue.article("leucopenie")
    assert new.sections[2].anchor == old.sections[1].anchor
    assert (doc.heading, doc.body) == (new.sections[2].heading, plain_text(new.sections[2].body))


def test_a_second_start_parses_nothing(content_copy, monkeypatch) -> None:
    Library(content_copy)
    calls = []
    monkeypatch.setattr(Catalogue, "_parse", lambda self, *args: calls.append(args))
    library = Library(content_copy)
    assert calls == [] and len(library.entries) == 3
    assert library.article("leucopenie").title == "Leucopénie"


def test_a_start_that_finds_nothing_changed_runs_two_reads_and_no_transaction(content_copy) -> None:
    Library(content_copy)
    library = Library(content_copy, sync=False)
    statements: list[str] = []
    library.catalogue._connection.set_trace_callback(statements.append)
    assert library.sync().added == []
    assert [statement.split()[0] for statement in statements] == ["SELECT", "SELECT"]  # fingerprint, files
    library.close()


def test_a_start_reads_no_article_file_when_none_changed(content_copy, monkeypatch) -> None:
    Library(content_copy)
    opened = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self) or original(self))
    Library(content_copy)
    assert [path for path in opened if path.parent == content_copy] == []  # the loader's own modules only


def test_an_edited_article_is_read_again_and_only_it(content_copy, monkeypatch) -> None:
    Library(content_copy)
    path = content_copy / "leucopenie.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Leucopénie", "title: Leucopénie (révisé)"))
    touch_later(path)
    parsed = []
    original = Catalogue._parse
    monkeypatch.setattr(
        Catalogue, "_parse", lambda self, name, *rest: parsed.append(name) or original(self, name, *rest)
    )
    library = Library(content_copy)
    assert parsed == ["leucopenie.md"]
    assert library.article("leucopenie").title == "Leucopénie (révisé)"
    assert library.entry("leucopenie").title == "Leucopénie (révisé)"


def test_a_file_of_the_same_size_rewritten_later_is_read_again(content_copy) -> None:
    before = Library(content_copy).entry("leucopenie").version
    path = content_copy / "leucopenie.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Leucopénie", "title: Leucopénix"))
    touch_later(path)
    library = Library(content_copy)
    assert library.entry("leucopenie").title == "Leucopénix" and library.entry("leucopenie").version != before


def test_a_change_of_mode_or_a_hard_link_parses_nothing(content_copy, tmp_path, monkeypatch) -> None:
    """Only the size and the modification time count: a 'chmod -R' or a hard-linked backup (which change
    the files' status change time) does not make a start parse every file again."""
    Library(content_copy)
    path = content_copy / "leucopenie.md"
    path.chmod(0o600)
    os.link(path, tmp_path / "backup.md")
    parsed = []
    monkeypatch.setattr(Catalogue, "_parse", lambda self, *args: parsed.append(args))
    assert len(Library(content_copy).entries) == 3 and parsed == []


def test_the_home_order_leaves_accents_and_case_out(tmp_path) -> None:
    titles = ["Zona", "Épilepsie", "eczéma", "Absorbant", "Abîmer", "Œdème", "Fièvre", "Oreillons"]
    for number, title in enumerate(titles):
        (tmp_path / f"guide-{number}.md").write_text(f"---\ntitle: {title}\n---\n\nUn chapeau.\n", encoding="utf-8")
    library = Library(tmp_path)
    assert [entry.title for entry in library.entries] == [
        "Abîmer", "Absorbant", "eczéma", "Épilepsie", "Fièvre", "Œdème", "Oreillons", "Zona",
    ]  # fmt: skip


def test_added_and_removed_files(content_copy) -> None:
    Library(content_copy)
    (content_copy / "regression-tumorale-spontanee.md").unlink()
    (paths,) = [write_corpus(content_copy, 2, seed=4, lengths=SHORT)]
    library = Library(content_copy)
    slugs = {entry.slug for entry in library.entries}
    assert slugs == {"cancer-qui-regresse-tout-seul", "leucopenie", *(path.stem for path in paths)}
    assert library.article("regression-tumorale-spontanee") is None
    assert library.article(paths[0].stem).title == library.entry(paths[0].stem).title


def test_broken_files_are_listed_and_counted_and_the_others_load(content_copy) -> None:
    (content_copy / "binaire.md").write_bytes(b"\x00\x01binary")
    (content_copy / "latin1.md").write_bytes("---\ntitle: Fièvre\n---\n\nTexte.\n".encode("latin-1"))
    (content_copy / "sans-titre.md").write_text("Pas d'en-tête.\n", encoding="utf-8")
    library = Library(content_copy)
    assert len(library.entries) == 3 and library.broken_files == 3
    errors = sorted(str(problem) for problem in library.problems if problem.severity == "error")
    assert errors == [
        "binaire.md: erreur: fichier binaire, pas un article Markdown",
        "latin1.md:2: erreur: texte qui n'est pas en UTF-8",
        "sans-titre.md:1: erreur: titre manquant (ligne « title: » de l'en-tête)",
    ]
    # Fixed: it loads at the next start, and the count goes down.
    (content_copy / "sans-titre.md").write_text("---\ntitle: Avec titre\n---\n\nTexte.\n", encoding="utf-8")
    touch_later(content_copy / "sans-titre.md")
    again = Library(content_copy)
    assert again.broken_files == 2 and again.entry("sans-titre").title == "Avec titre"
    (content_copy / "binaire.md").unlink()
    assert Library(content_copy).broken_files == 1


def test_warnings_stay_with_their_file_across_starts(content_copy) -> None:
    first = Library(content_copy).problems
    assert first and first == Library(content_copy).problems


def test_a_damaged_catalogue_is_set_aside_and_rebuilt(content_copy, user_dirs) -> None:
    Library(content_copy).close()
    path = catalogue_file(user_dirs)
    path.write_bytes(b"\x00garbage" * 100)
    library = Library(content_copy)
    assert len(library.entries) == 3 and library.catalogue.cache_file == path
    assert path.with_name(path.name + ".damaged").exists()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM catalogue").fetchone() == (3,)


def test_a_catalogue_locked_by_another_process_is_not_set_aside(content_copy, user_dirs, monkeypatch) -> None:
    Library(content_copy).close()
    path = catalogue_file(user_dirs)
    monkeypatch.setattr("guide_reader.content.cache.LOCK_TIMEOUT_S", 0.1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process in the middle of a long write
    try:
        library = Library(content_copy)
        assert len(library.entries) == 3 and library.catalogue.cache_file is None  # in memory this time
        assert "catalogue occupé par un autre programme : les articles sont relus cette fois" in str(
            library.catalogue.notice
        )
        library.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not path.with_name(path.name + ".damaged").exists()
    library = Library(content_copy)
    assert library.catalogue.cache_file == path and library.catalogue.notice is None
    library.close()


def damage(path: Path, table: str) -> None:
    """Overwrite the first page of a table of a catalogue file: the file opens, its header is whole."""
    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * page_size)


@pytest.mark.parametrize("table", ["bodies", "articles", "files", "catalogue"])
def test_a_catalogue_damaged_inside_is_set_aside_and_made_again(content_copy, user_dirs, table: str) -> None:
    Library(content_copy).close()
    path = catalogue_file(user_dirs)
    damage(path, table)
    library = Library(content_copy)  # (files: seen by the start; the others: the start reads only files)
    assert [outline.slug for outline in library.catalogue.outlines()] == [
        "cancer-qui-regresse-tout-seul", "leucopenie", "regression-tumorale-spontanee"]  # fmt: skip
    article = library.article("leucopenie")
    assert article is not None and article.title == "Leucopénie" and article.sections[0].body
    assert [entry.slug for entry in library.entries] == ["cancer-qui-regresse-tout-seul", "leucopenie",
                                                         "regression-tumorale-spontanee"]  # fmt: skip
    assert path.with_name(path.name + ".damaged").exists()
    assert "catalogue endommagé" in str(library.catalogue.notice)
    library.close()
    assert Library(content_copy).catalogue.notice is None  # the new file is whole


def test_a_repair_holds_the_other_readers_until_the_catalogue_is_whole(content_copy, user_dirs, monkeypatch) -> None:
    Library(content_copy).close()
    damage(catalogue_file(user_dirs), "bodies")
    library = Library(content_copy)
    other: list[object] = []
    sync = Catalogue._sync

    def slow_sync(self: Catalogue, progress: object) -> object:  # another thread reads during the repair
        if not other:
            reader = threading.Thread(target=lambda: other.append(self.article("cancer-qui-regresse-tout-seul")))
            reader.start()
            reader.join(0.3)
            other.append(reader.is_alive())
        return sync(self, progress)

    monkeypatch.setattr(Catalogue, "_sync", slow_sync)
    assert library.article("leucopenie") is not None
    for _ in range(50):
        if len(other) == 2:
            break
        time.sleep(0.1)
    waited, article = other
    assert waited is True  # it waited for the repair, not read the new file half made
    assert isinstance(article, Article) and article.title.startswith("Cancer")
    library.close()


def test_a_worker_process_catalogue_leaves_a_damaged_file_to_the_program(content_copy, user_dirs) -> None:
    Library(content_copy).close()
    path = catalogue_file(user_dirs)
    damage(path, "bodies")
    worker = Catalogue(content_copy, path, repairs=False)
    with pytest.raises(sqlite3.DatabaseError):
        worker.article("leucopenie")
    worker.close()
    assert not path.with_name(path.name + ".damaged").exists()


def test_a_changed_loader_parses_everything_again(content_copy, monkeypatch) -> None:
    Library(content_copy)
    monkeypatch.setattr("guide_reader.content.cache.loader_fingerprint", lambda: "another loader")
    parsed = []
    original = Catalogue._parse
    monkeypatch.setattr(
        Catalogue, "_parse", lambda self, name, *rest: parsed.append(name) or original(self, name, *rest)
    )
    assert len(Library(content_copy).entries) == 3 and len(parsed) == 3


def test_a_cache_folder_that_cannot_be_written_only_costs_the_parse(content_copy, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("GUIDE_READER_CACHE_DIR", str(blocker / "cache"))
    library = Library(content_copy)
    assert len(library.entries) == 3 and library.catalogue.cache_file is None
    assert library.article("leucopenie").title == "Leucopénie"


@pytest.mark.parametrize("user_version", [SCHEMA_VERSION, 0])
def test_a_catalogue_with_other_tables_is_made_anew_whatever_its_version_says(
    content_copy, user_dirs, monkeypatch, user_version
) -> None:
    """A development build's catalogue, a column more in ``files`` under the same version: trusted, it made
    every write fail, and every start parse every file again, in memory, in silence."""
    Library(content_copy).close()
    path = catalogue_file(user_dirs)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.executescript(
            "DROP TABLE files; CREATE TABLE files (name TEXT PRIMARY KEY, size INTEGER NOT NULL, "
            "mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, slug TEXT, problems TEXT NOT NULL, "
            f"errors INTEGER NOT NULL); PRAGMA user_version = {user_version};"
        )
    parsed = []
    original = Catalogue._parse
    monkeypatch.setattr(
        Catalogue, "_parse", lambda self, name, *rest: parsed.append(name) or original(self, name, *rest)
    )
    library = Library(content_copy)
    assert library.catalogue.cache_file == path and library.catalogue.notice is None and len(parsed) == 3
    library.close()
    again = Library(content_copy)
    assert len(parsed) == 3 and len(again.entries) == 3  # the second start parses nothing
    assert again.catalogue.cache_file == path and again.problems == Library(content_copy).problems


def test_a_catalogue_that_cannot_be_made_is_said_by_check_and_search(
    content_copy, tmp_path, monkeypatch, capsys, caplog
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("GUIDE_READER_CACHE_DIR", str(blocker / "cache"))
    with caplog.at_level(logging.WARNING, logger="guide_reader.content.cache"):
        library = Library(content_copy)
    assert len(library.entries) == 3 and library.catalogue.cache_file is None and library.broken_files == 0
    (notice,) = [problem for problem in library.problems if "catalogue" in problem.message]
    assert notice.file == str(blocker / "cache" / "catalogue" / f"{folder_id(content_copy)}.sqlite3")
    assert notice.line is None and notice.severity == "warning"
    assert notice.message.startswith("catalogue impossible à enregistrer (")
    assert notice.message.endswith(") : les articles seront relus à chaque démarrage")
    assert "cannot be written" in caplog.text
    capsys.readouterr()
    assert main(["--content", str(content_copy), "check"]) == 0  # a warning: no error
    assert f"{notice}\n" in capsys.readouterr().err
    assert main(["--content", str(content_copy), "search", "leucopénie", "--index-dir", str(tmp_path / "ix")]) == 0
    out, err = capsys.readouterr()
    assert err.count("catalogue impossible à enregistrer") == 1 and "Leucopénie" in out


@pytest.mark.usefixtures("full_catalogue_disk")
def test_a_catalogue_that_cannot_be_written_still_lists_and_says_so(content_copy, tmp_path, capsys) -> None:
    library = Library(content_copy)
    assert len(library.entries) == 3 and library.catalogue.cache_file is None and library.broken_files == 0
    assert library.article("leucopenie").title == "Leucopénie"
    notice = library.problems[0]
    assert notice.severity == "warning" and notice.file.endswith(".sqlite3")
    assert "catalogue impossible à enregistrer (database or disk is full)" in notice.message
    capsys.readouterr()
    assert main(["--content", str(content_copy), "search", "leucopénie", "--index-dir", str(tmp_path / "ix")]) == 0
    out, err = capsys.readouterr()
    assert err.count("catalogue impossible à enregistrer (database or disk is full)") == 1 and "Leucopénie" in out


def test_a_read_only_catalogue_still_lists_and_opens(content_copy, user_dirs, monkeypatch) -> None:
    Library(content_copy).close()
    path = catalogue_file(user_dirs)
    path.chmod(0o444)
    path.parent.chmod(0o555)
    connect = sqlite3.connect

    def read_only(target: str, *args, **kwargs) -> sqlite3.Connection:  # what the modes do, even for root
        if target == str(path):
            return connect(f"{path.as_uri()}?mode=ro", *args, uri=True, **kwargs)
        return connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    try:
        (content_copy / "leucopenie.md").unlink()  # a change to write, which the file refuses
        library = Library(content_copy)
        assert [entry.slug for entry in library.entries] == ["cancer-qui-regresse-tout-seul",
                                                             "regression-tumorale-spontanee"]  # fmt: skip
        assert library.article("cancer-qui-regresse-tout-seul") is not None
        assert library.catalogue.notice is not None and "catalogue impossible" in str(library.catalogue.notice)
        library.close()
    finally:
        path.parent.chmod(0o755)
        path.chmod(0o644)


def test_one_catalogue_per_content_folder(content_copy, tmp_path) -> None:
    other = tmp_path / "other"
    write_corpus(other, 2, seed=9, lengths=SHORT)
    assert open_catalogue(content_copy).cache_file != open_catalogue(other).cache_file
    assert len(Library(other).entries) == 2 and len(Library(content_copy).entries) == 3
    assert Library(content_copy).index_dir != Library(other).index_dir


def test_a_missing_folder_is_a_problem_not_a_crash(tmp_path) -> None:
    library = Library(tmp_path / "absent")
    assert library.entries == [] and library.articles == []
    assert "dossier d'articles introuvable" in str(library.problems[0])


def test_a_missing_folder_makes_no_catalogue_file_and_keeps_the_one_it_had(tmp_path, user_dirs) -> None:
    Library(tmp_path / "typo").close()
    assert not [path for path in user_dirs["cache"].rglob("*") if path.is_file()]  # nothing kept for a typo
    drive = tmp_path / "drive" / "guides"
    write_corpus(drive, 3, seed=5, lengths=SHORT)
    Library(drive).close()
    drive.rename(tmp_path / "drive" / "away")  # the drive unmounted at a start
    unmounted = Library(drive)
    assert unmounted.entries == [] and "dossier d'articles introuvable" in str(unmounted.problems[0])
    unmounted.close()
    (tmp_path / "drive" / "away").rename(drive)
    library = Library(drive, sync=False)  # the catalogue as kept: still every guide, none to parse again
    assert len(library.entries) == 3


def test_the_catalogue_is_kept_when_the_loader_is_the_same_code_with_other_file_times(tmp_path, monkeypatch) -> None:
    from guide_reader.content import cache

    copy = tmp_path / "content-package"
    shutil.copytree(Path(cache.__file__).parent, copy)  # a new install of the same code: other file times
    before = cache.loader_fingerprint()
    monkeypatch.setattr(cache, "__file__", str(copy / "cache.py"))
    assert cache.loader_fingerprint() == before
    loader = copy / "loader.py"
    loader.write_text(loader.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert cache.loader_fingerprint() != before


@pytest.mark.parametrize("relative", [True, False], ids=["stat-in-open-folder", "stat-by-path"])
def test_the_signatures_of_a_folder(tmp_path, monkeypatch, relative: bool) -> None:
    """Every ``*.md`` but README.md, whatever it is (a link through to its target, a dangling link by its
    own time, a folder); nothing else, and nothing for a folder that is missing or is a file."""
    from guide_reader.content import cache

    if not relative:  # a system without stat calls relative to an open folder
        monkeypatch.setattr(cache.os, "supports_dir_fd", set())
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "a.md").write_text("abc", encoding="utf-8")
    os.utime(folder / "a.md", ns=(1, 5_000_000_000))
    (folder / "README.md").write_text("x", encoding="utf-8")
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    (folder / "folder.md").mkdir()
    (folder / "link.md").symlink_to(folder / "a.md")
    (folder / "dangling.md").symlink_to(folder / "gone.md")
    found = cache._signatures(folder)
    assert sorted(found) == ["a.md", "dangling.md", "folder.md", "link.md"]
    assert found["a.md"] == found["link.md"] == (3, 5_000_000_000)
    dangling = (folder / "dangling.md").lstat()
    assert found["dangling.md"] == (dangling.st_size, dangling.st_mtime_ns)
    assert cache._signatures(tmp_path / "missing") == {}
    assert cache._signatures(folder / "a.md") == {}
