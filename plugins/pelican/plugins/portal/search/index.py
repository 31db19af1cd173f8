"""The search index: built here at build time, queried by theme/static/js/search-engine.js.

Shape (all files in tim-kiem/chi-muc/, names carry a content hash so any cache may keep them):

- one inverted index over every search document, fields `title`, `key` (ids, plan and task
  numbers, unit names), `body` (the whole text), `related` (context, low weight) and `accent`
  (accented words): terms are made by terms.py (folded words, pairs, codes, synonyms) and
  looked up the same way by the browser; weights are lunr's BM25 (TermIndex, checked
  against lunr.Builder). A key also gives all its words joined ("3183_kh_stp"), so an exact
  number or name ranks first.
- that index is cut by term into shards: contiguous ranges of the sorted terms, each with
  the whole index's weights, so a query loads only the shards of its words. A shard is
  compact JSON (gaps between document numbers, weights in hundredths), a third of lunr's
  serialized size.
- a document store cut into chunks of CHUNK_DOCS documents, loaded only for the results shown.
- a manifest: shard bounds and files, and per document its kind and unit (for filters).
"""

import hashlib
import math
import tempfile
from array import array
from bisect import bisect_right
from collections import Counter
from typing import NamedTuple

import numpy as np
import orjson

from .documents import indexed_text
from .terms import NO_SYNONYMS, accent_terms, key_terms, text_terms, whole_term

FIELDS = (("title", 5), ("key", 10), ("body", 1), ("related", 0.5), ("accent", 1))  # field name, boost
# A document-store row, as the manifest tells the browser.
ROW = ("kind", "title", "url", "unit", "body", "context", "status", "date")
SHARD_BYTES = 120_000  # target raw size of one term shard (about 30 KB gzip)
CHUNK_DOCS = 40  # documents per document-store chunk
CHUNK_POSTINGS = 1 << 16  # postings read, sorted or counted at once (bounds the temporaries' memory)
_INT = np.dtype(np.intc).itemsize  # bytes of one C int
_POSTING = np.dtype([("at", np.int64), ("term", np.intc), ("frequency", np.intc)])  # a posting, sorted into blocks
BLOCK_POSTINGS = 1 << 17  # postings weighed and sorted at once (one block of terms, at least one term)


def doc_terms(doc, expander=NO_SYNONYMS):
    """{field: [terms]} of one SearchDoc."""
    text = indexed_text(doc)
    return {
        "title": text_terms(doc.title, expander),
        "key": [term for key in doc.keys for term in key_terms(key, expander)] + [whole_term(n) for n in doc.names],
        "body": text_terms(text, expander),
        "related": text_terms(doc.related, expander),
        # accented words of what is shown (title and snippet), not of the whole text: a third
        # of the postings at city scale for the same preference where it shows
        "accent": accent_terms(doc.title) + accent_terms(doc.body),
    }


K1, B = 1.2, 0.75  # BM25 constants, lunr's (lunr.Builder k1 and b)
_BOOSTS = np.array([boost for _, boost in FIELDS], dtype=np.float64)


class DocCounts(NamedTuple):
    """One document's term counts, by field, its terms numbered by a Vocabulary: what TermIndex
    reads of a document and TermCounts keeps (flat C ints: read by TermIndex and pickled
    without a step per term)."""
    lengths: tuple  # each field's length in terms, in FIELDS order
    sizes: tuple  # each field's number of distinct terms, in FIELDS order
    terms: bytes  # array("i") bytes: the distinct terms' numbers, field after field
    frequencies: bytes  # array("i") bytes: each of those terms' count in its field


def occurrences(arrays, size):
    """How often each number below `size` occurs in `arrays` (numpy arrays of them):
    np.bincount, CHUNK_POSTINGS numbers at a time (it copies C ints to 64-bit ones first)."""
    counts = np.zeros(size, dtype=np.int64)
    for numbers in arrays:
        for start in range(0, len(numbers), CHUNK_POSTINGS):
            counts += np.bincount(numbers[start:start + CHUNK_POSTINGS], minlength=size)
    return counts


