"""The window (the default command): options shared by the main parser and ``gui``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

AddCommand = Callable[[str, str], argparse.ArgumentParser]
THEME_CHOICES = ("light", "dark", "high-contrast")


def add_window_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    group = parser.add_argument_group("fenêtre")
    group.add_argument("--screenshot", metavar="FILE", type=Path, default=default,
                       help="afficher la fenêtre hors écran, l'enregistrer en PNG et quitter")  # fmt: skip
    group.add_argument("--open", metavar="SLUG[#ANCHOR]", default=default, help="ouvrir un guide, à une section")
    group.add_argument("--search", metavar="QUERY", default=default, help="lancer une recherche")
    group.add_argument("--theme", choices=THEME_CHOICES, default=default, help="thème (sans le mémoriser)")
    group.add_argument("--size", metavar="WxH", default=default, help="taille de la fenêtre, par exemple 1280x800")
    group.add_argument("--text-size", metavar="PERCENT", type=int, default=default,
                       help="taille de tout le texte en %% (100 à 246, sans la mémoriser)")  # fmt: skip
    group.add_argument("--lang", choices=("fr", "en"), default=default, help="langue de l'interface")
    group.add_argument(
        "--kiosk",
        action="store_true",
        default=default or False,
        help="mode kiosque pour salle d'attente : plein écran, remise à zéro après chaque visiteur",
    )
    group.add_argument(
        "--kiosk-config", metavar="FILE", type=Path, default=default, help="fichier de réglages du kiosque (TOML)"
    )


def register(command: AddCommand) -> None:
    gui = command("gui", "ouvrir le lecteur (commande par défaut)")
    add_window_options(gui, argparse.SUPPRESS)
    gui.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from ..ui.app import WindowOptions, parse_size, run

    try:
        size = parse_size(args.size) if args.size else None
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    options = WindowOptions(
        content=args.content,
        screenshot=args.screenshot,
        open=args.open,
        search=args.search,
        theme=args.theme,
        size=size,
        language=args.lang,
        text_percent=args.text_size,
        kiosk=bool(args.kiosk),
        kiosk_config=args.kiosk_config,
    )
    return run(options)
