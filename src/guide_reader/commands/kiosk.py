"""Kiosk commands: ``kiosk-pin`` makes the staff PIN line for the settings file (the window's ``--kiosk`` is in gui)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from ..kiosk import EXAMPLE_CONFIG, default_config_path, hash_pin, validate_pin

AddCommand = Callable[[str, str], argparse.ArgumentParser]

FIRST_PROMPT = "Code du personnel (4 à 12 chiffres, rien ne s'affiche) : "
SECOND_PROMPT = "Le même code, une seconde fois : "


def register(command: AddCommand) -> None:
    pin = command("kiosk-pin", "créer l'empreinte du code du personnel pour les réglages du kiosque")
    pin.add_argument(
        "--example",
        action="store_true",
        help="afficher un fichier de réglages du kiosque complet et commenté, au lieu de demander un code",
    )
    pin.set_defaults(handler=_run_pin)


def _error(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _run_pin(args: argparse.Namespace) -> int:
    if args.example:
        sys.stdout.write(EXAMPLE_CONFIG)
        return 0
    stdin = sys.stdin
    try:
        if stdin is not None and stdin.isatty():
            pin = getpass.getpass(FIRST_PROMPT).strip()
            problem = validate_pin(pin)
            if problem is not None:
                return _error(f"{problem} Aucune empreinte créée.")
            if getpass.getpass(SECOND_PROMPT).strip() != pin:
                return _error("Les deux codes sont différents. Aucune empreinte créée.")
        else:
            line = stdin.readline() if stdin is not None else ""
            if not line:
                return _error("Aucun code lu sur l'entrée standard. Aucune empreinte créée.")
            pin = line.strip()
            problem = validate_pin(pin)
            if problem is not None:
                return _error(f"{problem} Aucune empreinte créée.")
    except EOFError:
        return _error("\nAucun code saisi. Aucune empreinte créée.")
    except KeyboardInterrupt:
        print("\nInterrompu. Aucune empreinte créée.", file=sys.stderr)
        return 130
    print(f'staff_pin_hash = "{hash_pin(pin)}"')
    target = default_config_path()
    print(
        f"Mettre cette ligne dans {target} (ou le fichier donné à --kiosk-config), avant la ligne [features],\n"
        "à la place de la ligne « # staff_pin_hash = ... » de l'exemple (guide-reader kiosk-pin --example).",
        file=sys.stderr,
    )
    if not target.exists():
        print(
            f"Ce fichier n'existe pas encore : guide-reader kiosk-pin --example > {target}\n"
            "le crée avec tous les réglages commentés (créer d'abord son dossier si besoin).",
            file=sys.stderr,
        )
    return 0
