"""Pure rules: dates, deadlines, goals, text folding (no Pelican)."""

from datetime import date

import pytest

from pelican.plugins.portal.model.deadlines import DateError, parse_date, parse_deadline
from pelican.plugins.portal.model.goals import GoalError, parse_goal
from pelican.plugins.portal.text import field_key, fold


@pytest.mark.parametrize("text, kind, due", [
    ("thường xuyên", "ongoing", None),
    ("Thường xuyên, liên tục", "ongoing", None),
    ("31/12/2025", "date", date(2025, 12, 31)),
    ("Trước ngày 20/12/2025", "date", date(2025, 12, 20)),
    ("năm 2026", "date", date(2026, 12, 31)),
    ("2026", "date", date(2026, 12, 31)),
    ("tháng 10/2025", "date", date(2025, 10, 31)),
    ("Quý IV/2025", "date", date(2025, 12, 31)),
    ("quý 1/2026", "date", date(2026, 3, 31)),
    ("Sau khi hoàn thành Kế hoạch 215", "condition", None),
    ("theo hướng dẫn của Bộ", "condition", None),
    ("trong kỳ kế hoạch (đến 31/12/2025)", "date", date(2025, 12, 31)),
])
def test_deadlines(text, kind, due):
    deadline = parse_deadline(text)
    assert (deadline.kind, deadline.due) == (kind, due)
    assert deadline.text == text


@pytest.mark.parametrize("text", ["31/13/2025", "trước ngày 30/02/2025", "tháng 13/2025", "12 tuần 5"])
def test_bad_deadlines(text):
    with pytest.raises(DateError):
        parse_deadline(text)


def test_parse_date():
    assert parse_date("1/9/2025") == date(2025, 9, 1)
    for bad in ("2025-09-01", "32/1/2025", "hôm nay"):
        with pytest.raises(DateError):
            parse_date(bad)


@pytest.mark.parametrize("text, comparison, value, measure", [
    ("tối thiểu 80%", ">=", 80, "percent"),
    ("Tối thiểu 80 %", ">=", 80, "percent"),
    ("trên 90%", ">", 90, "percent"),
    ("100%", "=", 100, "percent"),
    ("đạt 90%", ">=", 90, "percent"),
    ("ít nhất 30%", ">=", 30, "percent"),
    ("≥ 80%", ">=", 80, "percent"),
    ("> 90,5%", ">", 90.5, "percent"),
    ("25 dịch vụ công trực tuyến toàn trình", "=", 25, "count"),
    ("dưới 5%", "<", 5, "percent"),
])
def test_goals(text, comparison, value, measure):
    goal = parse_goal(text)
    assert (goal.comparison, goal.value, goal.measure) == (comparison, value, measure)


@pytest.mark.parametrize("text", ["nhiều", "tối thiểu", "120%", ""])
def test_bad_goals(text):
    with pytest.raises(GoalError):
        parse_goal(text)


def test_goal_judgement():
    assert parse_goal("trên 90%").is_met_by(90.5) and not parse_goal("trên 90%").is_met_by(90)
    assert parse_goal("100%").is_met_by(100) and not parse_goal("100%").is_met_by(99.9)
    assert parse_goal("25 dịch vụ").is_met_by(27)
    assert parse_goal("dưới 5%").is_met_by(4) and not parse_goal("dưới 5%").is_met_by(5)


def test_fold_and_field_keys():
    assert fold("Chuyển đổi SỐ!") == "chuyen doi so"
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("Đ\u0300") == "d"
    assert field_key("Chủ trì") == field_key("chu_tri") == "chu_tri"
    assert field_key("Ngày ban hành") == "ngay_ban_hanh"


@pytest.mark.parametrize("text, due", [
    ("trong kỳ kế hoạch (6 tháng cuối năm 2025)", date(2025, 12, 31)),
    ("6 tháng đầu năm 2026", date(2026, 6, 30)),
])
def test_half_year_deadlines(text, due):
    deadline = parse_deadline(text)
    assert (deadline.kind, deadline.due, deadline.precision) == ("date", due, "half")


def test_the_documents_misspelling_of_tro_len_reads_as_at_least():
    goal = parse_goal("đạt 90% trở nên")
    assert (goal.comparison, goal.value, goal.measure) == (">=", 90.0, "percent")
