"""The ``guide-reader`` command: the reader by default, and maintenance commands."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .content.importer import import_file
from .content.markdown_format import to_markdown
from .content.model import Article
from .content.problems import ContentError, Problem
from .library import Library
from .paths import bundled_content_dir


def _content_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=default,
        help="dossier d'articles à utiliser au lieu des articles fournis",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guide-reader",
        description="Lecteur hors ligne de guides de santé.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _content_option(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _content_option(sub, argparse.SUPPRESS)
        return sub

    command("gui", "ouvrir le lecteur (commande par défaut)")

    importer = command("import", "convertir le texte brut d'articles en fichiers Markdown")
    importer.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    importer.add_argument("--out", type=Path, metavar="DIR", help="dossier de sortie (par défaut : celui des articles)")

    checker = command("check", "vérifier un dossier d'articles")
    checker.add_argument("directory", nargs="?", type=Path, metavar="DIR")

    show = command("show", "afficher le plan d'un article")
    show.add_argument("slug", metavar="SLUG")
    show.add_argument("--json", action="store_true", help="un objet JSON sur la sortie standard")
    return parser


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _run_import(args: argparse.Namespace) -> int:
    out: Path = args.out or args.content or bundled_content_dir()
    sources_dir = out / "sources"
    failed = 0
    for source in args.sources:
        try:
            result = import_file(source)
        except ContentError as error:
            _print_problems([error.problem])
            failed += 1
            continue
        _print_problems(result.warnings)
        sources_dir.mkdir(parents=True, exist_ok=True)
        kept_source = sources_dir / source.name
        if not kept_source.exists() or not kept_source.samefile(source):
            shutil.copyfile(source, kept_source)
        target = out / f"{result.article.slug}.md"
        target.write_text(to_markdown(result.article), encoding="utf-8")
        print(f"{source.name} -> {target}")
    return 1 if failed else 0


def _run_check(args: argparse.Namespace) -> int:
    directory = args.directory or args.content or bundled_content_dir()
    library = Library(directory)
    _print_problems(library.problems)
    errors = sum(problem.severity == "error" for problem in library.problems)
    warnings = len(library.problems) - errors
    print(f"{len(library.articles)} article(s) lu(s), {errors} erreur(s), {warnings} avertissement(s)")
    return 1 if errors else 0


def article_outline(article: Article) -> dict[str, object]:
    """The JSON shape of ``show --json``."""
    return {
        "slug": article.slug,
        "title": article.title,
        "subtitle": article.subtitle,
        "author": article.author,
        "date": article.date.isoformat() if article.date else None,
        "sections": [{"anchor": s.anchor, "heading": s.heading} for s in article.sections],
        "faq": [{"question": item.question, "answer": item.answer} for item in article.faq],
        "references": [{"number": ref.number, "text": ref.text} for ref in article.references],
        "publications": [{"title": pub.title, "year": pub.year} for pub in article.publications],
        "web_resources": [
            {
                "title": res.title,
                "site": res.site,
                "date": res.date.isoformat() if res.date else None,
                "snippet": res.snippet,
            }
            for res in article.web_resources
        ],
        "unresolved_citations": article.unresolved_citations(),
        "disclaimer": article.disclaimer,
    }


def _print_outline(article: Article) -> None:
    print(article.title)
    if article.subtitle:
        print(f"  {article.subtitle}")
    byline = " · ".join(part for part in (article.author, article.date and article.date.isoformat()) if part)
    if byline:
        print(f"  {byline}")
    for section in article.sections:
        print(f"  #{section.anchor}  {section.heading}")
    if article.faq:
        print(f"  Questions fréquentes : {len(article.faq)}")
    if article.references:
        print(f"  Références : {len(article.references)}")
    if unresolved := article.unresolved_citations():
        print(f"  Citations sans référence : {', '.join(map(str, unresolved))}")


def _run_show(args: argparse.Namespace) -> int:
    library = Library(args.content)
    article = library.article(args.slug)
    if article is None:
        known = ", ".join(a.slug for a in library.articles) or "aucun"
        print(f"article inconnu : {args.slug} (articles : {known})", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(article_outline(article), ensure_ascii=False, indent=2))
    else:
        _print_outline(article)
    return 0


def _run_gui(args: argparse.Namespace) -> int:
    """Until the window exists: the library's outline."""
    library = Library(args.content)
    _print_problems([problem for problem in library.problems if problem.severity == "error"])
    print(f"Guide Reader {__version__} — {len(library.articles)} article(s) dans {library.content_dir}")
    for article in library.articles:
        print()
        _print_outline(article)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"import": _run_import, "check": _run_check, "show": _run_show, "gui": _run_gui, None: _run_gui}
    try:
        return handlers[args.command](args)
    except BrokenPipeError:
        return 0
