"""Completions at a library's size: the file beside the index against the completions in memory.

    .venv/bin/python benchmarks/completion_benchmark.py --articles 10000 [--runs 3] [--prefixes 50]

Works on a copy of the generated library's cache (catalogue and index, made first if missing, see
benchmarks/window.py), in a temporary folder: other runs using the library are not disturbed.
Each measure is a fresh child process (same interpreter, ``.pyc`` compiled first), the two ways
interleaved, run after run; "in memory" is how completions were made before the file (the
whole list built from every outline at first use), measured in the same run:

- complete: open the library and the index, open the completions, complete ``--prefixes``
  prefixes typed by a reader, then a search whose « Vouliez-vous dire » needs the written forms;
  the process's peak memory (VmHWM) at the end;
- search: ``guide-reader search`` with a typo in a fresh process (the search alone is timed);
- build: writing the file whole from the catalogue's outlines, against building the list in memory.

Prints one Markdown table of medians over the runs, with the machine's load.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import cached_corpus  # noqa: E402
from guide_reader.library import folder_id  # noqa: E402

CHILD = """
import json, re, sys, time
started = time.perf_counter()
from guide_reader.library import Library
way, task, content, index_dir, typo = sys.argv[1:6]
prefixes = json.loads(sys.argv[6])
if way == "memory":  # the completions as they were made before the file: every outline, in memory
    from guide_reader.search import engine as engine_module
    from guide_reader.search.completion import Completer
    engine_module.open_completions = lambda index_dir, source: Completer(list(source.outlines()))
library = Library(__import__("pathlib").Path(content), __import__("pathlib").Path(index_dir))
engine = library.search_engine
engine.ensure_index()
result = {}
if task == "complete":
    clock = time.perf_counter()
    engine.prepare_completions()
    result["open"] = time.perf_counter() - clock
    latencies = []
    for prefix in prefixes:
        clock = time.perf_counter()
        found = engine.complete(prefix)
        latencies.append(time.perf_counter() - clock)
    result["latencies"] = latencies
clock = time.perf_counter()
found = engine.search(typo)
result["search"] = time.perf_counter() - clock
result["suggestion"] = found.suggestion
status = open("/proc/self/status").read()
result["peak_kib"] = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1))
library.close()
print(json.dumps(result))
"""

BUILD = """
import json, sys, tempfile, time
from pathlib import Path
from guide_reader.library import Library
from guide_reader.search.completion import Completer
from guide_reader.search.completion_store import sync_completions
way, content, index_dir = sys.argv[1:4]
library = Library(Path(content), Path(index_dir))
source = library.search_engine.source
clock = time.perf_counter()
if way == "memory":
    Completer(list(source.outlines()))
else:
    with tempfile.TemporaryDirectory() as folder:
        action = sync_completions(Path(folder), source, source.versions())
        assert action == "built", action
        size = (Path(folder) / "guide-reader-completions.sqlite3").stat().st_size
seconds = time.perf_counter() - clock
status = open("/proc/self/status").read()
import re
print(json.dumps({"build": seconds, "size": 0 if way == "memory" else size,
                  "peak_kib": int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1))}))
