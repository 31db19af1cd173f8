"""`make nhap-bao-cao`: a filled form or a unit's open-data CSV → one checked update file.
Each test copies the sample progress site, fills a generated form as a person would, imports."""

import io
from datetime import date, datetime

import openpyxl
import pytest

from pelican.plugins.portal.cli import import_report
from pelican.plugins.portal.content import load_portal
from pelican.plugins.portal.outputs import forms, opendata
from pelican.plugins.portal.rules import evaluate
from site_support import REPO, copy_site

DAY = date(2025, 11, 30)


def load(content):
    portal, problems = load_portal(content, None, DAY)
    assert not problems
    evaluate(portal, DAY)
    return portal


@pytest.fixture
def content(tmp_path):
    return copy_site("progress", tmp_path)


def blank_form(content, unit="so-x"):
    return openpyxl.load_workbook(io.BytesIO(forms.build_form(load(content).units[unit], DAY)))


def run(path, content, *options, capsys):
    code = import_report.main(["-s", str(REPO / "pelicanconf.py"), "--content", str(content), *options, str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def updates(content):
    return sorted(p.name for p in (content / "cap-nhat").iterdir())


def test_a_filled_form_becomes_one_update_file_once(content, tmp_path, capsys):
    book = blank_form(content)
    book["Thông tin"]["B4"] = datetime(2025, 11, 28)
    book["Thông tin"]["B6"] = "Sở X gửi số liệu tháng 11."
    targets, tasks = book["Chỉ tiêu"], book["Nhiệm vụ"]
    targets["I2"], targets["J2"], targets["K2"] = 85, datetime(2025, 11, 25), "Hệ thống mẫu: cổng dịch vụ công"
    targets["I4"], targets["K4"] = 60.5, "Báo cáo #11"  # x-ct-truot, as of the report date
    tasks["I3"], tasks["J3"], tasks["K3"] = "Đang thực hiện", 30, "Đã khảo sát"  # x-nv-2
    tasks["I2"] = "Hoàn thành"  # x-nv-4 was already reported done: a repeat, skipped
    path = tmp_path / "so-x.xlsx"
    book.save(path)
    before = updates(content)
    code, out, err = run(path, content, capsys=capsys)
    assert (code, err) == (0, "")
    assert "2 số liệu chỉ tiêu, 1 tiến độ nhiệm vụ; 1 dòng đã có trên cổng, bỏ qua" in out
    assert updates(content) == sorted(before + ["so-x-2025-11-28-bao-cao.md"])
    assert (content / "cap-nhat" / "so-x-2025-11-28-bao-cao.md").read_text(encoding="utf-8") == """---
tieu_de: Sở Thử nghiệm X báo cáo tiến độ ngày 28/11/2025
ngay: 28/11/2025
don_vi: so-x
ke_hoach: 30/KH-X
chi_tieu:
  - ma: x-ct-trong
    gia_tri: 85
    tinh_den: 25/11/2025
    nguon: "Hệ thống mẫu: cổng dịch vụ công"
  - ma: x-ct-truot
    gia_tri: 60,5
    nguon: "Báo cáo #11"
nhiem_vu:
  - ma: x-nv-2
    trang_thai: đang thực hiện
    phan_tram: 30
    ghi_chu: Đã khảo sát
---

Sở X gửi số liệu tháng 11.
"""
    # the same form again: every row is now on the portal, nothing is written
    code, out, err = run(path, content, capsys=capsys)
    assert (code, err) == (0, "")
    assert out == f"{path}: không có dòng nào mới để nhập (4 dòng đã có trên cổng, bỏ qua); không ghi tệp nào.\n"
    assert updates(content) == sorted(before + ["so-x-2025-11-28-bao-cao.md"])


def test_every_problem_names_its_cell_and_nothing_is_written(content, tmp_path, capsys):
    book = blank_form(content)
    targets, tasks = book["Chỉ tiêu"], book["Nhiệm vụ"]
    rows = {targets.cell(r, 1).value: r for r in range(2, targets.max_row + 1)}
    task_rows = {tasks.cell(r, 1).value: r for r in range(2, tasks.max_row + 1)}
    t, k = rows["x-ct-dung"], task_rows["x-nv-1"]
    targets[f"I{t}"], targets[f"K{t}"] = "khoảng 60", "Sở X"  # not a number
    targets[f"J{rows['x-ct-dat']}"] = "31/02/2025"  # a date but no value
    targets[f"I{rows['x-ct-dem']}"] = 12  # no source
    targets[f"I{rows['x-ct-giam']}"], targets[f"J{rows['x-ct-giam']}"] = 3, "hôm qua"
    targets[f"K{rows['x-ct-giam']}"] = "Sở X"
    tasks[f"I{k}"] = "xong rồi"  # not a status
    tasks[f"J{task_rows['x-nv-2']}"] = 40  # percent without a status
    tasks[f"I{task_rows['x-nv-3']}"], tasks[f"J{task_rows['x-nv-3']}"] = "Đang thực hiện", 120
    tasks.cell(tasks.max_row + 1, 1, "x-nv-99")
    tasks.cell(tasks.max_row, 9, "Hoàn thành")  # an id the portal does not have
    tasks.cell(tasks.max_row + 1, 1, "x-nv-3")
    tasks.cell(tasks.max_row, 9, "Tạm dừng")  # the same task twice
    path = tmp_path / "bao-cao.xlsx"
    book.save(path)  # no report date either
    before = updates(content)
    code, out, err = run(path, content, capsys=capsys)
    p = str(path)
    assert code == 1 and out == ""
    *lines, summary = err.splitlines()  # in reading order: sheet by sheet, row by row
    assert summary == f"{p}: 10 lỗi; chưa ghi tệp nào. Sửa các ô trên rồi nhập lại."
    assert sorted(lines) == sorted([
        f"{p}!Thông tin!B4: «Ngày báo cáo»: thiếu ngày báo cáo — ngày/tháng/năm, ví dụ 30/11/2025",
        f"{p}!Chỉ tiêu!I{t}: «Giá trị»: «khoảng 60» không phải là số — một số viết theo kiểu Việt Nam: 85, 85,5 hoặc 1.500 (dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân)",
        f"{p}!Chỉ tiêu!J{rows['x-ct-giam']}: «Tính đến»: «hôm qua» không phải ngày dạng ngày/tháng/năm — "
        "ngày dạng ngày/tháng/năm, ví dụ 31/12/2025",
        f"{p}!Chỉ tiêu!I{rows['x-ct-dem']}: «Giá trị»: có giá trị nhưng thiếu nguồn số liệu — "
        "điền cột «Nguồn»: hệ thống hoặc văn bản cho con số",
        f"{p}!Chỉ tiêu!J{rows['x-ct-dat']}: «Tính đến»: có ngày hoặc nguồn nhưng thiếu giá trị — "
        "điền «Giá trị», hoặc xoá ngày và nguồn",
        f"{p}!Nhiệm vụ!I{k}: «Trạng thái»: trạng thái «xong rồi» không có trong danh sách — một trong: "
        "«chưa triển khai», «đang thực hiện», «hoàn thành», «tạm dừng»",
        f"{p}!Nhiệm vụ!J{task_rows['x-nv-2']}: «Phần trăm»: có phần trăm hoặc ghi chú nhưng thiếu trạng thái — "
        "chọn «Trạng thái» trong danh sách",
        f"{p}!Nhiệm vụ!J{task_rows['x-nv-3']}: «Phần trăm»: «120» nằm ngoài khoảng 0–100 — một số từ 0 đến 100",
        f"{p}!Nhiệm vụ!A{tasks.max_row - 1}: «Mã»: không có chỉ tiêu hay nhiệm vụ mã «x-nv-99» trên cổng — "
        "mã chép từ thẻ chỉ tiêu, nhiệm vụ trên cổng hoặc từ mẫu báo cáo",
        f"{p}!Nhiệm vụ!A{tasks.max_row}: «Mã»: mã «x-nv-3» đã có ở {p}!Nhiệm vụ!A{task_rows['x-nv-3']} — "
        "mỗi chỉ tiêu, nhiệm vụ một dòng",
    ])
    assert updates(content) == before


def test_rules_of_the_content_check_are_reported_on_their_cells(content, tmp_path, capsys):
    """As-of after the report date and a percent target above 100 are caught by the same
    validation as `make check`, and mapped back to the cells."""
    book = blank_form(content)
    book["Thông tin"]["B4"] = "28/11/2025"
    targets = book["Chỉ tiêu"]
    rows = {targets.cell(r, 1).value: r for r in range(2, targets.max_row + 1)}
    a, b = rows["x-ct-dung"], rows["x-ct-cham"]
    targets[f"I{a}"], targets[f"K{a}"] = 150, "Sở X"
    targets[f"I{b}"], targets[f"J{b}"], targets[f"K{b}"] = 70, datetime(2025, 12, 5), "Sở X"
    path = tmp_path / "f.xlsx"
    book.save(path)
    before = updates(content)
    code, out, err = run(path, content, capsys=capsys)
    assert code == 1
    assert err.splitlines()[:2] == [
        f"{path}!Chỉ tiêu!I{a}: «Giá trị»: tỷ lệ 150 vượt quá 100% — chỉ tiêu này tính bằng %: một số từ 0 đến 100",
        f"{path}!Chỉ tiêu!J{b}: «Tính đến»: ngày số liệu 05/12/2025 sau ngày đăng 28/11/2025 — "
        "số liệu tính đến một ngày không muộn hơn ngày đăng bài",
    ]
    assert updates(content) == before


def test_unknown_unit_and_unreadable_files(content, tmp_path, capsys):
    book = blank_form(content)
    book["Thông tin"]["B3"], book["Thông tin"]["B4"] = "so-z", "28/11/2025"
    book["Chỉ tiêu"]["I2"], book["Chỉ tiêu"]["K2"] = 1, "x"
    path = tmp_path / "f.xlsx"
    book.save(path)
    code, _, err = run(path, content, capsys=capsys)
    assert code == 1 and err.splitlines()[0] == (
        f"{path}!Thông tin!B3: «Đơn vị»: không có đơn vị mã «so-z» — "
        "mã đơn vị ở trang Thông tin (ô «Đơn vị») hoặc DON_VI=<mã đơn vị>")
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"not a zip")
    code, _, err = run(bad, content, capsys=capsys)
    assert code == 1 and err.splitlines()[0] == (
        f"{bad}: không mở được bảng tính (BadZipFile) — tệp .xlsx lưu bằng Excel hoặc LibreOffice («Excel 2007-365»)")
    code, _, err = run(tmp_path / "khong-co.xlsx", content, capsys=capsys)
    assert code == 1 and "không tìm thấy tệp" in err


def open_data_csv(content, kind, unit="so-x"):
    portal = load(content)
    targets, tasks = portal.units[unit].work
    items = opendata.slices(targets, tasks)[kind]
    return opendata.to_csv(kind, opendata.rows(kind, items, lambda url: url))


def test_a_units_history_csv_with_one_new_row_imports_that_row(content, tmp_path, capsys):
    text = open_data_csv(content, "so-lieu-chi-tieu")
    assert text.startswith("\ufeffchi_tieu,ke_hoach,gia_tri,tinh_den,nguon,")
    text += "x-ct-dat,kh-x,97,2025-11-25,Hệ thống mẫu,,,\r\n"  # the new row, dates as the CSV writes them
    path = tmp_path / "so-lieu-chi-tieu.csv"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(path, content, "--don-vi", "so-x", "--ngay", "28/11/2025", capsys=capsys)
    assert (code, err) == (0, "")
    assert "1 số liệu chỉ tiêu, 0 tiến độ nhiệm vụ; 9 dòng đã có trên cổng, bỏ qua" in out
    written = (content / "cap-nhat" / "so-x-2025-11-28-bao-cao.md").read_text(encoding="utf-8")
    assert "chi_tieu:\n  - ma: x-ct-dat\n    gia_tri: 97\n    tinh_den: 25/11/2025\n    nguon: Hệ thống mẫu\n---" in written


def test_a_units_task_csv_edited_in_place_imports_the_changed_status(content, tmp_path, capsys):
    lines = open_data_csv(content, "nhiem-vu").splitlines()
    header = lines[0].lstrip("\ufeff").split(",")
    assert header[:3] == ["ma", "ke_hoach", "so"] and "trang_thai" in header and "phan_tram" in header
    edited = [line.replace("chua-bao-cao", "hoan-thanh", 1) if line.startswith("x-nv-5,") else line for line in lines]
    path = tmp_path / "nhiem-vu.csv"
    path.write_text("\n".join(edited) + "\n", encoding="utf-8")  # the BOM kept from the download
    code, out, err = run(path, content, "--don-vi", "so-x", "--ngay", "28/11/2025", capsys=capsys)
    assert (code, err) == (0, "")
    assert "0 số liệu chỉ tiêu, 1 tiến độ nhiệm vụ" in out
    written = (content / "cap-nhat" / "so-x-2025-11-28-bao-cao.md").read_text(encoding="utf-8")
    assert "nhiem_vu:\n  - ma: x-nv-5\n    trang_thai: hoàn thành\n---" in written
