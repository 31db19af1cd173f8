"""The portal's content model, as read from `content/`."""

from dataclasses import dataclass, field
from datetime import date

from .deadlines import Deadline
from .goals import Goal


@dataclass(eq=False)
class Source:
    path: str
    line: int = 1


@dataclass(eq=False)
class Unit:
    id: str
    name: str
    kind: str
    short_name: str = ""
    aliases: list = field(default_factory=list)
    parent_id: str = ""
    member_names: list = field(default_factory=list)
    english_name: str = ""
    description: str = ""
    source: Source = None
    parent: "Unit" = None
    children: list = field(default_factory=list)
    members: list = field(default_factory=list)  # for group units
    groups: list = field(default_factory=list)  # groups this unit belongs to
    led_tasks: list = field(default_factory=list)
    supported_tasks: list = field(default_factory=list)
    group_tasks: list = field(default_factory=list)  # (group, task) given to a group it belongs to
    targets: list = field(default_factory=list)
    plans: list = field(default_factory=list)  # plans it issued
    updates: list = field(default_factory=list)
    url: str = ""

    @property
    def label(self):
        return self.short_name or self.name

    def ancestors(self):
        unit = self.parent
        while unit is not None:
            yield unit
            unit = unit.parent

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()


@dataclass(eq=False)
class Target:
    id: str
    text: str
    goal: Goal
    goal_text: str
    deadline: Deadline
    unit: Unit
    plan: "Plan"
    note: str = ""
    source: Source = None
    reports: list = field(default_factory=list)  # TargetReport, oldest first
    judgement: object = None  # progress.TargetJudgement at the judging date
    url: str = ""


@dataclass(eq=False)
class Task:
    id: str
    number: str
    text: str
    area: str
    leads: list
    supports: list
    deadline: Deadline
    plan: "Plan"
    expected_result: str = ""
    source: Source = None
    reports: list = field(default_factory=list)  # TaskReport, oldest first
    state: object = None  # progress.TaskState at the judging date

    @property
    def url(self):
        return f"{self.plan.url}#{self.id}"


@dataclass(eq=False)
class Plan:
    id: str
    number: str
    title: str
    issuer: Unit
    issued: date | None  # None when the document carries no date
    period: str = ""
    period_start: date | None = None
    period_end: date | None = None
    signer: str = ""
    signer_title: str = ""
    implements: list = field(default_factory=list)
    replaces: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    summary: str = ""
    source_note: str = ""
    body: str = ""  # Markdown with block placeholders
    source: Source = None
    targets: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    blocks: dict = field(default_factory=dict)  # token -> (layout, items) of each block
    updates: list = field(default_factory=list)  # updates and news that name it, newest first
    parts: list = field(default_factory=list)  # rendered body: ("html", text) or (layout, items)
    sections: list = field(default_factory=list)  # (level, anchor, title)
    url: str = ""


    @property
    def start_date(self):
        """Where progress is measured from: the issue date, else the period's start."""
        return self.issued or self.period_start


@dataclass(eq=False)
class TargetReport:
    target: Target
    value: float
    as_of: date
    source_text: str
    update: "Update"
    line: int = 1


@dataclass(eq=False)
class TaskReport:
    task: Task
    status: str  # key of fields.TASK_STATUSES
    percent: float | None
    note: str
    update: "Update"
    line: int = 1


@dataclass(eq=False)
class Update:
    """A progress update or a news article (kind "cap-nhat" or "tin-tuc")."""

    path: str
    kind: str
    title: str
    date: date
    unit: Unit
    plans: list = field(default_factory=list)
    summary: str = ""
    target_reports: list = field(default_factory=list)
    task_reports: list = field(default_factory=list)
    article: object = None  # the Pelican Article, once generated

    @property
    def url(self):
        return self.article.url if self.article is not None else ""


@dataclass(eq=False)
class Portal:
    units: dict = field(default_factory=dict)  # id -> Unit
    plans: list = field(default_factory=list)
    targets: dict = field(default_factory=dict)  # id -> Target
    tasks: dict = field(default_factory=dict)  # id -> Task
    updates: list = field(default_factory=list)  # newest first
    judging_date: date = None

    def plan_by_number(self, number):
        for plan in self.plans:
            if plan.number.casefold() == number.casefold():
                return plan
        return None
