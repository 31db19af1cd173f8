"""The search index as built in Python: folding, terms, lunr, shards and the files written."""

import json
import re
from urllib.parse import urlsplit

import pytest
from lunr.builder import Builder

from pelican.plugins.portal.search.index import FIELDS, TermIndex, build_index, shard_indexes, split_terms
from pelican.plugins.portal.search.terms import key_terms, text_terms
from pelican.plugins.portal.text import fold
from search_support import build_search_site, fold_cases, index_files


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_search_site(tmp_path_factory.mktemp("search-index"))


@pytest.mark.parametrize("case", fold_cases(), ids=lambda c: c["note"])
def test_python_fold_matches_the_shared_table(case):
    assert fold(case["input"]) == case["folded"]


def test_terms_are_words_and_neighbouring_pairs_within_a_phrase():
    assert text_terms("Dữ liệu số, an toàn") == ["du", "lieu", "so", "du_lieu", "lieu_so", "an", "toan", "an_toan"]
    assert text_terms("Nhiệm vụ 4.3.") == ["nhiem", "vu", "4", "3", "nhiem_vu", "vu_4", "4_3"]
    assert "3183_kh_stp" in key_terms("3183/KH-STP")
    assert key_terms("Sở A") == ["so", "a", "so_a"]


def sample_term_lists():
    texts = ["Chuyển đổi số trong cơ quan nhà nước", "Dữ liệu số, dữ liệu dùng chung", "Hòa mạng trạm bơm",
             "Kế hoạch 3183/KH-STP của Sở Tư pháp", "an toàn thông tin mạng và chữ ký số"]
    return [{"title": text_terms(t), "key": key_terms(t[:12]), "body": text_terms(t * 2),
             "related": text_terms(t[-9:]), "accent": []} for t in texts]


def decode(rows):
    """A term's rows back to {field number: [(document, weight in hundredths)]}."""
    out = {}
    for row in rows:
        number, pairs = 0, []
        for gap, weight in zip(row[1::2], row[2::2]):
            number += gap
            pairs.append((number, weight))
        out[row[0]] = pairs
    return out


def test_weights_are_the_ones_lunrs_builder_computes():
    """TermIndex replaces lunr.Builder (several times faster at city scale): same BM25 weights,
    in hundredths."""
    lists = sample_term_lists()
    ours = build_index(lists)
    stock = Builder()
    stock.pipeline.reset()
    stock.search_pipeline.reset()
    stock.ref("id")
    for name, boost in FIELDS:
        stock.field(name, boost=boost)
    for number, fields in enumerate(lists):
        stock.add({"id": str(number), **fields})
    stock.build()
    names = [name for name, _ in FIELDS]
    compared = 0
    for term, posting in stock.inverted_index.items():
        decoded = decode(ours.postings[term])
        for f, name in enumerate(names):
            expected = []
            for ref in sorted(posting[name], key=int):
                vector = stock.field_vectors[f"{name}/{ref}"].elements
                expected.append((int(ref), dict(zip(vector[::2], vector[1::2]))[posting["_index"]] * 100))
            got = decoded.get(f, [])
            assert [n for n, _ in got] == [n for n, _ in expected], (term, name)
            assert all(abs(w - e) <= 0.5 + 1e-6 or (w == 1 and e < 1) for (_, w), (_, e) in zip(got, expected)), \
                (term, name, got, expected)
            compared += len(expected)
    assert set(ours.postings) == set(stock.inverted_index)
    assert compared > 100
    assert isinstance(ours, TermIndex)


def test_blocks_of_terms_weigh_as_the_whole_index_does(monkeypatch):
    """Postings are weighed and sorted a block of terms at a time: blocks of a few postings
    (read in any order) give the rows of one block."""
    from pelican.plugins.portal.search import index as index_module
    lists = sample_term_lists()
    whole = TermIndex(lists)
    rows, sizes = whole.postings, whole.sizes  # made in one block
    assert len(rows) > 20
    monkeypatch.setattr(index_module, "BLOCK_POSTINGS", 3)
    small = TermIndex(lists)
    assert [small.rows_of(term) for term in reversed(whole.terms)] == [rows[term] for term in reversed(whole.terms)]
    assert small.postings == rows and small.sizes == sizes
    # postings read and sorted into blocks a few at a time: every chunk spans several blocks
    monkeypatch.setattr(index_module, "CHUNK_POSTINGS", 5)
    chunked = TermIndex(lists)
    assert chunked.postings == rows and chunked.sizes == sizes
    chunked.close()