library.close()
"""


def prepare(articles: int, work: Path) -> tuple[Path, Path, dict[str, str]]:
    """The content folder, and a copy of its cache (catalogue and index made) in ``work``."""
    content = cached_corpus(articles)
    shared = content.with_name(content.name + "-cache")
    environment = dict(os.environ, GUIDE_READER_CACHE_DIR=str(shared), QT_QPA_PLATFORM="offscreen")
    name = folder_id(content)
    if not (shared / "index" / name).is_dir():  # made once, as benchmarks/window.py does
        command = [sys.executable, "-m", "guide_reader", "--content", str(content), "index"]
        subprocess.run(command, env=environment, check=True, capture_output=True)
    cache = work / "cache"
    (cache / "catalogue").mkdir(parents=True)
    shutil.copy2(shared / "catalogue" / f"{name}.sqlite3", cache / "catalogue")
    shutil.copytree(shared / "index" / name, cache / "index" / name, ignore=shutil.ignore_patterns("*WRITELOCK"))
    environment["GUIDE_READER_CACHE_DIR"] = str(cache)
    index_dir = cache / "index" / name
    # The index as a first start after this change finds it: up to date, completions written beside it.
    command = [sys.executable, "-m", "guide_reader", "--content", str(content), "index"]
    subprocess.run(command, env=environment, check=True, capture_output=True)
    return content, index_dir, environment


def reader_prefixes(content: Path, environment: dict[str, str], count: int, seed: int = 7) -> tuple[list[str], str]:
    """``count`` beginnings a reader types (1 to 6 letters of a heading's word; a word and the start of the
    next), and a word of a title with a typo (two letters swapped)."""
    code = (
        "import json, sys\nfrom itertools import islice\nfrom pathlib import Path\n"
        "from guide_reader.library import Library\n"
        "library = Library(Path(sys.argv[1]))\n"
        "texts = [t for o in islice(library.catalogue.outlines(), 0, None, 50) "
        "for t in [o.title, *(s.heading for s in o.sections), *(f.question for f in o.faq)]]\n"
        "print(json.dumps(texts))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code, str(content)], env=environment, check=True, capture_output=True, text=True
    ).stdout
    texts: list[str] = json.loads(output)
    chooser = random.Random(seed)
    prefixes = []
    while len(prefixes) < count:
        words = [word.strip("?:,.«»()") for word in chooser.choice(texts).split()]
        words = [word for word in words if word]
        start = chooser.randrange(len(words))
        if chooser.random() < 0.3 and start + 1 < len(words):
            prefixes.append(f"{words[start]} {words[start + 1][: chooser.randint(1, 4)]}")
        else:
            prefixes.append(words[start][: chooser.randint(1, 6)])
    long_words = sorted({w for text in texts for w in text.lower().split() if w.isalpha() and len(w) >= 8})
    word = chooser.choice(long_words)
    typo = word[:2] + word[3] + word[2] + word[4:]
    return prefixes, typo


def child(arguments: list[str], code: str, environment: dict[str, str]) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, "-c", code, *arguments], env=environment, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--prefixes", type=int, default=50)
    args = parser.parse_args()
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="completion-benchmark-") as folder:
        content, index_dir, environment = prepare(args.articles, Path(folder))
        prefixes, typo = reader_prefixes(content, environment, args.prefixes)
        common = [str(content), str(index_dir), typo, json.dumps(prefixes)]
        loads = [load_average()]
        measured: dict[str, dict[str, list[float]]] = {"memory": {}, "file": {}}
        suggestions = set()
        for _ in range(args.runs):
            for way in ("memory", "file"):
                done = child([way, "complete", *common], CHILD, environment)
                searched = child([way, "search", *common], CHILD, environment)
                built = child([way, str(content), str(index_dir)], BUILD, environment)
                suggestions.add(str(searched["suggestion"]))
                latencies = [float(seconds) * 1000 for seconds in done["latencies"]]
                row = measured[way]
                for name, value in (
                    ("open", float(done["open"]) * 1000),
                    ("median", statistics.median(latencies)),
                    ("p95", percentile(latencies, 0.95)),
                    ("slowest", max(latencies)),
                    ("peak", float(done["peak_kib"]) / 1024),
                    ("search", float(searched["search"]) * 1000),
                    ("search_peak", float(searched["peak_kib"]) / 1024),
                    ("build", float(built["build"])),
                    ("build_peak", float(built["peak_kib"]) / 1024),
                    ("size", float(built["size"]) / 1024 / 1024),
                ):
                    row.setdefault(name, []).append(value)
            loads.append(load_average())
    print(f"Completions at {args.articles:,} articles: median of {args.runs} runs, {len(prefixes)} prefixes, "
          f"suggestion for « {typo} »: {', '.join(sorted(suggestions))}")  # fmt: skip
    print(f"Load average (1, 5, 15 min) before and after each run: {' | '.join(loads)}")
    print()
    print("| measure | in memory (before) | file beside the index | file / memory |")
    print("|---|---:|---:|---:|")
    rows = [
        ("open the completions (ms)", "open", "{:.1f}"),
        ("one completion, median (ms)", "median", "{:.2f}"),
        ("one completion, p95 (ms)", "p95", "{:.2f}"),
        ("slowest completion (ms)", "slowest", "{:.2f}"),
        (f"peak memory: open, {len(prefixes)} completions, a search with a suggestion (MiB)", "peak", "{:.0f}"),
        ("fresh process: a search with a suggestion (ms)", "search", "{:.0f}"),
        ("fresh process: peak memory of that search (MiB)", "search_peak", "{:.0f}"),
        ("build from the catalogue (s)", "build", "{:.2f}"),
        ("build: peak memory (MiB)", "build_peak", "{:.0f}"),
    ]
    for label, key, shape in rows:
        memory, file = (statistics.median(measured[way][key]) for way in ("memory", "file"))
        print(f"| {label} | {shape.format(memory)} | {shape.format(file)} | {file / memory:.2f}× |")
    print(f"| size of the file (MiB) | | {statistics.median(measured['file']['size']):.1f} | |")


if __name__ == "__main__":
    main()
