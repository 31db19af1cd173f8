"""Per-unit progress report forms (biểu mẫu báo cáo): one .xlsx per unit that leads work,
listing every target and task it and its divisions answer for, with empty columns to fill.
`cli/import_report.py` reads a filled form back into an update file.

Column names: each header is a Vietnamese name whose `text.field_key` is the open-data CSV
column of the same value ("Giá trị mới nhất" → `gia_tri_moi_nhat`, as in chi-tieu.csv) or the
update file's report field ("Giá trị" → `gia_tri`, "Tính đến" → `tinh_den`, as in
so-lieu-chi-tieu.csv). The importer matches headers by that key, so a unit's open-data CSV
imports too.

Output is byte-identical for the same content and judging date: the workbook's created and
modified properties are the judging date, and every zip entry carries one fixed timestamp.
"""

import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from datetime import datetime

import openpyxl
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from .. import vocabulary

INFO_SHEET, TARGET_SHEET, TASK_SHEET, GUIDE_SHEET = "Thông tin", "Chỉ tiêu", "Nhiệm vụ", "Hướng dẫn"
# Rows of the info sheet: label in column A, value in column B (the importer finds them by label).
INFO_UNIT, INFO_DATE, INFO_TITLE, INFO_BODY = "Đơn vị", "Ngày báo cáo", "Tiêu đề", "Nội dung"
# The words editors use for a task status (vocabulary.REPORTED_TASK_STATUSES labels).
STATUS_CHOICES = [term.label for term in vocabulary.REPORTED_TASK_STATUSES.values()]
DATE_FORMAT = "DD/MM/YYYY"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_FILL_HEADER_FILL = PatternFill("solid", fgColor="FFF2CC")  # columns the unit fills
_FILL_CELL_FILL = PatternFill("solid", fgColor="FFFBEA")


@dataclass(frozen=True)
class FormColumn:
    """One column: Vietnamese header, the value for an item (None for a column to fill),
    kind (text | long | number | date | status | percent), and whether the unit fills it."""

    header: str
    get: object  # function(item) -> value, or None for a column to fill
    kind: str = "text"
    note: str = ""  # the input prompt shown in the cell (columns to fill)


def _latest(target, attr):
    latest = target.judgement.latest if target.judgement else None
    return getattr(latest, attr) if latest is not None else None


def _ids(units):
    return "; ".join(u.id for u in units)


TARGET_FORM_COLUMNS = (
    FormColumn("Mã", lambda t: t.id),
    FormColumn("Kế hoạch", lambda t: t.plan.id),
    FormColumn("Đơn vị", lambda t: t.unit.id if t.unit else ""),
    FormColumn("Nội dung", lambda t: t.text, "long"),
    FormColumn("Mục tiêu", lambda t: t.goal_text),
    FormColumn("Thời hạn", lambda t: t.deadline.text),
    FormColumn("Giá trị mới nhất", lambda t: _latest(t, "value"), "number"),
    FormColumn("Ngày số liệu mới nhất", lambda t: _latest(t, "as_of"), "date"),
    FormColumn("Giá trị", None, "number", "Con số mới, ví dụ 85 hoặc 85,5 (chỉ tiêu tính bằng %: từ 0 đến 100)."),
    FormColumn("Tính đến", None, "date", "Ngày số liệu tính đến (ngày/tháng/năm); để trống = ngày báo cáo."),
    FormColumn("Nguồn", None, "text", "Bắt buộc khi có giá trị: hệ thống hoặc văn bản cho con số."),
)

TASK_FORM_COLUMNS = (
    FormColumn("Mã", lambda t: t.id),
    FormColumn("Kế hoạch", lambda t: t.plan.id),
    FormColumn("Số", lambda t: t.number),
    FormColumn("Nội dung", lambda t: t.text, "long"),
    FormColumn("Chủ trì", lambda t: _ids(t.leads)),
    FormColumn("Thời hạn", lambda t: t.deadline.text),
    FormColumn("Tên trạng thái", lambda t: t.state.label if t.state else ""),
    FormColumn("Báo cáo gần nhất", lambda t: t.state.last_reported if t.state else None, "date"),
    FormColumn("Trạng thái", None, "status", "Chọn trong danh sách: " + ", ".join(STATUS_CHOICES) + "."),
    FormColumn("Phần trăm", None, "percent", "Phần trăm hoàn thành, từ 0 đến 100 (có thể để trống)."),
    FormColumn("Ghi chú", None, "long", "Ghi chú ngắn về tiến độ (có thể để trống)."),
)

