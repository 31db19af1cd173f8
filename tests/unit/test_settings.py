"""Settings: defaults in one place, every bad PORTAL_* setting named with what is expected."""

import subprocess
import sys

from pelican.plugins.portal.settings import DEFAULTS, apply_defaults, validate

from site_support import REPO, copy_site


def settings(**overrides):
    values = {**overrides}
    apply_defaults(values)
    return values


def test_the_defaults_are_valid():
    assert validate(settings()) == []


def test_each_bad_setting_is_one_line_naming_it_and_what_is_expected():
    problems = validate(settings(PORTAL_CARDS="yes", PORTAL_PLAN_URL="ke-hoach/", PORTAL_SEARCH_PAGE_SIZE=0,
                                 PORTAL_INDEX_URLS={"plans": "ke-hoach/"}, PORTAL_DATA_URL="du-lieu"))
    assert problems == [
        "cấu hình PORTAL_PLAN_URL = 'ke-hoach/': cần một đường dẫn có «{id}», ví dụ «ke-hoach/{id}/»",
        "cấu hình PORTAL_INDEX_URLS = {'plans': 'ke-hoach/'}: cần một dict có các khóa plans, units, targets, "
        "tasks (thiếu units, targets, tasks)",
        "cấu hình PORTAL_DATA_URL = 'du-lieu': cần một đường dẫn kết thúc bằng «/»",
        "cấu hình PORTAL_CARDS = 'yes': cần True hoặc False",
        "cấu hình PORTAL_SEARCH_PAGE_SIZE = 0: cần một số nguyên dương",
    ]


def test_a_judging_date_that_does_not_parse_is_named():
    assert validate(settings(PORTAL_JUDGING_DATE="31-12-2025")) == [
        "cấu hình PORTAL_JUDGING_DATE = '31-12-2025': cần None hoặc một ngày dạng 2025-12-31 hoặc 31/12/2025"]


def test_every_default_has_an_expectation():
    from pelican.plugins.portal import settings as module

    assert set(DEFAULTS) == set(module._EXPECTED)


def test_check_reports_a_bad_setting_as_configuration_not_content(tmp_path):
    content = copy_site("basic", tmp_path)
    conf = tmp_path / "conf.py"
    conf.write_text(f"from pelicanconf import *\nPORTAL_CARDS = 'có'\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pelican.plugins.portal.cli.check", "-s", str(conf), str(content)],
                            capture_output=True, text=True, cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin"})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "pelicanconf.py: cấu hình PORTAL_CARDS = 'có': cần True hoặc False",
        "Cấu hình có 1 lỗi; không dựng trang nào.",
    ]
