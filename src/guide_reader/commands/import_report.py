"""The summary ``import`` prints for each input: where it went, what it holds, what was left out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..content.importer import ImportResult
from ..content.placement import Placement

SHOWN_DROPPED = 5
_SHOWN_CHARS = 70
_ACTIONS = {"new": "nouveau", "update": "mis à jour", "renamed": "nouveau, nom changé"}


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def report_lines(source: str, target: Path, placement: Placement, result: ImportResult, dry_run: bool) -> list[str]:
    """Lines describing one import: ``source -> target (action)``, title, counts, dropped text."""
    article = result.article
    action = _ACTIONS[placement.action]
    if placement.reason:
        action += f" : {placement.reason}"
    trial = " — essai : rien n'est écrit" if dry_run else ""
    lines = [f"{source} -> {target} ({action}){trial}", f"  titre : {article.title}"]
    byline = [f"{label} {value}" for label, value in (("par", article.author), ("publié le", article.date),
                                                       ("mis à jour le", article.updated),
                                                       ("site :", article.publisher)) if value]  # fmt: skip
    if byline:
        lines.append("  " + ", ".join(str(part) for part in byline))
    lines.append(
        "  "
        + ", ".join(
            (
                _plural(len(article.sections), "section", "sections"),
                _plural(len(article.faq), "question", "questions"),
                _plural(len(article.references), "référence", "références"),
            )
        )
    )
    if result.words_outside:
        words = _plural(result.words_outside, "mot", "mots")
        lines.append(f"  hors du contenu principal : environ {words} de la page (menus, pied de page, commentaires…)")
    if not result.dropped:
        lines.append("  rien d'écarté")
        return lines
    kinds = Counter(item.kind for item in result.dropped)
    detail = ", ".join(f"{kind} {count}" for kind, count in kinds.most_common())
    lines.append(f"  écarté : {_plural(len(result.dropped), 'ligne ou bloc', 'lignes ou blocs')} ({detail})")
    for item in result.dropped[:SHOWN_DROPPED]:
        where = f"{result.place} {item.line}" if item.line else "-"
        lines.append(f"    {where} {item.kind} : « {_shorten(item.text)} »")
    if len(result.dropped) > SHOWN_DROPPED:
        lines.append(f"    … et {len(result.dropped) - SHOWN_DROPPED} autre(s)")
    return lines
