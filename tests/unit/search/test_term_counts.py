"""Term counts kept between builds (search/term_counts.py): reused only while a document's
text and the term rules are unchanged, and an index from reused counts equals a fresh one."""

from pelican.plugins.portal.search.documents import DeferredText, SearchDoc
from collections import Counter

from pelican.plugins.portal.search.index import FIELDS, TermIndex, Vocabulary, build_files, doc_terms
from pelican.plugins.portal.search.synonyms import Expander
from pelican.plugins.portal.search.term_counts import TermCounts

DOCS = [SearchDoc("task", "Triển khai chữ ký số", "ke-hoach/a/#nv-1", body="Cấp chữ ký số cho cán bộ",
                  keys=["4.3"], related="Sở Tư pháp"),
        SearchDoc("target", "Tỷ lệ hồ sơ trực tuyến", "chi-tieu/ct-1/", body="Đạt 80% hồ sơ trực tuyến")]
NONE = Expander({})


def field_counts(fields):
    """What a document's counts should say: (field length, {term: count}) per field of FIELDS."""
    return [(len(fields.get(name, [])), Counter(fields.get(name, []))) for name, _ in FIELDS]


def spelled(vocabulary, doc):
    """A DocCounts read back through its vocabulary, in field_counts()'s shape."""
    numbers = memoryview(doc.terms).cast("i")
    frequencies = memoryview(doc.frequencies).cast("i")
    out, at = [], 0
    for length, size in zip(doc.lengths, doc.sizes):
        out.append((length, Counter({vocabulary.terms[n]: f for n, f in zip(numbers[at:at + size],
                                                                              frequencies[at:at + size])})))
        at += size
    return out


def counted(counts, docs):
    """read() `docs` into a TermCounts; their counts in order, as field_counts() gives them."""
    counts.read(docs, 200)
    return [spelled(counts.vocabulary, doc) for doc in counts.in_order()]


def test_counts_are_reused_then_recounted_when_the_text_changes(tmp_path):
    path = tmp_path / "tim-kiem.pickle"
    first = TermCounts(path, NONE)
    fresh = counted(first, DOCS)
    assert (first.hits, first.misses) == (0, 2)
    assert fresh == [field_counts(doc_terms(doc, NONE)) for doc in DOCS]
    first.save()

    again = TermCounts(path, NONE)
    assert counted(again, DOCS) == fresh
    assert (again.hits, again.misses) == (2, 0)

    changed = SearchDoc("target", "Tỷ lệ hồ sơ trực tuyến", "chi-tieu/ct-1/", body="Đạt 90% hồ sơ trực tuyến")
    third = TermCounts(path, NONE)
    counts = counted(third, [DOCS[0], changed])
    assert (third.hits, third.misses) == (1, 1)
    assert counts == [fresh[0], field_counts(doc_terms(changed, NONE))]


MADE = []


def _article_text(summary, html):
    MADE.append(html)
    return f"{summary} {html}"


def test_a_deferred_text_is_made_only_when_its_sources_are_new(tmp_path):
    path = tmp_path / "tim-kiem.pickle"
    MADE.clear()
    doc = SearchDoc("update", "Tin", "tin/", text=DeferredText(_article_text, ("Tóm tắt", "Bài về chữ ký số")))
    first = TermCounts(path, NONE)
    assert counted(first, [doc]) == [field_counts(doc_terms(doc, NONE))]
    assert len(MADE) == 2  # once by read(), once by the doc_terms() above
    first.save()

    MADE.clear()
    again = TermCounts(path, NONE)
    assert counted(again, [doc]) == [field_counts(doc_terms(doc, NONE))]
    assert (again.hits, again.misses, len(MADE)) == (1, 0, 1)  # made only by the doc_terms() above

    changed = SearchDoc("update", "Tin", "tin/", text=DeferredText(_article_text, ("Tóm tắt", "Bài về hoá đơn")))
    third = TermCounts(path, NONE)
    counts = counted(third, [changed])
    assert third.misses == 1
    assert "hoa" in {term for _, terms in counts[0] for term in terms}


def test_a_new_synonym_table_recounts_everything(tmp_path):
    path = tmp_path / "tim-kiem.pickle"
    first = TermCounts(path, NONE)
    counted(first, DOCS)
    first.save()
    expander = Expander({"cks": ["chu ky so"]})
    second = TermCounts(path, expander)
    counts = counted(second, DOCS[:1])
    assert second.misses == 1
    assert "cks" in {term for _, terms in counts[0] for term in terms}


