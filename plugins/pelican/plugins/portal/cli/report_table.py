"""Read a filled report form (.xlsx, saved by Excel or LibreOffice) or a CSV into tables of
cells, each cell knowing its reference (`file.xlsx!Sheet!C7`) and its column's header.

Headers are matched by `text.field_key` ("Giá trị" → `gia_tri`). Cell values stay as the
spreadsheet holds them (text, number, date); `to_text` turns them into the text the content
converters read, so the import never parses a number or a date itself.
"""

import csv
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..outputs import forms
from ..text import field_key

INFO_KEYS = {field_key(label): label for label in (forms.INFO_UNIT, forms.INFO_DATE, forms.INFO_TITLE, forms.INFO_BODY)}


@dataclass(frozen=True)
class Cell:
    """A cell: `ref` ("bao-cao.xlsx!Chỉ tiêu!I7"), its column `header` as written, `value`."""

    ref: str
    header: str
    value: object  # str | int | float | datetime | None (empty)


@dataclass
class Table:
    """One sheet (or the CSV): `columns` {key: header}, `rows` [{key: Cell}], `info` {key: Cell}
    for the form's «Thông tin» sheet (its label/value rows)."""

    name: str
    columns: dict = field(default_factory=dict)
    rows: list = field(default_factory=list)
    info: dict = field(default_factory=dict)


def to_text(value):
    """The text a content converter reads: numbers with a decimal comma ("85,5"), dates as
    dd/mm/yyyy, ISO dates of the open-data CSVs ("2025-11-15") as dd/mm/yyyy, text as is."""
    if isinstance(value, (datetime, date)):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return f"{value:.15g}".replace(".", ",")
    text = str(value)
    try:
        return f"{date.fromisoformat(text.strip()):%d/%m/%Y}" if len(text.strip()) == 10 else text
    except ValueError:
        return text


def _clean(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _column_letter(index):
    from openpyxl.utils import get_column_letter
    return get_column_letter(index)


def _table(name, prefix, rows):
    """A Table from rows of values (first row = headers); `prefix` starts every cell ref."""
    table = Table(name)
    rows = list(rows)
    if not rows:
        return table
    headers = [str(h).strip() if h is not None else "" for h in rows[0]]
    keys = [field_key(h) if h else "" for h in headers]
    table.columns = {k: h for k, h in zip(keys, headers) if k}
    for number, values in enumerate(rows[1:], start=2):
        values = list(values) + [None] * (len(keys) - len(values))
        row = {}
        for index, (key, value) in enumerate(zip(keys, values), start=1):
            if key and key not in row:
                row[key] = Cell(f"{prefix}{_column_letter(index)}{number}", table.columns[key], _clean(value))
        table.rows.append(row)
    if not any(k in table.columns for k in ("ma", "chi_tieu", "nhiem_vu")):
        for number, values in enumerate(rows, start=1):  # a label/value sheet: «Đơn vị» | so-tu-phap
            label = field_key(str(values[0])) if values and values[0] is not None else ""
            if label in INFO_KEYS and label not in table.info:
                value = values[1] if len(values) > 1 else None
                table.info[label] = Cell(f"{prefix}B{number}", INFO_KEYS[label], _clean(value))
    return table


def read_tables(path, problems):
    """[Table] of an .xlsx (one per sheet) or a .csv (one); problems logged when unreadable."""
    name = str(path)
    suffix = Path(path).suffix.lower()
    where = Cell(name, "", None)
    if not Path(path).is_file():
        problems.add(where, "không tìm thấy tệp", "đường dẫn tới tệp .xlsx hoặc .csv, ví dụ FILE=bao-cao.xlsx")
        return []
    if suffix == ".csv":
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            problems.add(where, "tệp CSV không ở mã UTF-8", "lưu lại bằng «CSV UTF-8» (Excel) hoặc «Unicode (UTF-8)» (LibreOffice)")
            return []
        try:
            dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return [_table(name, f"{name}!", csv.reader(text.splitlines(), dialect))]
    if suffix != ".xlsx":
        problems.add(where, f"không đọc được tệp «{suffix or name}»", "tệp .xlsx (mẫu báo cáo) hoặc .csv (dữ liệu mở)")
        return []
    from openpyxl import load_workbook
    try:
        workbook = load_workbook(path, data_only=True, read_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        problems.add(where, f"không mở được bảng tính ({error.__class__.__name__})",
                     "tệp .xlsx lưu bằng Excel hoặc LibreOffice («Excel 2007-365»)")
        return []
    try:
        return [_table(sheet.title, f"{name}!{sheet.title}!", sheet.iter_rows(values_only=True))
                for sheet in workbook.worksheets]
    finally:
        workbook.close()
