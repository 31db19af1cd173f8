"""Hand-made model objects for unit tests: units, tasks and targets judged at JUDGING."""

from datetime import date

from pelican.plugins.portal.model import Plan, Target, TargetReport, Task, TaskReport, Unit, Update, parse_deadline, parse_goal
from pelican.plugins.portal.rules import progress

JUDGING = date(2025, 11, 30)
PLAN = Plan(id="p", number="1/KH", title="t", issuer=None, issued=date(2025, 9, 1))


def unit(uid, parent=None, name=None):
    item = Unit(uid, name or uid, "phong")
    if parent is not None:
        item.parent = parent
        parent.children.append(item)
    return item


def task(tid, deadline, leads=(), statuses=(), supports=()):
    item = Task(tid, tid[-1], "text", "", list(leads), list(supports), parse_deadline(deadline), PLAN)
    for day, status in statuses:
        update = Update(path=f"u{day}", kind="cap-nhat", title="u", date=day, unit=None)
        item.reports.append(TaskReport(item, status, None, "", update))
    item.state = progress.judge_task(item, JUDGING)
    for lead in leads:
        lead.led_tasks.append(item)
    return item


def target(tid, owner=None, values=(), goal="tối thiểu 80%", deadline="31/12/2025"):
    item = Target(tid, "text", parse_goal(goal), goal, parse_deadline(deadline), owner, PLAN)
    for as_of, value in values:
        update = Update(path=f"u{as_of}", kind="cap-nhat", title=f"Bài {as_of}", date=as_of, unit=None)
        item.reports.append(TargetReport(item, value, as_of, "", update))
    item.judgement = progress.judge_target(item, JUDGING)
    if owner is not None:
        owner.targets.append(item)
    return item
