"""The worked example of the "Về dữ liệu" page, judged by the same rule as every target."""

from datetime import date

from ..model.deadlines import parse_deadline
from ..model.entities import Plan, Target, TargetReport, Update
from ..model.goals import parse_goal
from ..vocabulary import UPDATE


def example_judgement(judge):
    """(Target, TargetJudgement): «tối thiểu 80%» by 31/12/2025, plan issued 01/09/2025,
    45% reported as of 15/11/2025, judged on 30/11/2025 by `judge` (rules.progress.judge_target)."""
    plan = Plan(id="vi-du", number="", title="", issuer=None, issued=date(2025, 9, 1))
    target = Target("vi-du", "", parse_goal("tối thiểu 80%"), "tối thiểu 80%", parse_deadline("31/12/2025"), None, plan)
    update = Update(path="", kind=UPDATE, title="", date=date(2025, 11, 20), unit=None)
    target.reports.append(TargetReport(target, 45.0, date(2025, 11, 15), "", update))
    return target, judge(target, date(2025, 11, 30))
