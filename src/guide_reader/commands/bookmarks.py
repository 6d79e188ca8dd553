"""Bookmark and history commands: bookmarks list/add/remove/export/import, history list/clear."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from ..library import Library
from ..store import (
    Bookmark,
    BookmarkStore,
    ExchangeFormatError,
    NoteTooLongError,
    Resolution,
    StoreWriteError,
    resolve,
)
from ..store.exchange import bookmark_record
from ..store.model import to_stamp

AddCommand = Callable[[str, str], argparse.ArgumentParser]


def register(command: AddCommand) -> None:
    bookmarks = command("bookmarks", "gérer les signets (par défaut : les lister)")
    bookmarks.set_defaults(handler=_run_list, json=False)
    actions = bookmarks.add_subparsers(dest="action", metavar="ACTION")

    def action(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        sub.set_defaults(handler=handler)
        return sub

    action("list", "lister les signets, par article", _run_list).add_argument(
        "--json", action="store_true", help="une liste JSON sur la sortie standard"
    )
    add = action("add", "ajouter un signet (ou changer sa note)", _run_add)
    add.add_argument("target", metavar="ARTICLE#ANCRE", help="par exemple leucopenie#quand-consulter-un-medecin")
    add.add_argument("--note", metavar="TEXTE", help="une note attachée au signet")
    action("remove", "supprimer un signet", _run_remove).add_argument("id", type=int, metavar="NUMÉRO")
    action("export", "exporter les signets dans un fichier JSON", _run_export).add_argument(
        "file", type=Path, metavar="FICHIER"
    )
    action("import", "importer un fichier de signets exporté (sans doublons)", _run_import).add_argument(
        "file", type=Path, metavar="FICHIER"
    )

    history = command("history", "historique de lecture (par défaut : le lister)")
    history.set_defaults(handler=_run_history_list, json=False)
    history_actions = history.add_subparsers(dest="action", metavar="ACTION")
    listing = history_actions.add_parser("list", help="les lectures récentes, la plus récente d'abord")
    listing.add_argument("--json", action="store_true", help="une liste JSON sur la sortie standard")
    listing.set_defaults(handler=_run_history_list)
    history_actions.add_parser("clear", help="effacer l'historique").set_defaults(handler=_run_history_clear)


def _error(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "fichier ou dossier introuvable"
    return error.strerror or str(error)


def _open_store() -> BookmarkStore:
    store = BookmarkStore()
    if store.notice:
        print(store.notice, file=sys.stderr)
    return store


def _not_kept(reason: str) -> int:
    """Exit status 1: the change asked for was not kept on disk."""
    print(f"Rien n'a été enregistré : {reason}.", file=sys.stderr)
    return 1


def _unkept_reason(store: BookmarkStore) -> str | None:
    """Why no change can be kept in ``store`` (read-only, memory only), or None when changes are kept."""
    if store.persistent:
        return None
    return str(StoreWriteError("read-only" if store.read_only else "memory-only"))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` for a terminal: control characters, line breaks and bidi controls written as ``\\xNN`` escapes.

    A note holding ``\\x1b[2J`` must not clear the screen, nor a heading holding a line break forge a line.
    """
    return _CONTROL.sub(
        lambda match: f"\\x{ord(match.group()):02x}" if ord(match.group()) < 0x100 else f"\\u{ord(match.group()):04x}",
        text,
    )


def bookmark_json(bookmark: Bookmark, resolution: Resolution) -> dict[str, object]:
    """The JSON shape of ``bookmarks list --json``."""
    return {
        "id": bookmark.id,
        **bookmark_record(bookmark),
        "status": resolution.status.value,
        "message": resolution.message,
    }


def _indented(text: str, prefix: str) -> str:
    """Each line of a note (line breaks ``\\n`` only) indented, escaped by ``printable``."""
    return "\n".join(prefix + printable(line) for line in text.split("\n"))


def _run_list(args: argparse.Namespace) -> int:
    library = Library(args.content)
    with _open_store() as store:
        groups = store.grouped(library)
        unusable = store.path is None
    if unusable:  # the file could not even be read: « Aucun signet » would hide the user's bookmarks
        print("Les signets ne peuvent pas être lus.", file=sys.stderr)
        return 1
    if args.json:
        items = [bookmark_json(b, resolve(b, library)) for group in groups for b in group.bookmarks]
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    if not groups:
        print("Aucun signet.")
    for group in groups:
        print(f"{printable(group.article_title)} ({printable(group.slug)})")
        for bookmark in group.bookmarks:
            resolution = resolve(bookmark, library)
            status = f" — {resolution.message}" if resolution.message else ""
            print(f"  [{bookmark.id}] {printable(resolution.heading)}  #{printable(bookmark.anchor)}{status}")
            if bookmark.note:
                print(_indented(f"note : {bookmark.note}", "      "))
    return 0