class _Numbers(dict):
    """term -> number; a term not seen yet gets the next number and joins `terms`."""

    def __init__(self, terms):
        super().__init__((term, number) for number, term in enumerate(terms))
        self.terms = terms

    def __missing__(self, term):
        number = self[term] = len(self.terms)
        self.terms.append(term)
        return number


class Vocabulary:
    """Terms numbered in the order first met: terms[n] is term n."""

    def __init__(self, terms=()):
        self.terms = list(terms)
        self._numbers = _Numbers(self.terms)

    def counted(self, fields):
        """DocCounts of one document's {field: [terms]}."""
        number = self._numbers.__getitem__
        numbers, frequencies, lengths, sizes = array("i"), array("i"), [], []
        for name, _ in FIELDS:
            terms = fields.get(name) or ()
            counted = Counter(terms)
            lengths.append(len(terms))
            sizes.append(len(counted))
            numbers.extend(map(number, counted))
            frequencies.extend(counted.values())
        return DocCounts(tuple(lengths), tuple(sizes), numbers.tobytes(), frequencies.tobytes())

    def renumbering(self, kept):
        """A numpy array: term number -> its position in `kept` (a list of term numbers); 0
        for a number not kept."""
        out = np.zeros(len(self.terms), dtype=np.intc)
        out[kept] = np.arange(len(kept), dtype=np.intc)
        return out


def _block_firsts(starts):
    """The first term number of each block, then the number of terms: a block is the terms
    from its first whose postings end within BLOCK_POSTINGS of its first's, at least one.
    `starts`: each term's first posting, in sorted order, then the number of postings."""
    firsts = [0]
    while firsts[-1] < len(starts) - 1:
        first = firsts[-1]
        firsts.append(max(first + 1, bisect_right(starts, starts[first] + BLOCK_POSTINGS) - 1))
    return firsts


class _Block(NamedTuple):
    """Terms first … end - 1 of a TermIndex, their postings sorted by term, field and document."""
    first: int
    end: int
    term_rows: list  # each term's first row, in block order (one more: the end)
    row_starts: list  # each row's first posting (one more: the end); a row is one field of one term
    row_fields: list  # each row's field number
    pairs: np.ndarray  # [gap, weight, gap, weight, …] of every posting (a Python list only per row)