GUIDE_LINES = (
    "Cách điền mẫu báo cáo tiến độ",
    "1. Trang «Thông tin»: ghi Ngày báo cáo (ngày/tháng/năm). Tiêu đề và Nội dung có thể để trống.",
    "2. Trang «Chỉ tiêu»: với mỗi chỉ tiêu có số liệu mới, điền Giá trị, Tính đến và Nguồn (bắt buộc khi có giá trị).",
    "3. Trang «Nhiệm vụ»: với mỗi nhiệm vụ có tiến độ mới, chọn Trạng thái; Phần trăm và Ghi chú nếu có.",
    "4. Dòng nào không có gì mới thì để trống các ô màu vàng. Không sửa cột Mã và không đổi tên các cột.",
    "5. Lưu tệp (.xlsx) và gửi cho cán bộ phụ trách cổng. Cán bộ chạy «make nhap-bao-cao FILE=…»: "
    "mọi lỗi được báo theo ô (ví dụ Chỉ tiêu!I7), không có gì được đăng khi còn lỗi.",
    "6. Gửi lại cùng một tệp hai lần không tạo báo cáo trùng: dòng đã có trên cổng được bỏ qua.",
)


def form_path(unit, data_url):
    """The output path of a unit's form: "du-lieu/bao-cao/<unit id>.xlsx"."""
    return f"{data_url}bao-cao/{unit.id}.xlsx"


def form_units(portal):
    """The units that answer for at least one target or task (those that get a form)."""
    return [unit for unit in portal.units.values() if unit.work[0] or unit.work[1]]


def form_urls(portal, data_url):
    """{unit id: form path} for every unit that gets a form."""
    return {unit.id: form_path(unit, data_url) for unit in form_units(portal)}


def build_form(unit, judging_date):
    """The unit's form as .xlsx bytes, identical for identical content and `judging_date`."""
    targets, tasks = unit.work
    workbook = Workbook()
    info = workbook.active
    info.title = INFO_SHEET
    _write_info(info, unit)
    _write_table(workbook.create_sheet(TARGET_SHEET), TARGET_FORM_COLUMNS, targets)
    _write_table(workbook.create_sheet(TASK_SHEET), TASK_FORM_COLUMNS, tasks)
    guide = workbook.create_sheet(GUIDE_SHEET)
    for row, line in enumerate(GUIDE_LINES, start=1):
        guide.cell(row, 1, line).font = Font(bold=row == 1)
    guide.column_dimensions["A"].width = 110
    stamp = datetime.combine(judging_date, datetime.min.time())
    workbook.properties.creator = "Cổng kế hoạch chuyển đổi số"
    workbook.properties.title = f"Mẫu báo cáo tiến độ — {unit.name}"
    workbook.properties.created = workbook.properties.modified = stamp
    return _save(workbook)


FORM_VERSION = "1"  # bump when the layout changes, so every cached form is rebuilt


