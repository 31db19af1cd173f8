"""The filtered lists of tasks and targets: what the pre-built pages (one per unit, plan, task
status bucket and target state) show, and what the unit page groups by division. Pure
functions over the evaluated model; labels and keys come from vocabulary.py."""

from .. import vocabulary
from ..rules.rollups import task_bucket


def in_order(portal, tasks):
    """`tasks` in the portal's deadline order (dated first, earliest first), each once."""
    wanted = {id(t) for t in tasks}
    return [t for t in portal.tasks_by_deadline if id(t) in wanted]


def tasks_by_bucket(portal):
    """{bucket key: [Task]} for every key of vocabulary.TASK_BUCKETS, deadline order."""
    groups = {key: [] for key in vocabulary.TASK_BUCKETS}
    for task in portal.tasks_by_deadline:
        groups.setdefault(task_bucket(task, task.state), []).append(task)
    return groups


def unit_sections(unit):
    """The tasks a unit's roll-up counts, grouped by who leads them: [(Unit, [Task])], the
    unit itself first, then each division (depth first) that leads any. Each task once per
    group; together the groups hold exactly `unit.work[1]`."""
    counted = {id(t) for t in unit.work[1]}
    sections = []
    for member in [unit, *unit.descendants()]:
        tasks = [t for t in member.led_tasks if id(t) in counted]
        if tasks:
            sections.append((member, tasks))
    return sections


def filtered_task_lists(portal, settings):
    """(url, kind, title, [Task]) of every pre-built task list: per unit (its divisions
    included; units with no task are skipped), per plan, per status bucket."""
    urls = settings["PORTAL_FILTER_URLS"]
    for unit in portal.units.values():
        if unit.filter_url:
            yield unit.filter_url, "unit", f"Nhiệm vụ do {unit.qualified_label} chủ trì", in_order(portal, unit.work[1])
    for plan in portal.plans:
        yield plan.filter_url, "plan", f"Nhiệm vụ của kế hoạch {plan.label}", in_order(portal, plan.tasks)
    for key, tasks in tasks_by_bucket(portal).items():
        title = f"Nhiệm vụ «{vocabulary.TASK_BUCKETS[key].label}»"
        yield urls["status"].format(id=key), "status", title, tasks


def filtered_target_lists(portal, settings):
    """(url, title, [Target]) per target state of vocabulary.TARGET_STATES, plan order."""
    url = settings["PORTAL_FILTER_URLS"]["target_status"]
    targets = [t for plan in portal.plans for t in plan.targets]
    for key, term in vocabulary.TARGET_STATES.items():
        yield url.format(id=key), f"Chỉ tiêu «{term.label}»", [t for t in targets if t.judgement.state == key]