class TermIndex:
    """Every term's postings with lunr's BM25 weights, computed straight from term lists.

    term_lists: one {field: [terms]} per document, in document order (document number =
    position); or, with `counts=`, their DocCounts and the Vocabulary that numbered them.
    Either is an iterable read once, one document at a time. `terms` are the distinct terms,
    sorted; `rows(number)` is what the browser reads for terms[number]: one row [field
    number, gap, weight, gap, weight, …] per field of FIELDS that has the term, in field
    order, gaps between ascending document numbers (the first from 0), weights in hundredths
    (at least 1) of what lunr.Builder would store (idf over document-fields, field length
    against the field's average, times the field boost): tests compare the two.

    lunr builds a vector per field of every document and a token set first; this does not:
    postings go to two temporary files in `folder` (None: the system's) in generation order
    (term number, frequency: C ints; the field of each stays in memory, 1 byte); they are read
    back a chunk at a time, the term numbers to count them, then both to write them,
    renumbered, block by block to a third file (a block: the terms of about BLOCK_POSTINGS
    postings; close() removes it); a block is read back when its terms are asked for
    and weighed with numpy, in the same float operations and order as lunr (idf with
    math.log, rounding half to even like round()), sorted by term, field and document. Shards
    are made one at a time, so at most one block is held (`postings` builds the whole {term:
    rows} dict, for tests): at city scale about 32 MB less memory than holding the postings,
    and each posting is read three times whatever the number of blocks."""

    def __init__(self, term_lists=(), counts=None, vocabulary=None, folder=None):
        if counts is None:
            vocabulary = Vocabulary()
            counts = map(vocabulary.counted, term_lists)
        segments = array("i")  # (field, document, field length, distinct terms) of each document-field
        totals = [0] * len(FIELDS)
        count = 0
        # postings (term number, frequency) in two temporary files, read a chunk at a time;
        # the third file holds them sorted into blocks (_sort_into_blocks)
        self._postings = term_file, frequency_file = (tempfile.TemporaryFile(dir=folder),
                                                      tempfile.TemporaryFile(dir=folder))
        self._blocks = tempfile.TemporaryFile(dir=folder)
        for number, doc in enumerate(counts):  # an iterable: one document's counts held at a time
            count += 1
            term_file.write(doc.terms)
            frequency_file.write(doc.frequencies)
            for f, length in enumerate(doc.lengths):
                if length:
                    totals[f] += length
                    segments.extend((f, number, length, doc.sizes[f]))
        self.document_count = count
        self._size = term_file.tell() // _INT
        segment = np.frombuffer(segments, dtype=np.intc).reshape(-1, 4)
        self._segment_start = np.concatenate(([0], np.cumsum(segment[:, 3], dtype=np.int64)))
        self._segment_document = segment[:, 1].copy()
        self._segment_length = segment[:, 2].copy()
        self._field = np.repeat(segment[:, 0].astype(np.int8), segment[:, 3])
        del segment, segments
        # terms sorted, and how many document-fields hold each (its postings)
        counted = occurrences((term for _, term, _ in self._chunks(frequencies=False)), len(vocabulary.terms))
        present = np.flatnonzero(counted).tolist()
        present.sort(key=vocabulary.terms.__getitem__)
        self.terms = [vocabulary.terms[n] for n in present]
        self._numbers = {term: number for number, term in enumerate(self.terms)}
        postings = counted[present] if present else np.zeros(0, dtype=np.int64)
        del counted
        # postings of terms[n] are [_starts[n], _starts[n + 1]) once sorted
        self._starts = np.concatenate(([0], np.cumsum(postings, dtype=np.int64))).tolist()
        self._firsts = _block_firsts(self._starts)
        held = self._sort_into_blocks(vocabulary.renumbering(present))
        groups = held.sum(axis=1)  # fields that hold each term
        del held
        # idf by how many document-fields hold the term (math.log, as lunr's Math.log in Python)
        distinct = np.unique(postings)
        idf_of = np.array([math.log(1 + abs((count - n + 0.5) / (n + 0.5))) * (K1 + 1) * 100
                           for n in distinct.tolist()])
        self._idf = idf_of[np.searchsorted(distinct, postings)]
        self._averages = np.array([total / count if count else 1 for total in totals], dtype=np.float64)
        lengths = np.fromiter(map(len, self.terms), dtype=np.int64, count=len(self.terms))
        # serialized bytes each term adds to a shard: name, brackets, and per field row 6 + 6 per posting
        self.sizes = (lengths + 6 + 6 * groups + 6 * postings).tolist()
        self._block = None  # the last _Block made

    def _chunks(self, frequencies=True):
        """(first posting's position, term numbers, frequencies or None) of each run of
        CHUNK_POSTINGS postings, from the two postings files."""
        term_file, frequency_file = self._postings
        for handle in self._postings:
            handle.flush()
            handle.seek(0)
        for start in range(0, self._size, CHUNK_POSTINGS):
            size = min(CHUNK_POSTINGS, self._size - start)
            term = np.frombuffer(term_file.read(size * _INT), dtype=np.intc)
            frequency = np.frombuffer(frequency_file.read(size * _INT), dtype=np.intc) if frequencies else None
            yield start, term, frequency

    def _sort_into_blocks(self, sorted_number):
        """Read the postings once and write them, renumbered by `sorted_number` (vocabulary
        number -> number in self.terms), to a third temporary file (`_blocks`), block by block
        (a block's postings in generation order); the two postings files are removed. Returns
        a bool array: term n is in field f."""
        blocks_file = self._blocks
        held = np.zeros((len(self.terms), len(FIELDS)), dtype=bool)
        blocks = len(self._firsts) - 1
        # each term's block (16 bits when they fit: numpy's stable sort is then a radix sort)
        block_of = np.repeat(np.arange(blocks, dtype=np.int16 if blocks < 1 << 15 else np.int64),
                             np.diff(self._firsts))
        written = [self._starts[first] for first in self._firsts[:-1]]  # next free posting of each block
        for start, term, frequency in self._chunks():
            term = sorted_number[term]
            field = self._field[start:start + len(term)]
            held[term, field] = True
            block = block_of[term]
            order = np.argsort(block, kind="stable")
            records = np.empty(len(term), dtype=_POSTING)
            records["at"] = order + start
            records["term"] = term[order]
            records["frequency"] = frequency[order]
            ends = np.cumsum(np.bincount(block, minlength=blocks)).tolist()
            begin = 0
            for number, end in enumerate(ends):
                if end > begin:
                    blocks_file.seek(written[number] * _POSTING.itemsize)
                    blocks_file.write(records[begin:end].tobytes())
                    written[number] += end - begin
                begin = end
        for handle in self._postings:
            handle.close()
        return held

    def close(self):
        """Remove the temporary files (no rows() of a block not already read after)."""
        for handle in (*self._postings, self._blocks):
            handle.close()

    def _block_of(self, number):
        """The _Block of terms holding terms[number], its postings sorted by term, field and
        document (the last one made is kept: shards read terms in order)."""
        block = self._block
        if block is not None and block.first <= number < block.end:
            return block
        at_block = bisect_right(self._firsts, number) - 1
        first, end = self._firsts[at_block], self._firsts[at_block + 1]
        self._blocks.seek(self._starts[first] * _POSTING.itemsize)
        records = np.frombuffer(self._blocks.read((self._starts[end] - self._starts[first]) * _POSTING.itemsize),
                                dtype=_POSTING)
        at, term, q = records["at"], records["term"], records["frequency"]  # generation order: document, field
        del records
        field = self._field[at]
        segment = np.searchsorted(self._segment_start, at, side="right") - 1
        document = self._segment_document[segment]
        q = q.astype(np.float64)
        norm = self._segment_length[segment].astype(np.float64)  # K1 * (1 - B + B * length / average), lunr's order
        del at, segment
        norm *= B
        norm /= self._averages[field]
        norm += 1 - B
        norm *= K1
        norm += q
        value = self._idf[term]  # idf * frequency / (norm + frequency) * boost
        value *= q
        value /= norm
        value *= _BOOSTS[field]
        weight = np.maximum(1, np.rint(value)).astype(np.int32)
        del q, norm, value
        order = np.argsort(term.astype(np.int64) * len(FIELDS) + field, kind="stable")  # by term, field, document
        term, field, document, weight = term[order], field[order], document[order], weight[order]
        group_start = np.ones(len(term), dtype=bool)
        group_start[1:] = (term[1:] != term[:-1]) | (field[1:] != field[:-1])
        previous = np.zeros_like(document)
        previous[1:] = document[:-1]
        gap = np.where(group_start, document, document - previous)
        groups = np.flatnonzero(group_start)
        pairs = np.empty(2 * len(gap), dtype=np.int64)  # gap, weight, gap, weight, …
        pairs[0::2] = gap
        pairs[1::2] = weight
        term_groups = np.searchsorted(groups, np.array(self._starts[first:end + 1]) - self._starts[first])
        self._block = _Block(first, end, term_groups.tolist(), [*groups.tolist(), len(gap)],
                             field[groups].tolist(), pairs)
        return self._block

    def rows(self, number):
        """The browser's rows for terms[number] (see the class)."""
        block = self._block_of(number)
        starts, at = block.row_starts, number - block.first
        return [[block.row_fields[r], *block.pairs[2 * starts[r]:2 * starts[r + 1]].tolist()]
                for r in range(block.term_rows[at], block.term_rows[at + 1])]

    def rows_of(self, term):
        """The rows of a term (a KeyError when no document has it)."""
        return self.rows(self._numbers[term])

    @property
    def postings(self):
        """{term: rows} of every term (builds every row: for tests and small indexes)."""
        return {term: self.rows(number) for number, term in enumerate(self.terms)}


