"""Every kind of page in headless Chromium, as citizens meet them: WCAG 2.1 AA (axe-core from
npm), 360 px wide without sideways scrolling, no request to another host, no CSP error,
readable with JavaScript off, and a print view without the navigation."""

import os

import pytest

from browser_support import CHROMIUM, Server, axe_violations
from site_support import Site, build, copy_site


PAGES = [
    "", "ke-hoach/", "ke-hoach/kh-a/", "don-vi/", "don-vi/so-a/", "don-vi/a-van-phong/", "chi-tieu/",
    "chi-tieu/a-ct-dung/", "chi-tieu/a-ct-moi-nhat/", "nhiem-vu/", "nhiem-vu/qua-han/", "ve-du-lieu/",
    "cap-nhat/", "cap-nhat/2025-11-a/", "tin-tuc/", "tin-tuc/a-ban-hanh/", "gioi-thieu/", "tim-kiem/", "404.html",
]

if not os.path.exists(CHROMIUM):
    pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)", pytrace=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pages")
    site = Site(build(copy_site("basic", tmp), tmp / "output"))
    server = Server(site.output)
    yield server
    server.stop()


def open_page(browser, url, **options):
    context = browser.new_context(**options)
    requests, errors = [], []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    response = page.goto(url)
    assert response.status == 200, url
    return context, page, requests, errors


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", PAGES, ids=[p or "trang-chu" for p in PAGES])
def test_page_is_accessible_narrow_and_local(browser, server, path, width):
    url = f"{server.origin}/{path}"
    context, page, requests, errors = open_page(browser, url, viewport={"width": width, "height": 800})
    try:
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        outside = [r for r in requests if not r.startswith(server.origin + "/")]
        assert not outside, outside
        assert not errors, errors
    finally:
        context.close()
    # axe is injected from outside the page: this context bypasses the CSP for it.
    context, page, _, _ = open_page(browser, url, viewport={"width": width, "height": 800}, bypass_csp=True)
    try:
        violations = axe_violations(page)
        assert violations == [], violations
    finally:
        context.close()


@pytest.mark.parametrize("path", ["ke-hoach/kh-a/", "don-vi/a-van-phong/", "chi-tieu/a-ct-moi-nhat/"])
def test_readable_without_javascript_and_prints_without_navigation(browser, server, path):
    context, page, _, _ = open_page(browser, f"{server.origin}/{path}", java_script_enabled=False)
    try:
        assert page.locator("h1").count() == 1 and page.locator("main table").count() >= 1
        page.emulate_media(media="print")
        assert not page.locator(".site-nav").is_visible()
        assert not page.locator(".search-form").is_visible()
        assert page.locator("main h1").is_visible()
    finally:
        context.close()


REAL_PAGES = ["", "ke-hoach/01-kh-bcd-duong-kinh/", "ke-hoach/3183-kh-stp/", "don-vi/", "don-vi/so-tu-phap/",
              "nhiem-vu/", "nhiem-vu/qua-han/", "chi-tieu/", "tim-kiem/?q=du%20lieu"]


@pytest.mark.parametrize("path", REAL_PAGES, ids=[p or "trang-chu" for p in REAL_PAGES])
def test_real_content_fits_a_360_px_phone(browser, real_server, path):
    """Long Vietnamese unit names and plan titles must wrap, not widen the page."""
    context, page, requests, errors = open_page(browser, f"{real_server.origin}/{path}",
                                                viewport={"width": 360, "height": 800})
    try:
        if path.startswith("tim-kiem"):
            page.wait_for_selector("#tim-kiem[data-state=done]")
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        assert not [r for r in requests if not r.startswith(real_server.origin + "/")]
        assert not errors, errors
    finally:
        context.close()