def test_shards_hold_each_term_once_with_the_whole_index_weights():
    index = build_index(sample_term_lists())
    shards = split_terms(index, shard_bytes=300)
    assert len(shards) > 3
    flat = [term for shard in shards for term in shard]
    assert flat == sorted(index.postings)
    for shard, data in zip(shards, shard_indexes(index, shards)):
        assert data["terms"] == shard and data["fields"] == [name for name, _ in FIELDS]
        assert data["postings"] == [index.postings[term] for term in shard]


def test_a_shard_is_compact():
    """Stated: "chuyển đổi số" in the title of document 2 and the body of document 5."""
    index = build_index([{"title": []}, {"title": []}, {"title": text_terms("Chuyển đổi số")}, {}, {},
                         {"body": text_terms("chuyển đổi số")}])
    data = next(shard_indexes(index, [sorted(index.postings)]))
    row = data["postings"][data["terms"].index("chuyen_doi")]
    assert [entry[:2] for entry in row] == [[0, 2], [2, 5]]  # field, gap from document 0
    assert decode(row) == {0: [(2, row[0][2])], 2: [(5, row[1][2])]}


def test_search_page_index_files_and_manifest_are_written(site):
    manifest, folder = index_files(site)
    assert manifest["docs"] == len(manifest["kinds"]) == len(manifest["unitOf"])
    assert manifest["bounds"][0] == "" and manifest["bounds"] == sorted(manifest["bounds"])
    for name in manifest["termFiles"] + manifest["docFiles"]:
        assert (folder / name).is_file()
    # what the browser must agree on comes from the build
    assert manifest["kindOrder"] == "pstcun"
    assert manifest["kindSlugs"] == {"p": "ke-hoach", "s": "muc", "t": "nhiem-vu", "c": "chi-tieu",
                                     "u": "don-vi", "n": "cap-nhat"}
    assert manifest["row"] == ["kind", "title", "url", "unit", "body", "context", "status", "date"]
    assert manifest["labels"]["kind-t"] == "Nhiệm vụ"
    scripts = [s["src"] for s in site.page("tim-kiem/").find_all("script")]
    assert scripts == ["../theme/js/fold.js", "../theme/js/search-engine.js", "../theme/js/search.js"]


def test_every_kind_is_indexed_with_its_unit(site):
    manifest, folder = index_files(site)
    rows = [row for name in manifest["docFiles"] for row in json.loads((folder / name).read_text(encoding="utf-8"))]
    assert set(manifest["kinds"]) == set("pstcun")
    by_url = {row[2]: row for row in rows}
    task = by_url["ke-hoach/kh-c/#c-nv-4-3"]
    assert task[1].startswith("Xây dựng kho dữ liệu dùng chung")
    assert manifest["units"][task[3]][0] == "so-thuy-loi"
    assert task[6] == "task-dang-thuc-hien"
    assert by_url["ke-hoach/kh-a/#a-nv-1"][6] == "task-dang-thuc-hien task-late"
    assert by_url["chi-tieu/a-ct-dat/"][6] == "badge-met"
    assert by_url["ke-hoach/kh-c/#i-muc-dich"][4].startswith("Hoà mạng các trạm bơm")


def test_every_result_links_to_an_existing_page_and_anchor(site):
    manifest, folder = index_files(site)
    for name in manifest["docFiles"]:
        for row in json.loads((folder / name).read_text(encoding="utf-8")):
            parts = urlsplit(row[2])
            assert site.path(parts.path).is_file(), row[2]
            if parts.fragment:
                assert site.page(parts.path).find(id=parts.fragment) is not None, row[2]


def test_search_page_has_no_inline_script_or_style(site):
    html = site.text("tim-kiem/")
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_no_documents_give_one_empty_shard():
    index = build_index([])
    shards = split_terms(index)
    assert shards == [[]]
    assert next(shard_indexes(index, shards))["terms"] == []


def test_index_files_are_the_json_the_standard_library_writes():
    """dumps() (orjson) writes what json.dumps(ensure_ascii=False, separators=(",", ":")) writes."""
    import json

    from pelican.plugins.portal.search.index import dumps
    value = {"terms": ["chuyển", "đổi_số", 'trích "dẫn"', "a\\b", "dòng\nmới\t\x01", "\u2028"],
             "postings": [[[0, 3, 120, 5, 80], [2, 1, 33]], []], "unitOf": [-1, 0, 12], "kindOrder": "pmnctu"}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))

