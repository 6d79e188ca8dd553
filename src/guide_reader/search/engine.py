"""SearchEngine: the one object the library, the command line and the window use for search."""

from __future__ import annotations

import logging
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex
from whoosh.searching import Searcher

from ..content.model import Article
from . import query as q
from .alerts import AlertSection, Ranked, promote_alerts, term_text
from .analysis import terms
from .bibliography import bibliography_flags
from .candidates import forms_giving
from .completion import Completions, written_forms
from .completion_store import open_completions
from .documents import IndexDoc, article_document, document_position
from .generations import IndexGenerations
from .model import Completion, IndexReport, SearchHit, SearchResults
from .schema import weighting
from .snippets import snippet, spans
from .source import ArticleList, ArticleSource
from .store import Progress
from .synonyms import Synonyms, Terms, load_synonyms
from .topk import Run, top_hits
from .vocabulary import Vocabulary

_log = logging.getLogger(__name__)

FALLBACK_WEIGHT = 0.5
"""Any-word hits come after every-word hits; their scores are scaled to say so."""
DOCUMENT_CACHE = 256
"""Articles whose documents (the text of the snippets) are kept between searches."""


class SearchEngine:
    """Full-text search over a set of articles, with its index in ``index_dir``.

    ``ensure_index`` may run in a worker thread while the window searches, and
    neither ever waits for the other:

    - one build runs at a time (``_build_lock``); a search never takes that lock
      for long: while another thread builds the first index, a search answers at
      once with no hits (the window shows « préparation » until the build is done);
      a search before any index, with no build under way, builds it itself;
    - a finished build does not swap its index in under the searches' lock (a
      stream of searches could keep it waiting: locks are not fair): it leaves it
      in ``_pending``, and the next search takes it before it runs. Until then,
      searches use the previous index, whose files its searcher keeps open.
    """

    def __init__(
        self,
        articles: Sequence[Article] | ArticleSource,
        index_dir: Path,
        synonyms_file: Path | None = None,
        lock_timeout: float = 10.0,
    ) -> None:
        """``articles``: a list of articles, or a source that reads them when needed (a catalogue)."""
        self.source: ArticleSource = ArticleList(articles) if isinstance(articles, Sequence) else articles
        self.index_dir = index_dir
        self.synonyms: Synonyms = load_synonyms(synonyms_file)
        self._store = IndexGenerations(index_dir, lock_timeout)
        self._docs: OrderedDict[str, _ArticleDocs] = OrderedDict()
        self._searchers = _OpenSearchers()
        weakref.finalize(self, self._searchers.close_all)  # an engine dropped unclosed leaves no file open
        self._completer: Completions | None = None
        self._completer_lock = threading.Lock()
        self._completions_forgotten = 0
        """Counts the times the completions were forgotten while another thread was opening them."""
        self._display: DisplayForms | None = None
        self._index: FileIndex | None = None
        self._searcher: Searcher | None = None
        self._vocabulary = Vocabulary()
        self._bibliography_of: tuple[Searcher, bytes] | None = None
        self._pending: _Opened | None = None
        """A new index and its open searcher, for the next search to take."""
        self._build_lock = threading.Lock()
        """Held for a whole build; a search only ever tries it without waiting."""
        self._search_lock = threading.RLock()
        """Held while a search runs (Whoosh's searcher is for one thread at a time); never by a build."""
        self._pending_lock = threading.Lock()
        """Held only to hand ``_pending`` over."""
        self.problems: list[str] = list(self.synonyms.problems)

    # Index

    def ensure_index(self, progress: Progress | None = None, rebuild: bool = False) -> IndexReport:
        """Build, update or rebuild the index so that it holds exactly the articles; spawns no process.

        ``progress(done, total, message)`` is called from the calling thread during long writes.
        A second call while one runs waits for it, then finds the index up to date; so does another
        copy of the program (see ``IndexGenerations``). Opening compares sizes and times only:
        ``repair_if_damaged`` reads the files.
        """
        with self._build_lock:
            return self._ensure(progress, rebuild)

    def repair_if_damaged(self, progress: Progress | None = None) -> IndexReport | None:
        """Read every index file; rebuild when one does not match its CRC (damage that kept its time).

        For a worker, after ``ensure_index``: searches go on meanwhile. None when nothing was damaged.
        """
        with self._build_lock:
            damaged = self._store.verify()
            if not damaged:
                return None
            report = self._ensure(progress, True)
            report.problems.insert(0, f"index endommagé ({', '.join(damaged[:3])}) : reconstruit")
            return report

    def _ensure(self, progress: Progress | None, rebuild: bool) -> IndexReport:
        """``ensure_index`` with ``_build_lock`` held."""
        index, vocabulary, report = self._store.ensure(self.source, progress, rebuild)
        # Opened here, not at the next search: a searcher reads the index as it is when
        # opened and keeps its files open, so a later rebuild (here or by another program)
        # cannot pull them from under it.
        try:
            searcher = self._searchers.open(index)
        except Exception as error:  # damaged in a way the manifest did not show: built again, once
            _log.warning("index %s cannot be searched (%s): rebuilt", self.index_dir, error)
            index, vocabulary, report = self._store.ensure(self.source, progress, True)
            report.problems.insert(0, f"index illisible ({type(error).__name__}) : reconstruit")
            searcher = self._searchers.open(index)
        opened = _Opened(index, searcher, vocabulary, _flags(index, searcher))
        with self._pending_lock:
            unused, self._pending = self._pending, opened
        if report.action != "up-to-date":
            self._forget_completions()
        if unused is not None:  # never taken by a search: no one else uses it
            self._searchers.close(unused.searcher)
        report.problems = self.synonyms.problems + report.problems
        self.problems = report.problems
        return report

    def merge_small_segments(self) -> bool:
        """Gather the small segments that updates left into one (for a worker, after ``ensure_index``);
        searches go on meanwhile, on the index as it was. True when it merged."""
        with self._build_lock:
            with self._pending_lock:
                opened = self._pending
            index = opened.index if opened is not None else self._index
            if index is None or not isinstance(index.storage, FileStorage):
                return False
            try:
                merged = self._store.merge_small_segments(index)
            except Exception:  # a failed merge leaves the segments as they were: nothing lost
                return False
            if merged:
                fresh = index.refresh()
                searcher = self._searchers.open(fresh)
                reopened = _Opened(fresh, searcher, Vocabulary(self._store.vocabulary_path), _flags(fresh, searcher))
                with self._pending_lock:
                    unused, self._pending = self._pending, reopened
                if unused is not None:
                    self._searchers.close(unused.searcher)
            return merged

    def _take_pending(self) -> None:
        """Swap in the index a build left, if any; call with ``_search_lock`` held."""
        with self._pending_lock:
            opened, self._pending = self._pending, None
        if opened is not None:
            self._close_searcher()
            self._index, self._searcher, self._vocabulary = opened.index, opened.searcher, opened.vocabulary
            self._bibliography_of = (opened.searcher, opened.bibliography)
            self._docs.clear()  # the articles may have changed with the index: hits read them anew

    def close(self) -> None:
        with self._search_lock:
            self._take_pending()
            self._close_searcher()
            self._index = None
        self._forget_completions(wait=False)

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searchers.close(self._searcher)
            self._searcher = None

    def _current_searcher(self) -> Searcher:
        """The open searcher (opened with its index, by the thread that built or opened it), kept between
        searches until the index changes; call with ``_search_lock`` held."""
        self._take_pending()
        if self._searcher is None:
            raise RuntimeError("no index")
        return self._searcher

    def _index_ready(self) -> bool:
        """True when there is an index to search, after building it here if no other thread is building."""
        if self._index is not None or self._pending is not None:
            return True
        if not self._build_lock.acquire(blocking=False):
            return False  # another thread builds it (or this one, from a progress call): do not wait
        try:
            if self._index is None and self._pending is None:
                self._ensure(None, False)
        finally:
            self._build_lock.release()
        return True

    # Queries

    def search(self, query: str, limit: int = 20) -> SearchResults:
        """Every word required first, then any word; never raises on what a reader types."""
        limit = max(1, min(int(limit), 1000))
        plan = q.plan(query, self.synonyms)
        if not plan.units:
            return SearchResults(plan.text, None, 0, [])
        try:
            if not self._index_ready():
                return SearchResults(plan.text, None, 0, [])
            with self._search_lock:
                searcher = self._current_searcher()
                results = self._run(plan, searcher, self._vocabulary, limit)
                if not results.hits and plan.text != plan.text.lower():  # capitals read as acronyms: caps lock?
                    lowered = q.plan(plan.text.lower(), self.synonyms)
                    retried = self._run(lowered, searcher, self._vocabulary, limit) if lowered.units else None
                    if retried is not None and retried.hits:  # else: nothing for the acronym, said as such
                        retried.query = plan.text
                        results = retried
                return results
        except Exception as error:  # a damaged index must not take the window down
            self.problems.append(f"recherche impossible ({type(error).__name__}) : index à reconstruire")
            return SearchResults(plan.text, None, 0, [])

    def _run(self, plan: q.Plan, searcher: Searcher, vocabulary: Vocabulary, limit: int) -> SearchResults:
        q.correct(plan, searcher, vocabulary)
        tiers = q.tiers(plan)
        texts_of = partial(self._texts_of, searcher)
        run = Run(searcher, texts_of)
        bibliography = self._bibliography(searcher)
        ranked: list[tuple[int, float, int]] = []  # (docnum, score, tier)
        seen: set[int] = set()
        total = 0
        for number, tier in enumerate(tiers):
            if tier.loose and not tiers[number - 1].loose and len(ranked) >= limit:
                break  # any-word hits only fill a page the every-word ones leave short (then each is counted)
            weight = FALLBACK_WEIGHT if tier.loose else 1.0
            total = 0
            for inside in (False, True):  # the guide's text, then its bibliography
                wanted = limit - len(ranked)
                if wanted <= 0:  # the page is full: counted, not ranked
                    total += run.count(tier.query, bibliography, inside)
                    continue
                found = top_hits(searcher, tier.query, wanted + len(seen), texts_of, run, (bibliography, inside))
                new = [(docnum, score * weight, number) for docnum, score in found.hits if docnum not in seen]
                ranked += new[:wanted]
                seen.update(docnum for docnum, _, _ in new[:wanted])
                total += found.total
        docs: list[Ranked] = []
        numbered: dict[str, tuple[int, str]] = {}  # a guide's first hit: its number and part
        for docnum, score, number in ranked:
            stored = searcher.stored_fields(docnum)
            doc = self._document(str(stored["slug"]), str(stored["part"]))
            if doc is not None:  # None: the index is older than the articles: skipped until it is updated
                docs.append((doc, score, number))
                numbered.setdefault(doc.slug, (docnum, doc.part))
        unmatched = partial(self._alert_unmatched, searcher, run, tiers, numbered)
        docs = promote_alerts(docs, tiers, plan, self._alert_of, searcher.reader(), unmatched)[:limit]
        expressions = q.expressions(plan) + _fuzzy_expansions(tiers, searcher)
        hits = [self._hit(doc, score, expressions, plan.common_words) for doc, score, _ in docs]
        texts = [text for doc, _, _ in docs for text in doc.texts]
        suggestion = q.suggestion(plan, lambda: _FormsInHits(self._display_forms(), texts))
        return SearchResults(plan.text, suggestion, total, hits, common_words=plan.common_words)

    def _bibliography(self, searcher: Searcher) -> bytes:
        """The bibliography flags of the searcher's documents, read (and kept beside the index) by the thread
        that opened it (``_flags``): a search never writes them."""
        known = self._bibliography_of
        if known is None or known[0] is not searcher:
            raise RuntimeError("a searcher this engine did not open")
        return known[1]

    def _texts_of(self, searcher: Searcher, docnum: int) -> tuple[str, str, str] | None:
        """A document's title, heading and body, from its article (phrases are checked there)."""
        stored = searcher.stored_fields(docnum)
        doc = self._document(str(stored.get("slug")), str(stored.get("part")))
        return doc.texts if doc is not None else None

    @staticmethod
    def _hit(doc: IndexDoc, score: float, expressions: list[Terms], stop_words: bool) -> SearchHit:
        return SearchHit(
            article_slug=doc.slug,
            article_title=doc.title,
            section_anchor=doc.anchor,
            section_heading=doc.heading,
            kind=doc.hit_kind,
            score=float(score),
            snippet=snippet(doc.body or doc.head, expressions, stop_words),
        )

    def _alert_unmatched(
        self,
        searcher: Searcher,
        run: Run,
        tiers: Sequence[q.Tier],
        numbered: dict[str, tuple[int, str]],
        slug: str,
        tier: int,
    ) -> bool:
        """Whether the queries of the tiers up to ``tier`` all missed the guide's alert section, as this search's
        evaluation of them holds it (every document each can match); False when that is not at hand (a
        common word answered block by block) or the section's number cannot be told. ``numbered``: slug ->
        the number and part of the guide's first hit."""
        docnum = self._alert_docnum(searcher, slug, *numbered[slug]) if slug in numbered else None
        if docnum is None:
            return False
        for number in range(tier + 1):
            found = run.evaluated(tiers[number].query)
            if found is None or docnum in found:
                return False
        return True

    def _alert_docnum(self, searcher: Searcher, slug: str, docnum: int, part: str) -> int | None:
        """The index's number of the guide's alert section, told from that of one of its documents (``docnum``,
        ``part``): a guide's documents are written in a row, the lead, the sections, then the questions
        (``article_documents``). The one found so is checked by its stored fields; None when it is not it."""
        docs = self._article_docs(slug)
        if docs is None:
            return None
        article = docs.article
        alert = next((number for number, section in enumerate(article.sections) if section.is_alert), None)
        at = document_position(article, part)
        if alert is None or at is None:
            return None
        found = docnum - at + 1 + alert
        if not 0 <= found < searcher.doc_count_all():
            return None
        stored = searcher.stored_fields(found)
        wanted = f"section:{article.sections[alert].anchor}"
        return found if stored.get("slug") == slug and stored.get("part") == wanted else None

    def _alert_of(self, slug: str) -> AlertSection | None:
        """A guide's alert section (for the alert section's rule)."""
        docs = self._article_docs(slug)
        return docs.alert() if docs is not None else None

    def _document(self, slug: str, part: str) -> IndexDoc | None:
        """One document of an article, made at its first hit from the article (read from the source;
        the last ``DOCUMENT_CACHE`` articles read are kept until the index changes), alone: not the article's
        other parts."""
        docs = self._article_docs(slug)
        if docs is None:
            return None
        doc = docs.get(part)
        if doc is None:  # no such part, or the article changed since it was read: read again next time
            self._docs.pop(slug, None)
        return doc

    def _article_docs(self, slug: str) -> _ArticleDocs | None:
        """An article and the documents made of it so far; None when the source has no such article."""
        docs = self._docs.get(slug)
        if docs is None:
            found = self.source.skeleton(slug)
            if found is None:
                return None
            article, version = found
            docs = self._docs[slug] = _ArticleDocs(article, partial(self.source.body, slug, version))
            if len(self._docs) > DOCUMENT_CACHE:
                self._docs.popitem(last=False)
        else:
            self._docs.move_to_end(slug)
        return docs

    def _display_forms(self) -> DisplayForms:
        """Folded word -> the word as written, for « Vouliez-vous dire … »: looked up in the completions
        word by word, only for the words a suggestion needs."""
        if self._display is None:  # (the completions are asked for at each look-up: the worker may reopen them)
            self._display = DisplayForms(self._completions, self._forget_completions_if_damaged)
        return self._display

    def _completions(self) -> Completions:
        """The completions, opened at first use: the file beside the index, brought in step with the
        articles (written there when missing or damaged: seconds at 10,000 articles, a few milliseconds
        otherwise; the window opens it in its worker, ``prepare_completions``, and asks for completions
        from a pool thread); in memory when the index has no folder (see ``open_completions``)."""
        with self._completer_lock:
            if self._completer is None:
                forgotten = self._completions_forgotten
                completer = open_completions(self.index_dir, self.source)
                if forgotten != self._completions_forgotten:  # the engine was closed meanwhile: nothing left open
                    completer.close()
                    raise RuntimeError("completions forgotten while they were opened")
                self._completer = completer
            return self._completer

    def _forget_completions(self, wait: bool = True) -> None:
        """The index changed: the completions are opened again, in step with it, at their next use.
        ``wait=False`` (closing the engine from the window's thread): when another thread is opening them
        (it may be writing the file), that thread closes them once opened, and its caller gets none."""
        if not self._completer_lock.acquire(blocking=wait):
            self._completions_forgotten += 1
            if not self._completer_lock.acquire(blocking=False):  # (else it was opened just before the count)
                return
        try:
            completer, self._completer, self._display = self._completer, None, None
        finally:
            self._completer_lock.release()
        if completer is not None:
            completer.close()

    def _forget_completions_if_damaged(self) -> None:
        """After a failed read: completions found damaged are opened (and written) again at next use."""
        completer = self._completer
        if completer is not None and completer.damaged:
            self._forget_completions()

    def prepare_completions(self) -> None:
        """Open the completions now, in step with the articles (for a worker thread, after ``ensure_index``)."""
        self._completions()

    def complete(self, prefix: str, limit: int = 8) -> list[Completion]:
        """Titles, headings and FAQ questions whose words start with what was typed."""
        try:
            return self._completions().complete(prefix[: q.MAX_QUERY_CHARS], limit)
        except Exception:  # never break typing
            self._forget_completions_if_damaged()
            return []

    def highlight_spans(self, text: str, query: str) -> list[tuple[int, int]]:
        """Character spans of ``text`` where the query's words, phrases or synonyms are whole."""
        try:
            plan = q.plan(query, self.synonyms)
            return spans(text, q.expressions(plan), plan.common_words)
        except Exception:
            return []


