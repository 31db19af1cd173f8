"""Every controlled key the portal uses, with its Vietnamese label and its style key.

One place for each label: templates, share cards, badges, feeds, open data, the generated
state stylesheet (`theme/css/states.css`) and the browser's search manifest read them from
here. Keys are stable ASCII (they appear in CSS classes, open data and URLs); labels are what
citizens and editors read. The task statuses come from PRODUCT.md ("chưa triển khai, đang
thực hiện, hoàn thành, tạm dừng"); the badge states likewise ("no data, met, on track, at
risk, not met").
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One controlled value: `key` (stable, ASCII), `label` (Vietnamese), `style` (a colour
    token of STYLES, or "" when the value is never coloured)."""

    key: str
    label: str
    style: str = ""


def _table(*terms):
    return {term.key: term for term in terms}


def labels(table):
    """{key: label} of a vocabulary table."""
    return {key: term.label for key, term in table.items()}


# Colours (WCAG AA on white text), by style token. The badge SVG, cards and CSS use these.
STYLES = {
    "no-data": "#595959",
    "met": "#1e6b34",
    "on-track": "#1a5c9e",
    "at-risk": "#8a4b00",
    "not-met": "#b3261e",
    "ongoing": "#6a4c93",
    "neutral": "#0b4f8a",
    "muted": "#8c8c8c",
    "not-met-dark": "#6e1610",  # late and never reported: set apart from late in the bars
}

# Badge (target) states, PRODUCT.md "Progress, honestly".
NO_DATA, MET, ON_TRACK, AT_RISK, NOT_MET = "no-data", "met", "on-track", "at-risk", "not-met"
TARGET_STATES = _table(
    Term(MET, "Đã đạt", "met"),
    Term(ON_TRACK, "Đúng tiến độ", "on-track"),
    Term(AT_RISK, "Có nguy cơ chậm", "at-risk"),
    Term(NOT_MET, "Không đạt", "not-met"),
    Term(NO_DATA, "Chưa có số liệu", "no-data"),
)
# Reporting status of a target, kept apart from its progress status (as Open SDG does).
REPORTED, NOT_REPORTED = "reported", "not-reported"
REPORTING_STATES = _table(
    Term(REPORTED, "Đã có số liệu"),
    Term(NOT_REPORTED, "Chưa có số liệu"),
)
NOT_JUDGED_LABEL = "Chưa đánh giá được"
# A met target whose goal was first reached, in the reports, only after its deadline.
MET_LATE_LABEL = "Đã đạt, sau thời hạn"

# Task statuses an update may report (their keys are what editors may also type).
NOT_STARTED_STATUS, IN_PROGRESS_STATUS, DONE_STATUS, PAUSED_STATUS = (
    "chua-trien-khai", "dang-thuc-hien", "hoan-thanh", "tam-dung")
NEVER_REPORTED_STATUS = "chua-bao-cao"
REPORTED_TASK_STATUSES = _table(
    Term(NOT_STARTED_STATUS, "Chưa triển khai", "no-data"),
    Term(IN_PROGRESS_STATUS, "Đang thực hiện", "on-track"),
    Term(DONE_STATUS, "Hoàn thành", "met"),
    Term(PAUSED_STATUS, "Tạm dừng", "at-risk"),
)
# What a task page shows: the reported ones plus "never reported".
TASK_STATUSES = {**REPORTED_TASK_STATUSES,
                 NEVER_REPORTED_STATUS: Term(NEVER_REPORTED_STATUS, "Chưa có báo cáo", "no-data")}
LATE_LABEL = "Quá hạn"

LATE_REPORTED_LABEL, LATE_UNREPORTED_LABEL = "Quá hạn, đã báo cáo chưa xong", "Quá hạn, chưa có báo cáo"

# Roll-up buckets: each task counted in exactly one (rules/rollups.py), in the order the bar
# draws them. "Never reported" is apart from "not started" (a unit said so), and late work is
# split by whether the unit reported at all.
DONE, IN_PROGRESS, ONGOING, NOT_STARTED, NEVER_REPORTED, LATE, LATE_UNREPORTED = (
    "done", "in-progress", "ongoing", "not-started", "never-reported", "late", "late-unreported")
TASK_BUCKETS = _table(
    Term(DONE, "Hoàn thành", "met"),
    Term(IN_PROGRESS, "Đang thực hiện", "on-track"),
    Term(ONGOING, "Thường xuyên", "ongoing"),
    Term(NOT_STARTED, "Chưa triển khai", "muted"),
    Term(NEVER_REPORTED, TASK_STATUSES[NEVER_REPORTED_STATUS].label, "no-data"),
    Term(LATE, LATE_REPORTED_LABEL, "not-met"),
    Term(LATE_UNREPORTED, LATE_UNREPORTED_LABEL, "not-met-dark"),
)
LATE_BUCKETS = (LATE, LATE_UNREPORTED)

