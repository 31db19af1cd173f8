"""End to end: build the sample site in tests/sites/basic and read the HTML."""

import re


def task_ids(soup, table_id):
    table = soup.find(id=table_id)
    return {row["data-task"] for row in table.find_all("tr", attrs={"data-task": True})} if table else set()


def test_unit_page_lists_exactly_its_led_and_supported_tasks(basic_site):
    page = basic_site.page("don-vi/a-van-phong/")
    assert task_ids(page, "bang-chu-tri") == {"a-nv-1"}
    assert task_ids(page, "bang-phoi-hop") == {"a-nv-2", "a-pl-2"}
    page = basic_site.page("don-vi/a-phong-bo-tro/")
    assert task_ids(page, "bang-chu-tri") == {"a-nv-2"}
    assert task_ids(page, "bang-phoi-hop") == {"a-nv-1"}
    # a task given to the group shows on each member's page, apart from its own tasks
    assert task_ids(page, "bang-giao-nhom") == {"a-nv-3"}


def test_alias_resolves_by_the_plan_that_names_it(basic_site):
    # "Văn phòng Sở" is Sở A's office in plan A and Sở B's office in plan B
    assert task_ids(basic_site.page("don-vi/b-van-phong/"), "bang-chu-tri") == {"b-nv-1"}
    # the spelling variant resolves to the one registered division
    assert "a-nv-1" in task_ids(basic_site.page("don-vi/a-phong-bo-tro/"), "bang-phoi-hop")


def badge_state(site, target_id):
    svg = site.text(f"huy-hieu/{target_id}.svg")
    assert svg.lstrip().startswith("<svg") and "<title>" in svg
    return re.search(r'aria-label="chỉ tiêu: ([^"·;]+)', svg).group(1).strip()


def test_each_badge_state_at_the_pinned_date(basic_site):
    assert badge_state(basic_site, "a-ct-trong") == "Chưa có số liệu"
    assert badge_state(basic_site, "a-ct-dat") == "Đã đạt"
    assert badge_state(basic_site, "a-ct-dung") == "Đúng tiến độ"
    assert badge_state(basic_site, "a-ct-cham") == "Có nguy cơ chậm"
    assert badge_state(basic_site, "a-ct-truot") == "Không đạt"


def test_badge_images_carry_a_text_alternative(basic_site):
    """The SVG badge is on the target's own page (with its embed snippet); lists show the
    same words as an HTML pill."""
    page = basic_site.page("chi-tieu/a-ct-dung/")
    images = page.select("img.badge")
    assert images and all(img.get("alt") for img in images)
    assert any(img["alt"].startswith("Đúng tiến độ: 60,5%") for img in images)
    assert "huy-hieu/a-ct-dung.svg" in page.select_one("textarea.snippet").text
    plan = basic_site.page("ke-hoach/kh-a/")
    assert not plan.select("img.badge")
    assert plan.select_one("tr[data-target=a-ct-dung] .pill").text == "Đúng tiến độ"


def test_latest_value_wins(basic_site):
    page = basic_site.page("chi-tieu/a-ct-moi-nhat/")
    latest = page.find("dt", string="Số liệu mới nhất").find_next("dd").get_text(" ", strip=True)
    assert latest.startswith("12") and "15/11/2025" in latest
    assert "Sở A báo cáo tháng 11/2025" in latest
    rows = page.find(id="lich-su").find_next("table").find("tbody").find_all("tr")
    assert [r.find("td").get_text() for r in rows] == ["15/10/2025", "15/11/2025"]
    assert badge_state(basic_site, "a-ct-moi-nhat") == "Có nguy cơ chậm"


def test_plan_page_has_anchors_for_every_task_and_section(basic_site):
    page = basic_site.page("ke-hoach/kh-a/")
    for task_id in ("a-nv-1", "a-nv-2", "a-nv-3", "a-pl-1", "a-pl-2"):
        assert len(page.select(f"#{task_id}")) == 1
    assert page.find("h2", id="i-muc-tieu") and page.find("h2", id="ii-nhiem-vu")
    assert page.select_one("#a-pl-1").name == "tr"  # an appendix list renders as a table
    assert page.find(id="a-nv-1").select_one(".task-hoan-thanh") is None
    status = page.find(id="a-pl-1").get_text(" ", strip=True)
    assert "Hoàn thành" in status


def test_task_status_and_lateness(basic_site):
    page = basic_site.page("nhiem-vu/")
    section = page.find(id="qua-han").find_parent("section")
    late = {row["data-task"] for row in section.select("tr[data-task]")}
    assert late == {"a-nv-1"}  # due 20/10, only "in progress"; a-pl-1 is done, others not due
    assert "Quá hạn" in basic_site.page("ke-hoach/kh-a/").find(id="a-nv-1").get_text()


def test_pages_are_vietnamese_semantic_and_local(basic_site):
    for url in ("", "ke-hoach/", "ke-hoach/kh-a/", "don-vi/", "don-vi/so-a/", "chi-tieu/",
                "chi-tieu/a-ct-dat/", "nhiem-vu/", "cap-nhat/", "cap-nhat/2025-11-a/", "gioi-thieu/"):
        page = basic_site.page(url)
        assert page.html["lang"] == "vi", url
        assert len(page.find_all("h1")) == 1, url
        assert page.find("main") and page.find("header") and page.find("footer"), url
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
            for node in page.find_all(tag):
                value = node.get(attr) or ""
                assert not re.match(r"^(https?:)?//", value), f"{url}: {value}"
        for table in page.find_all("table"):
            assert table.find("th"), url


def test_unit_tree_and_breadcrumbs(basic_site):
    tree = basic_site.page("don-vi/").select_one(".unit-tree")
    city = tree.find("a", string="Ủy ban nhân dân thành phố Mẫu").find_parent("li")
    assert city.find("a", string="Sở Thử nghiệm A").find_parent("li").find("a", string="Văn phòng Sở Thử nghiệm A")
    crumbs = [a.get_text() for a in basic_site.page("don-vi/a-van-phong/").select(".breadcrumbs li")]
    assert crumbs == ["Trang chủ", "Đơn vị", "UBND thành phố", "Sở A", "Văn phòng Sở Thử nghiệm A"]


def test_update_page_links_reported_figures(basic_site):
    page = basic_site.page("cap-nhat/2025-11-a/")
    row = page.find(id="so-lieu-a-ct-dat")
    assert row.find("a")["href"].endswith("chi-tieu/a-ct-dat/")
    assert "95" in row.get_text()


def test_dates_are_shown_day_month_year(basic_site):
    text = basic_site.page("ke-hoach/kh-a/").get_text(" ")
    assert "01/09/2025" in text
    assert not re.search(r"\b2025-\d\d-\d\d\b", text)
