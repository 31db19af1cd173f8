"""The one pass that sets every back-reference of the model (unit → its plans, targets,
tasks and updates; plan → its updates; target and task → their reports)."""


def link_portal(portal) -> None:
    """Fill the back-reference lists of a freshly read portal. Call once, after reading.

    Orders: reports oldest first (by as-of date, then posting date, then file); updates
    newest first, as `portal.updates` is."""
    for plan in portal.plans:
        plan.issuer.plans.append(plan)
    for target in portal.targets.values():
        for unit in target.owners or ([target.unit] if target.unit is not None else []):
            unit.targets.append(target)
    for task in portal.tasks.values():
        for unit in task.leads:
            unit.led_tasks.append(task)
        for unit in task.supports:
            unit.supported_tasks.append(task)
        for group in {*task.leads, *task.supports}:
            for member in group.members:
                member.group_tasks.append((group, task))
    for update in portal.updates:
        if update.unit is not None:
            update.unit.updates.append(update)
        for plan in update.plans:
            plan.updates.append(update)
        for report in update.target_reports:
            report.target.reports.append(report)
        for report in update.task_reports:
            report.task.reports.append(report)
    for item in (*portal.targets.values(), *portal.tasks.values()):
        item.reports.sort(key=lambda r: (getattr(r, "as_of", r.update.date), r.update.date, r.update.path))