class _ArticleDocs:
    """An article (its ``skeleton``: no section bodies nor answers) and those of its documents that hits
    needed so far, each section's body or question's answer read alone (``body_at``)."""

    def __init__(self, article: Article, body_at: Callable[[int], str | None]) -> None:
        self.article = article
        self.body_at = body_at
        self.made: dict[str, IndexDoc | None] = {}
        self._alert: AlertSection | None = None
        self._alert_read = False

    def get(self, part: str) -> IndexDoc | None:
        if part not in self.made:
            article = self._with_text_of(part)
            self.made[part] = article_document(article, part) if article is not None else None
        return self.made[part]

    def _with_text_of(self, part: str) -> Article | None:
        """The article with the text of the section or question ``part`` (``Article.body_texts``' position);
        None when it has no such part, or its text could not be read at the article's version."""
        kind, _, anchor = part.partition(":")
        if kind == "section":
            anchors, offset = [section.anchor for section in self.article.sections], 0
        elif kind == "faq":
            anchors, offset = [item.anchor for item in self.article.faq], len(self.article.sections)
        else:
            return self.article
        if anchor not in anchors:
            return None
        position = offset + anchors.index(anchor)
        text = self.body_at(position)
        return self.article.with_body_texts({position: text}) if text is not None else None

    def alert(self) -> AlertSection | None:
        """The alert section, with the terms of the other sections' headings (made once)."""
        if not self._alert_read:
            sections = self.article.sections
            section = next((section for section in sections if section.is_alert), None)
            doc = self.get(f"section:{section.anchor}") if section is not None else None
            if doc is not None:
                others = [_heading_terms(other.heading) for other in sections if other is not section]
                self._alert = AlertSection(doc, others)
            self._alert_read = True
        return self._alert


