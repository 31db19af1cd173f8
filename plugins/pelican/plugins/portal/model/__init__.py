"""The model: entities (every field declared), deadlines, goals, and how values are shown."""

from .deadlines import Deadline, DateError, format_date, parse_date, parse_deadline  # noqa: F401
from .entities import Plan, Portal, Source, Target, TargetReport, Task, TaskReport, Unit, Update  # noqa: F401
from .goals import Goal, GoalError, parse_goal  # noqa: F401
from .values import format_number, format_value  # noqa: F401
