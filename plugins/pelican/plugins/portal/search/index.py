"""The search index: built with lunr (Python) at build time, queried with lunr.js in the browser.

Shape (all files in tim-kiem/chi-muc/, names carry a content hash so any cache may keep them):

- one lunr index over every search document, fields `title`, `key` (plan and task numbers, unit names)
  and `body`, with no pipeline: terms are folded here (text.fold) and in the browser
  (fold.js) the same way. Each text gives its words and its two-word phrases ("du_lieu"),
  so a phrase outranks the same words apart. A key also gives all its words joined
  ("3183_kh_stp"), so an exact number or name ranks first.
- that index is cut by term into shards: contiguous ranges of the sorted terms, each a
  complete lunr index with the whole index's BM25 weights, so a query loads only the
  shards of its words, and theme/static/js/search-engine.js adds scores up across shards.
- a document store cut into chunks of CHUNK_DOCS documents, loaded only for the results shown.
- a manifest: shard bounds and files, and per document its kind and unit (for filters).
"""

import hashlib
import json
import re
from collections import defaultdict

from lunr.builder import Builder

from ..text import fold

FIELDS = (("title", 5), ("key", 10), ("body", 1))  # field name, boost
SHARD_BYTES = 120_000  # target raw size of one term shard (about 30 KB gzip)
CHUNK_DOCS = 40  # documents per document-store chunk
WEIGHT_DECIMALS = 2  # lunr keeps 3; 2 decimals save 6% of the bytes and change no ranking that matters
LUNR_JS_VERSION = "2.3.9"

# Where a phrase ends: two-word terms never span these.
_BREAK = re.compile(r"[,;:!?()\[\]{}\"“”«»…]|\.(?=\s|$)|\s[-–—]\s")


def phrase_words(text):
    """Folded words of each phrase of `text` (split at punctuation that ends a phrase)."""
    return [words for words in (fold(part).split() for part in _BREAK.split(text or "")) if words]


def text_terms(text):
    """Words and adjacent word pairs: "Dữ liệu số" -> du, lieu, so, du_lieu, lieu_so."""
    terms = []
    for words in phrase_words(text):
        terms.extend(words)
        terms.extend(f"{a}_{b}" for a, b in zip(words, words[1:]))
    return terms


def key_terms(key):
    """A key's terms, plus all its words joined when it has three or more: "3183/KH-STP" -> 3183_kh_stp."""
    words = fold(key).split()
    terms = words + [f"{a}_{b}" for a, b in zip(words, words[1:])]
    if len(words) >= 3:
        terms.append("_".join(words))
    return terms


def whole_term(name):
    """A name as one term: "Sở Tư pháp" -> so_tu_phap."""
    return "_".join(fold(name).split())


def doc_terms(doc):
    return {
        "title": text_terms(doc.title),
        "key": [term for key in doc.keys for term in key_terms(key)] + [whole_term(name) for name in doc.names],
        "body": text_terms(doc.body),
    }


