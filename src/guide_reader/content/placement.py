"""Where an imported article and its source go in a content folder, never over another one.

An article file ``<slug>.md`` and a kept source ``sources/<name>`` are only ever replaced by the
same source: a source file with the same bytes, or (with ``replace``) a newer copy of the same
file name whose article has the same slug. Anything else gets a distinct name, ``<slug>-2.md`` or
``sources/<stem>-2<suffix>``, and the placement says why.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..safe_files import read_limited

Action = Literal["new", "update", "renamed"]
SOURCES_DIR = "sources"
_FRONT_MATTER_LINES = 20


@dataclass(frozen=True)
class Placement:
    """``slug``: the article file's stem; ``source_name``: the kept source's name in ``sources/``."""

    slug: str
    source_name: str
    action: Action
    reason: str = ""
    """Why the slug or source name differs from the wanted one (empty when it does not)."""


@dataclass
class Placer:
    """Chooses article and source names in ``out`` for a run of imports.

    Names given out earlier in the same run count as taken, so that a dry run
    (nothing written) says what the real run would do.
    """

    out: Path
    replace: bool = False
    _claimed_slugs: dict[str, str] = field(default_factory=dict)  # slug -> source name
    _claimed_sources: dict[str, bytes] = field(default_factory=dict)  # source name -> its bytes

    def place(self, wanted_slug: str, source_name: str, raw: bytes) -> Placement:
        """Names for the article ``wanted_slug`` imported from ``raw`` (the file named ``source_name``)."""
        kept_name, source_reason = self._source_name(source_name, raw)
        same_bytes = self._same(kept_name, raw)
        for number in itertools.count(1):
            slug = wanted_slug if number == 1 else f"{wanted_slug}-{number}"
            owner = self._owner(slug)
            if owner is None:
                break
            if same_bytes and owner == kept_name:
                self._claim(slug, kept_name, raw)
                return Placement(slug, kept_name, "update", source_reason)
            if self.replace and owner == source_name:
                self._claim(slug, source_name, raw)
                return Placement(slug, source_name, "update", "nouvelle version de la même source")
        reasons = [source_reason] if source_reason else []
        if slug != wanted_slug:
            reasons.insert(0, f"{wanted_slug}.md existe déjà, tiré d'une autre source")
        self._claim(slug, kept_name, raw)
        return Placement(slug, kept_name, "renamed" if reasons else "new", " ; ".join(reasons))

    def _claim(self, slug: str, source_name: str, raw: bytes) -> None:
        self._claimed_slugs[slug] = source_name
        self._claimed_sources[source_name] = raw

    def _same(self, name: str, raw: bytes) -> bool:
        """True when ``sources/NAME`` is a regular file (or a source of this run) holding ``raw``.

        What is not a regular file is never opened: a FIFO would hang the import, a link to
        /dev/zero swallow the source, a dangling link send it outside the folder.
        """
        if name in self._claimed_sources:
            return self._claimed_sources[name] == raw
        path = self.out / SOURCES_DIR / name
        try:
            return read_limited(path, len(raw)) == raw  # a larger file or no regular file: OSError
        except OSError:
            return False

    def _free_or_same(self, name: str, raw: bytes) -> bool:
        """True when nothing is at ``sources/NAME`` (not even a link), or ``raw`` itself."""
        free = name not in self._claimed_sources and not os.path.lexists(self.out / SOURCES_DIR / name)
        return free or self._same(name, raw)

    def _source_name(self, name: str, raw: bytes) -> tuple[str, str]:
        """``name`` if free or holding the same bytes, else ``stem-2.suffix`` ..."""
        stem, suffix = Path(name).stem, Path(name).suffix
        for number in itertools.count(1):
            candidate = name if number == 1 else f"{stem}-{number}{suffix}"
            if self._free_or_same(candidate, raw):
                break
        reason = "" if candidate == name else f"sources/{name} existe déjà avec un autre contenu"
        return candidate, reason

    def _owner(self, slug: str) -> str | None:
        """The source name of the article ``slug`` ('' if it names none), or None if the slug is free."""
        if slug in self._claimed_slugs:
            return self._claimed_slugs[slug]
        path = self.out / f"{slug}.md"
        if not os.path.lexists(path):
            return None
        return _source_field(path) if path.is_file() else ""  # a FIFO, a device, a dangling link: taken


def _source_field(path: Path) -> str:
    """The file name in an article's ``source: sources/NAME`` line, or '' if unreadable or absent."""
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            head = list(itertools.islice(file, _FRONT_MATTER_LINES))
    except OSError:
        return ""
    if not head or head[0].strip() != "---":
        return ""
    for line in head[1:]:
        if line.strip() == "---":
            break
        key, _, value = line.partition(":")
        if key.strip() == "source":
            value = value.strip()
            prefix = f"{SOURCES_DIR}/"
            return value[len(prefix) :] if value.startswith(prefix) else ""
    return ""
