"""Numbers as Vietnamese write them: one parser (model/values.py) for goals, values, cells."""

import pytest

from pelican.plugins.portal.model.deadlines import DateError, parse_deadline
from pelican.plugins.portal.model.goals import parse_goal
from pelican.plugins.portal.model.values import NumberError, format_number, parse_number, parse_quantity


@pytest.mark.parametrize("text, value", [
    ("80", 80.0), ("1.500", 1500.0), ("1.234.567", 1234567.0), ("1.234.567,5", 1234567.5), ("85,5", 85.5),
    ("0", 0.0), ("12,25", 12.25), (" 1.000 ", 1000.0),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, found", [
    ("1.5", "số «1.5» không rõ: dấu chấm chỉ dùng để ngăn hàng nghìn"),
    ("85.25", "số «85.25» không rõ: dấu chấm chỉ dùng để ngăn hàng nghìn"),
    ("-3", "số âm «-3»"),
    ("1.50.000", "«1.50.000» không phải là số"),
    ("chín", "«chín» không phải là số"),
    ("9" * 400, "số «99999999999999999999…» dài 400 chữ số"),
])
def test_parse_number_refuses(text, found):
    with pytest.raises(NumberError) as error:
        parse_number(text)
    assert error.value.found == found


def test_the_ambiguous_dot_gets_a_question_not_a_guess():
    with pytest.raises(NumberError) as error:
        parse_number("1.5")
    assert error.value.expected == ("nếu là số thập phân, viết «1,5»; nếu là hàng nghìn, viết đủ ba chữ số "
                                    "sau dấu chấm (ví dụ «1.500»)")


@pytest.mark.parametrize("value", [0, 1, 85.5, 1500, 1234567.5, 12.25])
def test_what_the_portal_prints_it_reads_back(value):
    """Round trip: the portal prints 1500 as «1.500»; the same text must read as 1500."""
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize("text, quantity", [
    ("80%", (80.0, "%")), ("80 %", (80.0, "%")), ("1.500 hồ sơ", (1500.0, "hồ sơ")), ("27", (27.0, "")),
])
def test_parse_quantity(text, quantity):
    assert parse_quantity(text) == quantity


@pytest.mark.parametrize("text", ["80-90%", "80 - 90%", "80–90 dịch vụ", "10 đến 20 hồ sơ"])
def test_ranges_are_refused(text):
    with pytest.raises(NumberError) as error:
        parse_quantity(text)
    assert error.value.found == f"«{text}» là một khoảng giá trị"


@pytest.mark.parametrize("text, goal", [
    ("1.500 hồ sơ", ("=", 1500.0, "count", "hồ sơ")), ("đạt 90% trở lên", (">=", 90.0, "percent", "%")),
    ("tối thiểu 80%", (">=", 80.0, "percent", "%")), ("25 dịch vụ", ("=", 25.0, "count", "dịch vụ")),
])
def test_goals_use_the_same_parser(text, goal):
    parsed = parse_goal(text)
    assert (parsed.comparison, parsed.value, parsed.measure, parsed.unit_label) == goal


@pytest.mark.parametrize("text", ["30-06-2025", "2025-06-30", "30.06.2025", "quý 5/2025", "tháng 6 năm 2025 ngày 30"])
def test_a_date_not_written_dd_mm_yyyy_is_never_a_bare_year(text):
    with pytest.raises(DateError):
        parse_deadline(text)


@pytest.mark.parametrize("text, due", [("năm 2026", "2026-12-31"), ("2025-2026", "2026-12-31"),
                                       ("giai đoạn 2025 - 2030", "2030-12-31"), ("30/06/2025", "2025-06-30")])
def test_years_and_dates_still_read(text, due):
    assert parse_deadline(text).due.isoformat() == due
