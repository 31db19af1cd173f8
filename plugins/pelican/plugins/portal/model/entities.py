"""The portal's entities, every field declared, derived ones included.

Built in three declared phases, each owning its fields:

1. content (`content/`): what the files say, and every back-reference (`content/links.py`);
2. evaluate (`rules/evaluate.py`): judgements at the judging date (`judgement`, `state`,
   `rollup`, `work`, and the portal-wide lists);
3. pages (`pages/prepare.py`): URLs and what pages show (`url`, `badge_url`, `card_url`,
   `data_urls`, `feed_url`, `parts`, `sections`, `chart`, `article`).

Nothing else writes to an entity. Dates are `datetime.date`; values are floats in the
goal's measure (percent 0–100 or a count).
"""

from dataclasses import dataclass, field
from datetime import date

from .deadlines import Deadline
from .goals import Goal


@dataclass(eq=False)
class Source:
    """Where an entity was declared: file path and 1-based line."""

    path: str
    line: int = 1


@dataclass(eq=False)
class Unit:
    """A unit (đơn vị): agency, ward, division, committee or a group standing for its members."""

    id: str
    name: str
    kind: str  # a key of vocabulary.UNIT_KINDS
    short_name: str = ""
    aliases: list = field(default_factory=list)  # [str]
    parent_id: str = ""
    member_names: list = field(default_factory=list)  # [str], as written, for groups
    members_rule: str = ""  # groups: "list", or vocabulary.MEMBERS_NOT_STATED / MEMBERS_ALL (issue 12)
    english_name: str = ""
    description: str = ""
    source: Source = None
    # content phase: back-references
    parent: "Unit" = None
    children: list = field(default_factory=list)  # [Unit], groups last, then by name
    members: list = field(default_factory=list)  # [Unit], for group units
    groups: list = field(default_factory=list)  # [Unit]: groups this unit belongs to
    led_tasks: list = field(default_factory=list)  # [Task]
    supported_tasks: list = field(default_factory=list)  # [Task]
    group_tasks: list = field(default_factory=list)  # [(group Unit, Task)] given to a group it belongs to
    targets: list = field(default_factory=list)  # [Target] it owns
    plans: list = field(default_factory=list)  # [Plan] it issued
    updates: list = field(default_factory=list)  # [Update] it posted, newest first
    # evaluate phase
    work: tuple = ((), ())  # (targets, tasks) it and its divisions answer for
    rollup: object = None  # rules.rollups.Rollup of `work`
    # pages phase
    url: str = ""
    data_urls: dict = field(default_factory=dict)  # {dataset: {"json": url, "csv": url}}
    feed_url: str = ""
    qualified_label: str = ""  # label + «(parent)» where names clash (pages.names.qualified_labels)
    filter_url: str = ""  # the pre-built task list of this unit and its divisions ("" when none)

    @property
    def label(self):
        """The short name when there is one, else the full name."""
        return self.short_name or self.name

    def ancestors(self):
        """Parent, grandparent, … up to the root."""
        unit = self.parent
        while unit is not None:
            yield unit
            unit = unit.parent

    def descendants(self):
        """Children, depth first."""
        for child in self.children:
            yield child
            yield from child.descendants()


@dataclass(eq=False)
class Target:
    """A specific target (chỉ tiêu cụ thể) with a goal and a deadline."""

    id: str
    text: str
    goal: Goal
    goal_text: str  # the goal as the document words it
    deadline: Deadline
    unit: Unit  # owner
    plan: "Plan"
    note: str = ""
    source: Source = None
    # content phase, issue 12 (the document's words vs the portal's reading)
    kind: str = "dinh-luong"  # a key of vocabulary.TARGET_KINDS; "dinh-tinh": goal has no number
    goal_words: str = ""  # muc_tieu_van_ban: the goal verbatim when `goal_text` is the portal's reading
    deadline_rule: str = ""  # non-empty when `deadline.due` was derived by the portal: how
    task: "Task" = None  # the task the target comes from (nhiem_vu); its leads own the target
    owners: list = field(default_factory=list)  # [Unit]: the task's leads, else [unit]
    reports: list = field(default_factory=list)  # [TargetReport], oldest first
    # evaluate phase
    judgement: object = None  # rules.progress.TargetJudgement at the judging date
    # pages phase
    url: str = ""
    badge_url: str = ""
    card_url: str = ""
    data_urls: dict = field(default_factory=dict)
    chart: object = None  # pages.charts.Chart, or None without reports


