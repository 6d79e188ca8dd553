"""The ``guide-reader`` command: the reader by default, and maintenance commands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .commands import gui
from .logs import setup_logging

COMMAND_MODULES = {
    "content": ("import", "check", "show"),
    "gui": ("gui",),
    "bookmarks": ("bookmarks", "history"),
    "search": ("search", "complete", "index"),
    "kiosk": ("kiosk-pin",),
    "speech": ("read-aloud",),
}
"""The modules of ``guide_reader.commands`` and the commands each registers. A command imports only
its own module (a fresh ``guide-reader search`` does not load the importer, the bookmark store or the
speech modules); a command missing here still works: every module is then imported."""


def _content_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=default,
        help="dossier d'articles à utiliser au lieu des articles fournis",
    )


def _global_parser(full: bool = True) -> argparse.ArgumentParser:
    """The options before the command; ``full=False``: without help and errors, to find the command."""
    parser = argparse.ArgumentParser(
        prog="guide-reader", description="Lecteur hors ligne de guides de santé.", add_help=full, exit_on_error=full
    )
    if full:
        parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _content_option(parser, None)
    gui.add_window_options(parser)
    parser.set_defaults(handler=gui.run_gui)
    return parser


def _modules_for(argv: Sequence[str] | None) -> Sequence[str]:
    """The command modules the command line needs: the one of its command; the window's alone when
    there is no command (the others' imports would delay its first paint); else all (help, an
    unknown command or option). ``--content DIR search``: the command is ``search``, not ``DIR``."""
    try:
        _, rest = _global_parser(full=False).parse_known_args(sys.argv[1:] if argv is None else list(argv))
    except (argparse.ArgumentError, SystemExit):  # a bad option or --version: the full parser answers
        return list(COMMAND_MODULES)
    if not rest:
        return ["gui"]
    words = [word for word in rest if not word.startswith("-")]
    for module, names in COMMAND_MODULES.items():
        if words and words[0] in names:
            return [module]
    return list(COMMAND_MODULES)


def build_parser(modules: Sequence[str] = tuple(COMMAND_MODULES)) -> argparse.ArgumentParser:
    parser = _global_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        _content_option(sub, argparse.SUPPRESS)
        return sub

    for name in modules:
        importlib.import_module(f"{__package__}.commands.{name}").register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser(_modules_for(argv)).parse_args(argv)
    setup_logging()
    try:
        return int(args.handler(args))
    except BrokenPipeError:
        return 0
