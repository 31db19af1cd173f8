"""Shared fixtures; helper modules (site_support, unit/factories, browser/browser_support,
search/search_support, tools/samples) are put on sys.path here."""

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
for folder in (TESTS, TESTS / "unit", TESTS / "browser", TESTS / "search", REPO / "tools"):
    sys.path.insert(0, str(folder))

from site_support import Site, build, copy_site  # noqa: E402


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("basic")
    content = copy_site("basic", tmp)
    return Site(build(content, tmp / "output"))
