"""Roll-up counting, late work, history chart geometry, open data and share cards: pure
functions on hand-made model objects."""

import csv
import io
import json
from datetime import date

import pytest

from pelican.plugins.portal import cards, charts, opendata, progress, rollups
from pelican.plugins.portal.deadlines import parse_deadline
from pelican.plugins.portal.goals import parse_goal
from pelican.plugins.portal.model import Plan, Target, TargetReport, Task, TaskReport, Unit, Update

JUDGING = date(2025, 11, 30)
PLAN = Plan(id="p", number="1/KH", title="t", issuer=None, issued=date(2025, 9, 1))


def unit(uid, parent=None, name=None):
    item = Unit(uid, name or uid, "phong")
    if parent is not None:
        item.parent = parent
        parent.children.append(item)
    return item


def task(tid, deadline, leads=(), statuses=(), supports=()):
    item = Task(tid, tid[-1], "text", "", list(leads), list(supports), parse_deadline(deadline), PLAN)
    for day, status in statuses:
        update = Update(path=f"u{day}", kind="cap-nhat", title="u", date=day, unit=None)
        item.reports.append(TaskReport(item, status, None, "", update))
    item.state = progress.judge_task(item, JUDGING)
    for lead in leads:
        lead.led_tasks.append(item)
    return item


def target(tid, owner=None, values=(), goal="tối thiểu 80%", deadline="31/12/2025"):
    item = Target(tid, "text", parse_goal(goal), goal, parse_deadline(deadline), owner, PLAN)
    for as_of, value in values:
        update = Update(path=f"u{as_of}", kind="cap-nhat", title=f"Bài {as_of}", date=as_of, unit=None)
        item.reports.append(TargetReport(item, value, as_of, "", update))
    item.judgement = progress.judge_target(item, JUDGING)
    if owner is not None:
        owner.targets.append(item)
    return item


@pytest.mark.parametrize("deadline, statuses, bucket", [
    ("31/10/2025", [(date(2025, 10, 1), "hoan-thanh")], rollups.DONE),
    ("thường xuyên", [(date(2025, 10, 1), "hoan-thanh")], rollups.DONE),  # done wins over ongoing
    ("31/10/2025", [(date(2025, 10, 1), "dang-thuc-hien")], rollups.LATE),  # late wins over in progress
    ("31/10/2025", [], rollups.LATE),
    ("thường xuyên", [(date(2025, 10, 1), "dang-thuc-hien")], rollups.ONGOING),
    ("thường xuyên", [], rollups.ONGOING),
    ("31/12/2025", [(date(2025, 10, 1), "dang-thuc-hien")], rollups.IN_PROGRESS),
    ("31/12/2025", [(date(2025, 10, 1), "tam-dung")], rollups.IN_PROGRESS),
    ("31/12/2025", [(date(2025, 10, 1), "chua-trien-khai")], rollups.NOT_STARTED),
    ("31/12/2025", [], rollups.NOT_STARTED),
    ("sau khi có hướng dẫn", [], rollups.NOT_STARTED),  # conditional: never late, by its status
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
    assert {c.key: c.count for c in counted.tasks} == {"done": 1, "in-progress": 0, "ongoing": 1, "not-started": 0, "late": 2}
    assert {c.key: c.count for c in counted.targets} == {"met": 1, "on-track": 0, "at-risk": 0, "not-met": 0, "no-data": 1}
    assert rollups.rollup(*rollups.unit_work(tech)).task_total == 2  # t2 and t4
    # the bar: segments start where the previous one ends, widths add up to 100
    segments = counted.task_segments
    assert [c.key for c, _ in segments] == ["done", "ongoing", "late"]
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


def test_open_data_csv_has_a_bom_and_one_header_row():
    item = task("t1", "31/10/2025", [unit("a")])
    records = opendata.rows("nhiem-vu", [item], lambda url: "https://x.vn/" + url)
    text = opendata.to_csv("nhiem-vu", records)
    assert text.startswith("\ufeffma,ke_hoach,so,")
    row = next(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert row["qua_han"] == "có" and row["so_ngay_qua_han"] == "30" and row["han_cuoi"] == "2025-10-31"
    payload = json.loads(opendata.to_json("nhiem-vu", records, "toàn cổng", JUDGING))
    assert payload["ban_ghi"][0]["qua_han"] is True and payload["ngay_danh_gia"] == "2025-11-30"
    assert [c["ten"] for c in payload["cot"]] == [c.key for c in opendata.KINDS["nhiem-vu"].columns]


SPEC = cards.CardSpec("Chỉ tiêu · 1/KH", "Tối thiểu 80% hồ sơ được xử lý trực tuyến toàn trình", "Sở Tư pháp",
                      (("on-track", "Đúng tiến độ"),), "Mới nhất 60,5% · Mục tiêu ≥ 80%", "Cổng thử")


def test_card_is_1200_by_630_and_drawn_once(tmp_path):
    key = cards.card_key(SPEC)
    out = tmp_path / "out" / "card.png"
    assert cards.ensure_card(SPEC, key, str(tmp_path / "cache"), str(out)) is True
    from PIL import Image

    with Image.open(out) as image:
        assert image.size == (1200, 630) and image.format == "PNG"
    again = tmp_path / "out2" / "card.png"
    assert cards.ensure_card(SPEC, key, str(tmp_path / "cache"), str(again)) is False  # reused
    assert again.read_bytes() == out.read_bytes()


def test_card_key_changes_with_what_the_card_shows():
    from dataclasses import replace

    assert cards.card_key(SPEC) == cards.card_key(replace(SPEC))
    assert cards.card_key(SPEC) != cards.card_key(replace(SPEC, pills=(("at-risk", "Có nguy cơ chậm"),)))
    assert cards.card_key(SPEC) != cards.card_key(replace(SPEC, sample=True))


def test_card_font_covers_vietnamese():
    from PIL import ImageFont

    regular, bold = cards._fonts()
    font = ImageFont.truetype(str(bold), 40)
    missing = font.getmask("\uffff").getbbox()  # the font's "no glyph" box
    for char in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐƯƠ":
        assert font.getmask(char).getbbox() != missing, char


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
