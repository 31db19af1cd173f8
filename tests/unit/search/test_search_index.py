"""The search index as built in Python: folding, terms, lunr, shards and the files written."""

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from lunr.builder import Builder

from pelican.plugins.portal.problems import ContentError
from pelican.plugins.portal.search.index import (
    FIELDS, WEIGHT_DECIMALS, TermListBuilder, build_index, key_terms, shard_indexes, split_terms, text_terms, to_ref,
)
from pelican.plugins.portal.text import fold
from search_support import build_search_site, fold_cases, search_content
from site_support import build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_search_site(tmp_path_factory.mktemp("search-index"))


def index_files(site):
    page = site.page("tim-kiem/")
    manifest_url = page.find(id="tim-kiem")["data-manifest"]
    manifest_path = urljoin("tim-kiem/", manifest_url)
    manifest = json.loads(site.path(manifest_path).read_text(encoding="utf-8"))
    return manifest, site.path(manifest_path).parent


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
    return [{"title": text_terms(t), "key": key_terms(t[:12]), "body": text_terms(t * 2)} for t in texts]


def test_fast_add_builds_the_same_index_as_lunrs_own_add():
    lists = sample_term_lists()
    fast = build_index(lists)
    stock = Builder()
    stock.pipeline.reset()
    stock.search_pipeline.reset()
    stock.ref("id")
    for name, boost in FIELDS:
        stock.field(name, boost=boost)
    for number, fields in enumerate(lists):
        stock.add({"id": to_ref(number), **fields})
    expected = stock.build().serialize()
    assert fast.inverted_index == json.loads(json.dumps(dict(expected["invertedIndex"])))
    assert {ref: v.elements for ref, v in fast.field_vectors.items()} == dict(expected["fieldVectors"])
    assert isinstance(fast, TermListBuilder)


def test_shards_hold_each_term_once_with_the_whole_index_weights():
    builder = build_index(sample_term_lists())
    shards = split_terms(builder, shard_bytes=300)
    assert len(shards) > 3
    flat = [term for shard in shards for term in shard]
    assert flat == sorted(builder.inverted_index)
    for shard, data in zip(shards, shard_indexes(builder, shards)):
        assert [t for t, _ in data["invertedIndex"]] == shard
        vectors = dict(data["fieldVectors"])
        for term, posting in data["invertedIndex"]:
            whole = builder.inverted_index[term]["_index"]
            for name, _ in FIELDS:
                for ref in posting[name]:
                    field_ref = f"{name}/{ref}"
                    full = dict(zip(builder.field_vectors[field_ref].elements[::2],
                                    builder.field_vectors[field_ref].elements[1::2]))
                    local = dict(zip(vectors[field_ref][::2], vectors[field_ref][1::2]))
                    assert local[posting["_index"]] == round(full[whole], WEIGHT_DECIMALS)
        for elements in vectors.values():
            assert elements[::2] == sorted(elements[::2])  # lunr.Vector needs sorted indexes


def test_search_page_index_files_and_lunr_are_written(site):
    manifest, folder = index_files(site)
    assert manifest["docs"] == len(manifest["kinds"]) == len(manifest["unitOf"])
    assert manifest["bounds"][0] == "" and manifest["bounds"] == sorted(manifest["bounds"])
    for name in manifest["termFiles"] + manifest["docFiles"]:
        assert (folder / name).is_file()
    assert site.path("theme/js/lunr.min.js").read_text(encoding="utf-8").lstrip().startswith("/**\n * lunr")
    scripts = [s["src"] for s in site.page("tim-kiem/").find_all("script")]
    assert scripts == ["../theme/js/lunr.min.js", "../theme/js/fold.js", "../theme/js/search-engine.js",
                       "../theme/js/search.js"]


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


def test_missing_lunr_js_stops_the_build_with_a_message(tmp_path, capsys):
    content = search_content(tmp_path)
    with pytest.raises(ContentError):
        build(content, tmp_path / "output", PORTAL_NODE_MODULES=str(tmp_path / "nowhere"))
    assert "chưa có lunr.js" in capsys.readouterr().err


def test_no_documents_give_one_empty_shard():
    builder = build_index([])
    shards = split_terms(builder)
    assert shards == [[]]
    assert shard_indexes(builder, shards)[0]["invertedIndex"] == []
