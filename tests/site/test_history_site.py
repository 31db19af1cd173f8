"""End to end for issue 5 on tests/sites/progress (sample data, pinned judging date 30/11/2025):
statuses and judgement numbers, history charts, roll-ups, late work, feeds, open data, cards."""

import csv
import io
import json
import logging
import re

import pytest
from lxml import etree

from site_support import Site, build, copy_site

SITEURL = "https://example.gov.vn/chuyen-doi-so"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def progress_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("progress")
    content = copy_site("progress", tmp)
    site = Site(build(content, tmp / "output", CACHE_PATH=str(tmp / "cache")))
    site.cache = tmp / "cache"
    site.content = content
    return site


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("published")
    content = copy_site("progress", tmp)
    return Site(build(content, tmp / "output", SITEURL=SITEURL, RELATIVE_URLS=False, CACHE_PATH=str(tmp / "cache")))


def judgement_numbers(page):
    table = page.select_one("table.judgement-numbers")
    return {td["data-key"]: td.get_text(" ", strip=True) for td in table.select("td[data-key]")}


def statuses(page):
    return {dd["data-status"]: dd["data-value"] for dd in page.select("dd[data-status]")}


@pytest.mark.parametrize("target_id, reporting, progress_state", [
    ("x-ct-trong", "not-reported", "none"),  # a report exists, but after the judging date
    ("x-ct-dat", "reported", "met"),
    ("x-ct-dung", "reported", "on-track"),
    ("x-ct-cham", "reported", "at-risk"),
    ("x-ct-truot", "reported", "not-met"),
    ("x-ct-giam", "reported", "on-track"),
    ("x-ct-dem", "reported", "on-track"),
])
def test_two_statuses_on_each_target_page(progress_site, target_id, reporting, progress_state):
    page = progress_site.page(f"chi-tieu/{target_id}/")
    assert statuses(page) == {"reporting": reporting, "progress": progress_state}


def test_judgement_numbers_are_shown(progress_site):
    numbers = judgement_numbers(progress_site.page("chi-tieu/x-ct-dung/"))
    assert numbers["judging_date"] == "30/11/2025"
    assert numbers["baseline"] == "01/09/2025" and numbers["deadline"] == "31/12/2025"
    assert numbers["days_left"] == "31 ngày"
    assert numbers["latest"].startswith("55%") and numbers["report_count"] == "3"
    assert numbers["expected"] == "49,59%"  # 80 × 75/121 days
    assert numbers["gap"] == "+5,41%"
    reason = progress_site.page("chi-tieu/x-ct-cham/").find(attrs={"data-key": "reason"}).get_text(" ", strip=True)
    assert "kém mức cần đạt 49,59%" in reason
    late = judgement_numbers(progress_site.page("chi-tieu/x-ct-truot/"))
    assert late["days_left"] == "đã quá hạn 30 ngày" and "expected" not in late
    assert "không có lộ trình" in progress_site.page("chi-tieu/x-ct-dem/").find(attrs={"data-key": "reason"}).get_text()


def test_history_chart_points_link_to_their_updates(progress_site):
    page = progress_site.page("chi-tieu/x-ct-dung/")
    svg = page.select_one("figure.chart svg")
    assert svg["role"] == "group" and svg.find("title") and svg.find("desc")
    assert "10% ngày 15/09/2025; 30% ngày 15/10/2025; 55% ngày 15/11/2025" in svg.find("desc").get_text()
    points = svg.select("a.point")
    assert [a["href"].split("/")[-2] for a in points] == ["x-2025-09", "x-2025-10", "x-2025-11"]
    assert all(a["href"].endswith("#so-lieu-x-ct-dung") and a["aria-label"] for a in points)
    for a in points:  # each link leads to an existing page with the anchored row
        url, anchor = a["href"].split("#")
        assert progress_site.page(re.sub(r"^(\.\./)+", "", url)).find(id=anchor)
    xs = [float(a.find("circle")["cx"]) for a in points]
    assert xs == sorted(xs)
    assert svg.select_one("line.goal-line") and svg.select_one("line.path-line")
    assert "Mục tiêu ≥ 80%" in svg.select_one("text.goal-label").get_text()
    # the same data as a table beside the chart, oldest first
    rows = page.select("table.history-table tbody tr")
    assert [r.find("td").get_text() for r in rows] == ["15/09/2025", "15/10/2025", "15/11/2025"]
    assert not re.search(r'\sstyle="', progress_site.text("chi-tieu/x-ct-dung/"))  # CSP: no inline styles


def test_report_after_the_judging_date_is_listed_but_not_counted(progress_site):
    page = progress_site.page("chi-tieu/x-ct-trong/")
    assert page.select_one("figure.chart") is None
    row = page.select_one("table.history-table tbody tr")
    assert "chưa tính" in row.get_text() and "muted" in row.get("class", [])


