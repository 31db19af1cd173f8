"""Each search document's term counts, kept between builds (incremental search index).

Turning text into terms (terms.py: folding, pairs, codes, synonyms) is most of the index's
cost, and a document that did not change gives the same terms. `TermCounts` keeps
index.field_counts() of every document in one pickle file under CACHE_PATH, keyed by a
digest of what the document indexes; the key also covers the term rules' source and the
editors' synonym table, so changing either recounts everything. The file holds only the
documents of the last build; it is written whole then renamed, and is safe to delete.
"""

import hashlib
import os
import pickle
import tempfile

from .index import doc_terms, field_counts

_SOURCES = ("terms.py", "index.py", "synonyms.py", "documents.py")
FORMAT = 2


def rules_digest(expander):
    """SHA-1 hex of the term rules' source files and the synonym table."""
    digest = hashlib.sha1(repr((FORMAT, sorted(expander.full.items()))).encode("utf-8"))
    here = os.path.dirname(os.path.abspath(__file__))
    for name in _SOURCES:
        with open(os.path.join(here, name), "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


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
        self.known, self.used = {}, {}
        self.hits = self.misses = 0
        try:
            with open(path, "rb") as handle:
                rules, known = pickle.load(handle)
            if rules == self.rules:
                self.known = known
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            pass

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
        folder = os.path.dirname(self.path)
        os.makedirs(folder, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump((self.rules, self.used), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, self.path)
