"""Each search document's term counts, and the term shards made from them, kept between
builds (incremental search index).

Turning text into terms (terms.py: folding, pairs, codes, synonyms) is most of the index's
cost, and a document that did not change gives the same terms. `TermCounts` keeps
index.DocCounts of every document (and the Vocabulary that numbers their terms) in one
pickle file under CACHE_PATH, keyed by a digest of what the document indexes; the file also
records the plugin's source digest and the editors' synonym table, so changing either
recounts everything. The term shards depend only on those counts, in document order, and
the shard size: when no document's indexed text changed (a figure, a status or a date did),
the last build's shard files are used again as they are (the document store and manifest
are always made afresh). The file holds only the documents of the last build, and only
their words (compacted(); cachefiles.py: written whole, safe to delete).
"""

import hashlib

import numpy as np

from ..cachefiles import load_kept, plugin_digest, save_kept
from .documents import DeferredText, indexed_text
from .index import Vocabulary, doc_terms, occurrences


def rules_digest(expander):
    """SHA-1 hex of the plugin's source (the term rules among it) and the synonym table."""
    text = repr((plugin_digest(), sorted(expander.full.items())))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def doc_key(doc):
    """SHA-1 hex of everything of a SearchDoc that terms are made from. A DeferredText counts
    by what it is made from (its function's name and sources), so it is not made here."""
    text = doc.text
    if isinstance(text, DeferredText):
        text = (text.make.__qualname__, *text.sources)
    else:
        text = indexed_text(doc)
    whole = repr((doc.title, text, doc.body, doc.keys, doc.names, doc.related))
    return hashlib.sha1(whole.encode("utf-8", "surrogatepass")).hexdigest()


class TermCounts:
    """DocCounts by document (`vocabulary` numbers their terms) and the last term shards,
    loaded from `path` (a missing, stale or unreadable file counts as empty). read() takes
    this build's documents; `hits` and `misses` count those whose counts were reused or made
    afresh."""

    def __init__(self, path, expander):
        self.path, self.expander = path, expander
        self.rules = rules_digest(expander)
        kept = load_kept(path, self.rules)
        self.known, self.used = kept.get("docs", {}), {}
        self.vocabulary = Vocabulary(kept.get("terms", ()))
        self.shards = kept.get("shards")  # (index key, bounds, {file name: text}) of the last build
        self.index_key, self.keys = None, []  # set by read()
        self.shards_reused = False  # this build's term shards are the last build's
        self.hits = self.misses = 0

    def read(self, docs, shard_bytes):
        """Take this build's documents, in order: each one's counts are taken from the file
        or made afresh (only then is a DeferredText made). Returns (bounds, {file name:
        text}) of the last build's term shards when every document indexes the same text and
        the shard size is the same, else None (then make the index from in_order() and
        keep_shards() it)."""
        keys = []
        for doc in docs:
            key = doc_key(doc)
            if key not in self.used:
                counts = self.known.get(key)
                if counts is None:
                    counts = self.vocabulary.counted(doc_terms(doc, self.expander))
                    self.misses += 1
                self.used[key] = counts
            keys.append(key)
        self.hits = len(keys) - self.misses
        self.keys = keys
        self.index_key = hashlib.sha1("\n".join([str(shard_bytes), *keys]).encode("ascii")).hexdigest()
        if self.shards is None or self.shards[0] != self.index_key:
            return None
        self.shards_reused = True
        return self.shards[1], self.shards[2]

    def in_order(self):
        """The documents' DocCounts, in the order read() took them."""
        return (self.used[key] for key in self.keys)

    def keep_shards(self, bounds, texts):
        """Remember this build's term shards (saved by save())."""
        self.shards = (self.index_key, bounds, texts)

    def save(self):
        """Write this build's counts (only the documents it used) and term shards; nothing
        when the shards were reused (then the documents are the file's too)."""
        if self.shards_reused:
            return
        terms, docs = compacted(self.vocabulary, self.used)
        save_kept(self.path, self.rules, {"terms": terms, "docs": docs, "shards": self.shards})


def compacted(vocabulary, docs):
    """(terms, {key: DocCounts}): `docs` numbered by a vocabulary of only the terms they
    have, so that the file does not keep the words of texts since changed or removed."""
    if not docs:
        return [], {}
    numbers = np.frombuffer(b"".join(doc.terms for doc in docs.values()), dtype=np.intc)
    held = np.flatnonzero(occurrences([numbers], len(vocabulary.terms))).tolist()
    if len(held) == len(vocabulary.terms):
        return vocabulary.terms, docs
    renumber = vocabulary.renumbering(held)
    terms = [vocabulary.terms[n] for n in held]
    return terms, {key: doc._replace(terms=renumber[np.frombuffer(doc.terms, dtype=np.intc)].tobytes())
                   for key, doc in docs.items()}
