"""Open data: JSON and CSV (UTF-8 with BOM, for Excel) of units, plans, targets, tasks and
progress history; one file per kind for the whole portal, plus slices per plan, per unit and
per target. The columns below are also what the "Về dữ liệu" page documents.
"""

import csv
import io
import json
from dataclasses import dataclass
from datetime import date

from .. import vocabulary
from ..rules.rollups import task_bucket


@dataclass(frozen=True)
class Column:
    """One open-data column: its key (CSV header, JSON field), its Vietnamese description
    (shown on «Về dữ liệu») and get(item, link) -> value."""
    key: str
    description: str  # Vietnamese, shown on the "Về dữ liệu" page
    get: object  # function(item, link) -> value (str, number, bool, date, list or None)


def _ids(units):
    return [u.id for u in units]


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


UNIT_COLUMNS = (
    Column("ma", "mã đơn vị", lambda u, link: u.id),
    Column("ten", "tên đầy đủ", lambda u, link: u.name),
    Column("ten_ngan", "tên ngắn (có thể trống)", lambda u, link: u.short_name),
    Column("loai", "mã loại đơn vị (so, phuong, phong, nhom…)", lambda u, link: u.kind),
    Column("ten_loai", "tên loại đơn vị", lambda u, link: vocabulary.UNIT_KINDS[u.kind].label if u.kind in vocabulary.UNIT_KINDS else u.kind),
    Column("truc_thuoc", "mã đơn vị cấp trên (trống nếu là cấp cao nhất)", lambda u, link: u.parent.id if u.parent else ""),
    Column("thanh_vien", "với nhóm đơn vị: mã các đơn vị thành viên", lambda u, link: _ids(u.members)),
    Column("ten_tieng_anh", "tên tiếng Anh (có thể trống)", lambda u, link: u.english_name),
    Column("duong_dan", "địa chỉ trang của đơn vị", lambda u, link: link(u.url)),
)

PLAN_COLUMNS = (
    Column("ma", "mã kế hoạch trên cổng", lambda p, link: p.id),
    Column("so_ky_hieu", "số, ký hiệu văn bản", lambda p, link: p.number),
    Column("tieu_de", "tên kế hoạch", lambda p, link: p.title),
    Column("don_vi", "mã đơn vị ban hành", lambda p, link: p.issuer.id if p.issuer else ""),
    Column("ngay_ban_hanh", "ngày ban hành (năm-tháng-ngày)", lambda p, link: p.issued),
    Column("thoi_ky", "thời kỳ thực hiện", lambda p, link: p.period),
    Column("nguoi_ky", "người ký", lambda p, link: p.signer),
    Column("thuc_hien", "số, ký hiệu các văn bản được triển khai", lambda p, link: list(map(str, p.implements))),
    Column("so_chi_tieu", "số chỉ tiêu", lambda p, link: len(p.targets)),
    Column("so_nhiem_vu", "số nhiệm vụ", lambda p, link: len(p.tasks)),
    Column("duong_dan", "địa chỉ trang của kế hoạch", lambda p, link: link(p.url)),
)


def _latest(target, attr):
    latest = target.judgement.latest
    return getattr(latest, attr) if latest is not None else None


