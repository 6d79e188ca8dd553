"""Kiosk settings: a small TOML file read with the standard library.

The file is optional: without it the built-in defaults apply (see EXAMPLE_CONFIG, which documents every
setting). A file that is there is read strictly: an unknown key, a wrong type or a value out of range stops
the kiosk with a French message naming the file and, when it can be found, the line, rather than starting
a public kiosk with settings nobody meant.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from .. import paths
from ..safe_files import FileTooLargeError, read_limited
from .pin import MAX_CHECK_ITERATIONS, MIN_ITERATIONS, pin_hash_iterations

CONFIG_FILE_NAME = "kiosk.toml"
FEATURES_TABLE = "features"
MAX_FILE_BYTES = 64 * 1024  # a settings file is a few hundred bytes; past this it is not one
MAX_SHOWN_CHARS = 60  # a value or key quoted in a message is cut after this many characters
MAX_TEXT_CHARS = {"emergency_label": 80, "emergency_details": 600, "files_folder": 400}

# Inclusive limits of the numeric settings.
LIMITS: Mapping[str, tuple[int, int] | tuple[float, float]] = {
    "idle_seconds": (15, 3600),
    "countdown_seconds": (3, 120),
    "text_scale": (0.8, 3.0),
    "exit_taps": (3, 10),
    "exit_tap_seconds": (1.0, 10.0),
}


class KioskConfigError(Exception):
    """A settings file that cannot be used; str() is a French message naming the file (and line if known)."""

    def __init__(self, message: str, *, path: Path | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


@dataclass(frozen=True)
class KioskFeatures:
    """What visitors may use; everything that leaves a trace or opens a system dialog is off by default."""

    search: bool = True
    bookmarks: bool = False  # bookmarking in the session (cleared at each reset anyway)
    print: bool = False  # print / PDF of the bookmarks sheet
    files: bool = False  # export / import file dialogs


@dataclass(frozen=True)
class KioskConfig:
    path: Path | None  # the settings file read; None when the built-in defaults are used
    idle_seconds: int = 120  # no touch or key for this long -> countdown
    countdown_seconds: int = 15  # the visible 'Toujours là ?' countdown before the reset
    staff_pin_hash: str | None = None
    text_scale: float = 1.3  # text size multiplier for the kiosk (touch screens read from further away)
    exit_taps: int = 5  # hidden gesture: this many taps in the top-right corner within exit_tap_seconds
    exit_tap_seconds: float = 3.0
    emergency_label: str = "Urgence : 15 (SAMU) · 112"  # on every kiosk screen
    emergency_details: str = (
        "Malaise, douleur dans la poitrine, difficulté à respirer, perte de connaissance : "
        "appelez le 15 (SAMU) ou le 112 (urgences, depuis tout téléphone), ou prévenez l'accueil tout de suite."
    )
    files_folder: str = ""  # the only folder file dialogs show (features.files); "" with files = false
    features: KioskFeatures = field(default_factory=KioskFeatures)

    def source_description(self) -> str:
        """One French line saying which settings are in use, for the kiosk to print at start."""
        if self.path is None:
            return f"Réglages du kiosque : valeurs par défaut (aucun fichier {default_config_path()})"
        return f"Réglages du kiosque : {self.path}"


def default_config_path() -> Path:
    """``kiosk.toml`` in the user config folder (``GUIDE_READER_CONFIG_DIR`` moves it)."""
    return paths.user_config_dir() / CONFIG_FILE_NAME


def _range(name: str) -> str:
    low, high = LIMITS[name]
    return f"{low} à {high}"


EXAMPLE_CONFIG = f"""\
# Réglages du mode kiosque de Guide Reader (guide-reader --kiosk).
#
# Emplacement : kiosk.toml dans le dossier de configuration (sous Linux
# ~/.config/guide-reader/kiosk.toml, ou $GUIDE_READER_CONFIG_DIR/kiosk.toml),
# ou le fichier donné avec --kiosk-config FICHIER.
# Les valeurs ci-dessous sont celles par défaut ; un réglage absent les garde.
# Un réglage inconnu, mal écrit ou hors limites empêche le kiosque de démarrer,
# avec un message qui donne le fichier et la ligne.

# Secondes sans toucher l'écran ni le clavier avant le compte à rebours ({_range("idle_seconds")}).
idle_seconds = 120

