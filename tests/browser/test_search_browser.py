"""The search page in headless Chromium (Debian's, installed by `make test`): queries typed
into the page, results asserted. The site is served with the production CSP."""

import json
import os
import time
import unicodedata
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from pelican.plugins.portal.text import fold
from browser_support import axe_violations
from search_support import CHROMIUM, Server, build_search_site, fold_cases, index_files

if not os.path.exists(CHROMIUM):
    pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)", pytrace=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_search_site(tmp_path_factory.mktemp("search-browser"))


@pytest.fixture(scope="module")
def server(site):
    server = Server(site.output)
    yield server
    server.stop()


class Page:
    """A fresh browser context that records every request and console error."""

    def __init__(self, browser, origin, **options):
        self.origin = origin
        self.context = browser.new_context(**options)
        self.requests, self.errors, self.dialogs = [], [], []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path):
        self.page.goto(self.origin + path)
        return self

    def search(self, text):
        """Open tim-kiem/?q=… and wait for the results."""
        self.open("/tim-kiem/?q=" + quote(text))
        self.wait()
        return self.results()

    def wait(self):
        self.page.wait_for_selector("#tim-kiem[data-state=done]")

    def wait_until(self, expression, timeout=10):
        """Poll `expression` from outside the page (the CSP forbids Playwright's in-page eval)."""
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(expression):
            assert time.monotonic() < deadline, f"timed out waiting for {expression}"
            time.sleep(0.02)

    def submit(self, text):
        self.page.fill("#tu-khoa", text)
        self.page.press("#tu-khoa", "Enter")
        self.wait_until("document.querySelector('#tim-kiem').dataset.state === 'done'")
        return self.results()

    def results(self):
        """[(kind label, title, href), …] in the order shown."""
        return self.page.eval_on_selector_all(".search-result", """items => items.map(li => [
            li.querySelector('.result-type').textContent, li.querySelector('.result-title').textContent,
            li.querySelector('.result-title a').getAttribute('href')])""")

    def hrefs(self):
        return [href.replace(self.origin, "") for _, _, href in self.results()]

    def close(self):
        self.context.close()


@pytest.fixture
def page(browser, server):
    page = Page(browser, server.origin)
    yield page
    outside = [url for url in page.requests if not url.startswith(server.origin + "/")]
    page.close()
    assert not outside, f"requests to another host: {outside}"
    assert not page.errors, f"console errors (CSP?): {page.errors}"


def test_js_fold_matches_the_shared_table(page):
    page.open("/tim-kiem/")
    cases = fold_cases()
    folded = page.page.evaluate("cases => cases.map(c => portalFold.fold(c.input))", cases)
    wrong = [(c["note"], c["input"], got, c["folded"]) for c, got in zip(cases, folded) if got != c["folded"]]
    assert not wrong


NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731

VARIANTS = [
    (["chuyển đổi số", "chuyen doi so", "CHUYỂN ĐỔI SỐ", NFD("chuyển đổi số"), "Chuyen Doi So"],
     ["/ke-hoach/kh-c/", "/cap-nhat/2025-11-stl/"]),
    (["hoà mạng", "hòa mạng", "hoa mang", NFD("hoà mạng")], ["/ke-hoach/kh-c/#i-muc-dich", "/ke-hoach/kh-c/#c-nv-4-4"]),
    (["thuỷ văn", "thủy văn", "thuy van"], ["/ke-hoach/kh-c/#c-nv-4-2"]),
    (["đầu tư", "dau tu", "ĐẦU TƯ", "Đầu Tư"], ["/ke-hoach/kh-c/#c-nv-4-2"]),
]


@pytest.mark.parametrize("queries, expected", VARIANTS, ids=["chuyen-doi-so", "hoa", "thuy", "dau-tu"])
def test_diacritics_case_nfd_and_tone_placement_find_the_same_results(page, queries, expected):
    """The same documents; their order may differ (a query typed with diacritics prefers them)."""
    first = None
    for text in queries:
        page.search(text)
        found = page.hrefs()
        for href in expected:
            assert href in found, (text, found)
        if first is None:
            first = found
        assert sorted(found) == sorted(first), text


def test_phrase_ranks_above_the_same_words_apart(page):
    page.search("dữ liệu")
    found = page.hrefs()
    together, apart = "/ke-hoach/kh-c/#c-nv-4-3", "/ke-hoach/kh-c/#c-nv-4-1"  # "tài liệu … dữ kiện"
    assert together in found and apart in found
    assert found.index(together) < found.index(apart)


