"""Each search document's term counts, kept between builds (incremental search index).

Turning text into terms (terms.py: folding, pairs, codes, synonyms) is most of the index's
cost, and a document that did not change gives the same terms. `TermCounts` keeps
index.field_counts() of every document in one pickle file under CACHE_PATH, keyed by a
digest of what the document indexes; the file also records the plugin's source digest and
the editors' synonym table, so changing either recounts everything. The file holds only the
documents of the last build (cachefiles.py: written whole, safe to delete).
"""

import hashlib

from ..cachefiles import load_kept, plugin_digest, save_kept
from .index import doc_terms, field_counts

def rules_digest(expander):
    """SHA-1 hex of the plugin's source (the term rules among it) and the synonym table."""
    text = repr((plugin_digest(), sorted(expander.full.items())))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def doc_key(doc):
    """SHA-1 hex of everything of a SearchDoc that terms are made from."""
    text = repr((doc.title, doc.text, doc.body, doc.keys, doc.names, doc.related))
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class TermCounts:
    """field_counts() by document, loaded from `path` (a missing, stale or unreadable file
    counts as empty); `hits` and `misses` count this build's lookups."""

    def __init__(self, path, expander):
        self.path = path
        self.rules = rules_digest(expander)
        self.known, self.used = load_kept(path, self.rules), {}
        self.hits = self.misses = 0

    def get(self, doc, expander):
        """The document's field_counts(), from the file when its text is unchanged."""
        key = doc_key(doc)
        counts = self.used.get(key) or self.known.get(key)
        if counts is None:
            counts = field_counts(doc_terms(doc, expander))
            self.misses += 1
        else:
            self.hits += 1
        self.used[key] = counts
        return counts

    def save(self):
        """Write this build's counts (only the documents it used)."""
        save_kept(self.path, self.rules, self.used)
