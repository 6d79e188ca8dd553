"""French full-text search with Whoosh: analysis, index lifecycle, queries, snippets, completions.

No Qt here: the window runs ``SearchEngine.ensure_index`` in a worker thread and
calls the other methods from its own thread.
"""

from .engine import SearchEngine
from .model import Completion, IndexReport, SearchHit, SearchResults

__all__ = ["Completion", "IndexReport", "SearchEngine", "SearchHit", "SearchResults"]
