"""`make demo`: sample updates generated from the current content, layered over it, labelled
on every page; the ordinary build never reads them."""

import json
import os
import re
from datetime import date

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from site_support import REPO, Site, build, copy_site
import samples
from pelican.plugins.portal.content.loader import load_portal


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    content = copy_site("progress", tmp)
    portal, problems = load_portal(content)
    assert not problems
    judging = samples.demo_date(portal)
    sample = tmp / "sample"
    samples.write(samples.generate(portal, judging), sample, judging)
    settings = read_settings(str(REPO / "democonf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp / "output"), "CACHE_PATH": str(tmp / "cache"),
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
        "PORTAL_EXTRA_PATHS": [str(sample)],
        "ARTICLE_PATHS": ["cap-nhat", "tin-tuc", os.path.relpath(sample / "cap-nhat", content)],
        "PORTAL_JUDGING_DATE": (sample / "ngay-danh-gia.txt").read_text().strip(),
    })
    Pelican(settings).run()
    site = Site(tmp / "output")
    site.sample, site.content, site.judging = sample, content, judging
    return site


def test_samples_reference_the_current_ids(demo):
    portal, problems = load_portal(demo.content, judging_date=demo.judging, extra_paths=[demo.sample])
    assert not problems
    real = {t.id for t in portal.targets.values() if t.plan.id != samples.SAMPLE_PLAN}
    reported = {r.target.id for u in portal.updates for r in u.target_reports}
    assert reported & real and reported - real  # real targets and the sample plan's
    for path in demo.sample.glob("cap-nhat/*.md"):
        assert "số liệu mẫu" in path.read_text(encoding="utf-8").lower(), path


def test_demo_date_follows_the_deadlines(demo):
    assert demo.judging == date(2027, 1, 15)  # the latest target deadline is 31/12/2026 (năm 2026)


def test_every_badge_state_shows(demo):
    states = set()
    for svg in demo.output.glob("huy-hieu/*.svg"):
        states.add(re.search(r'aria-label="chỉ tiêu \(số liệu mẫu\): ([^"·;]+)', svg.read_text()).group(1).strip())
    assert states == {"Chưa có số liệu", "Đã đạt", "Đúng tiến độ", "Có nguy cơ chậm", "Không đạt", "Đã đạt, sau thời hạn"}


def test_every_page_says_the_figures_are_samples(demo):
    pages = list(demo.output.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        banner = soup.select_one(".sample-banner")
        assert banner and "số liệu mẫu" in banner.get_text().lower(), page
    data = json.loads((demo.output / "du-lieu" / "chi-tieu.json").read_text(encoding="utf-8"))
    assert data["so_lieu_mau"] is True
    home = demo.page("")
    assert "(bản mẫu)" in home.title.get_text()
    assert home.select("ul.changes li")  # the latest changes come from the samples
    assert demo.page("nhiem-vu/qua-han/").select("table.late-tasks")


def test_ordinary_build_has_no_samples(demo, tmp_path):
    site = Site(build(demo.content, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache")))
    assert not list(site.output.glob("cap-nhat/mau-*"))
    assert not site.page("").select_one(".sample-banner")
    assert samples.SAMPLE_PLAN not in site.text("ke-hoach/")