UNIT_KINDS = _table(
    Term("trung-uong", "cơ quan Trung ương"),
    Term("thanh-pho", "cơ quan cấp thành phố"),
    Term("so", "sở, ban, ngành"),
    Term("phuong", "phường, xã"),
    Term("dang-uy", "cơ quan Đảng"),
    Term("ban-chi-dao", "ban chỉ đạo"),
    Term("phong", "phòng, ban chuyên môn"),
    Term("don-vi-su-nghiep", "đơn vị sự nghiệp"),
    Term("to-chuc", "tổ chức chính trị - xã hội, hội"),
    Term("doanh-nghiep", "doanh nghiệp"),
    Term("nhom", "nhóm đơn vị"),
    Term("khac", "khác"),
)
GROUP_KIND = "nhom"

# Areas of a task (PRODUCT.md: "hạ tầng số, chính quyền số, dữ liệu số, an toàn thông tin,
# nhân lực..."; the pillars of Quyết định 749/QĐ-TTg plus the plans' own headings).
AREAS = _table(*(Term(key, label) for key, label in (
    ("the-che", "thể chế"), ("ha-tang-so", "hạ tầng số"), ("nen-tang-so", "nền tảng số"),
    ("du-lieu-so", "dữ liệu số"), ("chinh-quyen-so", "chính quyền số"), ("kinh-te-so", "kinh tế số"),
    ("xa-hoi-so", "xã hội số"), ("an-toan-thong-tin", "an toàn thông tin"), ("nhan-luc-so", "nhân lực số"),
    ("truyen-thong", "truyền thông"), ("chi-dao-dieu-hanh", "chỉ đạo, điều hành"),
)))

# Articles: progress updates and news, by their folder's default name.
UPDATE, NEWS = "cap-nhat", "tin-tuc"
UPDATE_KINDS = _table(
    Term(UPDATE, "Cập nhật tiến độ"),
    Term(NEWS, "Tin tuyên truyền"),
)

# Open-data sets (outputs/opendata.py): file stem -> what it holds.
DATASETS = _table(
    Term("don-vi", "Đơn vị"),
    Term("ke-hoach", "Kế hoạch"),
    Term("chi-tieu", "Chỉ tiêu"),
    Term("nhiem-vu", "Nhiệm vụ"),
    Term("so-lieu-chi-tieu", "Lịch sử số liệu chỉ tiêu"),
    Term("tien-do-nhiem-vu", "Lịch sử tiến độ nhiệm vụ"),
)

# What search finds, in the order results of equal score are listed; `style` holds the
# one-letter code the index and the browser use.
SEARCH_KINDS = _table(
    Term("plan", "Kế hoạch", "p"),
    Term("section", "Mục của kế hoạch", "s"),
    Term("task", "Nhiệm vụ", "t"),
    Term("target", "Chỉ tiêu", "c"),
    Term("unit", "Đơn vị", "u"),
    Term("update", "Cập nhật, tin tức", "n"),
)

# Qualitative targets (issue 12): the document names no number; an update reports
# «đạt» / «chưa đạt» (ket_qua). Their badges use these words instead of TARGET_STATES'
# labels; the state keys (and colours) stay those of TARGET_STATES.
QUALITATIVE, QUANTITATIVE = "dinh-tinh", "dinh-luong"
TARGET_KINDS = _table(
    Term(QUANTITATIVE, "Định lượng"),
    Term(QUALITATIVE, "Định tính"),
)
ACHIEVED, NOT_ACHIEVED = "dat", "chua-dat"
QUALITATIVE_RESULTS = _table(
    Term(ACHIEVED, "Đạt", "met"),
    Term(NOT_ACHIEVED, "Chưa đạt", "at-risk"),
)
QUALITATIVE_BADGE_LABELS = {
    MET: "Đạt",
    AT_RISK: "Chưa đạt",  # reported «chưa đạt», deadline not passed
    NOT_MET: "Không đạt",  # deadline passed without «đạt»
    NO_DATA: "Chưa có báo cáo",  # no «đạt» / «chưa đạt» reported yet
}
QUALITATIVE_GOAL_TEXT = "đạt (chỉ tiêu định tính, không nêu số)"

# Reading marks (issue 12): a cell of a scanned plan not read with certainty carries one
# of these, verbatim, in the cell itself; a unit cell with a mark is shown as written.
UNREADABLE_MARK, CUT_MARK = "[không đọc được]", "[bản scan bị cắt]"
READING_MARKS = (UNREADABLE_MARK, CUT_MARK)
# «thanh_vien» of a group: the document lists no members, or every sibling unit.
MEMBERS_NOT_STATED, MEMBERS_ALL = "khong-neu", "tat-ca"
# «thoi_han: không nêu»: the document states no deadline.
DEADLINE_NOT_STATED = "không nêu"
