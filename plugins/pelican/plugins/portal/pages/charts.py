"""A target's history as chart geometry, drawn at build time as inline SVG (partials/chart.html).

Pure: takes the target and its judgement, returns coordinates and labels; no I/O, no JavaScript.
"""

from dataclasses import dataclass
from datetime import timedelta

from ..model.deadlines import format_date
from ..model.values import format_number, format_value

WIDTH, HEIGHT = 400, 256
LEFT, RIGHT, TOP, BOTTOM = 46, 16, 18, 50  # margins around the plot area (two rows of dates below)
TICK_FONT = 14  # px, in SVG user units (partials/progress.html draws the ticks at this size)
CHAR_WIDTH = 0.62  # a generous width of one digit or "/" of the tick font, in font sizes
TICK_GAP = 8  # the least room between two date labels on one row
ROW_HEIGHT = 18  # the second row of date labels sits this far below the first


@dataclass(frozen=True)
class Point:
    """One report on the chart, in SVG user units."""

    x: float
    y: float
    report: object  # TargetReport
    label: str  # "60,5% ngày 15/11/2025"


@dataclass(frozen=True)
class Chart:
    """Everything partials/progress.html needs to draw a target's history."""

    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    points: tuple
    line: str  # SVG points attribute joining the points
    goal_y: float
    goal_label: str
    path: tuple | None  # (x1, y1, x2, y2) of the straight path to the goal, when judged on it
    x_ticks: tuple  # (x, label, text-anchor "start"|"middle"|"end", row 0|1): see date_ticks
    y_ticks: tuple  # (y, label)
    title: str
    description: str  # the text alternative: every value, the goal and the deadline


def _nice_max(value):
    """The smallest of 1, 2, 2.5, 5 × 10^n not below value."""
    if value <= 0:
        return 1.0
    magnitude = 1.0
    while magnitude * 10 < value:
        magnitude *= 10
    while magnitude > value:
        magnitude /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def date_ticks(candidates, left, right):
    """Date labels under the plot that never overlap: `candidates` are (x, date) in order of
    importance (first date, last report, deadline). Each label is anchored so it stays inside
    [left - margin, right + margin]; a label that would overlap one already placed goes to the
    second row, and is left out (its date stays in the text alternative) when both rows are taken.
    Returns ((x, label, anchor, row), …) sorted by x, each date once."""
    placed, seen = [], set()
    width = None
    for x, day in candidates:
        if day in seen:
            continue
        seen.add(day)
        label = format_date(day)
        width = len(label) * TICK_FONT * CHAR_WIDTH
        if x - width / 2 < left - LEFT + 2:
            anchor, box = "start", (x, x + width)
        elif x + width / 2 > right + RIGHT - 2:
            anchor, box = "end", (x - width, x)
        else:
            anchor, box = "middle", (x - width / 2, x + width / 2)
        for row in (0, 1):
            if all(r != row or b[1] + TICK_GAP <= box[0] or box[1] + TICK_GAP <= b[0] for _, _, _, r, b in placed):
                placed.append((x, label, anchor, row, box))
                break
    return tuple((x, label, anchor, row) for x, label, anchor, row, _ in sorted(placed, key=lambda t: t[0]))


def history_chart(target, judging_date=None, width=WIDTH, height=HEIGHT):
    """Chart of the reports counted at the judging date (all of them when None), or None."""
    judgement = target.judgement
    reports = [r for r in target.reports if judging_date is None or r.update.date <= judging_date]
    if not reports:
        return None
    goal = target.goal
    deadline = target.deadline.due
    start_candidates = [r.as_of for r in reports]
    if target.plan is not None and target.plan.start_date is not None:
        start_candidates.append(target.plan.start_date)
    start = min(start_candidates)
    end = max([r.as_of for r in reports] + ([deadline] if deadline else []))
    if end <= start:
        start, end = start - timedelta(days=1), end + timedelta(days=1)
    span = (end - start).days

    values = [r.value for r in reports] + [goal.value]
    top_value = 100.0 if goal.measure == "percent" else _nice_max(max(values) * 1.1)
    left, right, top, bottom = LEFT, width - RIGHT, TOP, height - BOTTOM

    def x_of(day):
        return round(left + (right - left) * (day - start).days / span, 1)

    def y_of(value):
        return round(bottom - (bottom - top) * min(max(value / top_value, 0.0), 1.0), 1)

    points = tuple(
        Point(x_of(r.as_of), y_of(r.value), r, f"{format_value(r.value, goal)} ngày {format_date(r.as_of)}")
        for r in reports
    )
    path = None
    if judgement is not None and judgement.expected is not None and judgement.baseline_date and deadline:
        path = (x_of(judgement.baseline_date), y_of(judgement.origin or 0.0), x_of(deadline), y_of(goal.value))
    last = max(r.as_of for r in reports)
    x_ticks = date_ticks([(x_of(start), start), (x_of(last), last)]
                         + ([(x_of(deadline), deadline)] if deadline else []), left, right)
    y_ticks = tuple((y_of(v), format_value(v, goal) if goal.measure == "percent" else format_number(v))
                    for v in (0.0, top_value / 2, top_value))
    goal_label = f"Mục tiêu {goal.text}"
    title = "Số liệu của chỉ tiêu theo thời gian"
    parts = "; ".join(p.label for p in points)
    description = (f"Biểu đồ đường, {len(points)} lần báo cáo, cũ nhất trước: {parts}. {goal_label}"
                   + (f", thời hạn {format_date(deadline)}." if deadline else ", không có hạn cụ thể."))
    if path:
        description += " Đường chấm là lộ trình đều từ ngày ban hành kế hoạch đến mục tiêu."
    return Chart(width, height, left, right, top, bottom, points,
                 " ".join(f"{p.x},{p.y}" for p in points), y_of(goal.value), goal_label, path,
                 x_ticks, y_ticks, title, description)
