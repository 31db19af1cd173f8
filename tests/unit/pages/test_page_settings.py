"""The settings of the pre-built filter pages and the 404 page: defaults, and one Vietnamese
line naming the setting when one is wrong."""

from pelican.plugins.portal import settings


def checked(**overrides):
    values = dict(overrides)
    settings.apply_defaults(values)
    return settings.validate(values)


def test_defaults_are_valid():
    assert checked() == []


def test_a_filter_url_without_id_or_slash_is_named():
    bad = {**settings.DEFAULTS["PORTAL_FILTER_URLS"], "plan": "nhiem-vu/ke-hoach"}
    problems = checked(PORTAL_FILTER_URLS=bad)
    assert len(problems) == 1 and problems[0].startswith("cấu hình PORTAL_FILTER_URLS = ")
    assert "«{id}»" in problems[0]
    missing = {"unit": "a/{id}/"}
    assert "thiếu plan, status, target_status" in checked(PORTAL_FILTER_URLS=missing)[0]


def test_the_not_found_page_must_be_html():
    problems = checked(PORTAL_NOT_FOUND_SAVE_AS="404")
    assert problems == ["cấu hình PORTAL_NOT_FOUND_SAVE_AS = '404': cần tên một tệp .html, ví dụ «404.html»"]
