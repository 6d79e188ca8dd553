"""A JSON copy of the loaded articles, so that the window starts without parsing Markdown.

The copy is keyed by the article files (name, size, modification time) and by the
loader's own source, so an edited article or a changed loader reloads from Markdown.
It is derived data: unreadable or stale copies are ignored and rewritten, and a
read-only cache folder only costs the parse.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from .model import Article, FaqItem, Publication, Reference, Section, WebResource
from .problems import Problem

_LOADER_SOURCES = (
    "loader.py",
    "model.py",
    "markdown_ext.py",
    "markdown_format.py",
    "problems.py",
    "cache.py",
    "checks.py",
    "layout_checks.py",
    "text.py",
    "anchors.py",
    "debris.py",
    "bylines.py",
)
"""Every module of this package the loader runs: a change in any of them reloads the articles."""


def cache_key(directory: Path) -> str:
    """A fingerprint of the article files and of the loader's code; compared as is, not hashed."""
    parts = [__version__, str(directory.resolve())]
    package = Path(__file__).parent
    for name in _LOADER_SOURCES:
        try:
            stat = (package / name).stat()
        except OSError:  # a bundle may ship compiled modules only: the version then stands for the code
            continue
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    for path in sorted(directory.glob("*.md")):
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def _to_json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _article_from_dict(data: dict[str, Any]) -> Article:
    def when(text: str | None) -> date | None:
        return date.fromisoformat(text) if text else None

    return Article(
        slug=data["slug"],
        title=data["title"],
        subtitle=data["subtitle"],
        lead=data["lead"],
        author=data["author"],
        date=when(data["date"]),
        publisher=data.get("publisher"),
        updated=when(data.get("updated")),
        sections=[Section(**item) for item in data["sections"]],
        faq=[FaqItem(**item) for item in data["faq"]],
        references=[Reference(**item) for item in data["references"]],
        publications=[Publication(**item) for item in data["publications"]],
        web_resources=[
            WebResource(item["title"], item["site"], when(item["date"]), item["snippet"])
            for item in data["web_resources"]
        ],
        specialties=list(data["specialties"]),
        disclaimer=data["disclaimer"],
        source_file=data["source_file"],
    )


def read_cache(cache_file: Path, key: str) -> tuple[list[Article], list[Problem]] | None:
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        articles = [_article_from_dict(item) for item in data["articles"]]
        problems = [Problem(**item) for item in data["problems"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return articles, problems


def write_cache(cache_file: Path, key: str, articles: list[Article], problems: list[Problem]) -> None:
    """Write atomically; a cache that cannot be written is simply not kept."""
    data = {
        "key": key,
        "articles": [dataclasses.asdict(article) for article in articles],
        "problems": [dataclasses.asdict(problem) for problem in problems],
    }
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only needed when the cache is written

        handle, temporary = tempfile.mkstemp(dir=cache_file.parent, prefix=".articles-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, default=_to_json)
        Path(temporary).replace(cache_file)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
