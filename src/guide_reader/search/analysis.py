"""The one French analyzer, used to index, to query and to highlight.

A text is cut into *written forms* (``TOKEN_PATTERN``): a word, a number (« 60 000 »
with its digit groups is one number), a hyphenated compound (« auto-immune »,
« IL-6 ») or a run of codes (« H1 N1 »). Each written form is analyzed once and
remembered (``PIECES``): a library repeats the same few thousand forms, so
indexing a token is one regular expression match and one dictionary look-up.

A form gives *positional* terms, in order (phrases are looked for in them), and
*extra* terms that only say the document holds the form:

- each word is folded with ``content.text.fold`` (the folding find-in-page and
  highlighting use too), then stemmed with Snowball French (accents are folded
  before stemming, so 'fievre' and 'fièvre' meet the stemmer in the same form;
  'ée' endings, which Snowball reads on accented words only, are put back to 'e');
- a French stop word is dropped, except when it is written in capitals (TA, SA,
  CE, ON: acronyms) or is part of a code, a compound with a digit or in capitals
  (IL-6); a kept stop word's term is the word itself;
- a compound gives its parts as positional terms and the parts joined as an extra
  term, so that 'auto-immune', 'autoimmune', 'IL-6' and 'IL6' meet; a run of codes
  ('H1 N1') is joined the same way; a compound of common words ('est-ce') gives
  no joined term.

``FrenchAnalyzer`` gives the positional terms to Whoosh; ``analyze_all`` gives the
indexer everything, and ``written_forms`` with ``piece`` the highlighter.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import NamedTuple

import whoosh
from whoosh.analysis import Analyzer, Token
from whoosh.lang.snowball.french import FrenchStemmer
from whoosh.lang.stopwords import stoplists

from ..content.text import FOLD_VERSION, HYPHENS, MARKS, SPACES, fold

ANALYZER_VERSION = "fr-6"
"""Bump when the chain changes in a way the settings below do not show: indexes are rebuilt."""

ELIDED = r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’ʼ]"
"""French elision: l’ d’ qu’ j’ n’ s’ … with a straight or a typographic apostrophe."""

_HYPHEN = f"[{HYPHENS}]"
_SPACE = f"[{SPACES}]"
_WORD = rf"(?<![\w\u0300-\u036f])(?!(?i:{ELIDED})[^\W\d_])[^\W\d_][\w\u0300-\u036f]*"
_NUMBER = r"\d+(?:[.,]\d+)*"
_GROUPS = rf"(?:(?:{_SPACE}\d{{3}}(?!\d))+(?:[.,]\d+)?)?"
_CODE = r"[^\W\d_]{1,3}\d{1,3}"
TOKEN_PATTERN = (
    r"(?=[\w°])(?:"  # fails at once between words
    rf"(?:{_WORD}|{_NUMBER}{_GROUPS})"  # a word, or a number (2,3; 60 000 and 1 500,5 with their digit groups)
    rf"(?:{_HYPHEN}(?:{_WORD}|{_NUMBER}{_GROUPS}))*"  # compounds: auto-immune, IL-6, 24-48
    rf"(?:(?<=\d){_SPACE}{_CODE}(?![\w\u0300-\u036f]))?"  # a short code after a code or number: H1 N1
    r"|°[cCfF]?)"  # the unit of 38°C
)
"""Written forms, in one pass that costs about what a plain word pattern costs (the piece's
analysis sorts out what each holds). Apostrophes and slashes split (4000/µL -> 4000 ul);
the elided article of l’immunité is skipped by the pattern itself."""

TOKEN = re.compile(TOKEN_PATTERN)
"""Written forms: ``TOKEN.findall(text)`` lists them at C speed."""
_FRENCH = FrenchStemmer()

_MORE_STOP_WORDS = """
    a à ai au aux ça ca ce ceci cela celle celles celui ces cet cette ceux dans de des du
    elle elles en est et etc eux il ils je la le les leur leurs lui ma mais me mes moi mon
    ne ni nos notre nous on ont ou où par pas pour qu quand que quel quelle quelles quels qui
    quoi sa sans se ses si son sont sur ta te tes toi ton tu un une vos votre vous y
