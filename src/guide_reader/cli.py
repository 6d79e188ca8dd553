"""The ``guide-reader`` command: the reader by default, and maintenance commands."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .commands import bookmarks, content, gui, kiosk, search, speech
from .logs import setup_logging


def _content_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=default,
        help="dossier d'articles à utiliser au lieu des articles fournis",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guide-reader", description="Lecteur hors ligne de guides de santé.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _content_option(parser, None)
    gui.add_window_options(parser)
    parser.set_defaults(handler=gui.run_gui)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        _content_option(sub, argparse.SUPPRESS)
        return sub

    for module in (
        content,
        gui,
        bookmarks,
        search,
        kiosk,
        speech,
    ):
        module.register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging()
    try:
        return int(args.handler(args))
    except BrokenPipeError:
        return 0
