"""Golden files: the open data (CSV, JSON) and Atom feeds of tests/sites/progress, published
under a sub-path with the judging date pinned, compared byte for byte with reviewed copies
in tests/site/golden/. After an intended change, regenerate with

    PORTAL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/site/test_golden.py

and review the diff (`git diff tests/site/golden/`) before committing it.
"""

import os
import shutil
from pathlib import Path

import pytest

from site_support import build, copy_site

GOLDEN = Path(__file__).resolve().parent / "golden"
SITEURL = "https://example.gov.vn/chuyen-doi-so"
FILES = [
    "du-lieu/don-vi.csv", "du-lieu/ke-hoach.json", "du-lieu/chi-tieu.csv", "du-lieu/chi-tieu.json",
    "du-lieu/nhiem-vu.csv", "du-lieu/so-lieu-chi-tieu.csv", "du-lieu/tien-do-nhiem-vu.json",
    "du-lieu/ke-hoach/kh-x/nhiem-vu.csv", "du-lieu/chi-tieu/x-ct-dat/so-lieu-chi-tieu.json",
    "atom.xml", "ke-hoach/kh-x/atom.xml",
]


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("golden")
    content = copy_site("progress", tmp)
    return build(content, tmp / "output", SITEURL=SITEURL, RELATIVE_URLS=False, PORTAL_CARDS=False)


@pytest.mark.parametrize("name", FILES)
def test_output_matches_golden_file(output, name):
    produced = (output / name).read_bytes()
    golden = GOLDEN / name
    if os.environ.get("PORTAL_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(output / name, golden)
    assert golden.exists(), f"no golden copy of {name}: run with PORTAL_UPDATE_GOLDEN=1 and review it"
    assert produced == golden.read_bytes(), f"{name} differs from tests/site/golden/{name}"