@lru_cache(maxsize=4096)
def _heading_terms(heading: str) -> frozenset[str]:
    return frozenset(terms(heading))


class _OpenSearchers:
    """The searchers an engine opened and has not closed yet: each keeps its segments' files open."""

    def __init__(self) -> None:
        self._open: set[Searcher] = set()
        self._lock = threading.Lock()

    def open(self, index: FileIndex) -> Searcher:
        searcher = index.searcher(weighting=weighting())
        with self._lock:
            self._open.add(searcher)
        return searcher

    def close(self, searcher: Searcher) -> None:
        with self._lock:
            self._open.discard(searcher)
        searcher.close()

    def close_all(self) -> None:
        with self._lock:
            searchers, self._open = self._open, set()
        for searcher in searchers:
            searcher.close()


@dataclass(frozen=True)
class _Opened:
    index: FileIndex
    searcher: Searcher
    vocabulary: Vocabulary
    bibliography: bytes
    """``bibliography_flags`` of the searcher, read (and kept beside the index) by the thread that opened it:
    a kiosk visitor's first search writes nothing."""


def _flags(index: FileIndex, searcher: Searcher) -> bytes:
    storage = index.storage
    return bibliography_flags(searcher, Path(storage.folder) if isinstance(storage, FileStorage) else None)