def rollup_counts(page, kind, scope="#tong-hop"):
    legend = page.select_one(f'{scope} ul[data-rollup="{kind}"]')
    return {li["data-key"]: int(li.find("strong").get_text()) for li in legend.find_all("li")}


def test_unit_rollup_counts_its_divisions(progress_site):
    page = progress_site.page("don-vi/so-x/")
    assert rollup_counts(page, "tasks") == {"done": 1, "in-progress": 0, "ongoing": 1, "not-started": 0, "never-reported": 2, "late": 2, "late-unreported": 2}
    assert rollup_counts(page, "targets") == {"met": 1, "on-track": 3, "at-risk": 1, "not-met": 1, "no-data": 1}
    tech = progress_site.page("don-vi/x-cntt/")  # itself and its Trung tâm Dữ liệu
    assert rollup_counts(tech, "tasks") == {"done": 0, "in-progress": 0, "ongoing": 1, "not-started": 0,
                                          "never-reported": 1, "late": 0, "late-unreported": 2}
    assert rollup_counts(tech, "targets") == {"met": 0, "on-track": 0, "at-risk": 1, "not-met": 0, "no-data": 0}
    office = progress_site.page("don-vi/x-vp/")  # x-nv-8 is only supported: not counted
    assert rollup_counts(office, "tasks") == {"done": 0, "in-progress": 0, "ongoing": 0, "not-started": 0,
                                            "never-reported": 0, "late": 2, "late-unreported": 1}


def test_plan_and_city_rollups(progress_site):
    plan = progress_site.page("ke-hoach/kh-x/")
    assert rollup_counts(plan, "tasks") == {"done": 1, "in-progress": 1, "ongoing": 1, "not-started": 0, "never-reported": 2, "late": 2, "late-unreported": 2}
    home = progress_site.page("")
    assert rollup_counts(home, "tasks") == {"done": 2, "in-progress": 1, "ongoing": 1, "not-started": 0, "never-reported": 2, "late": 2, "late-unreported": 2}
    assert rollup_counts(home, "targets") == {"met": 1, "on-track": 3, "at-risk": 1, "not-met": 1, "no-data": 2}
    assert home.select_one("#tong-hop svg.rollup-bar")["aria-hidden"] == "true"  # the numbers are written out
    changes = home.select("ul.changes li")
    assert changes and "25/11/2025" in changes[0].get_text()  # newest counted first
    assert not any("05/12/2025" in li.get_text() for li in changes)  # posted after the judging date
    assert home.find("a", href=re.compile(r"nhiem-vu/qua-han/$"), string=re.compile("quá hạn"))


def test_late_page_lists_late_tasks_by_unit_oldest_first(progress_site):
    page = progress_site.page("nhiem-vu/qua-han/")
    assert page.find("h1").get_text() == "Nhiệm vụ quá hạn"
    tables = page.select("table.late-tasks")
    got = [(t["data-unit"], [r["data-task"] for r in t.select("tr[data-task]")]) for t in tables]
    assert got == [("x-cntt", ["x-nv-3", "x-nv-2"]), ("x-vp", ["x-nv-3", "x-nv-1", "x-nv-9"])]
    first = tables[0].select_one("tr[data-task]").get_text(" ", strip=True)
    assert "61 ngày" in first
    never = [r["data-task"] for r in page.select("table.never-late tr[data-task]")]
    assert never == ["x-nv-7", "x-nv-6"]  # never reported first
    assert "20/10/2025" in page.select_one('table.never-late tr[data-task="x-nv-6"]').get_text()


def test_never_late_tasks_show_their_last_report(progress_site):
    row = progress_site.page("ke-hoach/kh-x/").find(id="x-nv-6")
    assert "báo cáo gần nhất 20/10/2025" in row.get_text(" ", strip=True)
    assert "Quá hạn" not in row.get_text()


def test_about_page_explains_the_rules_from_the_code(progress_site):
    page = progress_site.page("ve-du-lieu/")
    text = page.get_text(" ", strip=True)
    for words in ("Tình trạng báo cáo", "Mức độ tiến triển", "lộ trình", "không bao giờ bị tính là quá hạn",
                  "gồm cả các đơn vị trực thuộc", "một lần", "UTF-8 có BOM"):
        assert words in text, words
    # the worked example is judged by progress.judge_target itself
    assert "Mức cần đạt là 49,59%" in text and "Có nguy cơ chậm" in text
    for kind in ("don-vi", "ke-hoach", "chi-tieu", "nhiem-vu", "so-lieu-chi-tieu", "tien-do-nhiem-vu"):
        assert page.find(id=f"cot-{kind}"), kind
    assert page.select_one("#cot-nhiem-vu").find("code", string="qua_han")