def build_index(term_lists):
    """A TermIndex of `term_lists` (see TermIndex)."""
    return TermIndex(term_lists)


def split_terms(index, shard_bytes=SHARD_BYTES):
    """Cut the sorted terms into contiguous ranges of about shard_bytes each: [[term, …], …]."""
    shards, current, size = [], [], 0
    for term, term_size in zip(index.terms, index.sizes):
        if current and size + term_size > shard_bytes:
            shards.append(current)
            current, size = [], 0
        current.append(term)
        size += term_size
    if current or not shards:
        shards.append(current)
    return shards


def shard_indexes(index, shards):
    """One shard (a dict) per range of terms, made when asked for (a generator): {"fields",
    "terms" (sorted), "postings" (TermIndex's rows of each term)}."""
    names = [name for name, _ in FIELDS]
    for terms in shards:
        yield {"fields": names, "terms": terms, "postings": [index.rows_of(t) for t in terms]}


def term_shards(index, shard_bytes=SHARD_BYTES):
    """The term shards of a TermIndex: (bounds, texts), bounds the first term of each shard
    ("" for the first); texts yields (file name, JSON text) of each shard in order, made
    when asked for (so that one shard's text is held at a time)."""
    shards = split_terms(index, shard_bytes)
    bounds = [shard[0] if shard else "" for shard in shards]
    bounds[0] = ""

    def texts():
        for number, shard in enumerate(shard_indexes(index, shards)):
            text = dumps(shard)
            yield named(f"t{number}", text), text

    return bounds, texts()