""".split()
_ELIDED_LETTERS = set("cdjlmnst")
"""Whoosh lists the elided letters as stop words; elision is handled apart, so 'vitamine D' keeps its D."""

STOP_WORDS: frozenset[str] = frozenset(
    fold(word) for word in (stoplists["fr"] | set(_MORE_STOP_WORDS)) - _ELIDED_LETTERS
)
"""Whoosh's French list, which misses common words such as 'les', plus those, all folded."""

_FOLDED_EE = re.compile(r"(?<=\w\w)ees?$")


def stem_folded(word: str) -> str:
    """Snowball French on a folded word: 'spontanee' (folded 'spontanée') is read as 'spontane'."""
    return _FRENCH.stem(_FOLDED_EE.sub("e", word))


Form = tuple[str, str]
"""A kept word: its folded form and its term."""


class Piece(NamedTuple):
    """One written form, analyzed."""

    forms: tuple[Form, ...]
    """The kept words, in order."""
    spans: tuple[tuple[int, int], ...]
    """Where each kept word is in the written form."""
    extras: tuple[str, ...]
    """Terms of the whole form besides its words: a compound's or a run of codes' parts joined."""
    stopped: tuple[tuple[int, int, str], ...]
    """The stop words dropped: where, and folded."""
    stop_words: tuple[str, ...]
    """The stop words dropped, folded."""


PIECES: dict[str, Piece] = {}
"""Written form -> its analysis (``piece``); read it with ``PIECES.get(form) or piece(form)``."""
_MAX_PIECES = 500_000
"""Remembered written forms: a few tens of megabytes at most, emptied when full."""


def is_acronym(written: str) -> bool:
    """Two letters or more, all capitals: TA, SA, CE (a stop word written so is kept)."""
    return len(written) >= 2 and written.isalpha() and written.isupper()


def _word(written: str, keep: bool) -> tuple[str, str | None]:
    folded = fold(written)
    if not folded:
        return folded, None
    if folded in STOP_WORDS:
        return folded, folded if keep or is_acronym(written) else None
    return folded, stem_folded(folded)


def piece(written: str) -> Piece:
    """The analysis of one written form (a match of ``TOKEN_PATTERN``)."""
    known = PIECES.get(written)
    if known is None:
        known = _analyze_piece(written)
        if len(PIECES) >= _MAX_PIECES:
            PIECES.clear()
        PIECES[written] = known
    return known


_CODE_TAIL = re.compile(rf"(?<=\d) ({_CODE})$")
_SHORT_CODE = re.compile(_CODE)


def _analyze_piece(written: str) -> Piece:
    plain = written.translate(MARKS)
    tail = _CODE_TAIL.search(plain)
    if tail is not None:  # 'H1 N1': both codes, and joined when the first is a short code too
        head, code = piece(written[: tail.start()]), piece(written[tail.start(1) :])
        offset = tail.start(1)
        extras = head.extras
        if _SHORT_CODE.fullmatch(plain[: tail.start()]):
            extras += (stem_folded(fold(plain[: tail.start()] + tail.group(1))),)
        return Piece(
            head.forms + code.forms,
            head.spans + tuple((start + offset, end + offset) for start, end in code.spans),
            extras,
            head.stopped + tuple((start + offset, end + offset, word) for start, end, word in code.stopped),
            head.stop_words + code.stop_words,
        )
    if "-" not in plain and (" " not in plain or " " not in fold(plain)):
        folded, term = _word(written, False)
        if term is None:
            return Piece((), (), (), ((0, len(written), folded),), (folded,)) if folded else _NOTHING
        return Piece(((folded, term),), ((0, len(written)),), (), (), ())
    parts = plain.split("-")
    code = any(char.isdigit() for char in plain) or all(part.isupper() for part in parts if part.isalpha())
    forms, spans, stopped, folded_parts = [], [], [], []
    start = 0
    for part in parts:
        # A number whose spaces are not digit groups ('2019 200') is several numbers.
        atoms = part.split(" ") if " " in part and " " in fold(part) else [part]
        at = start
        for atom in atoms:
            folded, term = _word(atom, code)
            folded_parts.append(folded)
            if term is None:
                stopped.append((at, at + len(atom), folded))
            else:
                forms.append((folded, term))
                spans.append((at, at + len(atom)))
            at += len(atom) + 1
        start += len(part) + 1
    extras: tuple[str, ...] = ()
    if "-" in plain and any(char.isalpha() for char in plain) and (code or not stopped):
        joined = stem_folded("".join(folded_parts))
        if joined not in {term for _, term in forms}:
            extras = (joined,)
    return Piece(tuple(forms), tuple(spans), extras, tuple(stopped), tuple(folded for _, _, folded in stopped))


