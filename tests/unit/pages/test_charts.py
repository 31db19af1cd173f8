"""History chart geometry: pure functions on hand-made model objects."""

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest

from factories import JUDGING, PLAN, target, task, unit  # noqa: F401
from pelican.plugins.portal.pages import charts  # noqa: F401


def test_history_chart_points_goal_and_path():
    item = target("c", values=[(date(2025, 9, 15), 10), (date(2025, 10, 15), 30), (date(2025, 11, 15), 55)])
    chart = charts.history_chart(item, JUDGING)
    xs = [p.x for p in chart.points]
    assert xs == sorted(xs) and len(xs) == 3
    assert [p.report.value for p in chart.points] == [10, 30, 55]
    ys = [p.y for p in chart.points]
    assert ys[0] > ys[1] > ys[2]  # higher values sit higher (smaller y)
    # percent scale 0..100: the goal line at 80% of the plot height
    assert chart.goal_y == pytest.approx(chart.bottom - 0.8 * (chart.bottom - chart.top), abs=0.1)
    x1, y1, x2, y2 = chart.path
    assert (x1, y1) == (chart.left, chart.bottom) and x2 == chart.right and y2 == pytest.approx(chart.goal_y, abs=0.1)
    assert "10% ngày 15/09/2025" in chart.description and "Mục tiêu ≥ 80%" in chart.description
    assert chart.x_ticks[0][1] == "01/09/2025" and chart.x_ticks[-1][1] == "31/12/2025"


def test_history_chart_leaves_out_reports_after_the_judging_date_and_empty_targets():
    item = target("c", values=[(date(2025, 11, 15), 55), (date(2025, 12, 5), 70)])
    assert len(charts.history_chart(item, JUDGING).points) == 1
    assert charts.history_chart(target("e"), JUDGING) is None


def test_count_goal_chart_scales_to_a_round_maximum():
    item = target("c", goal="25 dịch vụ", deadline="thường xuyên", values=[(date(2025, 11, 15), 30)])
    chart = charts.history_chart(item, JUDGING)
    assert chart.path is None  # no dated deadline: no straight path
    assert [label for _, label in chart.y_ticks] == ["0", "25", "50"]


# Date labels under the chart: "dd/mm/yyyy" is 10 characters; at the 14-unit tick font a
# character is at most 8.5 units wide in the fonts the site lists, so a label is at most 85 units.
LABEL = 85


def _boxes(chart):
    boxes = []
    for x, label, anchor, row in chart.x_ticks:
        start = {"start": x, "middle": x - LABEL / 2, "end": x - LABEL}[anchor]
        boxes.append((row, start, start + LABEL, label))
    return boxes


@pytest.mark.parametrize("deadline", ["31/10/2025", "15/11/2025", "31/12/2025"], ids=["after", "at", "before"])
@pytest.mark.parametrize("count", [1, 2, 20])
def test_date_labels_never_overlap_and_the_latest_report_has_its_date(deadline, count):
    """Reports before, at and after the deadline; 1, 2 and 20 of them, the last on 15/11/2025."""
    days = [date(2025, 11, 15) - (date(2025, 11, 15) - date(2025, 9, 2)) * i // max(count - 1, 1)
            for i in range(count)][::-1]
    item = target("c", values=[(day, 10 + i) for i, day in enumerate(days)], deadline=deadline)
    chart = charts.history_chart(item, JUDGING)
    boxes = _boxes(chart)
    for i, (row, a0, a1, la) in enumerate(boxes):
        assert 0 <= a0 and a1 <= chart.width, (la, a0, a1)
        for row2, b0, b1, lb in boxes[i + 1:]:
            assert row != row2 or a1 <= b0 or b1 <= a0, (la, lb)
    labels = [b[3] for b in boxes]
    assert "15/11/2025" in labels  # the latest report is dated under its point
    assert labels[0] == "01/09/2025"  # the plan's issue date starts the axis
    assert len(labels) == len(set(labels))


def test_points_carry_their_unit():
    chart = charts.history_chart(target("c", values=[(date(2025, 10, 1), 42.5)]), JUDGING)
    assert chart.points[0].label == "42,5% ngày 01/10/2025"
    count = charts.history_chart(target("d", goal="25 dịch vụ", values=[(date(2025, 10, 1), 12)]), JUDGING)
    assert count.points[0].label == "12 dịch vụ ngày 01/10/2025"