def test_a_damaged_file_counts_as_empty(tmp_path):
    path = tmp_path / "tim-kiem.pickle"
    path.write_bytes(b"\x80\x05 not a pickle")
    counts = TermCounts(path, NONE)
    counted(counts, DOCS[:1])
    assert counts.misses == 1


def test_index_from_counts_equals_index_from_term_lists():
    lists = [doc_terms(doc, NONE) for doc in DOCS]
    # a kept vocabulary numbers terms in another order and holds words no document has now
    words = sorted({term for fields in lists for terms in fields.values() for term in terms}, reverse=True)
    vocabulary = Vocabulary(["zzz", *words[::2], "aaa", *words[1::2]])
    from_counts = TermIndex(counts=[vocabulary.counted(f) for f in lists], vocabulary=vocabulary)
    assert from_counts.terms == TermIndex(lists).terms == sorted(words)
    assert from_counts.postings == TermIndex(lists).postings


def test_the_file_keeps_only_the_words_of_the_documents_it_keeps(tmp_path):
    path = tmp_path / "tim-kiem.pickle"
    first = TermCounts(path, NONE)
    fresh = counted(first, DOCS)
    first.save()
    changed = SearchDoc(**{**DOCS[0].__dict__, "title": "Triển khai hoá đơn", "body": "Cấp hoá đơn"})
    second = TermCounts(path, NONE)
    counted(second, [changed, DOCS[1]])
    second.save()
    third = TermCounts(path, NONE)
    assert "chu" not in third.vocabulary.terms and "hoa" in third.vocabulary.terms
    assert counted(third, [changed, DOCS[1]]) == [field_counts(doc_terms(changed, NONE)), fresh[1]]
    assert (third.hits, third.misses) == (2, 0)


def files_of(docs, counts=None, shard_bytes=200):
    """build_files() of `docs` (one unit-less kind table), its {file name: text}."""
    kinds = {"task": "n", "target": "c"}
    files = {}
    build_files(docs, [], kinds, {}, files.__setitem__, shard_bytes=shard_bytes, counts=counts)
    return files


def test_term_shards_are_reused_only_while_no_indexed_text_changes(tmp_path):
    path = tmp_path / "tim-kiem.pickle"
    first = TermCounts(path, NONE)
    fresh = files_of(DOCS, first)
    assert not first.shards_reused
    assert sum(name.startswith("t") for name in fresh) > 1  # several shards
    first.save()

    # A status is shown but not indexed: the shards are the last build's, the store is new.
    shown = [DOCS[0], SearchDoc(**{**DOCS[1].__dict__, "status": "badge-dat"})]
    again = TermCounts(path, NONE)
    files = files_of(shown, again)
    assert again.shards_reused and (again.hits, again.misses) == (2, 0)
    assert files == files_of(shown)  # as a build without any cache
    assert files != fresh
    assert {n: t for n, t in files.items() if n.startswith("t")} == {n: t for n, t in fresh.items() if n.startswith("t")}
    again.save()

    # An indexed text changed, or documents moved, or the shard size: the shards are made again.
    changed = [DOCS[0], SearchDoc(**{**DOCS[1].__dict__, "body": "Đạt 95% hồ sơ trực tuyến"})]
    for docs, shard_bytes in ((changed, 200), (DOCS[::-1], 200), (DOCS, 400)):
        counts = TermCounts(path, NONE)
        assert files_of(docs, counts, shard_bytes) == files_of(docs, shard_bytes=shard_bytes)
        assert not counts.shards_reused


def test_the_file_is_not_written_again_when_nothing_changed(tmp_path):
    path = tmp_path / "tim-kiem.pickle"
    first = TermCounts(path, NONE)
    files_of(DOCS, first)
    first.save()
    path.touch()  # so that a rewrite would show
    touched = path.stat().st_mtime_ns
    again = TermCounts(path, NONE)
    files_of(DOCS, again)
    again.save()
    assert again.shards_reused and path.stat().st_mtime_ns == touched
    fewer = TermCounts(path, NONE)
    files_of(DOCS[:1], fewer)
    fewer.save()
    assert TermCounts(path, NONE).known.keys() == fewer.used.keys() != again.used.keys()
