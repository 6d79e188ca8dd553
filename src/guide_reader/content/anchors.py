"""Names of the in-page links the renderer writes and the window interprets."""

REFERENCE_PREFIX = "ref-"
"""``#ref-13``: reference 13 in the list of references."""

UNRESOLVED_PREFIX = "source-non-listee-"
"""``#source-non-listee-19``: a citation whose number has no listed reference; no such anchor exists."""

FOLD_PREFIX = "plier-"
"""``#plier-<faq anchor>``: the link on an FAQ question that folds or unfolds its answer."""

BOOKMARK_PREFIX = "marquer-"
"""``#marquer-<section or FAQ anchor>``: the bookmark button beside a heading."""

LISTEN_PREFIX = "ecouter-"
"""``#ecouter-<section anchor>``: the « Écouter » button beside a heading (reads that section only)."""