# Durée en secondes du compte à rebours « Toujours là ? » ({_range("countdown_seconds")}).
# Sans réponse : retour à l'accueil, et rien ne reste du visiteur précédent.
countdown_seconds = 15

# Empreinte du code du personnel (jamais le code lui-même). Pour la créer :
#     guide-reader kiosk-pin
# puis remplacer la ligne suivante par celle qu'il affiche (sans le « # »).
# Sans empreinte, personne ne peut quitter le kiosque depuis l'écran.
# staff_pin_hash = "pbkdf2-sha256$600000$..."

# Taille du texte, multipliée par ce nombre ({_range("text_scale")}) :
# un écran tactile se lit de plus loin qu'un écran de bureau.
text_scale = 1.3

# Sortie du personnel : toucher exit_taps fois le coin en haut à droite de l'écran
# en moins de exit_tap_seconds secondes ouvre le pavé du code.
exit_taps = 5             # {_range("exit_taps")}
exit_tap_seconds = 3.0    # {_range("exit_tap_seconds")}

# Le bandeau d'urgence, sur chaque écran du kiosque ; le toucher l'agrandit
# et affiche le texte de emergency_details. À adapter hors de France.
emergency_label = "Urgence : 15 (SAMU) · 112"
emergency_details = "Malaise, douleur dans la poitrine, difficulté à respirer, perte de connaissance : \
appelez le 15 (SAMU) ou le 112 (urgences, depuis tout téléphone), ou prévenez l'accueil tout de suite."

# Le seul dossier que montrent les fenêtres de fichiers (avec files = true ci-dessous),
# par exemple celui d'une clé USB : chemin absolu, entre guillemets droits.
files_folder = ""

