"""Roll-up counting, late work, latest changes: pure functions on hand-made model objects."""

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest

from factories import JUDGING, PLAN, target, task, unit  # noqa: F401
from pelican.plugins.portal.rules import progress, rollups  # noqa: F401
from pelican.plugins.portal.model import TargetReport, TaskReport, Update  # noqa: F401


@pytest.mark.parametrize("deadline, statuses, bucket", [
    ("31/10/2025", [(date(2025, 10, 1), "hoan-thanh")], rollups.DONE),
    ("thường xuyên", [(date(2025, 10, 1), "hoan-thanh")], rollups.DONE),  # done wins over ongoing
    ("31/10/2025", [(date(2025, 10, 1), "dang-thuc-hien")], rollups.LATE),  # late wins over in progress
    ("31/10/2025", [], rollups.LATE_UNREPORTED),  # late and never reported: its own bucket
    ("31/10/2025", [(date(2025, 10, 1), "chua-trien-khai")], rollups.LATE),
    ("thường xuyên", [(date(2025, 10, 1), "dang-thuc-hien")], rollups.ONGOING),
    ("thường xuyên", [], rollups.NEVER_REPORTED),  # never reported wins over ongoing
    ("31/12/2025", [(date(2025, 10, 1), "dang-thuc-hien")], rollups.IN_PROGRESS),
    ("31/12/2025", [(date(2025, 10, 1), "tam-dung")], rollups.IN_PROGRESS),
    ("31/12/2025", [(date(2025, 10, 1), "chua-trien-khai")], rollups.NOT_STARTED),
    ("31/12/2025", [], rollups.NEVER_REPORTED),  # never reported is not "not started"
    ("sau khi có hướng dẫn", [], rollups.NEVER_REPORTED),  # conditional: never late
    ("sau khi có hướng dẫn", [(date(2025, 10, 1), "chua-trien-khai")], rollups.NOT_STARTED),
])
def test_each_task_falls_in_one_bucket(deadline, statuses, bucket):
    item = task("k", deadline, statuses=statuses)
    assert rollups.task_bucket(item, item.state) == bucket


def test_unit_rollup_includes_divisions_counts_once_and_skips_supported_tasks():
    so = unit("so")
    office, tech = unit("vp", so), unit("cntt", so)
    centre = unit("ttdl", tech)  # a division of a division
    other = unit("khac")
    tasks = [
        task("t1", "31/10/2025", [office]),  # late
        task("t2", "30/09/2025", [office, tech]),  # late, two leads in the same unit: once
        task("t3", "31/10/2025", [so], [(date(2025, 10, 1), "hoan-thanh")]),  # done
        task("t4", "thường xuyên", [centre]),  # ongoing, two levels down
        task("t5", "31/12/2025", [other], supports=[office]),  # only supported: not counted
    ]
    targets = [target("c1", office, [(date(2025, 11, 1), 95)]), target("c2", centre), target("c3", other)]
    work_targets, work_tasks = rollups.unit_work(so)
    assert [t.id for t in work_tasks] == ["t3", "t1", "t2", "t4"]
    assert [t.id for t in work_targets] == ["c1", "c2"]
    counted = rollups.rollup(work_targets, work_tasks)
    assert counted.task_total == 4 and counted.target_total == 2
    assert {c.key: c.count for c in counted.tasks} == {"done": 1, "in-progress": 0, "ongoing": 0, "not-started": 0,
                                                        "never-reported": 1, "late": 0, "late-unreported": 2}
    assert counted.late_count == 2
    assert {c.key: c.count for c in counted.targets} == {"met": 1, "on-track": 0, "at-risk": 0, "not-met": 0, "no-data": 1}
    assert rollups.rollup(*rollups.unit_work(tech)).task_total == 2  # t2 and t4
    # the bar: segments start where the previous one ends, widths add up to 100
    segments = counted.task_segments
    assert [c.key for c, _ in segments] == ["done", "never-reported", "late-unreported"]
    assert segments[1][1] == pytest.approx(25.0) and segments[2][1] == pytest.approx(50.0)
    assert sum(c.share for c, _ in segments) == pytest.approx(100.0)


def test_same_task_listed_twice_counts_once():
    item = task("t", "31/10/2025", [unit("a")])
    assert rollups.rollup([], [item, item]).task_total == 1


def test_late_work_by_unit_oldest_first():
    a, b = unit("a", name="Văn phòng"), unit("b", name="Phòng Công nghệ")
    tasks = [
        task("t1", "31/10/2025", [a]),
        task("t2", "15/10/2025", [b]),
        task("t3", "30/09/2025", [a, b]),
        task("t4", "31/10/2025", [a], [(date(2025, 10, 30), "hoan-thanh")]),  # done: not late
        task("t5", "30/11/2025", [b]),  # due on the judging date: not late yet
        task("t6", "thường xuyên", [a]),  # never late
    ]
    grouped = rollups.late_by_unit(tasks)
    assert [(u.id, [t.id for t in items]) for u, items in grouped] == [("b", ["t3", "t2"]), ("a", ["t3", "t1"])]
    assert grouped[0][1][0].state.days_late == 61


def test_never_late_tasks_longest_unreported_first():
    a = unit("a")
    tasks = [
        task("t1", "thường xuyên", [a], [(date(2025, 11, 1), "dang-thuc-hien")]),
        task("t2", "sau khi có hướng dẫn", [a]),
        task("t3", "thường xuyên", [a], [(date(2025, 9, 1), "dang-thuc-hien")]),
        task("t4", "thường xuyên", [a], [(date(2025, 9, 1), "hoan-thanh")]),  # done: not listed
        task("t5", "31/10/2025", [a]),  # dated: not listed
    ]
    assert [t.id for t in rollups.never_late(tasks)] == ["t2", "t3", "t1"]


def test_latest_changes_newest_first_and_only_counted_ones():
    item = target("c")
    updates = []
    for day, value in ((date(2025, 12, 5), 90), (date(2025, 11, 20), 60), (date(2025, 10, 20), 30)):
        update = Update(path=f"u{day}", kind="cap-nhat", title="u", date=day, unit=None)
        update.target_reports.append(TargetReport(item, value, day, "", update))
        updates.append(update)
    changes = rollups.latest_changes(updates, JUDGING, limit=1)
    assert [(c.kind, c.report.value) for c in changes] == [("target", 60)]
    assert len(rollups.latest_changes(updates, JUDGING)) == 2
