"""Search documents: ids as keys, context at low weight, whole texts indexed, short snippets."""

import json

import pytest

from search_support import build_search_site, index_files
from pelican.plugins.portal.search.documents import BODY_WORDS


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    site = build_search_site(tmp_path_factory.mktemp("search-docs"))
    manifest, folder = index_files(site)
    found = [dict(zip(manifest["row"], row)) for name in manifest["docFiles"]
             for row in json.loads((folder / name).read_text(encoding="utf-8"))]
    return {row["url"]: row for row in found}


def test_a_section_keeps_a_short_snippet(rows):
    body = rows["ke-hoach/kh-d/#i-can-cu"]["body"]
    assert body.startswith("Văn bản mẫu này có một đoạn dài") and body.endswith(" …")
    assert len(body.split()) == BODY_WORDS + 1
    assert "hộ tịch" not in body  # indexed (tests/browser finds it), not shown


def test_documents_for_the_new_sample_plan(rows):
    assert rows["ke-hoach/kh-d/#d-nv-2-3-1"]["context"] == "Nhiệm vụ II.3.1 · Kế hoạch số 31/KH-SA"
    assert rows["ke-hoach/kh-d/#d-nv-2-3-1"]["title"] == "Vận hành hệ thống hội nghị trực tuyến của Sở."