def store_record(doc, unit_numbers, kinds):
    """A compact row for the document store, its fields in ROW order, trailing empty ones left off."""
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
    """Compact JSON text (no spaces, UTF-8 kept), as json.dumps(value, ensure_ascii=False,
    separators=(",", ":")) writes it (orjson: several times faster on the shards' numbers)."""
    return orjson.dumps(value).decode("utf-8")


def named(prefix, text):
    """A content-hashed file name: prefix + 10 hex digits of the text's SHA-1 + .json."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return f"{prefix}.{digest}.json"


def build_files(docs, units, kinds, labels, write, shard_bytes=SHARD_BYTES, chunk_docs=CHUNK_DOCS,
                expander=NO_SYNONYMS, slugs=None, counts=None, folder=None):
    """Make every index file and pass it to write(file name, JSON text) as soon as it is
    made (term shards, then document-store chunks, then the manifest); returns the
    manifest's file name.

    kinds: {kind: one-letter code}, in the order equal scores are listed; slugs: {kind: ?loai=
    value}; labels: {label key: Vietnamese text}; expander: synonyms.Expander; counts: a
    TermCounts (kept between builds; it keeps this build's shard texts too), or None to count
    every document afresh; folder: where TermIndex keeps its temporary files (None: the
    system's temporary folder)."""
    kept = counts.read(docs, shard_bytes) if counts is not None else None
    if kept is None:
        if counts is None:
            builder = TermIndex((doc_terms(doc, expander) for doc in docs), folder=folder)
        else:
            builder = TermIndex(counts=counts.in_order(), vocabulary=counts.vocabulary, folder=folder)
        try:
            bounds, made = term_shards(builder, shard_bytes)
            term_texts = {}  # this build's, kept for `counts`; only names without it
            for name, text in made:
                write(name, text)
                term_texts[name] = text if counts is not None else None
        finally:
            builder.close()
        if counts is not None:
            counts.keep_shards(bounds, term_texts)
    else:
        bounds, term_texts = kept
        for name, text in term_texts.items():
            write(name, text)
    unit_rows, unit_numbers = unit_table(units)
    doc_files = []
    for start in range(0, len(docs), chunk_docs):
        text = dumps([store_record(doc, unit_numbers, kinds) for doc in docs[start:start + chunk_docs]])
        name = named(f"d{start // chunk_docs}", text)
        write(name, text)
        doc_files.append(name)
    manifest = {
        "version": 2,
        "docs": len(docs),
        "chunk": chunk_docs,
        "kinds": "".join(kinds[doc.kind] for doc in docs),
        "unitOf": [unit_numbers.get(id(doc.unit), -1) for doc in docs],
        "units": unit_rows,
        "bounds": bounds,
        "termFiles": list(term_texts),
        "docFiles": doc_files,
        "labels": labels,
        "kindOrder": "".join(kinds.values()),
        "kindSlugs": {code: (slugs or {}).get(kind, kind) for kind, code in kinds.items()},
        "row": list(ROW),
    }
    text = dumps(manifest)
    name = named("meta", text)
    write(name, text)
    return name
