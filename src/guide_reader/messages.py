"""User-facing texts of the layers below ``ui``: French source text plus values, translated by ``ui``.

The layers below ``ui`` never translate: they return a ``Message`` (a context, the French
text with %1, %2 … standing for values, and the values). ``str()`` gives the French, for
logs and the command line; the window translates ``text`` in ``context`` with Qt and puts
the values in (ui/lower_texts.py marks every such text for the translation tools).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    context: str
    text: str
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        return fill(self.text, self.values)


def fill(text: str, values: tuple[str, ...]) -> str:
    """``text`` with %1, %2 … replaced by ``values`` (from the highest number down: %10 before %1)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", values[number - 1])
    return text