@pytest.mark.parametrize("query, first", [
    ("4.3", "/ke-hoach/kh-c/#c-nv-4-3"),
    ("nhiệm vụ 4.3", "/ke-hoach/kh-c/#c-nv-4-3"),
    ("30/KH-STL", "/ke-hoach/kh-c/"),
    ("10/kh-a", "/ke-hoach/kh-a/"),
    ("Sở Thủy lợi", "/don-vi/so-thuy-loi/"),
    ("so thuy loi mau", "/don-vi/so-thuy-loi/"),
    ("Công an thành phố", "/don-vi/cong-an/"),
    ("trạm bơm", "/chi-tieu/c-ct-tram-bom/"),  # in a target's title, and in a section's body
])
def test_numbers_names_and_titles_rank_first(page, query, first):
    page.search(query)
    found = page.hrefs()
    assert found and found[0] == first, found
    if query == "4.3":  # also found where "4.3" is only in the text
        assert "/ke-hoach/kh-c/#c-nv-4-4" in found


def test_result_shows_type_title_unit_status_and_highlighted_snippet(page):
    page.search("kho du lieu")
    item = page.page.locator(".search-result").first
    expect(item.locator(".result-type")).to_have_text("Nhiệm vụ")
    expect(item.locator(".pill")).to_have_text("Đang thực hiện")
    expect(item.locator(".result-meta")).to_contain_text("Nhiệm vụ 4.3 · Kế hoạch số 30/KH-STL · Sở Thủy lợi Mẫu")
    marks = item.locator(".result-title mark").all_text_contents()
    assert marks == ["kho", "dữ", "liệu"]
    page.search("chỉ tiêu đã đạt")
    target = page.page.locator(".search-result", has=page.page.locator("a[href$='chi-tieu/a-ct-dat/']"))
    expect(target.locator(".result-type")).to_have_text("Chỉ tiêu")
    expect(target.locator(".pill")).to_have_text("Đã đạt")
    page.search("trạm bơm")
    section = page.page.locator(".search-result", has=page.page.locator("a[href$='#i-muc-dich']"))
    expect(section.locator(".result-snippet")).to_contain_text("Hoà mạng các trạm bơm")
    assert section.locator(".result-snippet mark").all_text_contents() == ["trạm", "bơm"]


def test_filters_by_type_and_unit_live_in_the_url(page):
    page.search("thủy lợi")
    everything = page.hrefs()
    kinds = {kind for kind, _, _ in page.results()}
    assert kinds >= {"Đơn vị", "Kế hoạch", "Nhiệm vụ"}
    assert "/don-vi/tl-van-phong/" in everything and "/ke-hoach/kh-c/#c-nv-4-3" in everything
    page.page.select_option("#loc-loai", "nhiem-vu")
    page.wait()
    tasks = page.results()
    assert tasks and all(kind == "Nhiệm vụ" for kind, _, _ in tasks)
    assert "loai=nhiem-vu" in page.page.url
    page.page.select_option("#loc-loai", "")
    page.page.select_option("#loc-don-vi", "tl-van-phong")
    page.wait()
    assert "don-vi=tl-van-phong" in page.page.url and "loai=" not in page.page.url
    # the unit, and the task it leads (found by its lead unit's name, issue 15)
    assert page.hrefs() == ["/don-vi/tl-van-phong/", "/ke-hoach/kh-c/#c-nv-4-1"]
    page.page.select_option("#loc-don-vi", "so-thuy-loi")  # a unit with the units under it
    page.wait()
    assert set(page.hrefs()) == set(everything) - {"/don-vi/so-a/", "/don-vi/tp/"} and page.hrefs()
    page.page.reload()
    page.wait()
    expect(page.page.locator("#loc-don-vi")).to_have_value("so-thuy-loi")
    assert "/don-vi/tl-van-phong/" in page.hrefs()


def test_query_lives_in_the_url_and_back_button_restores_it(page):
    page.search("dữ liệu")
    first = page.hrefs()
    page.submit("thủy văn")
    assert "q=th%E1%BB%A7y+v%C4%83n" in page.page.url or "q=thủy+văn" in page.page.url
    assert page.hrefs()[0] == "/ke-hoach/kh-c/#c-nv-4-2"
    page.page.go_back()
    page.wait_until("document.querySelector('#tu-khoa')?.value === 'dữ liệu'")  # no field while the page reloads
    page.wait()
    assert page.hrefs() == first


