"""The Whoosh schema: one document per searchable unit, three text fields of different weight."""

from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from .analysis import french_analyzer

FIELD_BOOSTS = {"title": 1.0, "head": 2.5, "body": 1.0}
"""Applied at query time: a match in a section heading or an FAQ question beats one in the
article title, which beats one in body text."""

TEXT_FIELDS = tuple(FIELD_BOOSTS)
PHRASE_FIELDS = ("head", "body")
SPELLING_FIELDS = ("head", "body")
SCHEMA_VERSION = "2"


def build_schema() -> Schema:
    analyzer = french_analyzer()
    # spelling=True keeps a field's unstemmed, folded words apart: the source of
    # 'Vouliez-vous dire …' suggestions that are words rather than stems. The
    # title is repeated in every document of its article: no positions (no
    # phrase needed there) and no spelling words (the lead's heading has them).
    return Schema(
        slug=ID(stored=True),
        part=STORED,
        title=TEXT(analyzer=analyzer, phrase=False),
        head=TEXT(analyzer=analyzer, spelling=True),
        body=TEXT(analyzer=analyzer, spelling=True),
    )