# Ce que les visiteurs peuvent utiliser (true : oui, false : non).
# Cette table vient après tous les autres réglages.
[{FEATURES_TABLE}]
search = true             # la recherche
bookmarks = false         # les signets pendant la visite (effacés à chaque remise à zéro)
print = false             # imprimer la feuille des signets ou l'enregistrer en PDF
files = false             # les fenêtres d'export et d'import de fichiers
"""

# Expected Python type of each setting; float settings also take a TOML integer (``text_scale = 2``).
_GENERAL: Mapping[str, type] = {
    "idle_seconds": int,
    "countdown_seconds": int,
    "staff_pin_hash": str,
    "text_scale": float,
    "exit_taps": int,
    "exit_tap_seconds": float,
    "emergency_label": str,
    "emergency_details": str,
    "files_folder": str,
}
_FEATURES: Mapping[str, type] = {name: bool for name in ("search", "bookmarks", "print", "files")}

_EXPECTED = {
    int: "un nombre entier (sans guillemets ni virgule)",
    float: "un nombre (par exemple 1.5, avec un point)",
    str: "un texte entre guillemets droits",
    bool: "true ou false (sans guillemets)",
}

# tomllib's messages (by their start) for the mistakes most likely in a hand-edited file.
_TOML_MESSAGES = {
    "Invalid value": 'valeur mal écrite (un texte se met entre guillemets droits "...")',
    "Expected '=' after a key": "il manque « = » après le nom du réglage",
    "Cannot overwrite a value": "ce réglage est déjà donné plus haut",
    "Cannot declare": "cette table est déjà déclarée plus haut",
    "Unterminated string": "guillemet fermant manquant",
    "Invalid statement": "ligne incompréhensible",
    "Invalid initial character for a key part": "nom de réglage mal écrit",
    "Expected newline or end of document": "un seul réglage par ligne",
    "Expected ']' at the end of a table": "crochet fermant « ] » manquant",
    "Illegal character '\\n'": "guillemet fermant manquant sur cette ligne",
    "Illegal character": "caractère interdit",
}
_TOML_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


def load_config(path: Path | None = None) -> KioskConfig:
    """Read the kiosk settings.

    ``path`` None: the default file if it exists, else the built-in defaults (``path`` None in the result).
    Raises KioskConfigError for a missing explicit file, an unreadable file, bad TOML, an unknown key,
    a wrong type or a value out of range.
    """
    if path is None:
        path = default_config_path()
        if not path.exists():
            return KioskConfig(path=None)
    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(path, text, error) from None
    return _Checker(path, text).config(data)


def _read(path: Path) -> str:
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except FileTooLargeError:
        raise KioskConfigError(
            f"{path} : fichier trop grand pour des réglages (plus de {MAX_FILE_BYTES // 1024} Kio) ; "
            "repartir de « guide-reader kiosk-pin --example »",
            path=path,
        ) from None
    except FileNotFoundError:
        raise KioskConfigError(f"Fichier de réglages du kiosque introuvable : {path}", path=path) from None
    except IsADirectoryError:
        raise KioskConfigError(
            f"Les réglages du kiosque doivent être un fichier, pas un dossier : {path}", path=path
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise KioskConfigError(f"Impossible de lire les réglages du kiosque {path} : {reason}", path=path) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise KioskConfigError(
            f"{path}, ligne {line} : le fichier n'est pas en UTF-8 (l'enregistrer en UTF-8 depuis l'éditeur)",
            path=path,
            line=line,
        ) from None


def _syntax_error(path: Path, text: str, error: tomllib.TOMLDecodeError) -> KioskConfigError:
    message = str(error)
    lines = text.splitlines()
    line = max(1, len(lines))  # "at end of document": the last line
    column: int | None = None
    position = _TOML_POSITION.search(message)
    if position is not None:
        message = message[: position.start()]
        if position.group(1):
            line, column = int(position.group(1)), int(position.group(2))
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    value_error = message.startswith(("Invalid value", "Expected newline or end of document"))
    french = (_likely_mistake(source) if value_error else None) or next(
        (french for start, french in _TOML_MESSAGES.items() if message.startswith(start)), None
    )
    detail = f"{french} ({message})" if french else message
    where = f"{path}, ligne {line}" + (f", colonne {column}" if column else "")
    return KioskConfigError(f"{where} : ce n'est pas du TOML valide : {detail}", path=path, line=line)


_SETTING_LINE = re.compile(r"""^\s*["']?([A-Za-z0-9_-]+)["']?\s*=\s*(.*?)\s*(?:#.*)?$""")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_YES_NO = {"true", "false", "yes", "no", "oui", "non", "vrai", "faux", "on", "off"}


def _likely_mistake(source: str) -> str | None:
    """The mistake a person most likely made on ``source``, a line TOML refused, with its fix; None if unsure."""
    setting = _SETTING_LINE.match(source)
    if setting is None:
        return None
    key, value = setting.group(1), setting.group(2)
    shown = _clip(value)
    expected = _GENERAL.get(key) or _FEATURES.get(key)
    if not value:
        return "valeur mal écrite : rien après « = »" + (f" ; il faut {_EXPECTED[expected]}" if expected else "")
    if _DECIMAL_COMMA.match(value):
        return f"nombre écrit avec une virgule : écrire {value.replace(',', '.')} (avec un point)"
    if expected in (bool, None) and value.casefold() in _YES_NO:
        return f"« {_clip(key)} » se règle avec true ou false, en minuscules et sans guillemets (trouvé : {shown})"
    if expected is not None and expected is not str and not value.startswith(("'", '"')):
        return f"« {_clip(key)} » doit être {_EXPECTED[expected]} (trouvé : {shown})"
    if expected is str or (value and not value.startswith(("'", '"', "[", "{"))):
        return f'valeur mal écrite : un texte se met entre guillemets droits "..." (trouvé : {shown})'
    return None


def _clip(text: str) -> str:
    """``text`` cut to MAX_SHOWN_CHARS characters for a message."""
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS] + "…"