def test_back_returns_to_the_previous_query_after_a_pause_in_typing(page):
    """Typing updates the URL after 150 ms; Enter after that pause must not lose the query before."""
    page.search("dữ liệu")
    page.page.fill("#tu-khoa", "thủy văn")
    page.wait_until("location.search.startsWith('?q=th')")  # the live update has written the URL
    page.page.press("#tu-khoa", "Enter")
    page.wait_until("document.querySelector('#tim-kiem').dataset.state === 'done'")
    page.page.go_back()
    page.wait_until("document.querySelector('#tu-khoa')?.value === 'dữ liệu'")
    page.wait()
    assert "/ke-hoach/kh-c/#c-nv-4-3" in page.hrefs()


def test_labelled_input_count_announced_and_keyboard_use(page):
    page.open("/tim-kiem/")
    page.wait()
    field = page.page.get_by_label("Từ khóa")
    field.focus()
    page.page.keyboard.type("kho dữ liệu")
    page.page.keyboard.press("Enter")
    status = page.page.locator("#trang-thai-tim-kiem")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("Tìm thấy 1 kết quả cho «kho dữ liệu».")
    page.page.keyboard.press("Tab")  # the submit button, then the filters, then the first result
    for _ in range(4):
        if page.page.evaluate("document.activeElement.closest('.search-result') !== null"):
            break
        page.page.keyboard.press("Tab")
    assert page.page.evaluate("document.activeElement.getAttribute('href')").endswith("#c-nv-4-3")
    page.submit("xyzxyz")
    expect(status).to_contain_text("Không tìm thấy kết quả nào")


def test_markup_in_indexed_text_shows_as_text(page):
    page.search("cảnh báo lừa đảo")
    title = page.page.locator(".search-result .result-title").first
    expect(title).to_have_text("Cảnh báo <img src=x onerror=alert(1)> lừa đảo (mẫu)")
    expect(page.page.locator(".search-result").first.locator(".result-snippet")).to_contain_text(
        "<script>alert(2)</script>")
    assert page.page.locator("#ket-qua-tim-kiem img, #ket-qua-tim-kiem script").count() == 0
    page.page.wait_for_timeout(200)
    assert page.dialogs == []


def test_result_opens_the_exact_task_in_its_plan(page):
    page.search("nhiệm vụ 4.3")
    page.page.locator(".search-result a").first.click()
    page.page.wait_for_url("**/ke-hoach/kh-c/#c-nv-4-3")
    task = page.page.locator("#c-nv-4-3")
    expect(task).to_be_in_viewport()
    assert page.page.evaluate("document.querySelector(':target').id") == "c-nv-4-3"


def test_header_search_box_on_every_page_leads_to_results(page):
    page.open("/ke-hoach/")
    page.page.fill("#o-tim-kiem", "thuy van")
    page.page.press("#o-tim-kiem", "Enter")
    page.page.wait_for_url("**/tim-kiem/?q=thuy+van")
    page.wait()
    assert page.hrefs()[0] == "/ke-hoach/kh-c/#c-nv-4-2"


def test_search_as_you_type_matches_the_word_being_typed(page):
    page.open("/tim-kiem/")
    page.wait()
    page.page.locator("#tu-khoa").press_sequentially("kho dữ li", delay=20)
    page.wait_until("location.search.includes('li')")
    page.wait_until("document.querySelectorAll('.search-result').length > 0")
    page.wait()
    assert "/ke-hoach/kh-c/#c-nv-4-3" in page.hrefs()


def test_without_javascript_the_page_says_so_and_links_the_indexes(browser, server):
    page = Page(browser, server.origin, java_script_enabled=False)
    try:
        page.open("/tim-kiem/?q=du+lieu")
        note = page.page.locator("#can-javascript")
        expect(note).to_be_visible()
        expect(note).to_contain_text("cần JavaScript")
        links = note.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert any(link.endswith("/ke-hoach/") for link in links) and len(links) >= 5
        for link in links:
            assert page.page.request.get(link).ok, link
    finally:
        page.close()


def test_scores_are_the_weights_the_build_stored(page, site):
    """A one-word query scores each document by the sum, over fields and over the terms the
    word begins, of the weights in the shard files (lunr's BM25, checked in tests/unit)."""
    manifest, folder = index_files(site)
    for word in ["tram", "du", "hoa"]:  # without diacritics: no accent clause
        folded = fold(word)
        expected = {}
        for name in manifest["termFiles"]:
            shard = json.loads((folder / name).read_text(encoding="utf-8"))
            for term, rows in zip(shard["terms"], shard["postings"]):
                if term.startswith(folded) and "_" not in term:  # a word's prefix: words, not pairs
                    for row in rows:
                        number = 0
                        for gap, weight in zip(row[1::2], row[2::2]):
                            number += gap
                            expected[number] = expected.get(number, 0) + weight
        page.open("/tim-kiem/")
        page.wait()
        ours = dict(page.page.evaluate("(text) => portalSearch.hits(text, false)", word))
        assert ours and ours == pytest.approx(expected), word


