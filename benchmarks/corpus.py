"""Synthetic libraries of French health guides, for the benchmarks and the tests.

Each article has the bundled ones' structure: front matter, a lead, 10 to 16
sections (one of them « Quand consulter un médecin ? »), questions and answers,
references cited in the text, publications, web resources and the warning. Its
words are drawn from the French word list of the ``wordfreq`` package (its
``large`` list, 300,000 words with their frequencies in real text), weighted by
those frequencies: a Zipf-like vocabulary of ``VOCABULARY_SIZE`` distinct words,
so that posting lists and the spelling vocabulary look like a real library's.

    python benchmarks/corpus.py DIR --articles 1000 [--seed 1] [--short]

``write_corpus`` is what the benchmarks and the tests call; ``cached_corpus``
keeps one generated folder per (size, seed, length) in the temporary folder, so
that a benchmark run does not write 10,000 files again.
"""

from __future__ import annotations

import argparse
import bisect
import random
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:  # run from a checkout without the package installed
    sys.path.append(str(ROOT / "src"))

from guide_reader.content.markdown_format import to_markdown  # noqa: E402
from guide_reader.content.model import Article, FaqItem, Publication, Reference, Section, WebResource  # noqa: E402
from guide_reader.content.text import slugify  # noqa: E402

VOCABULARY_SIZE = 80_000
"""Distinct words drawn from (the most frequent alphabetic words of the list)."""
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ELIDED = {"l": "le", "d": "de", "c": "ce", "qu": "que", "j": "je", "n": "ne", "s": "se", "m": "me", "t": "te"}
"""Elided forms of the list: glued to the next word when it starts with a vowel, else written in full."""
_VOWELS = tuple("aeiouyhéèêàâîôûAEIOUYHÉ")
_SINGLE_LETTERS = {"à", "a", "y", "ô"}

SECTION_TITLES = (
    "{sujet} : définition et vue d'ensemble",
    "Épidémiologie en France et dans le monde",
    "Les causes et facteurs de risque",
    "Comment reconnaître les symptômes ?",
    "Le parcours diagnostic étape par étape",
    "Les traitements disponibles aujourd'hui",
    "Innovations thérapeutiques et recherche",
    "Vivre au quotidien avec {sujet}",
    "Les complications possibles",
    "Quel est le pronostic ?",
    "Peut-on prévenir {sujet} ?",
    "Recommandations des autorités de santé",
    "Ressources et associations de patients",
    "Nos conseils pratiques",
    "{sujet} chez l'enfant",
    "{sujet} pendant la grossesse",
    "Alimentation et mode de vie",
    "Les examens de suivi",
)
WHEN_TO_SEE_A_DOCTOR = "Quand consulter un médecin ?"
QUESTION_FORMS = (
    "{sujet} est-elle contagieuse ?",
    "Puis-je faire du sport avec {sujet} ?",
    "{sujet} peut-elle guérir complètement ?",
    "Faut-il éviter {mot} ?",
    "Puis-je voyager avec {sujet} ?",
    "Combien de temps dure le traitement de {sujet} ?",
    "Le {mot} est-il dangereux ?",
)
SITES = ("sante.fr", "ameli.fr", "has-sante.fr", "vidal.fr", "passeportsante.net", "msdmanuals.com", "inserm.fr")


@dataclass(frozen=True)
class Lengths:
    """How long the articles are: sections, paragraphs per section, sentences per paragraph, words
    per sentence (each a range drawn uniformly), questions and references."""

    sections: tuple[int, int] = (10, 16)
    paragraphs: tuple[int, int] = (2, 5)
    sentences: tuple[int, int] = (2, 5)
    words: tuple[int, int] = (10, 28)
    questions: tuple[int, int] = (3, 6)
    references: tuple[int, int] = (5, 20)


BUNDLED = Lengths()
"""About 3,500 words an article: like the two long bundled guides (the third has 500)."""
SHORT = Lengths(paragraphs=(1, 1), sentences=(2, 3), words=(10, 20), questions=(2, 3), references=(3, 6))
"""About 600 words: like the short bundled guide, for libraries of 100,000 articles."""


@cache
def french_words() -> tuple[list[str], list[float]]:
    """The ``VOCABULARY_SIZE`` most frequent words of wordfreq's French list and their cumulated frequencies.

    Raises ImportError when the ``benchmark`` extra (wordfreq) is not installed.
    """
    from wordfreq import get_frequency_dict

    words: list[str] = []
    cumulated: list[float] = []
    total = 0.0
    frequencies = get_frequency_dict("fr", "large")
    for word, frequency in sorted(frequencies.items(), key=lambda item: -item[1]):
        if not _WORD.fullmatch(word) or (len(word) == 1 and word not in _SINGLE_LETTERS and word not in _ELIDED):
            continue
        total += frequency
        words.append(word)
        cumulated.append(total)
        if len(words) == VOCABULARY_SIZE:
            break
    return words, cumulated


