"""Shared fixtures; helper modules (site_support, unit/factories, browser/browser_support,
search/search_support, tools/samples) are put on sys.path here."""

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
for folder in (REPO, TESTS, TESTS / "unit", TESTS / "browser", TESTS / "search", TESTS / "publish", REPO / "tools"):
    sys.path.insert(0, str(folder))

from site_support import Site, build, copy_site  # noqa: E402


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("basic")
    content = copy_site("basic", tmp)
    return Site(build(content, tmp / "output"))


@pytest.fixture(scope="session")
def real_server(tmp_path_factory):
    """The real content/ built once and served on 127.0.0.1 with the production CSP."""
    from browser_support import Server

    output = tmp_path_factory.mktemp("real-pages") / "output"
    build(REPO / "content", output)
    server = Server(output)
    yield server
    server.stop()


def pytest_collection_modifyitems(config, items):
    """Tests that drive Chromium (tests/browser/, or any test using the `browser` fixture) are
    marked `browser`: `pytest -m "not browser"` runs the fast suite alone."""
    for item in items:
        if "/tests/browser/" in str(item.fspath) or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, shared by the browser tests."""
    from playwright.sync_api import sync_playwright

    from browser_support import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
