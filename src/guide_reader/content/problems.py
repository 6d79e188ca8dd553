"""Problems found in article files, named by file and line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = "erreur" if self.severity == "error" else "avertissement"
        return f"{where}: {label}: {self.message}"


class ContentError(Exception):
    """A file that cannot become an article; carries the problem to report."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.problem = Problem(file, line, message, "error")
        super().__init__(str(self.problem))
