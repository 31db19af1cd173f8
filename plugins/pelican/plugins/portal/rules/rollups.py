"""Roll-ups: counting targets by badge state and tasks by status, per plan, per unit and
city-wide; late work grouped by unit; the latest changes. Pure functions over the model.

The counting rule is explained on the "Về dữ liệu" page (about-data.html); keep them in step.
"""

from dataclasses import dataclass
from datetime import date

from .. import vocabulary
from ..vocabulary import (  # noqa: F401  (re-exported)
    DONE, DONE_STATUS, IN_PROGRESS, IN_PROGRESS_STATUS, LATE, LATE_BUCKETS, LATE_UNREPORTED, NEVER_REPORTED,
    NEVER_REPORTED_STATUS, NOT_STARTED, ONGOING, PAUSED_STATUS,
)

# In the order the bar draws them: good news first, late last.
TASK_BUCKETS = vocabulary.labels(vocabulary.TASK_BUCKETS)
TARGET_STATES = list(vocabulary.TARGET_STATES)
TARGET_BUCKETS = vocabulary.labels(vocabulary.TARGET_STATES)


def task_bucket(task, state) -> str:
    """Each task falls in exactly one bucket, the first that applies:
    done (an update marks it done) > late and never reported > late (reported, not done) >
    never reported > ongoing deadline > in progress (reported in progress or paused) >
    not started (an update says so)."""
    if state.status == DONE_STATUS:
        return DONE
    if state.late:
        return LATE_UNREPORTED if state.status == NEVER_REPORTED_STATUS else LATE
    if state.status == NEVER_REPORTED_STATUS:
        return NEVER_REPORTED
    if task.deadline.is_ongoing:
        return ONGOING
    if state.status in (IN_PROGRESS_STATUS, PAUSED_STATUS):
        return IN_PROGRESS
    return NOT_STARTED


@dataclass(frozen=True)
class Count:
    """How many items of a roll-up fall in one bucket; `share` is a percent (0–100)."""

    key: str
    label: str
    count: int
    share: float  # 0..100, of the total


@dataclass(frozen=True)
class Rollup:
    """Targets counted by badge state and tasks by bucket, each item once."""

    targets: tuple  # Count per target state, TARGET_STATES order
    tasks: tuple  # Count per task bucket, TASK_BUCKETS order
    target_total: int
    task_total: int

    @property
    def target_segments(self):
        """(Count, x) of each non-empty target state on a 0..100 bar."""
        return segments(self.targets)

    @property
    def task_segments(self):
        """(Count, x) of each non-empty task bucket on a 0..100 bar."""
        return segments(self.tasks)

    def task_count(self, key):
        """How many tasks fall in bucket `key` (a key of vocabulary.TASK_BUCKETS)."""
        return next(c.count for c in self.tasks if c.key == key)

    @property
    def late_count(self):
        """Late tasks, reported or not."""
        return sum(self.task_count(key) for key in LATE_BUCKETS)


def _counts(keys, labels):
    keys = list(keys)
    total = len(keys)
    counts = []
    for key, label in labels.items():
        count = sum(1 for k in keys if k == key)
        counts.append(Count(key, label, count, 100.0 * count / total if total else 0.0))
    return tuple(counts), total


def segments(counts):
    """(count, x) for each non-empty count: where its piece of a 0..100 bar starts."""
    x, result = 0.0, []
    for count in counts:
        if count.count:
            result.append((count, round(x, 3)))
            x += count.share
    return result


def rollup(targets, tasks) -> Rollup:
    """Count targets (each with .judgement) and tasks (each with .state); each counted once."""
    target_counts, target_total = _counts((t.judgement.state for t in unique(targets)), TARGET_BUCKETS)
    task_counts, task_total = _counts((task_bucket(t, t.state) for t in unique(tasks)), TASK_BUCKETS)
    return Rollup(target_counts, task_counts, target_total, task_total)


def unique(items):
    """The items, each object once, in first-seen order."""
    return list({id(item): item for item in items}.values())


def unit_work(unit):
    """(targets, tasks) a unit answers for, its divisions included: targets it or a division
    owns, tasks it or a division leads. Each once, in plan order."""
    scope = [unit, *unit.descendants()]
    return (unique(t for member in scope for t in member.targets),
            unique(t for member in scope for t in member.led_tasks))


def late_by_unit(tasks):
    """Late tasks grouped by lead unit: [(unit, [task, …]), …]. Within a unit, the oldest
    deadline first; units ordered by their oldest late task, then by name. A task with two
    lead units is listed under both."""
    groups = {}
    for task in tasks:
        if not task.state.late:
            continue
        for unit in task.leads:
            groups.setdefault(id(unit), (unit, []))[1].append(task)
    ordered = []
    for unit, items in groups.values():
        items.sort(key=lambda t: (t.state.due, -t.state.days_late, t.plan.number, t.number))
        ordered.append((unit, items))
    ordered.sort(key=lambda pair: (pair[1][0].state.due, pair[0].name))
    return ordered


def never_late(tasks):
    """Tasks with an ongoing or conditional deadline, not done: the longest unreported first
    (never reported before any report), so stale ones stand out."""
    items = [t for t in tasks if t.state.never_late and t.state.status != DONE_STATUS]
    items.sort(key=lambda t: (t.state.last_reported is not None, t.state.last_reported or date.min, t.plan.number, t.number))
    return items


@dataclass(frozen=True)
class Change:
    """One reported figure or status, for the home page's latest changes."""

    update: object
    kind: str  # "target" or "task"
    report: object


def latest_changes(updates, judging_date, limit=10):
    """The most recent reported figures and task statuses counted at the judging date,
    newest update first."""
    changes = []
    for update in updates:  # already newest first
        if update.date > judging_date:
            continue
        changes.extend(Change(update, "target", r) for r in update.target_reports)
        changes.extend(Change(update, "task", r) for r in update.task_reports)
        if len(changes) >= limit:
            break
    return changes[:limit]
