"""Progress rules: badge state of a target, status and lateness of a task. Pure functions.

The rules are explained to citizens on the "Về dữ liệu" page; keep the two in step.
"""

from dataclasses import dataclass
from datetime import date

NO_DATA, MET, ON_TRACK, AT_RISK, NOT_MET = "no-data", "met", "on-track", "at-risk", "not-met"

BADGE_LABELS = {
    NO_DATA: "Chưa có số liệu",
    MET: "Đã đạt",
    ON_TRACK: "Đúng tiến độ",
    AT_RISK: "Có nguy cơ chậm",
    NOT_MET: "Không đạt",
}

# Task states shown on pages; "late" and "ongoing" are derived, the rest are reported.
TASK_LABELS = {
    "chua-trien-khai": "Chưa triển khai",
    "dang-thuc-hien": "Đang thực hiện",
    "hoan-thanh": "Hoàn thành",
    "tam-dung": "Tạm dừng",
    "chua-bao-cao": "Chưa có báo cáo",
}


@dataclass(frozen=True)
class TargetJudgement:
    state: str
    latest: object = None  # the TargetReport that counts, or None
    expected: float | None = None  # value the straight path to the goal asks for at the latest report
    baseline_date: date | None = None
    share_of_time: float | None = None  # 0..1, time gone from plan start to the deadline

    @property
    def label(self):
        return BADGE_LABELS[self.state]


def judge_target(target, judging_date: date) -> TargetJudgement:
    """Latest report wins. Met if it meets the goal; past the deadline and not met: not met;
    otherwise on track if the value is at least where a straight line from 0 (or 100 for
    lower-is-better goals) at the plan's issue date to the goal at the deadline would be
    on the report's date, else at risk."""
    reports = [r for r in target.reports if r.update.date <= judging_date]
    deadline = target.deadline.due
    if not reports:
        return TargetJudgement(NO_DATA)
    latest = reports[-1]
    goal = target.goal
    if goal.is_met_by(latest.value):
        return TargetJudgement(MET, latest)
    if deadline is not None and judging_date > deadline:
        return TargetJudgement(NOT_MET, latest)
    start = target.plan.start_date
    if deadline is None or start is None or deadline <= start:
        return TargetJudgement(ON_TRACK, latest)
    share = min(max((latest.as_of - start).days / (deadline - start).days, 0.0), 1.0)
    origin = 100.0 if goal.lower_is_better and goal.measure == "percent" else 0.0
    expected = origin + (goal.value - origin) * share
    ahead = latest.value <= expected if goal.lower_is_better else latest.value >= expected
    return TargetJudgement(ON_TRACK if ahead else AT_RISK, latest, round(expected, 2), start, share)


@dataclass(frozen=True)
class TaskState:
    status: str  # a key of TASK_LABELS
    late: bool
    latest: object = None  # the TaskReport that counts, or None
    percent: float | None = None

    @property
    def label(self):
        return TASK_LABELS[self.status]


def judge_task(task, judging_date: date) -> TaskState:
    """Latest report wins. Late when the deadline is a date that has passed and no report
    marks the task done; ongoing and conditional deadlines are never late."""
    reports = [r for r in task.reports if r.update.date <= judging_date]
    latest = reports[-1] if reports else None
    status = latest.status if latest else "chua-bao-cao"
    due = task.deadline.due
    late = status != "hoan-thanh" and due is not None and judging_date > due
    percent = latest.percent if latest else None
    if status == "hoan-thanh":
        percent = 100.0
    return TaskState(status, late, latest, percent)
