"""Lists that add up and lead somewhere, on the real content and the sample site: unit pages
whose counts match their lists, pre-built filter pages, names that identify, no dead ends."""

import os
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from site_support import REPO, Site, build, copy_site


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    return Site(build(REPO / "content", tmp_path_factory.mktemp("real") / "output"))


def _rows(node, attr="data-task"):
    return {row.get(attr) for row in node.find_all("tr") if row.get(attr)}


def _unit_urls(site):
    return sorted(p.parent.name for p in (site.output / "don-vi").glob("*/index.html"))


def test_every_unit_page_counts_exactly_what_it_lists(real_site):
    """Each count of the summary links to a list on the page, and the list holds that many
    items, bucket by bucket (a department's divisions' tasks included, grouped by division)."""
    units = _unit_urls(real_site)
    assert len(units) > 40
    for uid in units:
        page = real_site.page(f"don-vi/{uid}/")
        tasks_box = page.find(attrs={"data-counted": "tasks"})
        targets_box = page.find(attrs={"data-counted": "targets"})
        listed_tasks, listed_targets = _rows(tasks_box), _rows(targets_box, "data-target")
        legend = {li["data-key"]: int(li.strong.text) for li in page.select("[data-rollup=tasks] li")}
        total = int(page.select_one("#tong-hop .rollup-part:nth-of-type(2) .rollup-title strong").text)
        assert total == len(listed_tasks), uid
        assert sum(legend.values()) == total, uid
        for key, count in legend.items():
            rows = {r["data-task"] for r in tasks_box.find_all("tr", attrs={"data-bucket": key})}
            assert len(rows) == count, (uid, key)
        target_total = int(page.select_one("#tong-hop .rollup-title strong").text)
        assert target_total == len(listed_targets), uid
        for link in page.select("#tong-hop .rollup-title a"):
            assert page.find(id=link["href"].lstrip("#")) is not None, (uid, link["href"])


def test_a_department_lists_its_divisions_work_grouped_by_division(real_site):
    page = real_site.page("don-vi/so-tu-phap/")
    box = page.find(attrs={"data-counted": "tasks"})
    assert len(_rows(box)) == 24
    groups = [h3.get_text(" ", strip=True) for h3 in box.find_all("h3")]
    assert any(g.startswith("Văn phòng Sở") for g in groups), groups
    # task text is never cut on a unit page
    assert not [a for a in box.select(".item-title a") if a.get_text().endswith("...")]


def test_short_names_that_clash_are_qualified_and_plans_have_labels(real_site):
    text = real_site.text("nhiem-vu/")
    assert "Văn phòng Sở (Sở Tư pháp)" in text and "Văn phòng Sở (Sở Ngoại vụ)" in text
    page = real_site.page("nhiem-vu/")
    names = {}
    for a in page.select("table.stack td a[href*='don-vi/']"):
        names.setdefault(a.get_text(), set()).add(a["href"])
    assert all(len(hrefs) == 1 for hrefs in names.values()), {n: h for n, h in names.items() if len(h) > 1}
    for url in ("nhiem-vu/", "chi-tieu/", "nhiem-vu/qua-han/", "ke-hoach/"):
        assert "Không rõ số" not in real_site.text(url) and "không ghi số" not in real_site.text(url), url
    assert "KH CĐS UBND phường Thạch Khôi 6 tháng cuối 2025" in text


def test_every_filter_option_has_a_pre_built_page_linked_from_the_index(real_site):
    index = real_site.page("nhiem-vu/")
    form = index.find("form", attrs={"data-filters": True})
    links = {a["href"].split("nhiem-vu/", 1)[-1] for a in index.select("details.browse a")}
    rows = index.select("[data-filter-scope] tr[data-task]")
    for select, prefix, attr in (("don-vi", "don-vi/", "data-units"), ("ke-hoach", "ke-hoach/", "data-plan"),
                                 ("trang-thai", "trang-thai/", "data-bucket")):
        options = [o["value"] for o in form.find("select", attrs={"name": select}).find_all("option") if o["value"]]
        assert options, select
        for value in options:
            assert f"{prefix}{value}/" in links, (select, value)
            page = real_site.page(f"nhiem-vu/{prefix}{value}/")
            expected = {r["data-task"] for r in rows if value in r[attr].split()}
            assert _rows(page) == expected, (select, value)
    targets = real_site.page("chi-tieu/")
    for option in targets.find("select", attrs={"name": "trang-thai"}).find_all("option")[1:]:
        assert real_site.path(f"chi-tieu/danh-gia/{option['value']}/").exists()


def test_no_dead_ends(real_site, tmp_path):
    out = real_site.output
    assert (out / "404.html").exists() and "Không tìm thấy trang" in (out / "404.html").read_text(encoding="utf-8")
    assert (out / "theme" / "favicon.svg").exists()
    assert 'rel="icon"' in real_site.text("")
    data_index = real_site.text("du-lieu/")
    files = [str(p.relative_to(out)) for p in (out / "du-lieu").rglob("*") if p.suffix in (".csv", ".json")]
    assert len(files) > 100
    assert [f for f in files if f">{f}<" not in data_index] == []  # every file, by its path
    assert "<code>ma</code>" in data_index and "<code>han_cuoi</code>" in data_index  # and the columns
    # task and target codes as copyable text on their cards
    plan = real_site.page("ke-hoach/3183-kh-stp/")
    assert plan.select_one("#stp-nv-1 .item-code code").text == "stp-nv-1"
    # the updates index exists before the first update
    content = copy_site("basic", tmp_path)
    for folder in ("cap-nhat", "tin-tuc"):
        for md in (content / folder).glob("*.md"):
            md.unlink()
    empty = Site(build(content, tmp_path / "output"))
    assert "Chưa có bài" in empty.text("cap-nhat/") and "Chưa có bài" in empty.text("tin-tuc/")


def test_no_broken_internal_link_anywhere(real_site):
    """Crawl every HTML file: every href and src inside the site resolves to a file."""
    out = real_site.output
    broken, ids = [], {}
    pages = list(out.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        if page.name == "404.html":
            continue  # absolute links, checked below against the site root
        tree = lxml_html.fromstring(page.read_bytes())
        for value in tree.xpath("//@href | //@src"):
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or value.startswith(("mailto:", "#")) or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir() or parts.path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append((str(page.relative_to(out)), value))
            elif parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(lxml_html.fromstring(target.read_bytes()).xpath("//@id"))
                if parts.fragment not in ids[target]:
                    broken.append((str(page.relative_to(out)), value))
    assert broken == [], broken[:20]
    tree = lxml_html.fromstring((out / "404.html").read_bytes())
    for value in tree.xpath("//@href | //@src"):
        if value.startswith("/"):
            path = out / urlsplit(value).path.lstrip("/")
            assert (path / "index.html" if path.is_dir() else path).exists(), value