def read_csv(site, url):
    raw = site.path(url).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), url  # UTF-8 BOM for Excel
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_open_data_whole_portal(progress_site):
    tasks = {row["ma"]: row for row in read_csv(progress_site, "du-lieu/nhiem-vu.csv")}
    assert len(tasks) == 10
    assert tasks["x-nv-3"]["chu_tri"] == "x-vp; x-cntt" and tasks["x-nv-3"]["qua_han"] == "có"
    assert tasks["x-nv-3"]["so_ngay_qua_han"] == "61" and tasks["x-nv-6"]["loai_thoi_han"] == "ongoing"
    targets = {row["ma"]: row for row in read_csv(progress_site, "du-lieu/chi-tieu.csv")}
    assert targets["x-ct-dung"]["danh_gia"] == "on-track" and targets["x-ct-dung"]["muc_can_dat"] == "49.59"
    assert targets["x-ct-trong"]["tinh_trang_bao_cao"] == "not-reported"
    history = read_csv(progress_site, "du-lieu/so-lieu-chi-tieu.csv")
    assert [r["tinh_den"] for r in history if r["chi_tieu"] == "x-ct-dung"] == ["2025-09-15", "2025-10-15", "2025-11-15"]
    assert len(read_csv(progress_site, "du-lieu/don-vi.csv")) == 7
    assert {r["ma"] for r in read_csv(progress_site, "du-lieu/ke-hoach.csv")} == {"kh-x", "kh-y"}
    assert len(read_csv(progress_site, "du-lieu/tien-do-nhiem-vu.csv")) == 7
    payload = json.loads(progress_site.text("du-lieu/nhiem-vu.json"))
    assert payload["so_lieu_mau"] is False and len(payload["ban_ghi"]) == 10
    assert next(r for r in payload["ban_ghi"] if r["ma"] == "x-nv-3")["chu_tri"] == ["x-vp", "x-cntt"]


def test_open_data_slices_are_linked_from_their_pages(progress_site):
    plan = progress_site.page("ke-hoach/kh-x/")
    links = {a["href"].split("ke-hoach/kh-x/")[-1] for a in plan.select(".data-links a")}
    assert {"chi-tieu.csv", "nhiem-vu.json", "so-lieu-chi-tieu.csv", "tien-do-nhiem-vu.json"} <= links
    for a in plan.select(".data-links a"):
        assert progress_site.path(re.sub(r"^(\.\./)+", "", a["href"])).exists(), a["href"]
    assert len(read_csv(progress_site, "du-lieu/ke-hoach/kh-x/chi-tieu.csv")) == 7
    assert len(read_csv(progress_site, "du-lieu/ke-hoach/kh-y/nhiem-vu.csv")) == 1
    office = {r["ma"] for r in read_csv(progress_site, "du-lieu/don-vi/x-vp/nhiem-vu.csv")}
    assert office == {"x-nv-1", "x-nv-3", "x-nv-9", "x-nv-8", "x-nv-7"}  # led, supported, via its group
    assert progress_site.page("don-vi/x-vp/").select_one(".data-links a[href$='don-vi/x-vp/nhiem-vu.csv']")
    history = read_csv(progress_site, "du-lieu/chi-tieu/x-ct-dung/so-lieu-chi-tieu.csv")
    assert [r["gia_tri"] for r in history] == ["10", "30", "55"]
    assert progress_site.page("chi-tieu/x-ct-dung/").select_one(".data-links a[href$='x-ct-dung/so-lieu-chi-tieu.csv']")


def test_local_build_has_no_feeds_and_links_none(progress_site):
    assert not progress_site.path("atom.xml").exists()
    assert not progress_site.page("").find("link", rel="alternate")


def parse_feed(site, url):
    tree = etree.fromstring(site.path(url).read_bytes())  # well-formed XML
    assert tree.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert tree.find(f"{ATOM}{tag}") is not None and tree.find(f"{ATOM}{tag}").text, tag
    self_link = tree.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == f"{SITEURL}/{url}"
    assert tree.find(f"{ATOM}id").text == f"{SITEURL}/{url}"  # each feed its own id
    assert tree.find(f"{ATOM}link[@rel='alternate']").get("href").startswith(SITEURL + "/")
    entries = tree.findall(f"{ATOM}entry")
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{tag}") is not None and entry.find(f"{ATOM}{tag}").text, tag
        assert entry.find(f"{ATOM}author/{ATOM}name").text  # each entry has an author
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link.startswith(SITEURL + "/"), link
    return tree, entries


