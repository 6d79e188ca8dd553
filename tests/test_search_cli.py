"""guide-reader search and index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_reader.cli import main


def test_search_json_prints_one_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "globules", "blancs", "bas", "--json", "--limit", "3", "--index-dir", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["query", "suggestion", "total", "common_words", "hits"]
    assert data["query"] == "globules blancs bas" and data["suggestion"] is None
    assert 0 < len(data["hits"]) <= 3 and data["hits"][0]["article_slug"] == "leucopenie"


def test_search_text_output_with_suggestion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "leucopnie", "--index-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Vouliez-vous dire : leucopénie ?" in out and "«leucopénie»" in out


def test_index_command_and_environment_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GUIDE_READER_INDEX_DIR", str(tmp_path / "env"))
    assert main(["index"]) == 0
    assert "index construit : 3 article(s)" in capsys.readouterr().err
    assert main(["index"]) == 0
    assert "index à jour" in capsys.readouterr().err
    assert main(["index", "--rebuild"]) == 0
    err = capsys.readouterr().err
    assert "3/3" in err and "index reconstruit" in err
    assert (tmp_path / "env" / "guide-reader-index.json").is_file()


def test_default_index_dir_is_in_the_user_cache_one_per_content_folder(
    user_dirs: dict[str, Path], content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "fièvre", "--json"]) == 0
    json.loads(capsys.readouterr().out)
    assert main(["--content", str(content_copy), "search", "fièvre", "--json"]) == 0
    manifests = sorted((user_dirs["cache"] / "guide-reader" / "index").glob("*/guide-reader-index.json"))
    assert len(manifests) == 2  # switching folders rebuilds nothing: each keeps its own index
    capsys.readouterr()
    assert main(["search", "fièvre", "--json"]) == 0
    assert "index" not in capsys.readouterr().err  # up to date: nothing said


def test_search_with_no_result(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zorglub", "--index-dir", str(tmp_path)]) == 0
    assert "Aucun résultat pour « zorglub »." in capsys.readouterr().out


@pytest.mark.parametrize("typed", [[""], ["  ", "\t"]])
def test_an_empty_search_asks_for_a_word(tmp_path: Path, capsys: pytest.CaptureFixture[str], typed) -> None:
    assert main(["search", *typed, "--index-dir", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "recherche vide : tapez un ou plusieurs mots" in captured.err
    assert not any(tmp_path.iterdir())  # nothing opened nor built for it


def test_stop_words_in_no_heading_say_they_are_too_common(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "ni", "ne", "--index-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Aucun résultat pour « ni ne »." in out
    assert "Ces mots sont trop courants" in out


@pytest.mark.parametrize("command", ["search", "complete"])
@pytest.mark.parametrize("limit", ["0", "-1", "abc"])
def test_a_limit_below_one_is_refused_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, limit: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "quand", "--limit", limit, "--index-dir", str(tmp_path)])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert "--limit" in captured.err and "un nombre entier supérieur ou égal à 1" in captured.err
    assert captured.out == ""


@pytest.mark.parametrize("acronym", ["TA", "SA"])
def test_an_acronym_found_nowhere_is_not_called_too_common(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], acronym: str
) -> None:
    assert main(["search", acronym, "--index-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"Aucun résultat pour « {acronym} ».\n"
    assert main(["search", acronym, "--json", "--index-dir", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["common_words"] is False


def test_a_missing_content_folder_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], user_dirs: dict[str, Path]
) -> None:
    for command in (["search", "fievre"], ["complete", "fie"], ["index"]):
        with pytest.raises(SystemExit) as stopped:
            main(["--content", str(tmp_path / "absent"), *command, "--index-dir", str(tmp_path / "index")])
        assert stopped.value.code == f"dossier d'articles introuvable : {tmp_path / 'absent'}"
    assert not [path for path in user_dirs["cache"].rglob("*") if path.is_file()]  # no catalogue of a typo kept
    assert not (tmp_path / "index").exists()


def test_an_empty_content_folder_finds_nothing_without_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["--content", str(tmp_path / "empty"), "search", "fievre", "--index-dir", str(tmp_path / "i")]) == 0
    captured = capsys.readouterr()
    assert "Aucun résultat pour « fievre »." in captured.out
    assert "endommagé" not in captured.err and "impossible" not in captured.err


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["search", "fievre"], ["search"]),
        (["--content", "search", "bookmarks"], ["bookmarks"]),  # a folder named like a command
        (["--theme", "dark", "read-aloud", "x"], ["speech"]),
        (["--help"], None),
        ([], ["gui"]),  # the window
        (["--theme", "dark", "--content", "guides"], ["gui"]),
        (["leucopenie"], None),  # not a command: the error lists them all
        (["--contnt", "x"], None),
    ],
)
def test_a_command_imports_only_its_own_module(argv: list[str], modules: list[str] | None) -> None:
    from guide_reader.cli import COMMAND_MODULES, _modules_for

    assert list(_modules_for(argv)) == (modules or list(COMMAND_MODULES))


def test_every_command_is_listed_with_its_module() -> None:
    import argparse

    from guide_reader.cli import COMMAND_MODULES, build_parser

    for module, names in COMMAND_MODULES.items():
        parser = build_parser([module])
        (subparsers,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
        assert sorted(subparsers.choices) == sorted(names)


def test_index_command_reads_the_files_and_rebuilds_one_damaged_with_its_time_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    assert main(["index", "--index-dir", str(tmp_path)]) == 0
    segment = next(tmp_path.glob("guide_*.seg"))
    stat = segment.stat()
    data = bytearray(segment.read_bytes())
    data[len(data) // 2] ^= 0xFF  # the same size, the same time: only reading it shows the damage
    segment.write_bytes(bytes(data))
    os.utime(segment, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    capsys.readouterr()
    assert main(["index", "--index-dir", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert f"index endommagé ({segment.name}) : reconstruit" in err
    assert main(["index", "--index-dir", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "index à jour" in err and "endommagé" not in err


def test_progress_into_a_pipe_is_whole_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--index-dir", str(tmp_path)]) == 0  # (capsys: standard error is no terminal)
    err = capsys.readouterr().err
    assert "\r" not in err and err.endswith("\n")
    assert any(line.startswith("3/3 ") for line in err.splitlines())


def test_a_fresh_search_loads_only_what_it_needs(tmp_path: Path, content_copy: Path) -> None:
    """What a search that logs nothing on an index up to date does not import: the log's rotating file
    (``logging.handlers``: sockets, pickle, queues), the worker processes of a build, Whoosh's writer,
    the Markdown loader, the other commands' modules."""
    import os
    import subprocess
    import sys

    child = (
        "import json, sys\n"
        "from guide_reader.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print(json.dumps(sorted(sys.modules)))\n"
        "sys.exit(status)\n"
    )
    command = [sys.executable, "-c", child, "--content", str(content_copy), "search", "fièvre", "--json"]
    command += ["--index-dir", str(tmp_path / "index")]
    environment = dict(os.environ, GUIDE_READER_STATE_DIR=str(tmp_path / "state"))
    subprocess.run(command, env=environment, check=True, capture_output=True)  # builds the index
    output = subprocess.run(command, env=environment, check=True, capture_output=True, text=True).stdout
    loaded = set(json.loads(output.splitlines()[-1]))
    assert "whoosh.query" in loaded and "guide_reader.commands.search" in loaded
    unneeded = {
        "logging.handlers",
        "multiprocessing",
        "concurrent.futures",
        "whoosh.writing",
        "markdown",
        "guide_reader.content.loader",
        "guide_reader.commands.bookmarks",
        "guide_reader.store",
        "PySide6",
    }
    assert sorted(unneeded & loaded) == []
