"""Badge states and task lateness as pure rules, on hand-made model objects."""

from datetime import date

import pytest

from pelican.plugins.portal.rules import progress
from pelican.plugins.portal.model.deadlines import parse_deadline
from pelican.plugins.portal.model.goals import parse_goal
from pelican.plugins.portal.model import Plan, Target, TargetReport, Task, TaskReport, Update

PLAN = Plan(id="p", number="1/KH", title="t", issuer=None, issued=date(2025, 9, 1))


def target(goal="tối thiểu 80%", deadline="31/12/2025", values=()):
    item = Target("t", "text", parse_goal(goal), goal, parse_deadline(deadline), None, PLAN)
    for as_of, value in values:
        update = Update(path=f"u{as_of}", kind="cap-nhat", title="u", date=as_of, unit=None)
        item.reports.append(TargetReport(item, value, as_of, "", update))
    return item


@pytest.mark.parametrize("kwargs, judging, state", [
    ({}, date(2025, 11, 30), progress.NO_DATA),
    ({}, date(2026, 6, 1), progress.NO_DATA),  # no data stays "no data" after the deadline
    ({"values": [(date(2025, 11, 1), 85)]}, date(2025, 11, 30), progress.MET),
    ({"values": [(date(2025, 11, 15), 60)]}, date(2025, 11, 30), progress.ON_TRACK),
    ({"values": [(date(2025, 11, 15), 20)]}, date(2025, 11, 30), progress.AT_RISK),
    ({"values": [(date(2025, 11, 15), 60)]}, date(2026, 1, 1), progress.NOT_MET),
    ({"goal": "dưới 5%", "values": [(date(2025, 11, 15), 30)]}, date(2025, 11, 30), progress.ON_TRACK),
    ({"goal": "dưới 5%", "values": [(date(2025, 11, 15), 90)]}, date(2025, 11, 30), progress.AT_RISK),
    ({"deadline": "thường xuyên", "values": [(date(2025, 11, 15), 10)]}, date(2027, 1, 1), progress.ON_TRACK),
])
def test_badge_states(kwargs, judging, state):
    assert progress.judge_target(target(**kwargs), judging).state == state


def test_latest_report_wins_and_future_reports_are_ignored():
    item = target(values=[(date(2025, 10, 1), 90), (date(2025, 11, 1), 40)])
    judged = progress.judge_target(item, date(2025, 11, 30))
    assert judged.latest.value == 40 and judged.state == progress.AT_RISK
    assert progress.judge_target(item, date(2025, 10, 15)).state == progress.MET


def test_judgement_numbers():
    judged = progress.judge_target(target(values=[(date(2025, 11, 15), 60)]), date(2025, 11, 30))
    # 75 of 121 days from 01/09 to 31/12: the straight path asks for 80 * 75/121
    assert judged.expected == round(80 * 75 / 121, 2)
    assert judged.baseline_date == date(2025, 9, 1)


def task(deadline, statuses=()):
    item = Task("k", "1", "text", "", [], [], parse_deadline(deadline), PLAN)
    for day, status in statuses:
        update = Update(path=f"u{day}", kind="cap-nhat", title="u", date=day, unit=None)
        item.reports.append(TaskReport(item, status, None, "", update))
    return item


@pytest.mark.parametrize("deadline, statuses, judging, status, late", [
    ("31/10/2025", [], date(2025, 11, 30), "chua-bao-cao", True),
    ("31/10/2025", [], date(2025, 10, 31), "chua-bao-cao", False),  # due today is not late
    ("31/10/2025", [(date(2025, 10, 20), "hoan-thanh")], date(2025, 11, 30), "hoan-thanh", False),
    ("31/10/2025", [(date(2025, 10, 1), "hoan-thanh"), (date(2025, 10, 20), "tam-dung")], date(2025, 11, 30), "tam-dung", True),
    ("thường xuyên", [], date(2030, 1, 1), "chua-bao-cao", False),
    ("sau khi có hướng dẫn", [], date(2030, 1, 1), "chua-bao-cao", False),
])
def test_task_states(deadline, statuses, judging, status, late):
    state = progress.judge_task(task(deadline, statuses), judging)
    assert (state.status, state.late) == (status, late)


# Two statuses and the numbers behind each judgement (issue 5) ---------------------------

