"""Content commands: import, check, show, and the outline printed by gui until the window exists."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..content.importer import import_bytes, read_source, source_limit
from ..content.loader import MAX_ARTICLE_BYTES
from ..content.markdown_format import front_matter_fields, to_markdown
from ..content.model import Article
from ..content.placement import SOURCES_DIR, Placer
from ..content.problems import ContentError, Problem
from ..library import Library
from ..paths import default_content_dir
from ..safe_files import read_limited
from .import_report import report_lines

AddCommand = Callable[[str, str], argparse.ArgumentParser]


def register(command: AddCommand) -> None:
    importer = command("import", "convertir des pages (texte copié, page enregistrée .html, .mhtml) en Markdown")
    importer.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    importer.add_argument("--out", type=Path, metavar="DIR", help="dossier de sortie (par défaut : celui des articles)")
    importer.add_argument("--dry-run", action="store_true", help="dire ce qui serait fait, sans rien écrire")
    importer.add_argument(
        "--replace",
        action="store_true",
        help="une source modifiée (même nom de fichier, même titre) remplace son article au lieu d'en créer un autre",
    )
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
    """Import each source in turn; a failed one is reported and the others still go in. 1 if any failed."""
    out: Path = args.out or args.content or default_content_dir()
    placer = Placer(out, replace=args.replace)
    failed = 0
    for source in args.sources:
        try:
            raw = read_source(source, source_limit(source))
            result = import_bytes(raw, source.name)
            placement = placer.place(result.article.slug, source.name, raw)
            result.article.slug = placement.slug
            result.article.source_file = f"{SOURCES_DIR}/{placement.source_name}"
            target = out / f"{placement.slug}.md"
            markdown = to_markdown(result.article)
            if len(markdown.encode("utf-8")) > MAX_ARTICLE_BYTES:
                size, limit = len(markdown.encode("utf-8")) // 1024, MAX_ARTICLE_BYTES // 1024
                message = f"article trop long ({size} Ko, maximum {limit} Ko) : le lecteur ne l'ouvrirait pas"
                raise ContentError(source.name, None, message)
            if not args.dry_run:
                _write(out / SOURCES_DIR / placement.source_name, raw, target, markdown)
        except ContentError as error:
            print_problems([error.problem])
            failed += 1
            continue
        except OSError as error:
            print_problems([Problem(source.name, None, f"écriture impossible : {error.strerror} ({error.filename})")])
            failed += 1
            continue
        print_problems(result.warnings)
        print("\n".join(report_lines(source.name, target, placement, result, args.dry_run)))
    if failed:
        print(f"{failed} fichier(s) sur {len(args.sources)} non importé(s)", file=sys.stderr)
    return 1 if failed else 0


def _write(kept_source: Path, raw: bytes, target: Path, markdown: str) -> None:
    kept_source.parent.mkdir(parents=True, exist_ok=True)
    try:
        same = read_limited(kept_source, len(raw)) == raw
    except OSError:
        same = False
    if not same:
        kept_source.write_bytes(raw)
    target.write_text(markdown, encoding="utf-8")


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
        **front_matter_fields(article),
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