TARGET_COLUMNS = (
    Column("ma", "mã chỉ tiêu", lambda t, link: t.id),
    Column("ke_hoach", "mã kế hoạch", lambda t, link: t.plan.id),
    Column("don_vi", "mã đơn vị chịu trách nhiệm", lambda t, link: t.unit.id if t.unit else ""),
    Column("noi_dung", "nội dung chỉ tiêu", lambda t, link: t.text),
    Column("muc_tieu", "mục tiêu như văn bản ghi", lambda t, link: t.goal_text),
    Column("so_sanh", "phép so sánh của mục tiêu: >=, >, =, <=, <", lambda t, link: t.goal.comparison),
    Column("gia_tri_muc_tieu", "con số của mục tiêu", lambda t, link: t.goal.value),
    Column("don_vi_do", "đơn vị đo: % hoặc tên thứ được đếm", lambda t, link: t.goal.unit_label),
    Column("thoi_han", "thời hạn như văn bản ghi", lambda t, link: t.deadline.text),
    Column("han_cuoi", "ngày cuối của thời hạn (trống nếu thường xuyên hoặc có điều kiện)", lambda t, link: t.deadline.due),
    Column("tinh_trang_bao_cao", "tình trạng báo cáo: reported (đã có số liệu) hoặc not-reported (chưa có)",
           lambda t, link: t.judgement.reporting),
    Column("danh_gia", "mã huy hiệu: no-data, met, on-track, at-risk, not-met", lambda t, link: t.judgement.state),
    Column("ten_danh_gia", "huy hiệu bằng chữ", lambda t, link: t.judgement.label),
    Column("dat_sau_han", "đã đạt nhưng sau thời hạn: có/không (JSON: true/false)", lambda t, link: t.judgement.met_late),
    Column("gia_tri_moi_nhat", "giá trị được tính (báo cáo mới nhất)", lambda t, link: _latest(t, "value")),
    Column("tinh_den", "ngày số liệu mới nhất tính đến", lambda t, link: _latest(t, "as_of")),
    Column("muc_can_dat", "mức lộ trình đều đòi hỏi vào ngày đó (trống nếu không áp dụng)",
           lambda t, link: t.judgement.expected),
    Column("so_lan_bao_cao", "số lần báo cáo đã tính", lambda t, link: t.judgement.report_count),
    Column("duong_dan", "địa chỉ trang của chỉ tiêu", lambda t, link: link(t.url)),
    # issue 12: the document's words vs the portal's reading (added at the end, order kept)
    Column("loai", "loại chỉ tiêu: dinh-luong hoặc dinh-tinh (không nêu số, báo cáo đạt/chưa đạt)",
           lambda t, link: t.kind),
    Column("muc_tieu_van_ban", "mục tiêu đúng chữ văn bản khi «muc_tieu» là cách cổng đọc", lambda t, link: t.goal_words),
    Column("cach_suy_ra_han", "cách cổng suy ra «han_cuoi» khi văn bản không ghi ngày (trống: ngày của văn bản)",
           lambda t, link: t.deadline_rule),
    Column("don_vi_chu_tri", "mã các đơn vị chịu trách nhiệm (chủ trì nhiệm vụ giao chỉ tiêu)", lambda t, link: _ids(t.owners)),
)

TASK_COLUMNS = (
    Column("ma", "mã nhiệm vụ", lambda t, link: t.id),
    Column("ke_hoach", "mã kế hoạch", lambda t, link: t.plan.id),
    Column("so", "số thứ tự trong kế hoạch", lambda t, link: t.number),
    Column("noi_dung", "nội dung nhiệm vụ (Markdown)", lambda t, link: t.text),
    Column("linh_vuc", "lĩnh vực", lambda t, link: t.area),
    Column("chu_tri", "mã các đơn vị chủ trì", lambda t, link: _ids(t.leads)),
    Column("phoi_hop", "mã các đơn vị phối hợp", lambda t, link: _ids(t.supports)),
    Column("thoi_han", "thời hạn như văn bản ghi", lambda t, link: t.deadline.text),
    Column("loai_thoi_han", "loại thời hạn: date (có ngày), ongoing (thường xuyên), condition (có điều kiện)",
           lambda t, link: t.deadline.kind),
    Column("han_cuoi", "ngày cuối của thời hạn (trống nếu thường xuyên hoặc có điều kiện)", lambda t, link: t.deadline.due),
    Column("ket_qua_du_kien", "kết quả dự kiến", lambda t, link: t.expected_result),
    Column("trang_thai", "mã trạng thái báo cáo mới nhất (chua-bao-cao nếu chưa có)", lambda t, link: t.state.status),
    Column("ten_trang_thai", "trạng thái bằng chữ", lambda t, link: t.state.label),
    Column("qua_han", "quá hạn tại ngày đánh giá: có/không (JSON: true/false)", lambda t, link: t.state.late),
    Column("nhom", "nhóm khi đếm (trang «Về dữ liệu»): " + ", ".join(vocabulary.TASK_BUCKETS),
           lambda t, link: task_bucket(t, t.state)),
    Column("ten_nhom", "nhóm bằng chữ", lambda t, link: vocabulary.TASK_BUCKETS[task_bucket(t, t.state)].label),
    Column("so_ngay_qua_han", "số ngày quá hạn", lambda t, link: t.state.days_late),
    Column("phan_tram", "phần trăm hoàn thành được báo cáo", lambda t, link: t.state.percent),
    Column("bao_cao_gan_nhat", "ngày đăng bài cập nhật gần nhất về nhiệm vụ", lambda t, link: t.state.last_reported),
    Column("duong_dan", "địa chỉ của nhiệm vụ trong trang kế hoạch", lambda t, link: link(t.url)),
    # issue 12 (added at the end, order kept)
    Column("so_cua_cong", "số do cổng đánh khi «so» không phải số của văn bản", lambda t, link: t.portal_number),
    Column("cach_suy_ra_han", "cách cổng suy ra «han_cuoi» khi văn bản không ghi ngày (trống: ngày của văn bản)",
           lambda t, link: t.deadline_rule),
    Column("chu_tri_nguyen_van", "ô chủ trì có dấu đọc bản gốc, ghi như văn bản (không thành mã)",
           lambda t, link: "; ".join(t.marked_leads)),
    Column("phoi_hop_nguyen_van", "ô phối hợp có dấu đọc bản gốc, ghi như văn bản (không thành mã)",
           lambda t, link: "; ".join(t.marked_supports)),
    Column("ghi_chu", "ghi chú của cổng", lambda t, link: t.note),
)

