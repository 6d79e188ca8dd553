"""Lay-to-medical synonyms, read from a plain text file a clinic can edit (format: see content/synonyms.txt).

Expressions are compared after analysis (folded and stemmed), so 'globule blanc',
'Globules Blancs' and 'globules blancs' are the same expression.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..content.textfile import decode_lines
from ..safe_files import read_limited
from .analysis import terms

MAX_SYNONYMS_BYTES = 4 * 1024 * 1024

Terms = tuple[str, ...]


@dataclass
class Synonyms:
    expansions: dict[Terms, list[Terms]] = field(default_factory=dict)
    """Analyzed expression -> the analyzed expressions it also searches for."""
    problems: list[str] = field(default_factory=list)

    @property
    def longest(self) -> int:
        return max((len(key) for key in self.expansions), default=0)

    def add(self, sources: Sequence[Terms], targets: Sequence[Terms]) -> None:
        for source in sources:
            alternatives = self.expansions.setdefault(source, [])
            alternatives += [target for target in targets if target != source and target not in alternatives]

    def match(self, sequence: Sequence[str], start: int) -> tuple[int, list[Terms]]:
        """The longest expression at ``sequence[start:]``: its length and alternatives, or (0, [])."""
        for length in range(min(self.longest, len(sequence) - start), 0, -1):
            alternatives = self.expansions.get(tuple(sequence[start : start + length]))
            if alternatives:
                return length, alternatives
        return 0, []


def parse_synonyms(text: str, source: str = "synonyms.txt") -> Synonyms:
    """``a, b, c`` makes a group of equivalent expressions; ``a, b => c, d`` expands a and b only."""
    synonyms = Synonyms()
    for number, raw_line in enumerate(text.splitlines(), 1):
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        left, arrow, right = line.partition("=>")
        sources = _expressions(left)
        targets = _expressions(right) if arrow else sources
        if not sources or not targets or (not arrow and len(sources) < 2):
            synonyms.problems.append(f"{source}:{number}: ligne ignorée (il faut au moins deux expressions)")
            continue
        synonyms.add(sources, targets)
    return synonyms


def _expressions(text: str) -> list[Terms]:
    analyzed = [tuple(terms(part)) for part in text.split(",")]
    return [expression for expression in analyzed if expression]


def load_synonyms(path: Path | None) -> Synonyms:
    """The synonyms of a file; none, with a problem noted, when it cannot be read.

    A line that is not UTF-8 is skipped and noted with its number; the other lines still count.
    """
    if path is None:
        return Synonyms()
    try:
        data = read_limited(path, MAX_SYNONYMS_BYTES)
    except OSError as error:
        return Synonyms(problems=[f"{path.name} : synonymes illisibles ({error})"])
    text, problems = decode_lines(data, path.name)
    synonyms = parse_synonyms(text, path.name)
    synonyms.problems[:0] = problems
    return synonyms
