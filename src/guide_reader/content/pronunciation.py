"""Pronunciation rules for reading aloud, read from a plain text file a clinic can edit.

The format is explained at the top of ``content/pronunciation.txt``: one ``written = said``
rule a line, ``#`` starts a comment. A rule whose written side starts (or ends) with a letter
or a digit only matches at a word boundary on that side; the longest rule wins where several
start at the same place. Matching is case-sensitive: ``VIH`` is an acronym, ``vih`` is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import content_file
from ..safe_files import read_limited
from .textfile import decode_lines

MAX_FILE_BYTES = 256 * 1024
"""A pronunciation file past this size is not read (a typing slip, not a list of rules)."""

FILE_NAME = "pronunciation.txt"


@dataclass
class Pronunciation:
    rules: dict[str, str] = field(default_factory=dict)
    """Written text -> what is said instead ('' to leave it out)."""
    problems: list[str] = field(default_factory=list)
    """One line per ignored rule or unreadable file: ``file:line: message`` (French)."""
    _pattern: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def apply(self, text: str) -> str:
        """``text`` with every rule's written form replaced by what is said."""
        if not self.rules:
            return text
        if self._pattern is None:
            self._pattern = _compile(self.rules)
        return self._pattern.sub(self._said, text)

    def _said(self, match: re.Match[str]) -> str:
        """What is said, spaced from a letter or digit it would otherwise touch (« 38°C »)."""
        said = self.rules[match.group(0)]
        text, start, end = match.string, match.start(), match.end()
        before = " " if said and start > 0 and text[start - 1].isalnum() else ""
        after = " " if said and end < len(text) and text[end].isalnum() else ""
        return before + said + after


def _compile(rules: dict[str, str]) -> re.Pattern[str]:
    alternatives = []
    for written in sorted(rules, key=len, reverse=True):
        left = r"(?<!\w)" if written[0].isalnum() else ""
        right = r"(?!\w)" if written[-1].isalnum() else ""
        alternatives.append(left + re.escape(written) + right)
    return re.compile("|".join(alternatives))


def parse_pronunciation(text: str, source: str = FILE_NAME) -> Pronunciation:
    """Rules of a file's text; a line without ``=`` or with nothing written is reported and skipped."""
    pronunciation = Pronunciation()
    for number, raw_line in enumerate(text.splitlines(), 1):
        line = raw_line.split("#", 1)[0].strip()
        if not line:
            continue
        written, equals, said = line.partition("=")
        written, said = " ".join(written.split()), " ".join(said.split())
        if not equals or not written:
            pronunciation.problems.append(f"{source}:{number}: ligne ignorée (il faut « écrit = dit »)")
            continue
        pronunciation.rules[written] = said
    return pronunciation


def pronunciation_file(content_dir: Path) -> Path:
    """``pronunciation.txt`` of the content folder, else the one bundled with the program."""
    return content_file(content_dir, FILE_NAME)


def load_pronunciation(path: Path | None) -> Pronunciation:
    """The rules of a file; none, with a problem noted, when it is missing, too large or unreadable.

    A line that is not UTF-8 is skipped and noted with its number; the other lines still count.
    """
    if path is None:
        return Pronunciation()
    try:
        if not path.is_file():
            return Pronunciation(problems=[f"{path.name} : fichier de prononciation introuvable"])
        if path.stat().st_size > MAX_FILE_BYTES:
            return Pronunciation(problems=[f"{path.name} : fichier de prononciation trop grand (plus de 256 Ko)"])
        data = read_limited(path, MAX_FILE_BYTES)
    except OSError as error:
        return Pronunciation(problems=[f"{path.name} : prononciation illisible ({error})"])
    text, problems = decode_lines(data, path.name)
    pronunciation = parse_pronunciation(text, path.name)
    pronunciation.problems[:0] = problems
    return pronunciation
