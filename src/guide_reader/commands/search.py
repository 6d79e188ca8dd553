"""Search commands: search QUERY, complete PREFIX, index [--rebuild]."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..library import Library
from ..search import IndexReport, SearchEngine, SearchResults

AddCommand = Callable[[str, str], argparse.ArgumentParser]
_MARK = re.compile(r"<b class=\"[^\"]*\">(.*?)</b>")
_ACTIONS = {
    "up-to-date": "index à jour",
    "built": "index construit",
    "updated": "index mis à jour",
    "rebuilt": "index reconstruit",
}


def register(command: AddCommand) -> None:
    search = command("search", "chercher dans les articles")
    search.add_argument("query", nargs="+", metavar="REQUÊTE")
    search.add_argument("--json", action="store_true", help="un objet JSON sur la sortie standard")
    search.add_argument("--limit", type=_limit, default=10, metavar="N", help="nombre de résultats (10 par défaut)")
    _index_dir_option(search)
    search.set_defaults(handler=_run_search)

    complete = command("complete", "les complétions que la fenêtre propose pour un début de saisie")
    complete.add_argument("prefix", nargs="+", metavar="DÉBUT")
    complete.add_argument("--json", action="store_true", help="un objet JSON sur la sortie standard")
    complete.add_argument("--limit", type=_limit, default=8, metavar="N", help="nombre de complétions (8 par défaut)")
    _index_dir_option(complete)
    complete.set_defaults(handler=_run_complete)

    index = command("index", "construire ou mettre à jour l'index de recherche")
    index.add_argument("--rebuild", action="store_true", help="tout reconstruire")
    _index_dir_option(index)
    index.set_defaults(handler=_run_index)


def _limit(text: str) -> int:
    """``--limit``'s value: an integer of at least 1 (argparse says what is wrong otherwise)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"« {text} » : il faut un nombre entier supérieur ou égal à 1")
    return value


def _index_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--index-dir",
        type=Path,
        metavar="DIR",
        help="dossier de l'index (par défaut : GUIDE_READER_INDEX_DIR, sinon le cache utilisateur)",
    )


def _engine(args: argparse.Namespace) -> tuple[Library, SearchEngine]:
    """The library and its engine; exits with a message when the content folder does not exist. A
    catalogue that cannot be written is said on standard error (each run then parses every file)."""
    library = Library(args.content, args.index_dir)
    if not library.content_dir.is_dir():  # a mistyped --content: said, not answered with no hits
        library.close()
        raise SystemExit(f"dossier d'articles introuvable : {library.content_dir}")
    if library.catalogue.notice is not None:
        print(library.catalogue.notice, file=sys.stderr)
    return library, library.search_engine


def _print_report(report: IndexReport) -> None:
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(
        f"{_ACTIONS.get(report.action, report.action)} : {report.articles_indexed} article(s) écrit(s) "
        f"en {report.seconds:.2f} s",
        file=sys.stderr,
    )


PIPED_PROGRESS_S = 5.0
"""Seconds between progress lines when standard error is no terminal (a pipe, a log file)."""


def _progress_printer() -> Callable[[int, int, str], None]:
    """Progress on standard error: one line rewritten in place on a terminal, else a whole line every
    ``PIPED_PROGRESS_S`` seconds and at the end of each step."""
    last = 0.0
    terminal = sys.stderr.isatty()

    def progress(done: int, total: int, message: str) -> None:
        nonlocal last
        now = time.monotonic()
        if done == total or now - last > (0.2 if terminal else PIPED_PROGRESS_S):
            last = now
            if not terminal:
                print(f"{done}/{total} {message[:50]}", file=sys.stderr, flush=True)
                return
            end = "\n" if done == total and message.startswith("écriture") else ""
            print(f"\r{done}/{total} {message[:50]:50}", end=end, file=sys.stderr, flush=True)

    return progress


def _run_index(args: argparse.Namespace) -> int:
    library, engine = _engine(args)
    try:
        report = engine.ensure_index(_progress_printer(), rebuild=args.rebuild)
        _print_report(report)
        repaired = None if args.rebuild else engine.repair_if_damaged(_progress_printer())
        if repaired is not None:  # a file damaged with its time kept: only reading it shows it
            _print_report(repaired)
        if engine.merge_small_segments():
            print("petits segments de l'index regroupés", file=sys.stderr)
        return 0
    finally:
        library.close()


def _run_search(args: argparse.Namespace) -> int:
    if not " ".join(args.query).strip():
        print("recherche vide : tapez un ou plusieurs mots, par exemple « fièvre »", file=sys.stderr)
        return 2
    library, engine = _engine(args)
    try:
        report = engine.ensure_index(_progress_printer() if not args.json else None)
        if report.action != "up-to-date" or report.problems:
            _print_report(report)
        seen = len(engine.problems)
        results = engine.search(" ".join(args.query), limit=args.limit)
        if any(problem.startswith("recherche impossible") for problem in engine.problems[seen:]):
            print("index endommagé : reconstruction, puis nouvelle recherche", file=sys.stderr)
            _print_report(engine.ensure_index(None, rebuild=True))
            seen = len(engine.problems)
            results = engine.search(" ".join(args.query), limit=args.limit)
            if engine.problems[seen:]:
                print(f"recherche impossible : {engine.problems[-1]}", file=sys.stderr)
                return 1
        if args.json:
            print(json.dumps(results.as_json(), ensure_ascii=False, indent=2))
        else:
            _print_results(results)
        return 0
    finally:
        library.close()


def _run_complete(args: argparse.Namespace) -> int:
    """The window's completions (``SearchEngine.complete``, once the index is ready, as in the window):
    one per guide and section, never merged."""
    library, engine = _engine(args)
    try:
        report = engine.ensure_index(_progress_printer() if not args.json else None)
        if report.action != "up-to-date" or report.problems:
            _print_report(report)
        prefix = " ".join(args.prefix)
        completions = engine.complete(prefix, limit=args.limit)
        if args.json:
            data = {"prefix": prefix, "completions": [completion.as_json() for completion in completions]}
            print(json.dumps(data, ensure_ascii=False, indent=2))
        elif not completions:
            print(f"Aucune complétion pour « {prefix} ».")
        for completion in [] if args.json else completions:
            anchor = f"#{completion.anchor}" if completion.anchor else ""
            print(f"{completion.text} — {completion.article_title}  ({completion.article_slug}{anchor})")
        return 0
    finally:
        library.close()


def _plain(snippet: str) -> str:
    """A snippet for the terminal: marks as «…», entities back to characters."""
    return html.unescape(_MARK.sub(r"«\1»", snippet))


def _print_results(results: SearchResults) -> None:
    if results.suggestion:
        print(f"Vouliez-vous dire : {results.suggestion} ?")
    if not results.hits:
        print(f"Aucun résultat pour « {results.query} ».")
        if results.common_words:
            print("Ces mots sont trop courants : ils ne sont cherchés que dans les titres, intertitres et questions.")
        return
    print(f"{results.total} résultat(s) pour « {results.query} »")
    for _slug, title, hits in results.groups():
        print()
        print(title)
        for hit in hits:
            anchor = f"#{hit.section_anchor}" if hit.section_anchor else ""
            print(f"  {hit.section_heading}  [{hit.kind}] {anchor}")
            print(f"    {_plain(hit.snippet)}")
