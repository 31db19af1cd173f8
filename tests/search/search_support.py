"""Helpers for the search tests: the fixture site, a local HTTP server with the production
CSP, and headless Chromium (Debian's, installed by `make test`)."""

import json
import shutil
from pathlib import Path

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
