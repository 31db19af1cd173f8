"""The evaluate phase: every judgement of the portal at the judging date, filled once."""

from datetime import date

from .progress import judge_target, judge_task
from .rollups import late_by_unit, latest_changes, never_late, rollup, unit_work

LATEST_CHANGES = 10  # reported figures and statuses shown on the home page


def deadline_order(task):
    """Sort key: dated deadlines first, earliest first; then ongoing and conditional ones."""
    due = task.deadline.due
    return (due is None, due or task.plan.start_date or date.min, task.plan.number, task.number)


def evaluate(portal, day: date) -> None:
    """Judge every target and task at `day` and fill the evaluate-phase fields of the model
    (`judgement`, `state`, `rollup`, `work`, and the portal's lists). Pure rules, no I/O."""
    portal.judging_date = day
    for target in portal.targets.values():
        target.judgement = judge_target(target, day)
    for task in portal.tasks.values():
        task.state = judge_task(task, day)
    for plan in portal.plans:
        plan.rollup = rollup(plan.targets, plan.tasks)
    for unit in portal.units.values():
        unit.work = unit_work(unit)
        unit.rollup = rollup(*unit.work)
    portal.tasks_by_deadline = sorted(portal.tasks.values(), key=deadline_order)
    portal.rollup = rollup(portal.targets.values(), portal.tasks.values())
    portal.late = late_by_unit(portal.tasks_by_deadline)
    portal.never_late = never_late(portal.tasks_by_deadline)
    portal.changes = latest_changes(portal.updates, day, LATEST_CHANGES)
