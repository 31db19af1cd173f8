"""Shared fixtures: build a small site into a temp dir with the real config and theme."""

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

REPO = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
JUDGING_DATE = "2025-11-30"


def build(content, output, **overrides):
    settings = read_settings(
        str(REPO / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "PORTAL_JUDGING_DATE": JUDGING_DATE,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            **overrides,
        },
    )
    Pelican(settings).run()
    return output


class Site:
    def __init__(self, output):
        self.output = Path(output)

    def path(self, url):
        url = url.lstrip("/")
        return self.output / (url + "index.html" if url.endswith("/") or not url else url)

    def page(self, url):
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")

    def text(self, url):
        return self.path(url).read_text(encoding="utf-8")


def copy_site(name, tmp_path):
    target = tmp_path / "content"
    shutil.copytree(SITES / name, target)
    return target


@pytest.fixture(scope="session")
def basic_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("basic")
    content = copy_site("basic", tmp)
    return Site(build(content, tmp / "output"))


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, shared by the browser tests."""
    from playwright.sync_api import sync_playwright

    from browser_support import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
