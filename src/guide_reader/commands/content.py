"""Content commands: import, check, show, and the outline printed by gui until the window exists."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..content.importer import import_file
from ..content.markdown_format import to_markdown
from ..content.model import Article
from ..content.problems import ContentError, Problem
from ..library import Library
from ..paths import default_content_dir

AddCommand = Callable[[str, str], argparse.ArgumentParser]


def register(command: AddCommand) -> None:
    importer = command("import", "convertir le texte brut d'articles en fichiers Markdown")
    importer.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    importer.add_argument("--out", type=Path, metavar="DIR", help="dossier de sortie (par défaut : celui des articles)")
    importer.set_defaults(handler=_run_import)

    checker = command("check", "vérifier un dossier d'articles")
    checker.add_argument("directory", nargs="?", type=Path, metavar="DIR")
    checker.set_defaults(handler=_run_check)

    show = command("show", "afficher le plan d'un article")
    show.add_argument("slug", metavar="SLUG")
    show.add_argument("--json", action="store_true", help="un objet JSON sur la sortie standard")
    show.set_defaults(handler=_run_show)


def print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _run_import(args: argparse.Namespace) -> int:
    out: Path = args.out or args.content or default_content_dir()
    sources_dir = out / "sources"
    failed = 0
    for source in args.sources:
        try:
            result = import_file(source)
        except ContentError as error:
            print_problems([error.problem])
            failed += 1
            continue
        print_problems(result.warnings)
        sources_dir.mkdir(parents=True, exist_ok=True)
        kept_source = sources_dir / source.name
        if not kept_source.exists() or not kept_source.samefile(source):
            shutil.copyfile(source, kept_source)
        target = out / f"{result.article.slug}.md"
        target.write_text(to_markdown(result.article), encoding="utf-8")
        print(f"{source.name} -> {target}")
    return 1 if failed else 0


def _run_check(args: argparse.Namespace) -> int:
    directory = args.directory or args.content or default_content_dir()
    library = Library(directory)
    print_problems(library.problems)
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
