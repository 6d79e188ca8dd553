"""read-aloud SLUG[#ANCHOR] [--wav FILE]: what the window says, as text or as a WAV file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..content.pronunciation import load_pronunciation, pronunciation_file
from ..content.speech import Kind, article_utterances, when_to_see_doctor_utterances
from ..content.voice import MAX_RATE, MIN_RATE, VoiceError, write_wav
from ..library import Library

AddCommand = Callable[[str, str], argparse.ArgumentParser]
WHEN_TO_SEE_DOCTOR = "quand-consulter"


def register(command: AddCommand) -> None:
    read = command("read-aloud", "lire un guide à voix haute dans un fichier WAV (ou afficher ce qui serait dit)")
    read.add_argument(
        "target",
        metavar="SLUG[#ANCRE]",
        help=f"un guide, ou une section (SLUG#ancre), ou SLUG#{WHEN_TO_SEE_DOCTOR} pour « Quand consulter » "
        "et le numéro d'urgence",
    )
    read.add_argument(
        "--wav", type=Path, metavar="FICHIER", help="écrire la lecture dans ce fichier WAV (pas « - » : un nom)"
    )
    read.add_argument(
        "--rate", type=float, metavar="X", help=f"vitesse de la lecture --wav ({MIN_RATE} à {MAX_RATE}, 1 par défaut)"
    )
    read.set_defaults(handler=_run_read_aloud)


def _run_read_aloud(args: argparse.Namespace) -> int:
    slug, _, anchor = args.target.partition("#")
    library = Library(args.content)
    article = library.article(slug)
    if article is None:
        print(f"guide introuvable : {slug}", file=sys.stderr)
        return 1
    if args.rate is not None and args.wav is None:
        print("--rate règle la vitesse du fichier WAV : ajoutez --wav FICHIER", file=sys.stderr)
        return 2
    rate = 1.0 if args.rate is None else args.rate
    if not MIN_RATE <= rate <= MAX_RATE:
        print(f"vitesse hors limites : {rate} (de {MIN_RATE} à {MAX_RATE})", file=sys.stderr)
        return 2
    if args.wav == Path("-"):
        print("--wav - : la sortie standard n'est pas prise en charge ; donnez un nom de fichier .wav", file=sys.stderr)
        return 2
    pronunciation = load_pronunciation(pronunciation_file(library.content_dir))
    for problem in pronunciation.problems:
        print(problem, file=sys.stderr)
    if anchor == WHEN_TO_SEE_DOCTOR:
        utterances = when_to_see_doctor_utterances(article, pronunciation)
    else:
        utterances = article_utterances(article, pronunciation, anchor)
    if not utterances:
        print(f"rien à lire à « {anchor} » dans {slug} (ni section ni question)", file=sys.stderr)
        return 1
    if args.wav is None:
        for utterance in utterances:
            print(f"## {utterance.said}" if utterance.kind is Kind.HEADING else utterance.said)
        return 0
    try:
        seconds = write_wav(utterances, args.wav, rate, _progress)
    except VoiceError as error:
        print(f"\n{error}", file=sys.stderr)
        return 1
    print(f"\n{args.wav} : {len(utterances)} phrase(s), {seconds:.1f} s", file=sys.stderr)
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\rlecture {done}/{total}", end="", file=sys.stderr, flush=True)