@dataclass(eq=False)
class Task:
    """A task (nhiệm vụ): lead and coordinating units, a deadline, an expected result."""

    id: str
    number: str  # its number in the plan: "3.2", "7"
    text: str  # Markdown
    area: str  # a label of vocabulary.AREAS
    leads: list  # [Unit]
    supports: list  # [Unit]
    deadline: Deadline
    plan: "Plan"
    expected_result: str = ""
    source: Source = None
    # content phase, issue 12
    portal_number: str = ""  # so_cua_cong: the portal's counter when `number` is not the document's
    note: str = ""  # ghi_chu: the portal's note, shown labelled as the portal's
    deadline_rule: str = ""  # non-empty when `deadline.due` was derived by the portal: how
    marked_leads: list = field(default_factory=list)  # [str] lead cells carrying a reading mark, as written
    marked_supports: list = field(default_factory=list)  # [str] coordinating cells with a mark, as written
    reports: list = field(default_factory=list)  # [TaskReport], oldest first
    # evaluate phase
    state: object = None  # rules.progress.TaskState at the judging date
    # pages phase
    url: str = ""  # the task's anchor in its plan's page, "<plan url>#<id>"


@dataclass(eq=False)
class Plan:
    """A plan (kế hoạch) and its full text, with the targets and tasks it declares."""

    id: str
    number: str  # số, ký hiệu: "3183/KH-STP"
    title: str
    issuer: Unit
    issued: date | None  # None when the document carries no date
    period: str = ""
    period_start: date | None = None
    period_end: date | None = None
    signer: str = ""
    signer_title: str = ""
    implements: list = field(default_factory=list)  # [str] numbers of the documents it implements
    replaces: list = field(default_factory=list)  # [str]
    recipients: list = field(default_factory=list)  # [str]
    summary: str = ""
    source_note: str = ""
    period_rule: str = ""  # issue 12: non-empty when period_start/end were derived by the portal: how
    body: str = ""  # Markdown, each block replaced by its token (content.plans.BLOCK_TOKEN)
    source: Source = None
    targets: list = field(default_factory=list)  # [Target], document order
    tasks: list = field(default_factory=list)  # [Task], document order
    blocks: dict = field(default_factory=dict)  # {token: (layout "targets"|"card"|"table", [items])}
    # content phase
    updates: list = field(default_factory=list)  # [Update] naming it, newest first
    # evaluate phase
    rollup: object = None  # rules.rollups.Rollup
    # pages phase
    url: str = ""
    label: str = ""  # short label for tables: the number, or a fallback (pages.names.plan_label)
    filter_url: str = ""  # the pre-built task list of this plan
    parts: list = field(default_factory=list)  # rendered body: [("html", text) | (layout, items)]
    sections: list = field(default_factory=list)  # [(level, anchor, title)] of h2–h4
    card_url: str = ""
    data_urls: dict = field(default_factory=dict)
    feed_url: str = ""

    @property
    def start_date(self):
        """Where progress is measured from: the issue date, else the period's start."""
        return self.issued or self.period_start


@dataclass(eq=False)
class TargetReport:
    """A value reported for a target by an update: `value` in the goal's measure."""

    target: Target
    value: float
    as_of: date
    source_text: str
    update: "Update"
    line: int = 1


@dataclass(eq=False)
class TaskReport:
    """A status reported for a task by an update; `percent` 0–100 or None."""

    task: Task
    status: str  # a key of vocabulary.REPORTED_TASK_STATUSES
    percent: float | None
    note: str
    update: "Update"
    line: int = 1


@dataclass(eq=False)
class Update:
    """A progress update or a news article (kind: a key of vocabulary.UPDATE_KINDS)."""

    path: str
    kind: str
    title: str
    date: date
    unit: Unit
    plans: list = field(default_factory=list)  # [Plan]
    summary: str = ""
    target_reports: list = field(default_factory=list)
    task_reports: list = field(default_factory=list)
    # pages phase
    article: object = None  # the Pelican Article
    url: str = ""  # the article's URL, computed once (Pelican's Article.url formats it anew each call)


@dataclass(eq=False)
class Portal:
    """Everything read from content/, and the portal-wide judgements."""

    units: dict = field(default_factory=dict)  # {id: Unit}
    plans: list = field(default_factory=list)  # newest first
    targets: dict = field(default_factory=dict)  # {id: Target}
    tasks: dict = field(default_factory=dict)  # {id: Task}
    updates: list = field(default_factory=list)  # newest first
    judging_date: date = None
    # evaluate phase
    tasks_by_deadline: list = field(default_factory=list)  # dated first, earliest first
    rollup: object = None  # rules.rollups.Rollup of every target and task
    late: list = field(default_factory=list)  # [(Unit, [Task])], rules.rollups.late_by_unit
    never_late: list = field(default_factory=list)  # [Task], rules.rollups.never_late
    changes: list = field(default_factory=list)  # [rules.rollups.Change], newest first

    def plan_by_number(self, number):
        """The plan whose number is `number` (case-insensitive), or None."""
        for plan in self.plans:
            if plan.number.casefold() == number.casefold():
                return plan
        return None
