"""Small UTF-8 text files a person edits (synonyms, pronunciation): a bad line never loses the others."""

from __future__ import annotations

import codecs


def decode_lines(data: bytes, source: str) -> tuple[str, list[str]]:
    """``data`` as text, each line that is not UTF-8 left empty (so that line numbers stay right).

    Returns the text and one problem per line left empty, ``file:line: message`` (French).
    A UTF-8 byte-order mark at the start is dropped.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    lines: list[str] = []
    problems: list[str] = []
    for number, raw_line in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(raw_line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append("")
            problems.append(f"{source}:{number}: ligne ignorée (pas en UTF-8)")
    return "\n".join(lines), problems