def test_feeds_are_valid_atom_with_absolute_urls(published_site):
    tree, entries = parse_feed(published_site, "atom.xml")
    assert len(entries) == 6  # five updates and one news article
    assert entries[0].find(f"{ATOM}title").text.startswith("Sở X báo cáo tháng 12/2025")  # newest first
    unit_feed, unit_entries = parse_feed(published_site, "don-vi/so-x/atom.xml")
    assert unit_feed.find(f"{ATOM}link[@rel='alternate']").get("href") == f"{SITEURL}/don-vi/so-x/"
    assert len(unit_entries) == 4
    _, office_entries = parse_feed(published_site, "don-vi/x-vp/atom.xml")
    assert [e.find(f"{ATOM}author/{ATOM}name").text for e in office_entries] == ["Văn phòng Sở Thử nghiệm X"]
    summary = office_entries[0].find(f"{ATOM}summary").text
    assert "55%" in summary  # the reported figures travel with the entry
    _, plan_entries = parse_feed(published_site, "ke-hoach/kh-x/atom.xml")
    assert len(plan_entries) == 5
    _, empty = parse_feed(published_site, "don-vi/x-cntt/atom.xml")
    assert empty == []
    assert etree.fromstring(published_site.path("don-vi/x-cntt/atom.xml").read_bytes()).find(
        f"{ATOM}updated").text.startswith("2025-11-30")  # an empty feed is dated by the judging date


@pytest.mark.parametrize("url, feed", [
    ("", "atom.xml"), ("don-vi/so-x/", "don-vi/so-x/atom.xml"), ("ke-hoach/kh-x/", "ke-hoach/kh-x/atom.xml"),
])
def test_pages_link_their_feed(published_site, url, feed):
    hrefs = [link["href"] for link in published_site.page(url).find_all("link", rel="alternate")]
    assert f"{SITEURL}/{feed}" in hrefs
    for link in published_site.page(url).find_all("link", rel="alternate"):
        assert link["type"] == "application/atom+xml"
        assert published_site.path(link["href"][len(SITEURL) + 1:]).exists()


@pytest.mark.parametrize("url", ["ke-hoach/kh-x/", "chi-tieu/x-ct-dung/", "chi-tieu/x-ct-trong/"])
def test_share_card_and_meta_tags(published_site, url):
    from PIL import Image

    page = published_site.page(url)
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.find_all("meta") if m.get("content")}
    assert meta["og:title"] and meta["og:description"] and meta["og:site_name"]
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"] == meta["twitter:image"] and meta["og:image"].startswith(SITEURL + "/the-chia-se/")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630") and meta["og:image:alt"]
    with Image.open(published_site.path(meta["og:image"][len(SITEURL) + 1:])) as image:
        assert image.size == (1200, 630)


def test_unchanged_cards_are_not_redrawn(progress_site, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="pelican.plugins.portal.pages.generator")
    cached = sorted(progress_site.cache.glob("the-chia-se/*.png"))
    assert len(cached) == 10  # one card per target (8) and per plan (2)
    stamps = {p: p.stat().st_mtime_ns for p in cached}
    build(progress_site.content, tmp_path / "again", CACHE_PATH=str(progress_site.cache))
    assert any("0 drawn, 10 reused" in r.getMessage() for r in caplog.records)
    assert {p: p.stat().st_mtime_ns for p in cached} == stamps
    # a new figure changes one card: one drawn, under a new URL
    update = progress_site.content / "cap-nhat" / "x-2025-11.md"
    update.write_text(update.read_text(encoding="utf-8").replace("gia_tri: 20\n", "gia_tri: 70\n"), encoding="utf-8")
    try:
        caplog.clear()
        out = build(progress_site.content, tmp_path / "changed", CACHE_PATH=str(progress_site.cache))
        assert any("2 drawn, 8 reused" in r.getMessage() for r in caplog.records)  # the target and its plan
        card = Site(out).page("chi-tieu/x-ct-cham/").find("meta", property="og:image")["content"]
        old = progress_site.page("chi-tieu/x-ct-cham/").find("meta", property="og:image")["content"]
        assert card != old
    finally:
        update.write_text(update.read_text(encoding="utf-8").replace("gia_tri: 70\n", "gia_tri: 20\n"), encoding="utf-8")


@pytest.mark.parametrize("url", ["ve-du-lieu/", "nhiem-vu/qua-han/", "chi-tieu/x-ct-dung/", "don-vi/so-x/", ""])
def test_new_pages_are_semantic_local_and_csp_safe(progress_site, url):
    page = progress_site.page(url)
    assert page.html["lang"] == "vi" and len(page.find_all("h1")) == 1
    for tag, attr in (("link", "href"), ("script", "src"), ("img", "src"), ("a", "href")):
        for node in page.find_all(tag):
            assert not re.match(r"^(https?:)?//", node.get(attr) or ""), node
    assert not page.find(attrs={"style": True}) and not page.find("style")
    for table in page.find_all("table"):
        assert table.find("th") and table.find("caption"), url
