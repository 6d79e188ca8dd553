"""Layouts of other sites than those of test_importer_kinds: a hospital page, a drug leaflet, a
forum question, a blog with a cookie banner and comments, as copied from a browser."""

from __future__ import annotations

from guide_reader.content.importer import decode, import_bytes


def test_utf8_text_with_one_windows_1252_line_keeps_its_utf8_lines() -> None:
    raw = "Toux : que faire ?\nLa toux sèche est fréquente.\n".encode() + "Le thé chaud aide.\n".encode("cp1252")
    text, warnings = decode(raw, "toux.txt")
    assert text == "Toux : que faire ?\nLa toux sèche est fréquente.\nLe thé chaud aide.\n"
    assert [(w.line, w.severity) for w in warnings] == [(3, "warning")]
    assert import_bytes(raw, "toux.txt").article.lead == "La toux sèche est fréquente.\n\nLe thé chaud aide."