def to_ref(number):
    """Document number to a short lunr ref (base 36)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


class TermListBuilder(Builder):
    """lunr's Builder for documents whose fields are lists of terms already folded.

    `add_terms` does what `Builder.add` does with a list (the Tokenizer keeps list items
    whole, the pipeline is empty) without making a Token per word; tests check that both
    give the same index. BM25 weights come from lunr's own `build()`. No token set: the
    browser builds its own when it loads a shard."""

    def __init__(self):
        super().__init__()
        self.pipeline.reset()
        self.search_pipeline.reset()
        self.ref("id")
        for name, boost in FIELDS:
            self.field(name, boost=boost)

    def add_terms(self, ref, fields):
        self._documents[ref] = {}
        self.document_count += 1
        inverted = self.inverted_index
        for field_name in self._fields:
            terms = fields.get(field_name) or []
            field_ref = f"{field_name}/{ref}"  # str(lunr.FieldRef(ref, field_name))
            counts = defaultdict(int)
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = len(terms)
            for term in terms:
                counts[term] += 1
                posting = inverted.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    inverted[term] = posting
                if ref not in posting[field_name]:
                    posting[field_name][ref] = {}

    def _create_token_set(self):
        self.token_set = None


def build_index(term_lists):
    """term_lists: one {field: [terms]} per document, in document order. Returns the built Builder."""
    builder = TermListBuilder()
    for number, fields in enumerate(term_lists):
        builder.add_terms(to_ref(number), fields)
    if builder.document_count:
        builder.build()
    else:  # nothing to index (lunr would divide by zero): an empty index
        builder.field_vectors = {}
    return builder


def _term_sizes(builder):
    """Approximate serialized bytes each term adds to a shard: its posting and its vector entries."""
    sizes = {}
    for term, posting in builder.inverted_index.items():
        refs = sum(len(ref) + 5 for name, _ in FIELDS for ref in posting[name])
        entries = sum(len(posting[name]) for name, _ in FIELDS)
        sizes[term] = len(term) + 40 + refs + entries * 11
    return sizes


def split_terms(builder, shard_bytes=SHARD_BYTES):
    """Cut the sorted terms into contiguous ranges of about shard_bytes each: [[term, …], …]."""
    sizes = _term_sizes(builder)
    shards, current, size = [], [], 0
    for term in sorted(builder.inverted_index):
        if current and size + sizes[term] > shard_bytes:
            shards.append(current)
            current, size = [], 0
        current.append(term)
        size += sizes[term]
    if current or not shards:
        shards.append(current)
    return shards


def shard_indexes(builder, shards):
    """One serialized lunr index (a dict) per shard, with only that shard's terms.

    Term numbers are renumbered within each shard, keeping their order (vectors stay
    sorted) but making them short; weights are lunr's, to WEIGHT_DECIMALS places."""
    inverted = builder.inverted_index
    where = {}  # global term number -> (shard, number in shard)
    for shard_number, terms in enumerate(shards):
        for local, old in enumerate(sorted(inverted[term]["_index"] for term in terms)):
            where[old] = (shard_number, local)
    vectors = [dict() for _ in shards]
    for field_ref, vector in builder.field_vectors.items():
        elements = vector.elements
        for i in range(0, len(elements), 2):
            shard_number, local = where[elements[i]]
            target = vectors[shard_number].get(field_ref)
            if target is None:
                target = vectors[shard_number][field_ref] = []
            target.append(local)
            target.append(round(elements[i + 1], WEIGHT_DECIMALS))
    names = [name for name, _ in FIELDS]
    out = []
    for shard_number, terms in enumerate(shards):
        postings = []
        for term in terms:
            posting = dict(inverted[term])
            posting["_index"] = where[posting["_index"]][1]
            postings.append([term, posting])
        out.append({
            "version": LUNR_JS_VERSION,
            "fields": names,
            "fieldVectors": [[ref, elements] for ref, elements in vectors[shard_number].items()],
            "invertedIndex": postings,
            "pipeline": [],
        })
    return out


def store_record(doc, unit_numbers, kinds):
    """A compact row for the document store: [kind, title, url, unit, body, context, status, date]."""
    row = [kinds[doc.kind], doc.title, doc.url, unit_numbers.get(id(doc.unit), -1), doc.body, doc.context,
           doc.status, doc.date]
    while len(row) > 4 and row[-1] == "":
        row.pop()
    return row


def unit_table(units):
    """Units in tree order: [[id, name, parent number or -1, depth], …] and id(unit) -> number."""
    rows, numbers = [], {}

    def visit(unit, depth):
        numbers[id(unit)] = len(rows)
        rows.append([unit.id, unit.name, numbers.get(id(unit.parent), -1), depth])
        for child in unit.children:
            visit(child, depth + 1)

    for unit in sorted((u for u in units if u.parent is None), key=lambda u: u.name):
        visit(unit, 0)
    return rows, numbers


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def named(prefix, text):
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return f"{prefix}.{digest}.json"


def build_files(docs, units, kinds, labels, shard_bytes=SHARD_BYTES, chunk_docs=CHUNK_DOCS):
    """All index files as {file name: JSON text}, and the manifest's file name."""
    builder = build_index([doc_terms(doc) for doc in docs])
    shards = split_terms(builder, shard_bytes)
    files = {}
    term_files = []
    for number, shard in enumerate(shard_indexes(builder, shards)):
        text = dumps(shard)
        name = named(f"t{number}", text)
        files[name] = text
        term_files.append(name)
    unit_rows, unit_numbers = unit_table(units)
    rows = [store_record(doc, unit_numbers, kinds) for doc in docs]
    doc_files = []
    for start in range(0, len(rows), chunk_docs):
        text = dumps(rows[start:start + chunk_docs])
        name = named(f"d{start // chunk_docs}", text)
        files[name] = text
        doc_files.append(name)
    manifest = {
        "version": 1,
        "lunr": LUNR_JS_VERSION,
        "docs": len(docs),
        "chunk": chunk_docs,
        "kinds": "".join(kinds[doc.kind] for doc in docs),
        "unitOf": [unit_numbers.get(id(doc.unit), -1) for doc in docs],
        "units": unit_rows,
        "bounds": [shard[0] if shard else "" for shard in shards],
        "termFiles": term_files,
        "docFiles": doc_files,
        "labels": labels,
    }
    manifest["bounds"][0] = ""
    text = dumps(manifest)
    name = named("meta", text)
    files[name] = text
    return files, name