class _Checker:
    """Turns the parsed TOML into a KioskConfig, or raises KioskConfigError naming the file and line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def config(self, data: dict[str, object]) -> KioskConfig:
        features = data.get(FEATURES_TABLE, {})
        if not isinstance(features, dict):
            self.fail(
                None,
                FEATURES_TABLE,
                f"« {FEATURES_TABLE} » doit être une table : une ligne [{FEATURES_TABLE}] suivie de ses réglages",
            )
        general = {key: value for key, value in data.items() if key != FEATURES_TABLE}
        for key in general:
            if key not in _GENERAL:
                self.unknown(None, key, [*_GENERAL, FEATURES_TABLE])
        for key in features:
            if key not in _FEATURES:
                self.unknown(FEATURES_TABLE, key, list(_FEATURES))
        values = {key: self.value(None, key, value) for key, value in general.items()}
        switches = {key: self.value(FEATURES_TABLE, key, value) for key, value in features.items()}
        if switches.get("files") and not values.get("files_folder"):
            self.fail(
                FEATURES_TABLE,
                "files",
                "« files = true » demande aussi « files_folder » : le seul dossier que les visiteurs verront "
                '(par exemple files_folder = "/media/cle-usb", avant la ligne [features])',
            )
        return KioskConfig(path=self.path, features=KioskFeatures(**switches), **values)

    def value(self, table: str | None, key: str, value: object) -> object:
        expected = (_GENERAL if table is None else _FEATURES)[key]
        name = f"« {key} »" if table is None else f"« {key} » (dans [{table}])"
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not expected:
            self.fail(table, key, f"{name} doit être {_EXPECTED[expected]} ; trouvé : {_describe(value)}")
        if key in LIMITS:
            low, high = LIMITS[key]
            assert isinstance(value, int | float)
            if math.isnan(value) or not low <= value <= high:
                self.fail(table, key, f"{name} doit être compris entre {low} et {high} ; trouvé : {value}")
        if key == "staff_pin_hash":
            self.check_pin_hash(str(value))
        if key in MAX_TEXT_CHARS and len(str(value)) > MAX_TEXT_CHARS[key]:
            self.fail(table, key, f"{name} est trop long : {MAX_TEXT_CHARS[key]} caractères au plus")
        if key == "files_folder" and value and not Path(str(value)).is_absolute():
            self.fail(
                table, key, f"{name} doit être un chemin absolu (qui commence par /) ; trouvé : {_describe(value)}"
            )
        return value

    def check_pin_hash(self, value: str) -> None:
        iterations = pin_hash_iterations(value)
        if iterations is None:
            self.fail(
                None,
                "staff_pin_hash",
                "« staff_pin_hash » n'est pas une empreinte de code valide : "
                "recopier la ligne entière affichée par « guide-reader kiosk-pin »",
            )
        if not MIN_ITERATIONS <= iterations <= MAX_CHECK_ITERATIONS:
            self.fail(
                None,
                "staff_pin_hash",
                f"l'empreinte de « staff_pin_hash » utilise {iterations} itérations ; il en faut de "
                f"{MIN_ITERATIONS} à {MAX_CHECK_ITERATIONS} (assez pour ralentir qui devinerait le code, "
                "assez peu pour une vérification rapide) : en créer une nouvelle avec « guide-reader kiosk-pin »",
            )

    def unknown(self, table: str | None, key: str, known: list[str]) -> NoReturn:
        message = f"réglage inconnu « {_clip(key)} »" + (f" dans [{table}]" if table else "")
        if table is not None and key in _GENERAL:
            message += f" : « {key} » est un réglage général, à placer avant la ligne [{table}]"
        else:
            close = difflib.get_close_matches(key, known, n=1) if len(key) <= MAX_SHOWN_CHARS else []
            if close:
                message += f" : vouliez-vous dire « {close[0]} » ?"
            message += " (réglages possibles : " + ", ".join(known) + ")"
        self.fail(table, key, message)

    def fail(self, table: str | None, key: str, message: str) -> NoReturn:
        line = self.locate(table, key)
        where = f"{self.path}, ligne {line}" if line else f"{self.path}"
        raise KioskConfigError(f"{where} : {message}", path=self.path, line=line)

    def locate(self, table: str | None, key: str) -> int | None:
        """Best effort: the line that sets ``key`` in ``table``, else any line that sets ``key``."""
        setter = re.compile(rf"""^\s*(?:{re.escape(table or "")}\s*\.\s*)?(["']?){re.escape(key)}\1\s*=""")
        header = re.compile(r"^\s*\[\s*([^\[\]]*?)\s*\]")
        current: str | None = None
        anywhere: int | None = None
        for number, line in enumerate(self.lines, start=1):
            opened = header.match(line)
            if opened:
                current = re.sub(r"\s*\.\s*", ".", opened.group(1))
                if current == (f"{table}.{key}" if table else key):
                    return number  # a table where a value was expected: [features.extra]
                continue
            if setter.match(line):
                if current == table:
                    return number
                anywhere = anywhere or number
            elif anywhere is None and re.search(rf"[\s.{{,]{re.escape(key)}\s*=", line.split("#", 1)[0]):
                anywhere = number
        return anywhere


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"le texte « {_clip(value)} »"
    if isinstance(value, int | float):
        return f"le nombre {value}"
    if isinstance(value, list):
        return "une liste [...]"
    if isinstance(value, dict):
        return "une table"
    return f"une date ou une heure ({value})"