def form_key(unit, judging_date):
    """16 hex digits hashing everything a unit's form shows (its rows, name, the judging
    date), the layout version and openpyxl's version: the name of its cached file."""
    targets, tasks = unit.work
    rows = [[_plain(c.get(t)) for c in TARGET_FORM_COLUMNS if c.get] for t in targets]
    rows += [[_plain(c.get(t)) for c in TASK_FORM_COLUMNS if c.get] for t in tasks]
    raw = json.dumps([FORM_VERSION, openpyxl.__version__, unit.id, unit.name, judging_date.isoformat(), rows],
                     ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def write_forms(files, portal, data_url, cache_dir):
    """Write every unit's form through `files` (outputs.writer.OutputFiles), reusing the one
    cached in `cache_dir` under its form_key when nothing it shows changed; returns
    (forms written, forms built now)."""
    units, built = form_units(portal), 0
    os.makedirs(cache_dir, exist_ok=True)
    for unit in units:
        cached = os.path.join(cache_dir, f"{form_key(unit, portal.judging_date)}.xlsx")
        if not os.path.exists(cached):
            partial = f"{cached}.{os.getpid()}.tmp"
            with open(partial, "wb") as handle:
                handle.write(build_form(unit, portal.judging_date))
            os.replace(partial, cached)
            built += 1
        files.place_file(form_path(unit, data_url), cached, f"mẫu báo cáo tiến độ của đơn vị «{unit.id}»")
    return len(units), built


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _write_info(sheet, unit):
    sheet["A1"] = f"Mẫu báo cáo tiến độ — {unit.name}"
    sheet["A1"].font = Font(bold=True, size=13)
    rows = ((INFO_UNIT, unit.id, f"mã đơn vị ({unit.name}); không sửa"),
            (INFO_DATE, None, "bắt buộc: ngày/tháng/năm, ví dụ 30/11/2025"),
            (INFO_TITLE, None, "có thể để trống: «<tên đơn vị> báo cáo tiến độ ngày …»"),
            (INFO_BODY, None, "có thể để trống: vài câu tóm tắt, đăng làm nội dung bài cập nhật"))
    for row, (label, value, hint) in enumerate(rows, start=3):
        sheet.cell(row, 1, label).font = Font(bold=True)
        cell = sheet.cell(row, 2, value)
        if value is None:
            cell.fill = _FILL_CELL_FILL
        sheet.cell(row, 3, hint).font = Font(italic=True, color="595959")
    date_cell = sheet.cell(4, 2)
    date_cell.number_format = DATE_FORMAT
    _validate(sheet, "date", "B4:B4", "Ngày báo cáo")
    sheet.cell(6, 2).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[6].height = 90
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 60
    sheet.cell(8, 1, f"Điền các trang «{TARGET_SHEET}» và «{TASK_SHEET}»; cách điền ở trang «{GUIDE_SHEET}».")


def _write_table(sheet, columns, items):
    for col, column in enumerate(columns, start=1):
        cell = sheet.cell(1, col, column.header)
        cell.font = Font(bold=True)
        cell.fill = _FILL_HEADER_FILL if column.get is None else _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, item in enumerate(items, start=2):
        for col, column in enumerate(columns, start=1):
            if column.get is None:
                continue  # empty cells take the column's style (below): fewer styled cells, faster
            cell = sheet.cell(row, col, column.get(item))
            if column.kind == "date":
                cell.number_format = DATE_FORMAT
            if column.kind == "long":
                cell.alignment = wrap
    last = len(items) + 1
    for col, column in enumerate(columns, start=1):
        letter = get_column_letter(col)
        dimension = sheet.column_dimensions[letter]
        dimension.width = _width(column, items)
        if column.get is None:
            dimension.fill = _FILL_CELL_FILL
            if column.kind == "date":
                dimension.number_format = DATE_FORMAT
            if column.kind == "long":
                dimension.alignment = wrap
        if column.get is None and items:
            _validate(sheet, column.kind, f"{letter}2:{letter}{last}", column.header, column.note)
    sheet.freeze_panes = "B2"  # header row and the id column stay in view
    if items:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"


def _width(column, items):
    """Characters: the longest value (dates 10), at least the header, at most 60 (long text 50)."""
    if column.kind in ("date", "number", "percent"):
        longest = 12
    elif column.get is None:
        longest = 24 if column.kind != "status" else max(map(len, STATUS_CHOICES))
    else:
        longest = max((len(str(column.get(item) or "")) for item in items), default=0)
    cap = 50 if column.kind == "long" else 60
    return min(max(longest, len(column.header)) + 2, cap)


def _validate(sheet, kind, ref, header, note=""):
    """Excel data validation for a column to fill; LibreOffice keeps it on save."""
    if kind == "status":
        rule = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"', allow_blank=True)
        error = "Chọn một trạng thái trong danh sách: " + ", ".join(STATUS_CHOICES) + "."
    elif kind == "date":
        rule = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True)  # 01/01/2000
        error = "Nhập một ngày dạng ngày/tháng/năm, ví dụ 30/11/2025."
    elif kind == "percent":
        rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
        error = "Nhập một số từ 0 đến 100."
    elif kind == "number":
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        error = "Nhập một số (không kèm chữ), ví dụ 85 hoặc 85,5."
    else:
        return
    rule.error, rule.errorTitle, rule.showErrorMessage = error, f"«{header}» không hợp lệ", True
    if note:
        rule.prompt, rule.promptTitle, rule.showInputMessage = note, header, True
    sheet.add_data_validation(rule)
    rule.add(ref)


def _save(workbook):
    """The workbook's bytes, zip entries in openpyxl's order with one fixed timestamp
    (openpyxl's `save` stamps the modified property and each entry with the clock)."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()  # the writer closes the archive
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, \
            zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry.filename))
    return fixed.getvalue()
