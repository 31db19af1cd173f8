"""Field schemas for each kind of content file and the checks that convert raw YAML values.

Keys are Vietnamese without diacritics; `field_key` also accepts them with diacritics
and spaces ("Chủ trì" = "chu_tri").
"""

import difflib
import re
from dataclasses import dataclass

from .deadlines import DateError, parse_date, parse_deadline
from .goals import GoalError, parse_goal, parse_number
from .text import fold
from .yamlsource import Items, Record, Text

ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")

TASK_STATUSES = {
    "chua-trien-khai": "chưa triển khai",
    "dang-thuc-hien": "đang thực hiện",
    "hoan-thanh": "hoàn thành",
    "tam-dung": "tạm dừng",
}

AREAS = [
    "thể chế", "hạ tầng số", "nền tảng số", "dữ liệu số", "chính quyền số", "kinh tế số",
    "xã hội số", "an toàn thông tin", "nhân lực số", "truyền thông", "chỉ đạo, điều hành",
]

UNIT_KINDS = {
    "trung-uong": "cơ quan Trung ương",
    "thanh-pho": "cơ quan cấp thành phố",
    "so": "sở, ban, ngành",
    "phuong": "phường, xã",
    "dang-uy": "cơ quan Đảng",
    "ban-chi-dao": "ban chỉ đạo",
    "phong": "phòng, ban chuyên môn",
    "don-vi-su-nghiep": "đơn vị sự nghiệp",
    "to-chuc": "tổ chức chính trị - xã hội, hội",
    "doanh-nghiep": "doanh nghiệp",
    "nhom": "nhóm đơn vị",
    "khac": "khác",
}


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # what the editor's guide calls it
    kind: str  # text | texts | date | id | ids | deadline | goal | number | percent | status | area | unit_kind | records
    required: bool = False
    nested: tuple = ()  # for records: the fields of each item


def _f(key, label, kind, required=False, nested=()):
    return Field(key, label, kind, required, tuple(nested))


UNIT_FIELDS = (
    _f("ma", "mã đơn vị", "id", True),
    _f("ten", "tên đầy đủ", "text", True),
    _f("ten_ngan", "tên ngắn", "text"),
    _f("ten_khac", "các cách gọi khác", "texts"),
    _f("truc_thuoc", "mã đơn vị cấp trên", "id"),
    _f("loai", "loại đơn vị", "unit_kind", True),
    _f("thanh_vien", "thành viên của nhóm", "texts"),
    _f("ten_tieng_anh", "tên tiếng Anh", "text"),
    _f("mo_ta", "mô tả", "text"),
)

PLAN_FIELDS = (
    _f("ma", "mã kế hoạch", "id", True),
    _f("so_ky_hieu", "số, ký hiệu", "text", True),
    _f("tieu_de", "tiêu đề", "text", True),
    _f("don_vi", "đơn vị ban hành", "text", True),
    _f("ngay_ban_hanh", "ngày ban hành", "date_or_unknown", True),
    _f("thoi_ky", "thời kỳ thực hiện", "text"),
    _f("tu_ngay", "ngày bắt đầu thời kỳ", "date"),
    _f("den_ngay", "ngày kết thúc thời kỳ", "date"),
    _f("nguoi_ky", "người ký", "text"),
    _f("chuc_vu_nguoi_ky", "chức vụ người ký", "text"),
    _f("thuc_hien", "văn bản được triển khai", "texts"),
    _f("thay_the", "văn bản bị thay thế", "texts"),
    _f("noi_nhan", "nơi nhận", "texts"),
    _f("tom_tat", "tóm tắt", "text"),
    _f("ghi_chu_ban_goc", "ghi chú về bản gốc", "text"),
)

TARGET_FIELDS = (
    _f("ma", "mã chỉ tiêu", "id", True),
    _f("noi_dung", "nội dung", "text", True),
    _f("muc_tieu", "mục tiêu", "goal", True),
    _f("thoi_han", "thời hạn", "deadline", True),
    _f("don_vi", "đơn vị chịu trách nhiệm", "text"),
    _f("ghi_chu", "ghi chú", "text"),
)

TASK_FIELDS = (
    _f("ma", "mã nhiệm vụ", "id", True),
    _f("so", "số thứ tự trong kế hoạch", "text", True),
    _f("noi_dung", "nội dung", "text", True),
    _f("linh_vuc", "lĩnh vực", "area", True),
    _f("chu_tri", "đơn vị chủ trì", "texts", True),
    _f("phoi_hop", "đơn vị phối hợp", "texts"),
    _f("thoi_han", "thời hạn", "deadline", True),
    _f("ket_qua", "kết quả dự kiến", "text"),
)

TARGET_REPORT_FIELDS = (
    _f("ma", "mã chỉ tiêu", "id", True),
    _f("gia_tri", "giá trị", "number", True),
    _f("tinh_den", "số liệu tính đến ngày", "date"),
    _f("nguon", "nguồn số liệu", "text"),
)

TASK_REPORT_FIELDS = (
    _f("ma", "mã nhiệm vụ", "id", True),
    _f("trang_thai", "trạng thái", "status", True),
    _f("phan_tram", "phần trăm hoàn thành", "percent"),
    _f("ghi_chu", "ghi chú", "text"),
)

ARTICLE_FIELDS = (
    _f("tieu_de", "tiêu đề", "text", True),
    _f("ngay", "ngày đăng", "date", True),
    _f("don_vi", "đơn vị đăng", "text", True),
    _f("ke_hoach", "kế hoạch liên quan", "texts"),
    _f("tom_tat", "tóm tắt", "text"),
)

