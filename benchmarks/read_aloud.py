"""Reading aloud: the delay to the first sound of espeak-ng's French voice, the synthesis of one
sentence, and the preparation of the longest guide. Prints one Markdown table of medians.

    .venv/bin/python benchmarks/read_aloud.py [--runs 7]

"First audio" is the time from starting espeak-ng (as the window does, text on standard input)
until its first audio samples arrive on standard output (``--stdout`` instead of the sound
server, so that a machine without a sound card measures the same thing). The baseline is the
start of a process that does nothing (``true``), measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import time

from guide_reader.content.loader import load_article
from guide_reader.content.pronunciation import load_pronunciation
from guide_reader.content.speech import Kind, article_utterances, when_to_see_doctor_utterances
from guide_reader.content.voice import espeak_arguments, espeak_program
from guide_reader.paths import bundled_content_dir

WAV_HEADER = 44
SAMPLE_RATE = 22050  # espeak-ng's output: 16-bit mono


def milliseconds(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def baseline_process() -> float:
    start = time.perf_counter()
    subprocess.run(["true"], check=True)
    return milliseconds(start)


def espeak_sentence(program: str, text: str) -> tuple[float, float, float]:
    """(ms to the first audio samples, ms to the whole sentence, seconds of audio)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [program, *espeak_arguments(Kind.SENTENCE), "--stdout"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(text.encode("utf-8"))
    process.stdin.close()
    received = b""
    while len(received) <= WAV_HEADER:
        chunk = process.stdout.read1(65536)
        if not chunk:
            break
        received += chunk
    first = milliseconds(start)
    received += process.stdout.read()
    process.wait()
    return first, milliseconds(start), (len(received) - WAV_HEADER) / (2 * SAMPLE_RATE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    program = espeak_program()
    if program is None:
        raise SystemExit("espeak-ng is not installed (sudo apt install espeak-ng)")
    content = bundled_content_dir()
    articles = [load_article(path).article for path in sorted(content.glob("*.md"))]
    longest = max(articles, key=lambda article: article.word_count())
    pronunciation = load_pronunciation(content / "pronunciation.txt")
    first_sentence = when_to_see_doctor_utterances(longest, pronunciation)[1].said

    rows: dict[str, list[float]] = {name: [] for name in ("baseline", "first", "sentence", "audio", "prepare")}
    for _ in range(runs):
        rows["baseline"].append(baseline_process())
        first, whole, audio = espeak_sentence(program, first_sentence)
        rows["first"].append(first)
        rows["sentence"].append(whole)
        rows["audio"].append(audio)
        start = time.perf_counter()
        utterances = article_utterances(longest, load_pronunciation(content / "pronunciation.txt"))
        rows["prepare"].append(milliseconds(start))
    median = {name: statistics.median(values) for name, values in rows.items()}
    load = os.getloadavg()[0]
    print(f"{runs} runs, medians; load average {load:.2f} on {os.cpu_count()} cores")
    print()
    print("| measure | time | baseline (start of `true`) | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print(
        f"| espeak-ng: start to first audio | {median['first']:.1f} ms | {median['baseline']:.1f} ms "
        f"| {median['first'] / median['baseline']:.1f}× |"
    )
    print(
        f"| espeak-ng: one sentence ({median['audio']:.1f} s of speech) synthesised | {median['sentence']:.1f} ms "
        f"| {median['baseline']:.1f} ms | {median['sentence'] / median['baseline']:.1f}× |"
    )
    print(
        f"| prepare « {longest.title} » ({len(utterances)} utterances, {longest.word_count()} words) "
        f"| {median['prepare']:.1f} ms | | |"
    )


if __name__ == "__main__":
    main()
