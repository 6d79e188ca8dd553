"""The one French analyzer, used to index and to query, in a single pass per token.

Each token goes through the same steps in the same order: lowercase, fold
accents, drop stop words, stem. Accents are folded *before* stemming, so that
'fievre' and 'fièvre' (or 'coeur' and 'cœur') always meet the stemmer in the
same form and give the same stem. Folding also drops combining accents, so a
decomposed 'e' + U+0301 ends like a composed 'é' (the NFC concern). The Snowball
French stemmer reads 'ée' endings on accented words only; once folded they read
'ee', so one substitution puts them back to the 'e' it then strips.

The steps are done once per distinct written form and remembered (``_FORMS``):
a library repeats the same few thousand words, so indexing a token is one regular
expression match and one dictionary look-up. ``FrenchAnalyzer`` gives the same
terms to Whoosh (queries, snippets); ``analyze`` gives them to the indexer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import whoosh
from whoosh.analysis import Analyzer, Token
from whoosh.lang.snowball.french import FrenchStemmer
from whoosh.lang.stopwords import stoplists
from whoosh.support.charset import accent_map

ANALYZER_VERSION = "fr-5"
"""Bump when the chain changes in a way the settings below do not show: indexes are rebuilt."""

ELIDED = r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’ʼ]"
"""French elision: l’ d’ qu’ j’ n’ s’ … with a straight or a typographic apostrophe."""

TOKEN_PATTERN = (
    r"\d+(?:[.,]\d+)*"  # 38, 2,3, 1.5
    r"|°[cCfF]?"  # the unit of 38°C
    rf"|(?<![\w\u0300-\u036f])(?!(?i:{ELIDED})[^\W\d_])[^\W\d_][\w\u0300-\u036f]*"  # words, not elided articles
)
"""Numbers, degrees and words. Apostrophes, hyphens and slashes split (G-CSF -> g csf,
4000/µL -> 4000 ul): the parts stay in order, so a query written either way finds them;
the elided article of l’immunité is skipped by the pattern itself."""

_TOKEN = re.compile(TOKEN_PATTERN)
_FRENCH = FrenchStemmer()
_EXTRA_FOLDING = {
    "œ": "oe",
    "æ": "ae",
    "µ": "u",  # micro sign
    "μ": "u",  # Greek mu
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "´": "'",
}
FOLDING: dict[int, str | None] = {
    **accent_map,
    **{ord(char): folded for char, folded in _EXTRA_FOLDING.items()},
    **{code: None for code in range(0x300, 0x370)},  # combining accents of decomposed text
}

_MORE_STOP_WORDS = """
    a à ai au aux ça ca ce ceci cela celle celles celui ces cet cette ceux dans de des du
    elle elles en est et etc eux il ils je la le les leur leurs lui ma mais me mes moi mon
    ne ni nos notre nous on ont ou où par pas pour qu quand que quel quelle quelles quels qui
    quoi sa sans se ses si son sont sur ta te tes toi ton tu un une vos votre vous y
""".split()
_ELIDED_LETTERS = set("cdjlmnst")
"""Whoosh lists the elided letters as stop words; elision is handled apart, so 'vitamine D' keeps its D."""


def _fold(word: str) -> str:
    return word.lower().translate(FOLDING)


STOP_WORDS: frozenset[str] = frozenset(
    _fold(word) for word in (stoplists["fr"] | set(_MORE_STOP_WORDS)) - _ELIDED_LETTERS
)
"""Whoosh's French list, which misses common words such as 'les', plus those, all folded."""

_FOLDED_EE = re.compile(r"(?<=\w\w)ees?$")


def stem_folded(word: str) -> str:
    """Snowball French on a folded word: 'spontanee' (folded 'spontanée') is read as 'spontane'."""
    return _FRENCH.stem(_FOLDED_EE.sub("e", word))


Form = tuple[str, str | None]
"""A written form, analyzed: its folded word and its term (None for a stop word)."""

_FORMS: dict[str, Form] = {}
_MAX_FORMS = 500_000
"""Remembered written forms: a few tens of megabytes at most, emptied when full."""


def form(written: str) -> Form:
    """The folded word and the term of one written form (the term is None for a stop word)."""
    known = _FORMS.get(written)
    if known is None:
        folded = _fold(written)
        known = (folded, None if not folded or folded in STOP_WORDS else stem_folded(folded))
        if len(_FORMS) >= _MAX_FORMS:
            _FORMS.clear()
        _FORMS[written] = known
    return known


def analyze(text: str) -> list[Form]:
    """The forms of every token of a text that is not a stop word, in order (the indexer's pass)."""
    forms = _FORMS
    found = []
    for written in _TOKEN.findall(text):
        analyzed = forms.get(written) or form(written)
        if analyzed[1] is not None:
            found.append(analyzed)
    return found


class FrenchAnalyzer(Analyzer):
    """Whoosh's side of ``analyze``: tokens -> lowercase -> folded -> stop words out -> stemmed.

    Without stemming (or with Whoosh's ``no_morph=True``) it gives the folded words.
    Positions count the tokens that are kept, so a phrase skips stop words as the
    index does ('prise de sang' = 'prise sang').
    """

    def __init__(self, stemming: bool = True) -> None:
        self.stemming = stemming

    def has_morph(self) -> bool:
        return self.stemming

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        no_morph: bool = False,
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stemming = self.stemming and not no_morph
        matches = _TOKEN.finditer(value) if tokenize else [_Whole(value)]
        position = start_pos
        for match in matches:
            written = match.group(0)
            folded, term = _FORMS.get(written) or form(written)
            if term is None and removestops:
                continue
            token.text = (term if stemming else folded) if term is not None else folded
            token.stopped = term is None
            token.boost = 1.0
            if keeporiginal:
                token.original = written
            if positions:
                token.pos = position
                position += 1
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


class _Whole:
    """The whole value as one match, for ``tokenize=False``."""

    def __init__(self, value: str) -> None:
        self.value = value

    def group(self, _: int) -> str:
        return self.value

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return len(self.value)


def french_analyzer(stemming: bool = True) -> FrenchAnalyzer:
    return FrenchAnalyzer(stemming)


def analyzer_fingerprint() -> str:
    """A short hash of everything that decides the terms in the index."""
    settings = "\n".join(
        [
            ANALYZER_VERSION,
            whoosh.versionstring(build=False),
            TOKEN_PATTERN,
            repr(sorted(FOLDING.items(), key=lambda item: item[0])),
            " ".join(sorted(STOP_WORDS)),
        ]
    )
    return hashlib.sha256(settings.encode("utf-8")).hexdigest()[:16]


def words(text: str) -> list[str]:
    """The folded, unstemmed words of a text, stop words removed (spelling, suggestions)."""
    return [folded for folded, _ in analyze(text)]


def terms(text: str) -> list[str]:
    """The index terms of a text: what the index holds for it."""
    return [term for _, term in analyze(text)]  # type: ignore[misc]


def stem(word: str) -> str | None:
    """The index term of one word (None for a stop word)."""
    return form(word)[1]