_NOTHING = Piece((), (), (), (), ())


def analyze(text: str) -> list[Form]:
    """The kept words of a text, in order (the indexer's positional pass)."""
    found: list[Form] = []
    get = PIECES.get
    for written in TOKEN.findall(text):
        forms = (get(written) or piece(written))[0]
        if forms:
            found += forms
    return found


def analyze_all(text: str, stops: bool = False) -> tuple[list[Form], list[str], list[str]]:
    """The kept words of a text in order, its extra terms, and (``stops``) its stop words, folded."""
    found: list[Form] = []
    extras: list[str] = []
    stopped: list[str] = []
    get = PIECES.get
    for written in TOKEN.findall(text):
        forms, _, more, _, stop_words = get(written) or piece(written)
        if forms:
            found += forms
        if more:
            extras += more
        if stops and stop_words:
            stopped += stop_words
    return found, extras, stopped


def written_forms(text: str) -> Iterator[re.Match[str]]:
    """The written forms of a text (matches of ``TOKEN_PATTERN``)."""
    return TOKEN.finditer(text)


class FrenchAnalyzer(Analyzer):
    """Whoosh's side of ``analyze``: the positional terms (or, without stemming, the folded words).

    Positions count the words that are kept, so a phrase skips stop words as the
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
        position = start_pos
        for match in TOKEN.finditer(value) if tokenize else [_Whole(value)]:
            analyzed = piece(match.group(0))
            for (folded, term), (start, end) in zip(analyzed.forms, analyzed.spans, strict=True):
                token.text = term if stemming else folded
                token.stopped = False
                token.boost = 1.0
                if keeporiginal:
                    token.original = match.group(0)[start:end]
                if positions:
                    token.pos = position
                    position += 1
                if chars:
                    token.startchar = start_char + match.start() + start
                    token.endchar = start_char + match.start() + end
                yield token


class _Whole:
    """The whole value as one match, for ``tokenize=False``."""

    def __init__(self, value: str) -> None:
        self.value = value

    def group(self, _: int) -> str:
        return self.value

    def start(self) -> int:
        return 0


def french_analyzer(stemming: bool = True) -> FrenchAnalyzer:
    return FrenchAnalyzer(stemming)


def analyzer_fingerprint() -> str:
    """A short hash of everything that decides the terms in the index."""
    settings = "\n".join(
        [
            ANALYZER_VERSION,
            FOLD_VERSION,
            whoosh.versionstring(build=False),
            TOKEN_PATTERN,
            repr(sorted(MARKS.items())),
            fold("".join(chr(code) for code in range(0x20, 0x250))),
            " ".join(sorted(STOP_WORDS)),
        ]
    )
    return hashlib.sha256(settings.encode("utf-8")).hexdigest()[:16]


COMMON_WORD_MARK = "~"
"""Never in a term the analysis gives: a heading's stop words are indexed with it, apart from acronyms."""


def common_word_term(folded: str) -> str:
    """The term of a stop word as a heading, title or question holds it ('quand' -> '~quand'), so that
    a query of stop words only finds headings, and 'CE' (an acronym) does not find 'ce'."""
    return COMMON_WORD_MARK + folded


def words(text: str) -> list[str]:
    """The folded, unstemmed words of a text, stop words removed (spelling, suggestions)."""
    return [folded for folded, _ in analyze(text)]


def terms(text: str) -> list[str]:
    """The positional index terms of a text."""
    return [term for _, term in analyze(text)]


def stem(word: str) -> str | None:
    """The index term of one word (None for a stop word)."""
    return _word(word, False)[1]
