"""`make nhap-bao-cao FILE=path.xlsx`: a filled report form (or a unit's open-data CSV) becomes
one update file in content/cap-nhat/, checked as `make check` checks content.

    python -m pelican.plugins.portal.cli.import_report -s pelicanconf.py FILE [--content DIR] [--don-vi ID] [--ngay dd/mm/yyyy]

Columns are matched by `text.field_key` of their header ("Giá trị" = `gia_tri`), so the form
(outputs/forms.py) and the open-data CSVs (so-lieu-chi-tieu.csv, tien-do-nhiem-vu.csv,
nhiem-vu.csv) both import. Each value goes through the content stage's own converters
(content/converters.py), then the composed file through pipeline.load_checked together with
content/. Every problem is printed as `file.xlsx!Sheet!C7: …`, all at once; nothing is written
when anything is wrong (exit 1).

No duplicates: a row that repeats a report already on the portal (same target, value and as-of
date; same task, status, percent and note) is skipped, and the file name comes from the unit
and the report date (`<unit>-<yyyy-mm-dd>-bao-cao.md`), so importing the same form twice
writes nothing the second time.
"""

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from pelican.settings import read_settings

from .. import vocabulary
from ..content.converters import FieldError, fold_key, to_date, to_number, to_percent, to_status
from ..pipeline import load_checked
from ..problems import ContentError
from ..settings import SettingsError, apply_defaults
from .report_table import Cell, read_tables, to_text

ID_KEYS = ("ma", "chi_tieu", "nhiem_vu")  # the form's «Mã»; the history CSVs' id columns
TARGET_KEYS, TASK_KEYS = ("gia_tri", "tinh_den", "nguon"), ("trang_thai", "phan_tram", "ghi_chu")
NEVER_REPORTED = {vocabulary.NEVER_REPORTED_STATUS,
                  fold_key(vocabulary.TASK_STATUSES[vocabulary.NEVER_REPORTED_STATUS].label)}


class ImportProblems(list):
    """Problems as printed lines: `where: «header»: found — expected`."""

    def add(self, cell, found, expected=""):
        """Record one problem at a cell (or a file when `cell` is empty)."""
        header = f"«{cell.header}»: " if cell.header else ""
        self.append(f"{cell.ref}: {header}{found}" + (f" — {expected}" if expected else ""))


def _convert(cell, converter, problems):
    try:
        return converter(to_text(cell.value))
    except FieldError as error:
        problems.add(cell, error.found, error.expected)
        return None


def read_reports(tables, portal, day, problems):
    """([(target, {field: value}, {field: Cell})], [(task, …)], skipped count) from the rows;
    `day`: the report date (a target value's as-of date when «Tính đến» is empty)."""
    targets, tasks, seen, skipped = [], [], {}, 0
    for table in tables:
        id_key = next((k for k in ID_KEYS if k in table.columns), None)
        if id_key is None:
            continue
        for row in table.rows:
            cells = {k: row[k] for k in (*TARGET_KEYS, *TASK_KEYS) if k in row and row[k].value is not None}
            if not cells:
                continue
            id_cell = row[id_key]
            if id_cell.value is None:
                problems.add(id_cell, "dòng có số liệu nhưng thiếu mã", "chép mã chỉ tiêu hoặc nhiệm vụ từ cổng")
                continue
            item_id = to_text(id_cell.value).strip()
            if item_id in portal.targets:
                found, out = _target_row(portal.targets[item_id], cells, id_cell, day, problems), targets
            elif item_id in portal.tasks:
                found, out = _task_row(portal.tasks[item_id], cells, id_cell, problems), tasks
            else:
                problems.add(id_cell, f"không có chỉ tiêu hay nhiệm vụ mã «{item_id}» trên cổng",
                             "mã chép từ thẻ chỉ tiêu, nhiệm vụ trên cổng hoặc từ mẫu báo cáo")
                continue
            if found == SKIP:
                skipped += 1
            elif found is None and out is tasks:
                seen.setdefault(item_id, id_cell.ref)  # a second row for it is still a duplicate
            elif found is not None:
                key = (item_id, found[1].get("tinh_den") or day) if out is targets else item_id
                if key in seen:  # a target may have several values, each as of its own date
                    problems.add(id_cell, f"mã «{item_id}» đã có ở {seen[key]}", "mỗi chỉ tiêu, nhiệm vụ một dòng")
                    continue
                seen[key] = id_cell.ref
                out.append(found)
    return targets, tasks, skipped


SKIP = "skip"  # a row that repeats what the portal already has


def _misplaced(cells, keys, what, problems):
    for key in keys:
        if key in cells:
            problems.add(cells[key], f"{what} không có cột này", "để trống ô này")