# The update behind a reported value or status: the same columns in both history files.
REPORTED_BY = (
    Column("ngay_dang", "ngày đăng bài cập nhật", lambda r, link: r.update.date),
    Column("don_vi_bao_cao", "mã đơn vị đăng bài", lambda r, link: r.update.unit.id if r.update.unit else ""),
    Column("bai_cap_nhat", "địa chỉ bài cập nhật", lambda r, link: link(r.update.url) if r.update.url else ""),
)

TARGET_REPORT_COLUMNS = (
    Column("chi_tieu", "mã chỉ tiêu", lambda r, link: r.target.id),
    Column("ke_hoach", "mã kế hoạch", lambda r, link: r.target.plan.id),
    Column("gia_tri", "giá trị báo cáo", lambda r, link: r.value),
    Column("tinh_den", "số liệu tính đến ngày", lambda r, link: r.as_of),
    Column("nguon", "nguồn số liệu", lambda r, link: r.source_text),
    *REPORTED_BY,
)

TASK_REPORT_COLUMNS = (
    Column("nhiem_vu", "mã nhiệm vụ", lambda r, link: r.task.id),
    Column("ke_hoach", "mã kế hoạch", lambda r, link: r.task.plan.id),
    Column("trang_thai", "mã trạng thái được báo cáo", lambda r, link: r.status),
    Column("ten_trang_thai", "trạng thái bằng chữ", lambda r, link: vocabulary.TASK_STATUSES[r.status].label),
    Column("phan_tram", "phần trăm hoàn thành (có thể trống)", lambda r, link: r.percent),
    Column("ghi_chu", "ghi chú", lambda r, link: r.note),
    *REPORTED_BY,
)


@dataclass(frozen=True)
class Kind:
    """A data set: `key` is the file name without extension (vocabulary.DATASETS)."""

    key: str
    title: str
    columns: tuple


_COLUMNS = {
    "don-vi": UNIT_COLUMNS, "ke-hoach": PLAN_COLUMNS, "chi-tieu": TARGET_COLUMNS, "nhiem-vu": TASK_COLUMNS,
    "so-lieu-chi-tieu": TARGET_REPORT_COLUMNS, "tien-do-nhiem-vu": TASK_REPORT_COLUMNS,
}
KINDS = {key: Kind(key, term.label, _COLUMNS[key]) for key, term in vocabulary.DATASETS.items()}
SLICE_KINDS = ["chi-tieu", "nhiem-vu", "so-lieu-chi-tieu", "tien-do-nhiem-vu"]  # per plan and per unit


def history(targets, tasks):
    """Target reports and task reports of these items, oldest first."""
    target_reports = sorted((r for t in targets for r in t.reports),
                            key=lambda r: (r.as_of, r.update.date, r.target.id))
    task_reports = sorted((r for t in tasks for r in t.reports),
                          key=lambda r: (r.update.date, r.task.plan.id, r.task.id))
    return target_reports, task_reports


def slices(targets, tasks):
    """{kind: items} for a plan, unit or target slice."""
    target_reports, task_reports = history(targets, tasks)
    return {"chi-tieu": targets, "nhiem-vu": tasks,
            "so-lieu-chi-tieu": target_reports, "tien-do-nhiem-vu": task_reports}


def rows(kind, items, link):
    """[{column: value}] with Python values (dates, lists, bools, numbers)."""
    columns = KINDS[kind].columns
    return [{c.key: c.get(item, link) for c in columns} for item in items]


# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value):
    """The text of one CSV cell. Text that a spreadsheet would run as a formula ("=HYPERLINK(…)",
    "+1", "-x", "@SUM") gets a leading "'" (OWASP's rule), so it opens as the text it is."""
    text = _cell_text(value)
    if not isinstance(value, (int, float)) and text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    if isinstance(value, float):
        return str(int(value)) if value == int(value) else repr(value)  # every digit: never "4.43492e+09"
    return str(_iso(value))


def _csv_line(values):
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


def _json_record(record):
    return json.dumps({k: _iso(v) if not isinstance(v, tuple) else list(v) for k, v in record.items()},
                      ensure_ascii=False, separators=(",", ":"))


def _csv_parts(kind, lines):
    """The pieces of a CSV file, in order: BOM and header row, then `lines`."""
    yield "\ufeff" + _csv_line([c.key for c in KINDS[kind].columns])
    yield from lines


def _json_parts(kind, objects, scope, judging_date, sample):
    """The pieces of a JSON file, in order: its head, then `objects` (JSON texts) as the
    array ban_ghi."""
    head = json.dumps({
        "tap_du_lieu": kind,
        "tieu_de": KINDS[kind].title,
        "pham_vi": scope,
        "ngay_danh_gia": judging_date.isoformat(),
        "so_lieu_mau": sample,
        "cot": [{"ten": c.key, "mo_ta": c.description} for c in KINDS[kind].columns],
    }, ensure_ascii=False, separators=(",", ":"))
    yield head[:-1] + ',"ban_ghi":['
    for number, obj in enumerate(objects):
        yield "," + obj if number else obj
    yield "]}\n"


def to_csv(kind, records):
    """CSV text with a BOM and CRLF line ends (RFC 4180), header row = column keys."""
    keys = [c.key for c in KINDS[kind].columns]
    return "".join(_csv_parts(kind, [_csv_line([_csv_value(r[k]) for k in keys]) for r in records]))


def to_json(kind, records, scope, judging_date, sample=False):
    """JSON text: the data set's name (tap_du_lieu), title, scope, judging date, sample flag,
    column descriptions (cot) and rows (ban_ghi), in that order."""
    return "".join(_json_parts(kind, [_json_record(r) for r in records], scope, judging_date, sample))


class Encoded:
    """Each item's row of a data set, encoded once as (CSV line, JSON object text), however
    many slices (whole portal, plan, unit, target) show it; the generator makes one per kind. `link`: function(site
    URL) -> the URL written in the data. Keeps the items alive while it lives (keys are ids)."""

    def __init__(self, link):
        self.link = link
        self._rows = {}  # (kind, id(item)) -> (item, csv line, json text)

    def rows(self, kind, items):
        """[(csv line, json text)] of `items` in order."""
        keys = [c.key for c in KINDS[kind].columns]
        out = []
        for item in items:
            key = (kind, id(item))
            if key not in self._rows:
                record = rows(kind, [item], self.link)[0]
                self._rows[key] = (item, _csv_line([_csv_value(record[k]) for k in keys]), _json_record(record))
            out.append(self._rows[key][1:])
        return out


def file_urls(prefix, kinds):
    """{kind: {"csv": url, "json": url}} under a folder URL."""
    return {kind: {ext: f"{prefix}{kind}.{ext}" for ext in ("csv", "json")} for kind in kinds}


def source_label(kind, scope):
    """How a double-write message names a data set: «dữ liệu mở «chi-tieu» (toàn cổng)»."""
    return f"dữ liệu mở «{kind}» ({scope})"


def write_dataset(files, urls, kind, items, encoded, scope, judging_date, sample, source):
    """Write one data set as CSV and JSON through `files` (outputs.writer.OutputFiles), piece
    by piece (a whole-portal file is never one string).
    `urls`: {kind: {"csv": path, "json": path}}; `encoded`: the kind's Encoded (rows made
    once); `scope`: what the slice covers, in words; `source`: how a double write names it
    (source_label()). Returns {"csv": path, "json": path}
    (absolute paths written)."""
    lines = encoded.rows(kind, items)
    written = {}
    for ext, parts in (("csv", _csv_parts(kind, (line for line, _ in lines))),
                       ("json", _json_parts(kind, (obj for _, obj in lines), scope, judging_date, sample))):
        written[ext] = files.write_parts(urls[kind][ext], parts, source)
    return written
