"""Progress rules: badge state of a target, status and lateness of a task. Pure functions.

The rules are explained to citizens on the "Về dữ liệu" page; keep the two in step.
"""

from dataclasses import dataclass
from datetime import date

from ..vocabulary import (  # noqa: F401  (re-exported for rules and tests)
    AT_RISK, DONE_STATUS, MET, MET_LATE_LABEL, NEVER_REPORTED_STATUS, NO_DATA, NOT_JUDGED_LABEL, NOT_MET,
    NOT_REPORTED, ON_TRACK, QUALITATIVE_BADGE_LABELS, REPORTED, REPORTING_STATES, TARGET_STATES, TASK_STATUSES,
    labels,
)

BADGE_LABELS = labels(TARGET_STATES)
REPORTING_LABELS = labels(REPORTING_STATES)
# Progress status (how far from the goal); only judged when there is data.
PROGRESS_LABELS = {state: label for state, label in BADGE_LABELS.items() if state != NO_DATA}
TASK_LABELS = labels(TASK_STATUSES)

# Why a state was given: shown with the numbers on the target page.
BASIS_NONE, BASIS_GOAL, BASIS_DEADLINE, BASIS_PATH, BASIS_NO_PATH = "none", "goal", "deadline", "path", "no-path"


@dataclass(frozen=True)
class TargetJudgement:
    """A target's badge state at the judging date and every number behind it. Values are in
    the goal's measure (percent 0–100 or a count); `share_of_time` is 0..1."""

    state: str
    latest: object = None  # the TargetReport that counts, or None
    expected: float | None = None  # value the straight path to the goal asks for at the latest report
    baseline_date: date | None = None
    share_of_time: float | None = None  # 0..1, time gone from plan start to the deadline
    basis: str = BASIS_NONE  # which rule gave the state (BASIS_*)
    judging_date: date | None = None
    deadline: date | None = None
    origin: float | None = None  # where the straight path starts (0, or 100 for lower-is-better %)
    report_count: int = 0  # reports counted at the judging date
    met_late: bool = False  # met, but no report on or before the deadline met the goal
    qualitative: bool = False  # a target with no number (issue 12): its own badge words

    @property
    def label(self):
        """The badge's words: "Đã đạt, sau thời hạn" for a target met late; a qualitative
        target's own words ("Đạt", "Chưa đạt")."""
        if self.qualitative:
            return QUALITATIVE_BADGE_LABELS[self.state]
        return MET_LATE_LABEL if self.met_late else BADGE_LABELS[self.state]

    @property
    def reporting(self):
        """"reported" or "not-reported" (the reporting status, apart from progress)."""
        return NOT_REPORTED if self.latest is None else REPORTED

    @property
    def reporting_label(self):
        """The reporting status in words."""
        return REPORTING_LABELS[self.reporting]

    @property
    def progress(self):
        """The progress status, or None when there is no data to judge."""
        return None if self.latest is None else self.state

    @property
    def progress_label(self):
        """The progress status in words, or «Chưa đánh giá được» without data."""
        if self.latest is None:
            return NOT_JUDGED_LABEL
        return MET_LATE_LABEL if self.met_late else PROGRESS_LABELS[self.state]

    @property
    def days_left(self):
        """Days from the judging date to the deadline (negative once passed); None without a dated deadline."""
        if self.deadline is None or self.judging_date is None:
            return None
        return (self.deadline - self.judging_date).days

    @property
    def gap(self):
        """Latest value minus the value the straight path asks for (positive = ahead, for higher-is-better)."""
        if self.expected is None or self.latest is None:
            return None
        return round(self.latest.value - self.expected, 2)


