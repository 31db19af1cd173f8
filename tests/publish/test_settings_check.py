"""Settings checked before anything is written: SITEURL for `make publish`, the judging date."""

import subprocess

import pytest

from site_support import REPO
from pelican.plugins.portal.outputs.staging import check_settings
from publish_support import basic_content, build_env, run_build


@pytest.mark.parametrize("siteurl, wrong", [
    ("", "chưa đặt"),
    ("example.gov.vn/chuyen-doi-so", "thiếu «https://»"),
    ("ftp://example.gov.vn/", "thiếu «https://»"),
    ("https://", "thiếu tên máy chủ"),
    ("https://example.gov.vn:99999/a", "cổng (port) không hợp lệ"),
    ("https://example.gov.vn/a?b=1", "không được có «?» hay «#»"),
    ("https://example.gov.vn/chuyen doi so", "có dấu cách"),
])
def test_a_wrong_siteurl_is_one_line_naming_it(siteurl, wrong):
    problems = check_settings({"SITEURL": siteurl, "RELATIVE_URLS": False}, source="publishconf.py", publishing=True)
    assert len(problems) == 1
    assert problems[0].startswith(f"publishconf.py: SITEURL «{siteurl}»: {wrong}")
    assert problems[0].endswith("— cần địa chỉ đầy đủ, ví dụ SITEURL=https://example.gov.vn/chuyen-doi-so")


@pytest.mark.parametrize("siteurl", ["https://example.gov.vn/chuyen-doi-so", "http://127.0.0.1:8080/cds",
                                     "https://example.gov.vn"])
def test_an_absolute_http_url_passes(siteurl):
    assert check_settings({"SITEURL": siteurl, "RELATIVE_URLS": False}, publishing=True) == []


def test_the_local_preview_needs_no_siteurl():
    assert check_settings({"SITEURL": "", "RELATIVE_URLS": True}) == []


@pytest.mark.parametrize("value, ok", [("2025-12-31", True), ("31/12/2025", True), ("31-12-2025", False),
                                       ("2025-02-30", False)])
def test_the_judging_date_must_parse(value, ok):
    problems = check_settings({"SITEURL": "", "RELATIVE_URLS": True, "PORTAL_JUDGING_DATE": value})
    assert (problems == []) == ok
    if not ok:
        assert problems == [f"pelicanconf.py: PORTAL_JUDGING_DATE «{value}»: cần dạng 2025-12-31 hoặc 31/12/2025 "
                            "(đặt bằng biến môi trường PORTAL_JUDGING_DATE)"]


def test_publish_with_a_siteurl_without_scheme_writes_nothing(tmp_path):
    content = basic_content(tmp_path)
    done = run_build(content, tmp_path / "output", "--publish", settings="publishconf.py",
                     env={"SITEURL": "example.gov.vn/chuyen-doi-so"})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "publishconf.py: SITEURL «example.gov.vn/chuyen-doi-so»: thiếu «https://» (hoặc «http://») ở đầu — "
        "cần địa chỉ đầy đủ, ví dụ SITEURL=https://example.gov.vn/chuyen-doi-so",
        "Chưa dựng gì: sửa cấu hình rồi chạy lại."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_make_publish_stops_on_a_bad_siteurl_before_writing(tmp_path):
    output = tmp_path / "output"
    done = subprocess.run(["make", "--no-print-directory", "publish", f"OUTPUTDIR={output}"], cwd=REPO,
                          env=build_env(SITEURL="http//example.gov.vn"), capture_output=True, text=True)
    assert done.returncode != 0
    assert "publishconf.py: SITEURL «http//example.gov.vn»: thiếu «https://»" in done.stderr
    assert list(tmp_path.iterdir()) == []
