"""Build a small site into a temp dir with the real config and theme, and read its pages."""

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

REPO = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
SITES = TESTS / "sites"
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
            # Pages are rendered afresh (tests/site/test_incremental.py tests the page cache).
            "PORTAL_INCREMENTAL": False,
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


def tree(folder):
    """{relative path: bytes} of every file under `folder`."""
    folder = Path(folder)
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_site(name, tmp_path):
    target = tmp_path / "content"
    shutil.copytree(SITES / name, target)
    return target