UPDATE_FIELDS = ARTICLE_FIELDS + (
    _f("chi_tieu", "số liệu chỉ tiêu", "records", nested=TARGET_REPORT_FIELDS),
    _f("nhiem_vu", "tiến độ nhiệm vụ", "records", nested=TASK_REPORT_FIELDS),
)

PAGE_FIELDS = (
    _f("tieu_de", "tiêu đề", "text", True),
    _f("tom_tat", "tóm tắt", "text"),
    _f("thu_tu", "thứ tự trên thanh điều hướng", "number"),
)


UNKNOWN_WORDS = {"khong-ro", "khong-ghi"}


class FieldError(ValueError):
    """found / expected, both Vietnamese."""

    def __init__(self, found, expected):
        super().__init__(found)
        self.found, self.expected = found, expected


def line_of(value, default=1):
    return getattr(value, "line", default)


def read_record(record, fields, path, problems, what):
    """Check a mapping against `fields`; returns {key: converted value}, problems logged."""
    if not isinstance(record, Record):
        problems.add(path, line_of(record), "", f"{what} không phải danh sách «trường: giá trị»",
                     "viết mỗi trường trên một dòng dạng «tên_trường: giá trị»")
        return None
    known = {f.key: f for f in fields}
    result = {}
    for key, value in record.items():
        line = record.key_lines[key]
        field = known.get(key)
        if field is None:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"có phải «{close[0]}»?" if close else "các trường được dùng: " + ", ".join(known)
            problems.add(path, line, record.raw_keys[key], f"trường không có trong mẫu {what}", hint)
            continue
        if value is None or value == "" or value == []:
            continue  # treated as missing below if required
        try:
            result[key] = convert(value, field, path, problems)
        except FieldError as error:
            problems.add(path, line_of(value, line), key, error.found, error.expected)
            result[key] = None
    for field in fields:
        if field.required and field.key not in result:
            problems.add(path, record.line, field.key, f"thiếu trường bắt buộc ({field.label})",
                         f"thêm dòng «{field.key}: …» vào {what}")
    return result


def convert(value, field, path, problems):
    kind = field.kind
    if kind == "records":
        items = value if isinstance(value, Items) else Items([value])
        return [read_record(item, field.nested, path, problems, field.label) for item in items]
    if kind == "texts":
        items = value if isinstance(value, Items) else [value]
        texts = []
        for item in items:
            texts.append(_scalar(item, field))
        return texts
    text = _scalar(value, field)
    if kind in ("text",):
        return text
    if kind == "id":
        if not ID_PATTERN.fullmatch(text):
            raise FieldError(f"mã «{text}» không hợp lệ",
                             "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ «stp-nv-3-2»")
        return text
    if kind == "date_or_unknown" and fold_key(text) in UNKNOWN_WORDS:
        return None  # the document carries no date: shown as "không rõ"
    if kind in ("date", "date_or_unknown"):
        try:
            return parse_date(text)
        except DateError as error:
            expected = "ngày dạng ngày/tháng/năm, ví dụ 31/12/2025"
            if kind == "date_or_unknown":
                expected += ", hoặc «không rõ» nếu văn bản không ghi ngày"
            raise FieldError(str(error), expected) from None
    if kind == "deadline":
        try:
            return parse_deadline(text)
        except DateError as error:
            raise FieldError(str(error), "«thường xuyên», một ngày (31/12/2025), «tháng 10/2025», "
                             "«quý IV/2025», «năm 2026» hoặc điều kiện bằng lời («sau khi …»)") from None
    if kind == "goal":
        try:
            return parse_goal(text)
        except GoalError as error:
            raise FieldError(str(error), "mục tiêu dạng «tối thiểu 80%», «trên 90%», «100%», "
                             "«≥ 80%» hoặc «25 dịch vụ»") from None
    if kind in ("number", "percent"):
        try:
            number = parse_number(text)
        except ValueError:
            raise FieldError(f"«{text}» không phải là số", "một số, ví dụ 85 hoặc 85,5") from None
        if kind == "percent" and not 0 <= number <= 100:
            raise FieldError(f"«{text}» nằm ngoài khoảng 0–100", "một số từ 0 đến 100")
        return number
    if kind == "status":
        return _choice(text, TASK_STATUSES, "trạng thái", accept_values=True)
    if kind == "area":
        return _choice(text, {fold_key(a): a for a in AREAS}, "lĩnh vực")
    if kind == "unit_kind":
        return _choice(text, UNIT_KINDS, "loại đơn vị", accept_values=True)
    raise AssertionError(kind)


def fold_key(text):
    return fold(text).replace(" ", "-")


def _choice(text, choices, what, accept_values=False):
    key = fold_key(text)
    if key in choices:
        return key if accept_values else choices[key]
    if accept_values:
        by_label = {fold_key(label): k for k, label in choices.items()}
        if key in by_label:
            return by_label[key]
    allowed = ", ".join(f"«{k if accept_values else v}»" for k, v in choices.items())
    raise FieldError(f"{what} «{text}» không có trong danh sách", f"một trong: {allowed}")


def _scalar(value, field):
    if isinstance(value, (Items, Record)):
        raise FieldError("giá trị là danh sách hoặc nhóm trường",
                         f"một giá trị đơn cho «{field.key}» ({field.label})")
    return Text(value) if not isinstance(value, Text) else value