def judge_target(target, judging_date: date) -> TargetJudgement:
    """Latest report wins. Met if it meets the goal (met late when no report as of a day on or
    before the deadline met it); past the deadline and not met: not met;
    otherwise on track if the value is at least where a straight line from 0 (or 100 for
    lower-is-better goals) at the plan's issue date to the goal at the deadline would be
    on the report's date, else at risk."""
    reports = [r for r in target.reports if r.update.date <= judging_date]
    deadline = target.deadline.due
    common = {"judging_date": judging_date, "deadline": deadline, "report_count": len(reports)}
    if getattr(target.goal, "is_qualitative", False):
        return judge_qualitative(reports, deadline, judging_date, common)
    if not reports:
        return TargetJudgement(NO_DATA, **common)
    latest = reports[-1]
    goal = target.goal
    if goal.is_met_by(latest.value):
        late = deadline is not None and not any(goal.is_met_by(r.value) and r.as_of <= deadline for r in reports)
        return TargetJudgement(MET, latest, basis=BASIS_GOAL, met_late=late, **common)
    if deadline is not None and judging_date > deadline:
        return TargetJudgement(NOT_MET, latest, basis=BASIS_DEADLINE, **common)
    start = target.plan.start_date
    if deadline is None or start is None or deadline <= start:
        return TargetJudgement(ON_TRACK, latest, basis=BASIS_NO_PATH, **common)
    share = min(max((latest.as_of - start).days / (deadline - start).days, 0.0), 1.0)
    origin = path_origin(goal)
    expected = origin + (goal.value - origin) * share
    ahead = latest.value <= expected if goal.lower_is_better else latest.value >= expected
    return TargetJudgement(ON_TRACK if ahead else AT_RISK, latest, round(expected, 2), start, share,
                           basis=BASIS_PATH, origin=origin, **common)


def judge_qualitative(reports, deadline, judging_date, common) -> TargetJudgement:
    """A qualitative target (no number): the latest «đạt» (1.0) is met; past the deadline
    without it, not met; a «chưa đạt» before the deadline is shown as «Chưa đạt» (state
    at-risk); no report: no data. There is no straight path to compare with."""
    if not reports:
        return TargetJudgement(NO_DATA, qualitative=True, **common)
    latest = reports[-1]
    if latest.value >= 1:
        return TargetJudgement(MET, latest, basis=BASIS_GOAL, qualitative=True, **common)
    if deadline is not None and judging_date > deadline:
        return TargetJudgement(NOT_MET, latest, basis=BASIS_DEADLINE, qualitative=True, **common)
    return TargetJudgement(AT_RISK, latest, basis=BASIS_NO_PATH, qualitative=True, **common)


def path_origin(goal) -> float:
    """The straight path starts at 0, or at 100 for a lower-is-better percentage."""
    return 100.0 if goal.lower_is_better and goal.measure == "percent" else 0.0


@dataclass(frozen=True)
class TaskState:
    """A task's status at the judging date: reported status (or never reported), lateness."""

    status: str  # a key of TASK_LABELS
    late: bool
    latest: object = None  # the TaskReport that counts, or None
    percent: float | None = None
    due: date | None = None  # the deadline's last day; None for ongoing and conditional deadlines
    days_late: int = 0  # days past the deadline at the judging date, when late

    @property
    def label(self):
        """The task's status in words."""
        return TASK_LABELS[self.status]

    @property
    def never_late(self):
        """Ongoing ("thường xuyên") and conditional deadlines have no date to miss."""
        return self.due is None

    @property
    def last_reported(self):
        """Date of the update that gave the latest report, or None."""
        return self.latest.update.date if self.latest is not None else None


def judge_task(task, judging_date: date) -> TaskState:
    """Latest report wins. Late when the deadline is a date that has passed and no report
    marks the task done; ongoing and conditional deadlines are never late."""
    reports = [r for r in task.reports if r.update.date <= judging_date]
    latest = reports[-1] if reports else None
    status = latest.status if latest else NEVER_REPORTED_STATUS
    due = task.deadline.due
    late = status != DONE_STATUS and due is not None and judging_date > due
    percent = latest.percent if latest else None
    if status == DONE_STATUS:
        percent = 100.0
    days_late = (judging_date - due).days if late else 0
    return TaskState(status, late, latest, percent, due, days_late)