def _fuzzy_expansions(tiers: list[q.Tier], searcher: Searcher) -> list[Terms]:
    """The words a ``word~`` of the query found, to be marked like typed words."""
    reader = searcher.reader()
    found: dict[Terms, None] = {}
    for leaf in tiers[0].query.leaves() if tiers else ():  # the typed words' tier only
        if isinstance(leaf, wq.FuzzyTerm):
            for _, text in leaf.expanded_terms(reader):
                found[(term_text(text),)] = None
    return list(found)


class DisplayForms:
    """Folded word -> the word as first written in the completions (accents kept): the ``get`` of a
    dictionary, each word looked up when first asked for, never every word at once."""

    def __init__(self, completions: Callable[[], Completions], failed: Callable[[], None]) -> None:
        """``completions``: the completions open now (opened at the first look-up); ``failed``: called when
        a look-up raised (the word is then shown as folded, and looked up again next time)."""
        self._completions = completions
        self._failed = failed
        self._known: dict[str, str | None] = {}

    def get(self, folded: str, default: str | None = None) -> str | None:
        if folded not in self._known:
            try:
                self._known[folded] = self._completions().display_form(folded)
            except Exception:  # a suggestion never breaks the search
                self._failed()
                return default
        written = self._known[folded]
        return default if written is None else written


class _FormsInHits:
    """``DisplayForms``, then the hits' own texts for a word that no title, heading or question holds
    (« fievre » shown « fièvre »: the vocabulary keeps words folded)."""

    def __init__(self, forms: DisplayForms, texts: Sequence[str]) -> None:
        self._forms = forms
        self._texts = texts

    def get(self, folded: str, default: str | None = None) -> str | None:
        return self._forms.get(folded) or _written_in(self._texts, folded) or default


def _written_in(texts: Sequence[str], folded: str) -> str | None:
    """``folded`` as first written in the texts (in lower case, accents kept), or None; only the written
    forms that start with its letters are looked at (``forms_giving``)."""
    for text in texts:
        for candidate in forms_giving(text, (folded,)):
            for form, written in written_forms(candidate.group()):
                if form == folded:
                    return written
    return None