def _run_add(args: argparse.Namespace) -> int:
    slug, _, anchor = args.target.partition("#")
    if not slug or not anchor:
        return _error(f"signet attendu sous la forme ARTICLE#ANCRE : {args.target}")
    library = Library(args.content)
    article = library.article(slug)
    if article is None:
        known = ", ".join(a.slug for a in library.articles) or "aucun"
        return _error(f"article inconnu : {slug} (articles : {known})")
    with _open_store() as store:
        if reason := _unkept_reason(store):
            return _not_kept(reason)
        existed = store.find(slug, anchor) is not None
        try:
            bookmark = store.add_for(article, anchor, args.note)
        except LookupError:
            return _error(
                f"section inconnue dans « {article.title} » : #{anchor} (ancres : guide-reader show {slug} --json)"
            )
        except NoteTooLongError as error:
            return _error(str(error))
        except StoreWriteError as error:
            return _not_kept(str(error))
    verb = "mis à jour" if existed else "ajouté"
    print(f"Signet {bookmark.id} {verb} : {bookmark.article_title} — {bookmark.heading}")
    return 0


def _run_remove(args: argparse.Namespace) -> int:
    with _open_store() as store:
        if reason := _unkept_reason(store):
            return _not_kept(reason)
        try:
            removed = store.remove(args.id)
        except StoreWriteError as error:
            return _not_kept(str(error))
    if removed is None:
        return _error(f"aucun signet numéro {args.id} (voir : guide-reader bookmarks list)")
    print(f"Signet {removed.id} supprimé : {removed.article_title} — {removed.heading}")
    return 0


def _run_export(args: argparse.Namespace) -> int:
    with _open_store() as store:
        if store.path is None:
            print("Aucun signet exporté : les signets ne peuvent pas être lus.", file=sys.stderr)
            return 1
        try:
            count = store.export_to(args.file)
        except OSError as error:
            print(f"impossible d'écrire {args.file} : {_reason(error)}", file=sys.stderr)
            return 1
    print(f"{count} signet(s) exporté(s) dans {args.file}")
    return 0


def _run_import(args: argparse.Namespace) -> int:
    with _open_store() as store:
        if reason := _unkept_reason(store):
            return _not_kept(reason)
        try:
            report = store.import_from(args.file)
        except OSError as error:
            return _error(f"impossible de lire {args.file} : {_reason(error)}")
        except ExchangeFormatError as error:
            return _error(f"{args.file} : {error}")
        except StoreWriteError as error:
            return _not_kept(str(error))
    print(f"{len(report.added)} signet(s) ajouté(s), {report.skipped} déjà présent(s)", end="")
    print(f", {len(report.merged)} note(s) fusionnée(s)" if report.merged else "")
    for bookmark in report.merged:
        print(f"  note fusionnée : [{bookmark.id}] {printable(bookmark.article_title)} — {printable(bookmark.heading)}")
    return 0


def _run_history_list(args: argparse.Namespace) -> int:
    with _open_store() as store:
        entries = store.history.recent(limit=50)
    if args.json:
        items = [
            {
                "slug": entry.slug,
                "anchor": entry.anchor,
                "article_title": entry.article_title,
                "heading": entry.heading,
                "visited_at": to_stamp(entry.visited_at),
            }
            for entry in entries
        ]
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("Aucune lecture récente.")
    for entry in entries:
        place = f"{entry.article_title} — {entry.heading}" if entry.heading else entry.article_title
        target = f"{entry.slug}#{entry.anchor}" if entry.anchor else entry.slug
        print(f"{entry.visited_at.astimezone():%d/%m/%Y %H:%M}  {printable(place)}  ({printable(target)})")
    return 0


def _run_history_clear(args: argparse.Namespace) -> int:
    with _open_store() as store:
        if reason := _unkept_reason(store):
            return _not_kept(reason)
        try:
            count = store.history.clear()
        except StoreWriteError as error:
            return _not_kept(str(error))
    print(f"Historique effacé ({count} entrée(s)).")
    return 0