@pytest.mark.parametrize("kwargs, judging, reporting, progress_state, basis", [
    ({}, date(2025, 11, 30), progress.NOT_REPORTED, None, progress.BASIS_NONE),
    ({"values": [(date(2025, 11, 1), 85)]}, date(2025, 11, 30), progress.REPORTED, progress.MET, progress.BASIS_GOAL),
    ({"values": [(date(2025, 11, 15), 60)]}, date(2026, 1, 1), progress.REPORTED, progress.NOT_MET, progress.BASIS_DEADLINE),
    ({"values": [(date(2025, 11, 15), 60)]}, date(2025, 11, 30), progress.REPORTED, progress.ON_TRACK, progress.BASIS_PATH),
    ({"values": [(date(2025, 11, 15), 20)]}, date(2025, 11, 30), progress.REPORTED, progress.AT_RISK, progress.BASIS_PATH),
    ({"deadline": "thường xuyên", "values": [(date(2025, 11, 15), 10)]}, date(2025, 11, 30), progress.REPORTED,
     progress.ON_TRACK, progress.BASIS_NO_PATH),
])
def test_reporting_and_progress_statuses_are_kept_apart(kwargs, judging, reporting, progress_state, basis):
    judged = progress.judge_target(target(**kwargs), judging)
    assert judged.reporting == reporting
    assert judged.progress == progress_state
    assert judged.basis == basis
    if progress_state is None:
        assert judged.progress_label == "Chưa đánh giá được" and judged.reporting_label == "Chưa có số liệu"


def test_judgement_carries_the_numbers_shown_on_the_target_page():
    judged = progress.judge_target(target(values=[(date(2025, 10, 1), 30), (date(2025, 11, 15), 60)]), date(2025, 11, 30))
    assert judged.judging_date == date(2025, 11, 30)
    assert judged.deadline == date(2025, 12, 31)
    assert judged.days_left == 31
    assert judged.report_count == 2
    assert judged.origin == 0.0
    assert judged.gap == round(60 - judged.expected, 2) > 0
    late = progress.judge_target(target(values=[(date(2025, 11, 15), 60)]), date(2026, 1, 10))
    assert late.days_left == -10 and late.expected is None and late.gap is None


def test_lower_is_better_path_starts_at_100():
    judged = progress.judge_target(target(goal="dưới 5%", values=[(date(2025, 11, 15), 40)]), date(2025, 11, 30))
    assert judged.origin == 100.0
    assert judged.expected == round(100 + (5 - 100) * 75 / 121, 2)
    assert judged.state == progress.ON_TRACK  # 40 is below the 41.12 the path allows


def test_plan_without_issue_date_is_judged_from_its_period_start():
    plan = Plan(id="p2", number="2/KH", title="t", issuer=None, issued=None, period_start=date(2025, 7, 1))
    item = Target("t2", "text", parse_goal("tối thiểu 80%"), "", parse_deadline("31/12/2025"), None, plan)
    update = Update(path="u", kind="cap-nhat", title="u", date=date(2025, 11, 15), unit=None)
    item.reports.append(TargetReport(item, 50, date(2025, 11, 15), "", update))
    judged = progress.judge_target(item, date(2025, 11, 30))
    assert judged.baseline_date == date(2025, 7, 1) and judged.basis == progress.BASIS_PATH


@pytest.mark.parametrize("deadline, statuses, judging, days_late, never_late, last", [
    ("31/10/2025", [], date(2025, 11, 30), 30, False, None),
    ("31/10/2025", [(date(2025, 10, 20), "hoan-thanh")], date(2025, 11, 30), 0, False, date(2025, 10, 20)),
    ("thường xuyên", [(date(2025, 10, 20), "dang-thuc-hien")], date(2030, 1, 1), 0, True, date(2025, 10, 20)),
    ("sau khi có hướng dẫn", [], date(2030, 1, 1), 0, True, None),
])
def test_task_days_late_and_last_report(deadline, statuses, judging, days_late, never_late, last):
    state = progress.judge_task(task(deadline, statuses), judging)
    assert (state.days_late, state.never_late, state.last_reported) == (days_late, never_late, last)


@pytest.mark.parametrize("values, met_late, label", [
    ([(date(2026, 1, 10), 85)], True, "Đã đạt, sau thời hạn"),  # first met after 31/12/2025
    ([(date(2025, 12, 31), 80)], False, "Đã đạt"),  # met on the deadline day
    ([(date(2025, 12, 1), 85), (date(2026, 1, 10), 90)], False, "Đã đạt"),  # met in time, reported again later
    ([(date(2025, 12, 1), 60), (date(2026, 1, 10), 90)], True, "Đã đạt, sau thời hạn"),
])
def test_a_target_met_after_its_deadline_says_so(values, met_late, label):
    judged = progress.judge_target(target(values=values), date(2026, 2, 1))
    assert judged.state == progress.MET and judged.met_late is met_late
    assert judged.label == label and judged.progress_label == label