class ArticleMaker:
    """Articles drawn from the French vocabulary; the same seed gives the same articles."""

    def __init__(self, seed: int = 1, lengths: Lengths = BUNDLED) -> None:
        self.random = random.Random(seed)
        self.lengths = lengths
        self.words, self.cumulated = french_words()
        self.total = self.cumulated[-1]
        # Subjects and topic words: rarer words (ranks 3,000-60,000), as disease names are.
        self.rare = [word for word in self.words[3000:60000] if len(word) >= 6]

    def _draw(self, count: int) -> list[str]:
        points = [self.random.random() * self.total for _ in range(count)]
        words, cumulated = self.words, self.cumulated
        return [words[min(bisect.bisect_left(cumulated, point), len(words) - 1)] for point in points]

    def _range(self, bounds: tuple[int, int]) -> int:
        return self.random.randint(*bounds)

    def sentence(self, topic: str) -> str:
        words = self._draw(self._range(self.lengths.words))
        if self.random.random() < 0.5:  # the article's subject comes back often, as in a real guide
            words.insert(self.random.randrange(len(words)), topic)
        out: list[str] = []
        for word, following in zip(words, [*words[1:], ""], strict=True):
            if out and out[-1].endswith("'"):
                out[-1] += word
            elif word in _ELIDED:
                out.append(word + "'" if following.startswith(_VOWELS) and following not in _ELIDED else _ELIDED[word])
            else:
                out.append(word)
        text = " ".join(out)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, topic: str, references: int) -> str:
        text = " ".join(self.sentence(topic) for _ in range(self._range(self.lengths.sentences)))
        if references and self.random.random() < 0.7:
            first = self.random.randint(1, references)
            second = self.random.randint(1, references)
            cited = f"{first}" if first == second else f"{min(first, second)},{max(first, second)}"
            text = text[:-1] + f" [{cited}]."
        return text

    def body(self, topic: str, references: int) -> str:
        count = self._range(self.lengths.paragraphs)
        return "\n\n".join(self.paragraph(topic, references) for _ in range(count))

    def article(self, number: int) -> Article:
        """Article ``number`` of the library (its slug ends with the number, so slugs never collide)."""
        pick = self.random.choice
        subject = pick(self.rare)
        title = f"{subject.capitalize()} {pick(self.rare)}"
        topic = subject
        references = self._range(self.lengths.references)
        headings = self.random.sample(SECTION_TITLES, self._range(self.lengths.sections) - 1)
        headings.insert(self.random.randrange(len(headings) // 2, len(headings) + 1), WHEN_TO_SEE_A_DOCTOR)
        sections, taken = [], set()
        for heading in headings:
            heading = heading.replace("{sujet}", subject)
            heading = heading[0].upper() + heading[1:]
            anchor = slugify(heading)
            if anchor in taken:
                continue
            taken.add(anchor)
            sections.append(Section(anchor, heading, self.body(topic, references)))
        faq = []
        for form in self.random.sample(QUESTION_FORMS, self._range(self.lengths.questions)):
            question = form.replace("{sujet}", subject).replace("{mot}", pick(self.rare))
            question = question[0].upper() + question[1:]
            faq.append(FaqItem("faq-" + slugify(question, 50), question, self.paragraph(topic, references)))
        year = self.random.randint(2015, 2025)
        return Article(
            slug=f"{slugify(title, 40)}-{number}",
            title=title,
            subtitle=f"Guide complet {year} - symptômes, traitements et conseils",
            lead=self.paragraph(topic, references) + "\n\n" + self.paragraph(topic, references),
            sections=sections,
            faq=faq,
            references=[
                Reference(n, " ".join(self._draw(8)).capitalize() + f". {year}.") for n in range(1, references + 1)
            ],
            publications=[Publication(" ".join(self._draw(9)).capitalize(), year - n) for n in range(3)],
            web_resources=[
                WebResource(
                    f"{title} : {' '.join(self._draw(4))}", pick(SITES), date(year, 1 + n, 10), self.sentence(topic)
                )
                for n in range(3)
            ],
            specialties=[pick(("Hématologie", "Cardiologie", "Médecine générale", "Pédiatrie", "Dermatologie"))],
            disclaimer="Les connaissances médicales évoluent : ce guide ne remplace pas l'avis d'un médecin.",
        )

    def articles(self, count: int, start: int = 0) -> Iterator[Article]:
        return (self.article(number) for number in range(start, start + count))


def write_corpus(directory: Path, count: int, seed: int = 1, lengths: Lengths = BUNDLED) -> list[Path]:
    """Write ``count`` article files (``<slug>.md``) into ``directory``; returns their paths in order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in ArticleMaker(seed, lengths).articles(count):
        path = directory / f"{article.slug}.md"
        path.write_text(to_markdown(article), encoding="utf-8")
        paths.append(path)
    return paths


def cached_corpus(count: int, seed: int = 1, lengths: Lengths = BUNDLED) -> Path:
    """A generated folder of ``count`` articles in the temporary folder, written once and then reused."""
    kind = "short" if lengths == SHORT else "bundled" if lengths == BUNDLED else f"{hash(lengths) & 0xFFFF:04x}"
    directory = Path(tempfile.gettempdir()) / "guide-reader-corpus" / f"{kind}-{count}-seed{seed}"
    done = directory / ".complete"
    if not done.exists():
        write_corpus(directory, count, seed, lengths)
        done.write_text(str(count))
    return directory


def word_statistics(directory: Path) -> tuple[int, int]:
    """(words, distinct words, lowercased) over the articles of a folder."""
    counts: dict[str, int] = {}
    for path in directory.glob("*.md"):
        for word in _WORD.findall(path.read_text(encoding="utf-8").lower()):
            counts[word] = counts.get(word, 0) + 1
    return sum(counts.values()), len(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--short", action="store_true", help="articles of about 600 words instead of 3,500")
    parser.add_argument("--stats", action="store_true", help="print the number of words and distinct words")
    args = parser.parse_args()
    paths = write_corpus(args.directory, args.articles, args.seed, SHORT if args.short else BUNDLED)
    print(f"{len(paths)} articles written to {args.directory}")
    if args.stats:
        words, distinct = word_statistics(args.directory)
        print(f"{words} words, {distinct} distinct")


__all__ = ["BUNDLED", "SHORT", "ArticleMaker", "Lengths", "cached_corpus", "write_corpus"]

if __name__ == "__main__":
    main()
