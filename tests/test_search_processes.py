"""Several copies of the program on one index: no traceback, no half-built index, no lasting damage.

Every child process has a time limit (a deadlock fails the test, it does not hang the suite), and
the number of processes is fixed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guide_reader.search import SearchEngine
from guide_reader.search.generations import IndexGenerations
from guide_reader.search.store import INDEX_NAME

from .conftest import CONTENT_DIR

CHILD_TIMEOUT_S = 180
COPIES = 3
"""Processes started together in each test."""


@pytest.fixture
def big_content(tmp_path: Path) -> Path:
    """The bundled articles copied 40 times: a build that lasts long enough for the copies to meet."""
    folder = tmp_path / "guides"
    folder.mkdir()
    for source in sorted(CONTENT_DIR.glob("*.md")):
        if source.name.upper() == "README.MD":
            continue
        text = source.read_text(encoding="utf-8")
        for number in range(40):
            (folder / f"{source.stem}-{number}.md").write_text(text, encoding="utf-8")
    (folder / "synonyms.txt").write_text((CONTENT_DIR / "synonyms.txt").read_text(encoding="utf-8"), "utf-8")
    return folder


def _start(*argv: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "guide_reader", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"a copy did not finish in {CHILD_TIMEOUT_S} s: {err[-2000:]}")
    return process.returncode, out, err


def test_copies_searching_together_on_a_missing_index_all_answer(tmp_path, big_content) -> None:
    env = {"GUIDE_READER_INDEX_DIR": str(tmp_path / "index"), "GUIDE_READER_CACHE_DIR": str(tmp_path / "cache")}
    processes = []
    for _ in range(COPIES):
        processes.append(_start("search", "fièvre", "--content", str(big_content), env=env))
        time.sleep(0.3)
    for process in processes:
        code, out, err = _finish(process)
        assert code == 0, err
        assert "Traceback" not in err
        assert "inutilisable" not in err and "mémoire" not in err
        assert "résultat(s) pour « fièvre »" in out
    code, _out, err = _finish(_start("index", "--content", str(big_content), env=env))
    assert code == 0
    assert "index à jour" in err  # built once, whole: nothing left to rebuild at the next start
    assert not list((tmp_path).glob(".index.building-*"))


def test_a_rebuild_by_another_copy_never_takes_the_index_from_a_reader(tmp_path, big_content) -> None:
    env = {"GUIDE_READER_INDEX_DIR": str(tmp_path / "index"), "GUIDE_READER_CACHE_DIR": str(tmp_path / "cache")}
    assert _finish(_start("index", "--content", str(big_content), env=env))[0] == 0
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from guide_reader.library import Library\n"
            "library = Library(Path(sys.argv[1]), Path(sys.argv[2]))\n"
            "engine = library.search_engine\n"
            "engine.ensure_index()\n"
            "print('ready', flush=True)\n"
            "counts = set()\n"
            "end = time.monotonic() + float(sys.argv[3])\n"
            "while time.monotonic() < end:\n"
            "    counts.add(engine.search('globules blancs').total)\n"
            "print(sorted(counts), engine.problems, flush=True)\n",
            str(big_content),
            str(tmp_path / "index"),
            "8",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
    assert reader.stdout is not None
    assert reader.stdout.readline().strip() == "ready"
    rebuilders = [_start("index", "--rebuild", "--content", str(big_content), env=env) for _ in range(COPIES - 1)]
    for process in rebuilders:
        code, _out, err = _finish(process)
        assert code == 0, err
        assert "Traceback" not in err
        assert "mémoire" not in err
    code, out, err = _finish(reader)
    assert code == 0, err
    counts, problems = out.strip().split("] ", 1)
    assert "0" not in counts.strip("[").split(", ")  # never an empty answer while the index was rebuilt
    assert problems == "[]"
    assert SearchEngine([], tmp_path / "index").ensure_index().action in ("updated", "up-to-date")


def test_a_damaged_index_that_kept_its_times_is_found_and_rebuilt_by_index(tmp_path, capsys) -> None:
    from guide_reader.cli import main

    index_dir = tmp_path / "index"
    assert main(["index", "--index-dir", str(index_dir)]) == 0
    segment = max(index_dir.glob(f"{INDEX_NAME}_*.seg"), key=lambda path: path.stat().st_size)
    status = segment.stat()
    data = bytearray(segment.read_bytes())
    for offset in range(len(data) // 3, len(data) // 3 + 64):
        data[offset] ^= 0x55
    segment.write_bytes(bytes(data))
    os.utime(segment, ns=(status.st_atime_ns, status.st_mtime_ns))  # the time kept: opening sees nothing
    assert IndexGenerations(index_dir).verify() == [segment.name]
    capsys.readouterr()
    assert main(["index", "--index-dir", str(index_dir)]) == 0
    err = capsys.readouterr().err
    assert f"index endommagé ({segment.name}) : reconstruit" in err
    assert IndexGenerations(index_dir).verify() == []
    assert main(["search", "traitement", "--index-dir", str(index_dir)]) == 0
    assert "résultat(s) pour « traitement »" in capsys.readouterr().out


def test_search_command_rebuilds_an_index_it_cannot_search(tmp_path, capsys, monkeypatch) -> None:
    from guide_reader.cli import main
    from guide_reader.search import engine as engine_module

    index_dir = tmp_path / "index"
    assert main(["index", "--index-dir", str(index_dir)]) == 0
    real_run, calls = engine_module.SearchEngine._run, []

    def fails_once(self, *args):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("damaged segment")
        return real_run(self, *args)

    monkeypatch.setattr(engine_module.SearchEngine, "_run", fails_once)
    capsys.readouterr()
    assert main(["search", "fièvre", "--index-dir", str(index_dir)]) == 0
    captured = capsys.readouterr()
    assert "index endommagé : reconstruction, puis nouvelle recherche" in captured.err
    assert "résultat(s) pour « fièvre »" in captured.out


def test_two_windows_started_together_on_a_fresh_cache_both_search(tmp_path, big_content) -> None:
    """Each window waits for the other's build (or builds), then searches; neither says search is unavailable."""
    env = {
        "GUIDE_READER_INDEX_DIR": str(tmp_path / "index"),
        "GUIDE_READER_CACHE_DIR": str(tmp_path / "cache"),
        "GUIDE_READER_STATE_DIR": str(tmp_path / "state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    windows = [
        _start(
            "--content", str(big_content), "--search", "fièvre", "--screenshot", str(tmp_path / f"w{n}.png"), env=env
        )
        for n in range(2)
    ]
    for window in windows:
        code, _out, err = _finish(window)
        assert code == 0, err
        assert "Traceback" not in err
        assert (tmp_path / f"w{windows.index(window)}.png").stat().st_size > 10_000
    log_file = tmp_path / "state" / "guide-reader.log"
    log = log_file.read_text(encoding="utf-8") if log_file.exists() else ""  # written at the first record only
    assert "search index unavailable" not in log
    assert "degraded state" not in log
    assert "unexpected error" not in log


def _hold_build_lock(index_dir: Path) -> int:
    import fcntl

    index_dir.parent.mkdir(parents=True, exist_ok=True)
    holder = os.open(index_dir.parent / f".{index_dir.name}.lock", os.O_CREAT | os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)
    return holder


def test_a_copy_waits_for_another_copys_build_with_progress(tmp_path) -> None:
    import threading

    from .test_search_index import make_articles

    index_dir = tmp_path / "index"
    holder = _hold_build_lock(index_dir)
    progress: list[tuple[int, int, str]] = []
    reports = []
    engine = SearchEngine(make_articles(), index_dir)
    worker = threading.Thread(
        target=lambda: reports.append(engine.ensure_index(lambda *call: progress.append(call))), daemon=True
    )
    worker.start()
    deadline = time.monotonic() + 30
    while not progress and time.monotonic() < deadline:
        time.sleep(0.05)
    assert progress[0] == (0, 0, "index en préparation par un autre programme")
    assert not reports  # still waiting
    os.close(holder)  # the other copy is done
    worker.join(30)
    assert not worker.is_alive()
    assert [report.action for report in reports] == ["built"]


def test_a_build_lock_held_too_long_gives_a_memory_index(tmp_path) -> None:
    from .test_search_index import make_articles

    index_dir = tmp_path / "index"
    holder = _hold_build_lock(index_dir)
    try:
        engine = SearchEngine(make_articles(), index_dir)
        engine._store.build_wait = 0.5
        report = engine.ensure_index()
    finally:
        os.close(holder)
    assert report.problems[0] == "index en préparation par un autre programme depuis trop longtemps"
    assert "mémoire" in report.problems[-1]
    assert len(engine.search("fièvre").hits) == 3


def _children() -> dict[int, list[int]]:
    """Parent pid -> the pids of its living children (zombies left out), from /proc."""
    found: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            found.setdefault(int(fields[1]), []).append(int(status.parent.name))
    return found


def _descendants(pid: int) -> set[int]:
    children, found, waiting = _children(), set(), [pid]
    while waiting:
        for child in children.get(waiting.pop(), []):
            found.add(child)
            waiting.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_build_workers_stop_when_the_program_is_killed(tmp_path, big_content) -> None:
    for number in range(40, 160):  # 480 guides: written by worker processes
        for source in sorted(big_content.glob("*-0.md")):
            (big_content / source.name.replace("-0.md", f"-{number}.md")).write_bytes(source.read_bytes())
    env = {"GUIDE_READER_INDEX_DIR": str(tmp_path / "index"), "GUIDE_READER_CACHE_DIR": str(tmp_path / "cache")}
    program = _start("index", "--content", str(big_content), env=env)
    deadline = time.monotonic() + CHILD_TIMEOUT_S
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and program.poll() is None:
        time.sleep(0.1)
        workers = {pid for pid in _descendants(program.pid) if pid not in _children().get(program.pid, [])}
    assert len(workers) >= 2, "no worker processes seen"  # the forkserver's children
    program.kill()
    program.communicate()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and workers & set().union(*_children().values()):
        time.sleep(0.2)
    assert not workers & set().union(*_children().values())  # gone (or zombies), not writing on


def test_a_worker_stops_as_soon_as_the_program_that_started_it_ends() -> None:
    import multiprocessing

    from guide_reader.search import segments

    program = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    worker = multiprocessing.get_context("forkserver").Process(target=segments._stop_with, args=(program.pid,))
    worker.start()
    time.sleep(0.5)
    assert worker.is_alive()  # the program runs: the worker goes on
    program.kill()  # not reaped yet: ended all the same
    worker.join(timeout=5)
    assert worker.exitcode == 1
    program.wait()