def test_works_under_a_sub_path_with_relative_and_absolute_urls(browser, tmp_path):
    root = tmp_path / "www"
    build_search_site(tmp_path / "relative", output=root / "chuyen-doi-so")
    server = Server(root)
    try:
        absolute = build_search_site(tmp_path / "absolute", output=root / "tuyet-doi",
                                     RELATIVE_URLS=False, SITEURL=server.origin + "/tuyet-doi")
        assert absolute.path("tim-kiem/").is_file()
        for prefix in ("/chuyen-doi-so", "/tuyet-doi"):
            page = Page(browser, server.origin)
            try:
                page.open(prefix + "/tim-kiem/?q=" + quote("nhiệm vụ 4.3"))
                page.wait()
                found = page.hrefs()
                assert found[0] == prefix + "/ke-hoach/kh-c/#c-nv-4-3", found
                outside = [u for u in page.requests if not u.startswith(server.origin + prefix + "/")
                           and not u.endswith("/favicon.ico")]
                assert not outside and not page.errors
            finally:
                page.close()
    finally:
        server.stop()


def test_many_small_shards_rank_exactly_like_one(browser, server, tmp_path):
    """The same site with its index cut into dozens of shards: same hits, same scores."""
    sharded = build_search_site(tmp_path, PORTAL_SEARCH_SHARD_BYTES=1500)
    other = Server(sharded.output)
    queries = ["dữ liệu", "sở thủy lợi", "4.3", "chuyen doi so", "hoa mang tram bom", "kho dữ li", "10/KH-A"]
    script = "async ([text, typing]) => await portalSearch.hits(text, typing)"
    try:
        pages = [Page(browser, server.origin).open("/tim-kiem/"), Page(browser, other.origin).open("/tim-kiem/")]
        for p in pages:
            p.wait()
        shards = pages[1].page.evaluate("""async () => {
          const root = document.getElementById("tim-kiem");
          return (await (await fetch(new URL(root.dataset.manifest, document.baseURI))).json()).termFiles.length;
        }""")
        assert shards > 20
        for text in queries:
            typing = text.endswith("li")
            one, many = (p.page.evaluate(script, [text, typing]) for p in pages)
            assert one and [r for r, _ in one] == [r for r, _ in many], text
            assert all(abs(a - b) < 1e-9 for (_, a), (_, b) in zip(one, many)), text
        for p in pages:
            p.close()
    finally:
        other.stop()




@pytest.mark.parametrize("width", [1280, 360])
def test_search_page_with_results_passes_axe_wcag_21_aa(browser, server, width):
    # axe is injected from outside the page, so this one context bypasses the CSP.
    page = Page(browser, server.origin, bypass_csp=True, viewport={"width": width, "height": 800})
    try:
        page.search("thủy lợi")
        violations = axe_violations(page.page)
        assert violations == []
        overflow = page.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, "the page scrolls sideways"
    finally:
        page.close()


def test_more_results_button_shows_the_next_page_and_moves_focus(browser, tmp_path):
    small = build_search_site(tmp_path, PORTAL_SEARCH_PAGE_SIZE=5)
    server = Server(small.output)
    page = Page(browser, server.origin)
    try:
        page.search("so")
        total = int(page.page.locator("#trang-thai-tim-kiem").inner_text().split()[2])
        assert total > 10
        assert len(page.results()) == 5
        more = page.page.locator("#xem-them")
        expect(more).to_be_visible()
        more.click()
        page.wait()
        assert len(page.results()) == 10
        assert page.page.evaluate("document.activeElement.closest('.search-result') === "
                                  "document.querySelectorAll('.search-result')[5]")
        while more.is_visible():
            more.click()
            page.wait()
        assert len(page.results()) == total
        assert not page.errors
    finally:
        page.close()
        server.stop()


# ---- what people type (issue 15): each kind of query on the sample plan kh-d ------------

def test_a_half_typed_word_finds_the_same_on_submit_as_while_typing(page):
    page.search("thuy lo")  # ?q=… opened, as after pressing Enter
    submitted = page.hrefs()
    assert submitted[0] == "/don-vi/so-thuy-loi/" and "/ke-hoach/kh-c/#c-nv-4-3" in submitted
    page.open("/tim-kiem/")
    page.wait()
    page.page.locator("#tu-khoa").press_sequentially("thuy lo", delay=20)
    page.wait_until("location.search.includes('lo')")
    page.wait()
    assert page.hrefs() == submitted
    assert page.search("kho dữ li") == page.search("kho dữ liệu")
    page.search("phòng phân t")  # a one-letter last word, looked up with the word before it
    assert page.hrefs() == ["/ke-hoach/kh-d/#d-nv-3"]


