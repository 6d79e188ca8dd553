"""The one French analyzer, used to index and to query, built from Whoosh filters.

The order of the chain matters: accents are folded *before* stemming, so that
'fievre' and 'fièvre' (or 'coeur' and 'cœur') always meet the stemmer in the
same form and give the same stem. Folding also drops combining accents, so a
decomposed 'e' + U+0301 ends like a composed 'é' (the NFC concern). The Snowball
French stemmer reads 'ée' endings on accented words only; once folded they read
'ee', so one substitution puts them back to the 'e' it then strips.
"""

from __future__ import annotations

import hashlib
import re

import whoosh
from whoosh.analysis import Analyzer, CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang.snowball.french import FrenchStemmer
from whoosh.lang.stopwords import stoplists
from whoosh.support.charset import accent_map

ANALYZER_VERSION = "fr-4"
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


def french_analyzer(stemming: bool = True) -> Analyzer:
    """Tokens -> lowercase -> folded -> stop words out -> stemmed.

    Without stemming it gives the folded words, as Whoosh's ``no_morph=True`` switch
    does for the spelling words of a field.
    """
    chain = (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(FOLDING)
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
    )
    if stemming:
        chain = chain | StemFilter(stemfn=stem_folded, lang=None, cachesize=-1)
    return chain


_FOLDED_EE = re.compile(r"(?<=\w\w)ees?$")


def stem_folded(word: str) -> str:
    """Snowball French on a folded word: 'spontanee' (folded 'spontanée') is read as 'spontane'."""
    return _FRENCH.stem(_FOLDED_EE.sub("e", word))


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
    return [token.text for token in _WORDS(text)]


def terms(text: str) -> list[str]:
    """The index terms of a text: what the index holds for it."""
    return [token.text for token in _TERMS(text)]


def stem(word: str) -> str | None:
    """The index term of one word (None for a stop word)."""
    return next((token.text for token in _TERMS(word, tokenize=False)), None)


_TERMS = french_analyzer()
_WORDS = french_analyzer(stemming=False)
