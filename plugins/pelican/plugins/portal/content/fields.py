"""The fields of each kind of content file, as tables (one row per field).

Keys are Vietnamese without diacritics; `text.field_key` also accepts them with diacritics
and spaces ("Chủ trì" = "chu_tri"). Each field's `kind` names its converter in
`content/converters.py` (CONVERTERS), as Pelican's METADATA_PROCESSORS does.
"""

from dataclasses import dataclass

@dataclass(frozen=True)
class Field:
    """One field of a content file: its key, the guide's name for it, its converter kind,
    whether it is required, and for `records` the fields of each item."""

    key: str
    label: str  # what the editor's guide calls it
    kind: str  # text | texts | date | id | ids | deadline | goal | number | quantity | percent | status | area | unit_kind | target_kind | qualitative_result | records
    required: bool = False
    nested: tuple = ()  # for records: the fields of each item


def _f(key, label, kind, required=False, nested=()):
    """Shorthand for one table row."""
    return Field(key, label, kind, required, tuple(nested))


UNIT_FIELDS = (
    _f("ma", "mã đơn vị", "id", True),
    _f("ten", "tên đầy đủ", "text", True),
    _f("ten_ngan", "tên ngắn", "text"),
    _f("ten_khac", "các cách gọi khác", "texts"),
    _f("truc_thuoc", "mã đơn vị cấp trên", "id"),
    _f("loai", "loại đơn vị", "unit_kind", True),
    _f("thanh_vien", "thành viên của nhóm («không nêu», «tất cả» hoặc danh sách; bắt buộc với nhóm)", "texts"),
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
    # issue 12: period dates the document does not state, derived by the portal (shown as such)
    _f("tu_ngay_suy_ra", "ngày bắt đầu thời kỳ do cổng suy ra", "date"),
    _f("den_ngay_suy_ra", "ngày kết thúc thời kỳ do cổng suy ra", "date"),
    _f("cach_suy_ra", "cách cổng suy ra ngày", "text"),
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
    _f("loai", "loại chỉ tiêu («định lượng» hoặc «định tính»)", "target_kind"),
    _f("muc_tieu", "mục tiêu", "goal"),  # required unless «loai: định tính» (content/plans.py)
    _f("muc_tieu_van_ban", "mục tiêu, đúng chữ văn bản", "text"),
    _f("thoi_han", "thời hạn", "deadline", True),
    _f("thoi_han_suy_ra", "thời hạn do cổng suy ra", "date"),
    _f("cach_suy_ra", "cách cổng suy ra thời hạn", "text"),
    _f("don_vi", "đơn vị chịu trách nhiệm", "text"),
    _f("nhiem_vu", "mã nhiệm vụ giao chỉ tiêu (đơn vị chủ trì là đơn vị chịu trách nhiệm)", "id"),
    _f("ghi_chu", "ghi chú", "text"),
)

TASK_FIELDS = (
    _f("ma", "mã nhiệm vụ", "id", True),
    _f("so", "số thứ tự trong kế hoạch", "text", True),
    _f("so_cua_cong", "số do cổng đánh", "text"),
    _f("noi_dung", "nội dung", "text", True),
    _f("linh_vuc", "lĩnh vực", "area", True),
    _f("chu_tri", "đơn vị chủ trì", "texts", True),
    _f("phoi_hop", "đơn vị phối hợp", "texts"),
    _f("thoi_han", "thời hạn", "deadline", True),
    _f("thoi_han_suy_ra", "thời hạn do cổng suy ra", "date"),
    _f("cach_suy_ra", "cách cổng suy ra thời hạn", "text"),
    _f("ket_qua", "kết quả dự kiến", "text"),
    _f("ghi_chu", "ghi chú của cổng", "text"),
)

TARGET_REPORT_FIELDS = (
    _f("ma", "mã chỉ tiêu", "id", True),
    _f("gia_tri", "giá trị", "quantity"),  # required for numeric targets (content/updates.py)
    _f("ket_qua", "kết quả («đạt» hoặc «chưa đạt», chỉ tiêu định tính)", "qualitative_result"),
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


