"""Report forms (outputs/forms.py) on the sample progress site, read back with openpyxl."""

import io
from datetime import date, datetime

import openpyxl
import pytest

from pelican.plugins.portal.content import load_portal
from pelican.plugins.portal.outputs import forms, opendata
from pelican.plugins.portal.rules import evaluate
from pelican.plugins.portal.text import field_key
from site_support import SITES

DAY = date(2025, 11, 30)


class Portal:
    """The evaluated sample portal, with a short repr (pytest prints fixtures on failure)."""

    def __init__(self):
        portal, problems = load_portal(SITES / "progress", None, DAY)
        assert not problems
        evaluate(portal, DAY)
        self.__dict__.update(vars(portal))

    def __repr__(self):
        return "<sample portal tests/sites/progress>"


@pytest.fixture(scope="module")
def portal():
    return Portal()


def sheet_rows(data, name):
    sheet = openpyxl.load_workbook(io.BytesIO(data))[name]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_one_form_per_unit_that_answers_for_work(portal):
    # so-y leads x-nv-8; the group x-nhom leads x-nv-7; every unit of the sample has work.
    assert sorted(forms.form_urls(portal, "du-lieu/").items()) == [
        ("so-x", "du-lieu/bao-cao/so-x.xlsx"), ("so-y", "du-lieu/bao-cao/so-y.xlsx"), ("tp", "du-lieu/bao-cao/tp.xlsx"),
        ("x-cntt", "du-lieu/bao-cao/x-cntt.xlsx"), ("x-nhom", "du-lieu/bao-cao/x-nhom.xlsx"),
        ("x-ttdl", "du-lieu/bao-cao/x-ttdl.xlsx"), ("x-vp", "du-lieu/bao-cao/x-vp.xlsx")]


def test_form_lists_the_units_targets_and_tasks_with_divisions_by_column(portal):
    data = forms.build_form(portal.units["so-x"], DAY)
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == ["Thông tin", "Chỉ tiêu", "Nhiệm vụ", "Hướng dẫn"]
    targets = sheet_rows(data, "Chỉ tiêu")
    assert targets[0] == ["Mã", "Kế hoạch", "Đơn vị", "Nội dung", "Mục tiêu", "Thời hạn", "Giá trị mới nhất",
                          "Ngày số liệu mới nhất", "Giá trị", "Tính đến", "Nguồn"]
    by_id = {row[0]: row for row in targets[1:]}
    assert set(by_id) == {"x-ct-trong", "x-ct-dat", "x-ct-dung", "x-ct-cham", "x-ct-truot", "x-ct-giam", "x-ct-dem"}
    assert by_id["x-ct-cham"][2] == "x-ttdl"  # a division's target, named in the «Đơn vị» column
    assert by_id["x-ct-dung"][1:2] + by_id["x-ct-dung"][4:] == [
        "kh-x", "tối thiểu 80%", "31/12/2025", 55, datetime(2025, 11, 15), None, None, None]
    assert by_id["x-ct-trong"][6:8] == [None, None]  # its only report is after the judging date
    tasks = sheet_rows(data, "Nhiệm vụ")
    assert tasks[0] == ["Mã", "Kế hoạch", "Số", "Nội dung", "Chủ trì", "Thời hạn", "Tên trạng thái",
                        "Báo cáo gần nhất", "Trạng thái", "Phần trăm", "Ghi chú"]
    task_rows = {row[0]: row for row in tasks[1:]}
    assert "x-nv-8" not in task_rows  # led by Sở Y
    assert task_rows["x-nv-1"][6:] == ["Đang thực hiện", datetime(2025, 10, 20), None, None, None]
    assert task_rows["x-nv-2"][4:8] == ["x-cntt", "15/10/2025", "Chưa có báo cáo", None]
    info = sheet_rows(data, "Thông tin")
    assert [row[:2] for row in info[2:6]] == [["Đơn vị", "so-x"], ["Ngày báo cáo", None], ["Tiêu đề", None],
                                              ["Nội dung", None]]


def test_a_division_form_lists_only_its_own_work(portal):
    data = forms.build_form(portal.units["x-ttdl"], DAY)
    assert [row[0] for row in sheet_rows(data, "Chỉ tiêu")[1:]] == ["x-ct-cham"]
    assert [row[0] for row in sheet_rows(data, "Nhiệm vụ")[1:]] == ["x-nv-5"]


def test_validations_frozen_header_and_widths(portal):
    book = openpyxl.load_workbook(io.BytesIO(forms.build_form(portal.units["so-x"], DAY)))
    targets, tasks = book["Chỉ tiêu"], book["Nhiệm vụ"]
    rules = {str(dv.sqref): dv for dv in targets.data_validations.dataValidation}
    assert (rules["I2:I8"].type, rules["I2:I8"].operator) == ("decimal", "greaterThanOrEqual")
    assert rules["J2:J8"].type == "date" and rules["J2:J8"].showErrorMessage
    rules = {str(dv.sqref): dv for dv in tasks.data_validations.dataValidation}
    assert rules["I2:I9"].type == "list"
    assert rules["I2:I9"].formula1 == '"Chưa triển khai,Đang thực hiện,Hoàn thành,Tạm dừng"'
    assert (rules["J2:J9"].type, rules["J2:J9"].formula1, rules["J2:J9"].formula2) == ("decimal", "0", "100")
    assert [dv.sqref for dv in book["Thông tin"].data_validations.dataValidation][0].__str__() == "B4"
    assert targets.freeze_panes == tasks.freeze_panes == "B2"
    assert targets["H3"].number_format == "DD/MM/YYYY"  # a last reported date
    # the columns to fill carry their style, so every empty cell in them is a yellow date cell
    assert targets.column_dimensions["J"].number_format == "DD/MM/YYYY"
    assert targets.column_dimensions["J"].fill.fgColor.rgb == "00FFFBEA"
    assert targets.column_dimensions["A"].width == 12  # "x-ct-trong" + 2
    assert tasks.column_dimensions["D"].width == 46  # the longest task text + 2, wrapped
    assert tasks["D2"].alignment.wrap_text


def test_same_content_gives_the_same_bytes(portal):
    assert forms.build_form(portal.units["so-x"], DAY) == forms.build_form(portal.units["so-x"], DAY)
    props = openpyxl.load_workbook(io.BytesIO(forms.build_form(portal.units["so-x"], DAY))).properties
    assert props.created == props.modified == datetime(2025, 11, 30)


def test_form_headers_are_the_open_data_column_names():
    """Each header folds to the key of the open-data column with the same value or to a report field."""
    target_csv = {c.key for c in opendata.TARGET_COLUMNS} | {c.key for c in opendata.TARGET_REPORT_COLUMNS}
    task_csv = {c.key for c in opendata.TASK_COLUMNS} | {c.key for c in opendata.TASK_REPORT_COLUMNS}
    keys = [field_key(c.header) for c in forms.TARGET_FORM_COLUMNS]
    assert [k for k in keys if k not in target_csv] == ["ngay_so_lieu_moi_nhat"]
    assert [field_key(c.header) for c in forms.TASK_FORM_COLUMNS if field_key(c.header) not in task_csv] == []
    assert [field_key(c.header) for c in forms.TARGET_FORM_COLUMNS if c.get is None] == ["gia_tri", "tinh_den", "nguon"]
    assert [field_key(c.header) for c in forms.TASK_FORM_COLUMNS if c.get is None] == ["trang_thai", "phan_tram", "ghi_chu"]
