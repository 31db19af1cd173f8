"""Helpers for the search tests: the fixture site, a local HTTP server with the production
CSP, and headless Chromium (Debian's, installed by `make test`)."""

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

from browser_support import CHROMIUM, CSP, Server  # noqa: F401  (re-exported)
from site_support import SITES, Site, build, copy_site

HERE = Path(__file__).resolve().parent
FOLD_CASES = HERE / "fold_cases.json"


def fold_cases():
    return json.loads(FOLD_CASES.read_text(encoding="utf-8"))


def search_content(tmp_path):
    """tests/sites/basic with tests/sites/search on top (more plans, units and articles)."""
    content = copy_site("basic", tmp_path)
    shutil.copytree(SITES / "search", content, dirs_exist_ok=True)
    return content


def build_search_site(tmp_path, output=None, **overrides):
    content = search_content(tmp_path)
    return Site(build(content, output or tmp_path / "output", **overrides))


def index_files(site):
    """(manifest dict, folder of the index files) of a built Site."""
    page = site.page("tim-kiem/")
    manifest_url = page.find(id="tim-kiem")["data-manifest"]
    manifest_path = urljoin("tim-kiem/", manifest_url)
    manifest = json.loads(site.path(manifest_path).read_text(encoding="utf-8"))
    return manifest, site.path(manifest_path).parent