@pytest.mark.parametrize("query, first", [
    ("d-nv-2-3-1", "/ke-hoach/kh-d/#d-nv-2-3-1"),  # a task's id
    ("c-ct-tram-bom", "/chi-tieu/c-ct-tram-bom/"),  # a target's id
    ("II.3.1", "/ke-hoach/kh-d/#d-nv-2-3-1"),  # a dotted number, whole
    ("nhiệm vụ III.2", "/ke-hoach/kh-d/#d-nv-4"),
    ("31/KH-SA nhiệm vụ II.3.1", "/ke-hoach/kh-d/#d-nv-2-3-1"),  # plan number with the task's number
    ("30/KH-STL nhiệm vụ 4.3", "/ke-hoach/kh-c/#c-nv-4-3"),
])
def test_ids_plan_numbers_and_dotted_numbers_are_found_whole_and_first(page, query, first):
    found = page.search(query) and page.hrefs()
    assert found and found[0] == first, found
    if query == "d-nv-2-3-1":
        assert found == [first]  # not every task with a 2 and a 3 in it
    if query == "30/KH-STL nhiệm vụ 4.3":
        assert "/ke-hoach/kh-d/#d-nv-2-3-1" not in found  # the code is required


def test_abbreviations_in_the_editors_table_work_both_ways(page):
    page.search("CNTT")
    assert page.hrefs() == ["/ke-hoach/kh-d/#d-nv-1"]  # it says «công nghệ thông tin»
    page.search("cơ sở dữ liệu công trình")
    assert page.hrefs()[0] == "/ke-hoach/kh-d/#d-nv-2"  # it says «CSDL công trình»


def test_syllables_side_by_side_outrank_the_same_syllables_apart(page):
    # «dữ liệu hộ tịch» at the end of a long section body beats «Hỗ trợ … phân tích» in a task title
    for query in ("ho tich", "hộ tịch"):
        page.search(query)
        assert page.hrefs() == ["/ke-hoach/kh-d/#i-can-cu", "/ke-hoach/kh-d/#d-nv-3"], query


def test_a_query_with_diacritics_prefers_the_same_spelling(page):
    notary, public = "/ke-hoach/kh-d/#d-nv-5", "/ke-hoach/kh-d/#d-nv-4"  # công chứng, công chúng
    page.search("công chứng")
    assert page.hrefs()[:2] == [notary, public]
    page.search("công chúng")
    assert page.hrefs()[:2] == [public, notary]
    page.search("cong chung")
    assert set(page.hrefs()[:2]) == {notary, public}


def test_a_long_query_finds_documents_missing_a_word_after_those_with_all(page):
    page.search("hội nghị truyền hình trực tuyến")  # the task says «hội nghị trực tuyến»
    assert page.hrefs() == ["/ke-hoach/kh-d/#d-nv-2-3-1"]
    page.search("hệ thống hội nghị trực tuyến của Sở")
    assert page.hrefs()[0] == "/ke-hoach/kh-d/#d-nv-2-3-1"


def test_a_task_is_found_by_its_plan_number_and_its_lead_unit(page):
    page.search("31/KH-SA hội nghị trực tuyến")
    assert page.hrefs()[0] == "/ke-hoach/kh-d/#d-nv-2-3-1"
    page.search("Công an thành phố hội nghị")  # the lead unit is not in the task's text
    assert page.hrefs()[0] == "/ke-hoach/kh-d/#d-nv-2-3-1"


def test_an_index_that_cannot_be_loaded_offers_the_lists_without_blaming_javascript(browser, server):
    """A tab opened before a publish asks for index files the new release no longer has."""
    page = Page(browser, server.origin)
    try:
        page.page.route("**/chi-muc/**", lambda route: route.fulfill(status=404, body="not found"))
        page.open("/tim-kiem/?q=du+lieu")
        page.wait_until("document.querySelector('#tim-kiem').dataset.state === 'error'")
        expect(page.page.locator("#trang-thai-tim-kiem")).to_contain_text("Không tải được chỉ mục tìm kiếm")
        note = page.page.locator("#can-javascript")
        expect(note).to_be_visible()
        assert "cần JavaScript" not in note.inner_text()  # innerText leaves out what is hidden
        assert len(note.locator("a").evaluate_all("links => links.map(a => a.href)")) >= 5
    finally:
        page.close()

