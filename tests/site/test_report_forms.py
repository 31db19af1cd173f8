"""Report forms end to end on tests/sites/progress (sample data, judging date 30/11/2025):
linked from unit pages, byte-identical across builds, and a form opened, filled and saved
through Debian's LibreOffice imports and changes the badge, the history and the roll-up."""

import hashlib
import logging
import shutil
import subprocess
from datetime import datetime

import openpyxl
import pytest

from pelican.plugins.portal.cli import import_report
from site_support import REPO, Site, build, copy_site

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("forms")
    content = copy_site("progress", tmp)
    site = Site(build(content, tmp / "output", CACHE_PATH=str(tmp / "cache")))
    site.content, site.tmp = content, tmp
    return site


def digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.xlsx"))}


def test_unit_pages_link_their_form(built):
    link = built.page("don-vi/so-x/").find("a", string="Tải mẫu báo cáo tiến độ")
    assert link["href"].endswith("du-lieu/bao-cao/so-x.xlsx")
    assert (built.output / "du-lieu/bao-cao/so-x.xlsx").is_file()
    assert sorted(digests(built.output / "du-lieu/bao-cao")) == [
        "so-x.xlsx", "so-y.xlsx", "tp.xlsx", "x-cntt.xlsx", "x-nhom.xlsx", "x-ttdl.xlsx", "x-vp.xlsx"]


def test_two_builds_of_the_same_content_give_identical_forms(built):
    again = build(built.content, built.tmp / "again", CACHE_PATH=str(built.tmp / "cache"))
    assert digests(again / "du-lieu/bao-cao") == digests(built.output / "du-lieu/bao-cao")


def libreoffice_resave(source, folder, profile):
    """`libreoffice --headless --convert-to xlsx`: what saving in LibreOffice Calc writes."""
    folder.mkdir()
    subprocess.run([LIBREOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return folder / source.name


def rollup_counts(page, kind):
    legend = page.select_one(f'#tong-hop ul[data-rollup="{kind}"]')
    return {li["data-key"]: int(li.find("strong").get_text()) for li in legend.find_all("li")}


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed (`make test` installs "
                    "libreoffice-calc-nogui); the LibreOffice round trip cannot run")
def test_a_form_saved_by_libreoffice_imports_and_changes_the_site(built, tmp_path):
    before = built.page("don-vi/so-x/")
    assert rollup_counts(before, "tasks") == {"done": 1, "in-progress": 0, "ongoing": 1, "not-started": 0,
                                              "never-reported": 2, "late": 2, "late-unreported": 2}
    assert rollup_counts(before, "targets") == {"met": 1, "on-track": 3, "at-risk": 1, "not-met": 1, "no-data": 1}
    assert "Chưa có số liệu" in built.text("huy-hieu/x-ct-trong.svg")
    profile = tmp_path / "profile"
    opened = libreoffice_resave(built.output / "du-lieu/bao-cao/so-x.xlsx", tmp_path / "opened", profile)
    book = openpyxl.load_workbook(opened)
    assert book.sheetnames == ["Thông tin", "Chỉ tiêu", "Nhiệm vụ", "Hướng dẫn"]
    kept = [dv.formula1 for dv in book["Nhiệm vụ"].data_validations.dataValidation if dv.type == "list"]
    assert kept == ['"Chưa triển khai,Đang thực hiện,Hoàn thành,Tạm dừng"']  # LibreOffice keeps the drop-down
    targets, tasks = book["Chỉ tiêu"], book["Nhiệm vụ"]
    target_row = next(r for r in range(2, targets.max_row + 1) if targets.cell(r, 1).value == "x-ct-trong")
    task_row = next(r for r in range(2, tasks.max_row + 1) if tasks.cell(r, 1).value == "x-nv-2")
    book["Thông tin"]["B4"] = datetime(2025, 11, 28)
    targets.cell(target_row, 9, 85)
    targets.cell(target_row, 10, datetime(2025, 11, 25)).number_format = "DD/MM/YYYY"
    targets.cell(target_row, 11, "Hệ thống mẫu")
    tasks.cell(task_row, 9, "Hoàn thành")
    filled = tmp_path / "filled" / "so-x.xlsx"
    filled.parent.mkdir()
    book.save(filled)
    saved = libreoffice_resave(filled, tmp_path / "saved", profile)

    assert import_report.main(["-s", str(REPO / "pelicanconf.py"), "--content", str(built.content), str(saved)]) == 0
    assert (built.content / "cap-nhat/so-x-2025-11-28-bao-cao.md").is_file()
    after = Site(build(built.content, tmp_path / "output", CACHE_PATH=str(built.tmp / "cache")))

    badge = after.text("huy-hieu/x-ct-trong.svg")
    assert "Đã đạt" in badge and "Chưa có số liệu" not in badge
    target = after.page("chi-tieu/x-ct-trong/")
    history = [r.find("td").get_text() for r in target.select("table.history-table tbody tr")]
    assert history == ["25/11/2025", "01/12/2025"]  # the imported value, then the later sample report
    assert "85" in target.select_one("table.history-table tbody tr").get_text()
    unit = after.page("don-vi/so-x/")
    # x-nv-2 (late, never reported) is now done
    assert rollup_counts(unit, "tasks") == {"done": 2, "in-progress": 0, "ongoing": 1, "not-started": 0,
                                            "never-reported": 2, "late": 2, "late-unreported": 1}
    assert rollup_counts(unit, "targets") == {"met": 2, "on-track": 3, "at-risk": 1, "not-met": 1, "no-data": 0}


def test_unchanged_forms_are_reused_and_a_changed_status_rebuilds_only_its_units(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="pelican.plugins.portal.pages.generator")
    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "sites" / "progress", content)
    cache = tmp_path / "cache"
    build(content, tmp_path / "one", CACHE_PATH=str(cache))
    build(content, tmp_path / "two", CACHE_PATH=str(cache))
    assert any(r.getMessage().startswith("Report forms: 7 written, 0 built") for r in caplog.records), \
        [r.getMessage() for r in caplog.records if "Report forms" in r.getMessage()]
    update = content / "cap-nhat" / "y-2025-11.md"
    text = update.read_text(encoding="utf-8")
    assert "trang_thai: hoàn thành" in text
    update.write_text(text.replace("trang_thai: hoàn thành", "trang_thai: đang thực hiện"), encoding="utf-8")
    caplog.clear()
    build(content, tmp_path / "three", CACHE_PATH=str(cache))
    # y-nv-1 is Sở Y's: its form and the city's (which lists its divisions' work) are rebuilt
    assert any(r.getMessage().startswith("Report forms: 7 written, 2 built") for r in caplog.records), \
        [r.getMessage() for r in caplog.records if "Report forms" in r.getMessage()]