def _target_row(target, cells, id_cell, day, problems):
    """(target, values, cells), SKIP, or None when a problem was logged."""
    _misplaced(cells, TASK_KEYS, "chỉ tiêu", problems)
    if "gia_tri" not in cells:
        problems.add(cells.get("tinh_den") or cells.get("nguon") or id_cell, "có ngày hoặc nguồn nhưng thiếu giá trị",
                     "điền «Giá trị», hoặc xoá ngày và nguồn")
        return None
    values = {"gia_tri": _convert(cells["gia_tri"], to_number, problems)}
    if "tinh_den" in cells:
        values["tinh_den"] = _convert(cells["tinh_den"], to_date, problems)
    if None in values.values():
        return None
    as_of = values.get("tinh_den") or day
    if any(r.value == values["gia_tri"] and r.as_of == as_of for r in target.reports):
        return SKIP
    source = to_text(cells["nguon"].value).strip() if "nguon" in cells else ""
    if not source:
        problems.add(cells["gia_tri"], "có giá trị nhưng thiếu nguồn số liệu",
                     "điền cột «Nguồn»: hệ thống hoặc văn bản cho con số")
        return None
    values["nguon"] = source
    return target, values, cells


def _task_row(task, cells, id_cell, problems):
    """(task, values, cells), SKIP, or None when a problem was logged."""
    _misplaced(cells, ("gia_tri", "tinh_den", "nguon"), "nhiệm vụ", problems)
    if "trang_thai" not in cells:
        problems.add(cells.get("phan_tram") or cells.get("ghi_chu") or id_cell,
                     "có phần trăm hoặc ghi chú nhưng thiếu trạng thái", "chọn «Trạng thái» trong danh sách")
        return None
    if fold_key(to_text(cells["trang_thai"].value)) in NEVER_REPORTED:
        return SKIP  # "chưa có báo cáo" in an open-data CSV: nothing to report
    values = {"trang_thai": _convert(cells["trang_thai"], to_status, problems)}
    if "phan_tram" in cells:
        values["phan_tram"] = _convert(cells["phan_tram"], to_percent, problems)
    if None in values.values():
        return None
    note = to_text(cells["ghi_chu"].value).strip() if "ghi_chu" in cells else ""
    state = task.state
    shown = state is not None and (state.status, state.percent) == (values["trang_thai"], values.get("phan_tram"))
    if (shown and not note) or any(r.status == values["trang_thai"] and r.percent == values.get("phan_tram")
                                   and r.note == note for r in task.reports):
        return SKIP  # what the portal shows (a task CSV row left as downloaded), or a published report
    if note:
        values["ghi_chu"] = note
    return task, values, cells


def read_header(tables, portal, args, problems):
    """(unit, date, title, body) from the info sheet, the options or a CSV's columns."""
    info = next((t.info for t in tables if t.info), {})
    unit_cell, unit_id = info.get("don_vi"), args.don_vi
    if unit_id is None and unit_cell is not None and unit_cell.value is not None:
        unit_id = to_text(unit_cell.value).strip()
    if unit_id is None:  # an open-data CSV: the unit that posted the rows, when it is one
        found = {to_text(r["don_vi_bao_cao"].value) for t in tables for r in t.rows
                 if "don_vi_bao_cao" in r and r["don_vi_bao_cao"].value is not None}
        unit_id = found.pop() if len(found) == 1 else None
    unit = portal.units.get(unit_id) if unit_id else None
    where = unit_cell or Cell(tables[0].name if tables else args.file, "", None)
    if unit is None:
        problems.add(where, f"không có đơn vị mã «{unit_id}»" if unit_id else "không rõ đơn vị báo cáo",
                     "mã đơn vị ở trang Thông tin (ô «Đơn vị») hoặc DON_VI=<mã đơn vị>")
    day = None
    if args.ngay:
        day = _convert(Cell("NGAY", "", args.ngay), to_date, problems)
    elif info.get("ngay_bao_cao") is not None and info["ngay_bao_cao"].value is not None:
        day = _convert(info["ngay_bao_cao"], to_date, problems)
    elif info:
        problems.add(info.get("ngay_bao_cao") or where, "thiếu ngày báo cáo", "ngày/tháng/năm, ví dụ 30/11/2025")
    else:
        day = date.today()
    title = to_text(info["tieu_de"].value).strip() if info.get("tieu_de") and info["tieu_de"].value else ""
    body = to_text(info["noi_dung"].value).strip() if info.get("noi_dung") and info["noi_dung"].value else ""
    return unit, day, title, body


def _scalar(text):
    """A YAML scalar: plain when safe, else double-quoted (JSON escapes are valid YAML)."""
    plain = text and text == text.strip() and "\n" not in text and ": " not in text and " #" not in text \
        and not text.endswith(":") and text[0] not in "-?:,[]{}#&*!|>'\"%@`"
    return text if plain else json.dumps(text, ensure_ascii=False)


def _number(value):
    text = f"{value:.10g}"
    return text.replace(".", ",")


