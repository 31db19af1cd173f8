"""How figures are read and shown: one parser for every number an editor writes (goals,
reported values, spreadsheet cells) and one rule for every page, badge, card, feed and chart."""

import re

from ..vocabulary import ACHIEVED, NOT_ACHIEVED, QUALITATIVE_RESULTS


def format_number(value: float) -> str:
    """Vietnamese style: "." groups thousands, "," is the decimal mark, at most 2 decimals.

    1500 -> "1.500"; 85.5 -> "85,5"; 85.0 -> "85"; 1234567.25 -> "1.234.567,25".
    """
    rounded = round(value, 2)
    if rounded == int(rounded):
        return f"{int(rounded):,}".replace(",", ".")
    return f"{rounded:,.2f}".rstrip("0").translate(str.maketrans(",.", ".,"))


def unit_suffix(goal) -> str:
    """What follows a number measured against `goal`: "%" for percent, " dịch vụ" for a count
    of services, "" for a bare count."""
    if goal.measure == "percent":
        return "%"
    return f" {goal.unit_label}" if goal.unit_label else ""


def format_value(value: float, goal) -> str:
    """A reported or expected value with its unit, as the goal measures it: "80%", "27 dịch vụ".

    Used everywhere a target's figure is shown (pages, badges, cards, feeds, charts).
    A qualitative goal's value is 1.0 («đạt») or 0.0 («chưa đạt»)."""
    if getattr(goal, "measure", "") == "qualitative":
        return QUALITATIVE_RESULTS[ACHIEVED if value >= 1 else NOT_ACHIEVED].label.lower()
    return f"{format_number(value)}{unit_suffix(goal)}"


MAX_DIGITS = 15  # what a float holds exactly; longer is a typo, never a figure of a plan

# Vietnamese: "." groups thousands (1.500, 1.234.567), "," is the decimal mark (85,5).
_VIETNAMESE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_AMBIGUOUS = re.compile(r"\d+\.\d+")  # "1.5", "85.25": an English decimal point, or a typo?
_QUANTITY = re.compile(r"^([+-]?[\d.,]+)\s*(.*)$", re.S)
_RANGE = re.compile(r"^[\d.,]+\s*%?\s*(?:-|–|—|đến)\s*[\d.,]+")


class NumberError(ValueError):
    """A text that is not a number as Vietnamese write it; `found` and `expected` are
    Vietnamese, for FieldError."""

    def __init__(self, found, expected):
        super().__init__(found)
        self.found, self.expected = found, expected


def parse_number(text: str) -> float:
    """A number as Vietnamese write it to a float: "1.500" -> 1500.0, "1.234.567,5" ->
    1234567.5, "85,5" -> 85.5, "80" -> 80.0.

    Raises NumberError for anything else: a sign ("-5": counts and shares are never negative),
    the ambiguous "1.5" or "85.25" (a dot that cannot group thousands: the editor is asked
    which was meant), more than MAX_DIGITS digits, letters. The same parser reads goals,
    reported values and spreadsheet cells."""
    raw = str(text).strip()
    digits = sum(ch.isdigit() for ch in raw)
    if digits > MAX_DIGITS:
        raise NumberError(f"số «{raw[:20]}…» dài {digits} chữ số",
                          f"một số có tối đa {MAX_DIGITS} chữ số")
    if raw.startswith("-") and _VIETNAMESE.fullmatch(raw[1:].strip()):
        raise NumberError(f"số âm «{raw}»", "một số không âm, ví dụ 0 hoặc 85")
    if _VIETNAMESE.fullmatch(raw):
        return float(raw.replace(".", "").replace(",", "."))
    if _AMBIGUOUS.fullmatch(raw):
        raise NumberError(f"số «{raw}» không rõ: dấu chấm chỉ dùng để ngăn hàng nghìn",
                          f"nếu là số thập phân, viết «{raw.replace('.', ',')}»; nếu là hàng nghìn, viết đủ ba "
                          "chữ số sau dấu chấm (ví dụ «1.500»)")
    raise NumberError(f"«{raw}» không phải là số",
                      "một số viết theo kiểu Việt Nam: 85, 85,5 hoặc 1.500 (dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân)")


def parse_quantity(text: str) -> tuple[float, str]:
    """A number with what it counts: "80%" -> (80.0, "%"), "1.500 hồ sơ" -> (1500.0, "hồ sơ"),
    "27" -> (27.0, ""). Ranges ("80-90%") and negative numbers raise NumberError, as does any
    number parse_number refuses."""
    raw = str(text).strip()
    if _RANGE.match(raw):
        raise NumberError(f"«{raw}» là một khoảng giá trị",
                          "một con số duy nhất, ví dụ «tối thiểu 80%» (cổng chưa theo dõi khoảng giá trị)")
    match = _QUANTITY.match(raw)
    if not match:
        return parse_number(raw), ""  # not a number: parse_number raises with the right message
    return parse_number(match.group(1)), match.group(2).strip()