def compose(unit, day, title, body, targets, tasks, source_name):
    """(update file text, {line: {field: Cell}}) in the guide's update format."""
    lines, cells_by_line = ["---"], {}

    def put(text, cells=None):
        lines.append(text)
        if cells:
            cells_by_line[len(lines)] = cells

    put(f"tieu_de: {_scalar(title or f'{unit.name} báo cáo tiến độ ngày {day:%d/%m/%Y}')}")
    put(f"ngay: {day:%d/%m/%Y}")
    put(f"don_vi: {unit.id}")
    plans = sorted({item.plan.number for item, _, _ in (*targets, *tasks)})
    put("ke_hoach: " + _scalar(plans[0]) if len(plans) == 1 else "ke_hoach:")
    for number in plans if len(plans) > 1 else ():
        put(f"  - {_scalar(number)}")
    for key, rows in (("chi_tieu", targets), ("nhiem_vu", tasks)):
        if rows:
            put(f"{key}:")
        for item, values, cells in rows:
            put(f"  - ma: {item.id}", cells)
            for field, value in values.items():
                text = (_number(value) if isinstance(value, float) else f"{value:%d/%m/%Y}" if isinstance(value, date)
                        else vocabulary.REPORTED_TASK_STATUSES[value].label.lower() if field == "trang_thai"
                        else value)
                put(f"    {field}: {_scalar(text)}", {field: cells[field]})
    lines += ["---", "", body or f"Số liệu nhập từ biểu mẫu báo cáo «{source_name}».", ""]
    return "\n".join(lines), cells_by_line


def validate(settings, name, text, cells_by_line, problems):
    """Check `text` as cap-nhat/<name> with content/, as `make check` does; problems mapped to cells."""
    with tempfile.TemporaryDirectory() as extra:
        folder = Path(extra) / settings["PORTAL_FOLDERS"]["updates"]
        folder.mkdir()
        (folder / name).write_text(text, encoding="utf-8")
        checked = dict(settings, PORTAL_EXTRA_PATHS=[*(settings.get("PORTAL_EXTRA_PATHS") or ()), extra])
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                load_checked(checked)
        except ContentError as error:
            for problem in error.problems:
                cells = cells_by_line.get(problem.line) if problem.path == str(folder / name) else None
                if cells:
                    cell = cells.get(problem.field) or next(iter(cells.values()))
                    problems.add(cell, problem.found, problem.expected)
                else:
                    problems.append(str(problem))


def main(argv=None) -> int:
    """Exit 0 when the update file was written (or there was nothing new), 1 on any problem."""
    parser = argparse.ArgumentParser(description="Nhập biểu mẫu báo cáo tiến độ (.xlsx hoặc .csv) thành bài cập nhật.")
    parser.add_argument("file", help="tệp .xlsx (mẫu báo cáo) hoặc .csv (dữ liệu mở của đơn vị)")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="tệp cấu hình Pelican")
    parser.add_argument("--content", help="thư mục nội dung (mặc định: PATH trong tệp cấu hình)")
    parser.add_argument("--don-vi", help="mã đơn vị báo cáo (khi tệp không ghi)")
    parser.add_argument("--ngay", help="ngày báo cáo, ngày/tháng/năm (mặc định: ô «Ngày báo cáo» của mẫu)")
    args = parser.parse_args([a for a in (argv if argv is not None else sys.argv[1:]) if a != ""])
    settings = read_settings(args.settings, override={"PATH": args.content} if args.content else {})
    apply_defaults(settings)
    try:
        portal = load_checked(settings)
    except (ContentError, SettingsError) as error:
        print(f"{error} Sửa nội dung trước khi nhập báo cáo (make check).", file=sys.stderr)
        return 1
    problems = ImportProblems()
    tables = read_tables(args.file, problems)
    if problems:
        return _fail(problems, args.file)
    unit, day, title, body = read_header(tables, portal, args, problems)
    targets, tasks, skipped = read_reports(tables, portal, day, problems)
    if problems:
        return _fail(problems, args.file)
    if not targets and not tasks:
        print(f"{args.file}: không có dòng nào mới để nhập" + (f" ({skipped} dòng đã có trên cổng, bỏ qua)" if skipped else "")
              + "; không ghi tệp nào.")
        return 0
    folder = Path(settings["PATH"]) / settings["PORTAL_FOLDERS"]["updates"]
    name = f"{unit.id}-{day:%Y-%m-%d}-bao-cao.md"
    counter = 2
    while (folder / name).exists():
        name, counter = f"{unit.id}-{day:%Y-%m-%d}-bao-cao-{counter}.md", counter + 1
    text, cells_by_line = compose(unit, day, title, body, targets, tasks, os.path.basename(args.file))
    validate(settings, name, text, cells_by_line, problems)
    if problems:
        return _fail(problems, args.file)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    print(f"Đã ghi {os.path.relpath(folder / name)}: {len(targets)} số liệu chỉ tiêu, {len(tasks)} tiến độ nhiệm vụ"
          + (f"; {skipped} dòng đã có trên cổng, bỏ qua" if skipped else "") + ". Xem trước: make html.")
    return 0


def _fail(problems, path):
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{path}: {len(problems)} lỗi; chưa ghi tệp nào. Sửa các ô trên rồi nhập lại.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
