"""Target goals as editors write them ("tối thiểu 80%", "> 90%", "25 dịch vụ"): pure functions."""

import re
from dataclasses import dataclass

from ..text import fold
from ..vocabulary import QUALITATIVE_GOAL_TEXT
from .values import format_number, parse_quantity, unit_suffix

# Longest phrases first; each maps to a comparison.
_WORDS = [
    ("toi thieu", ">="), ("it nhat", ">="), ("khong duoi", ">="), ("tu", ">="),
    ("dat tren", ">"), ("tren", ">"), ("hon", ">"), ("vuot", ">"),
    ("toi da", "<="), ("khong qua", "<="), ("khong vuot qua", "<="),
    ("duoi", "<"), ("it hon", "<"),
    ("dat", ">="), ("bang", "="),
]
# Phrases written after the number. «trở nên» is how Sở Ngoại vụ's plan (seed 004, line 47)
# misspells «trở lên»; the page quotes the document and shows the portal's reading apart.
_AFTER = [("tro len", ">="), ("tro nen", ">="), ("tro xuong", "<=")]
_SYMBOLS = {">=": ">=", "≥": ">=", "=>": ">=", ">": ">", "<=": "<=", "≤": "<=", "<": "<", "=": "="}
_NUMBER = re.compile(r"^[-+]?\d")

COMPARISON_SIGNS = {">=": "≥", ">": ">", "=": "=", "<=": "≤", "<": "<"}
COMPARISON_WORDS = {">=": "tối thiểu", ">": "trên", "=": "đạt", "<=": "tối đa", "<": "dưới"}


QUALITATIVE_MEASURE = "qualitative"


class GoalError(ValueError):
    """A goal that cannot be read; the message is Vietnamese."""


@dataclass(frozen=True)
class Goal:
    """A target's goal: comparison (>=, >, =, <=, <), value in its measure (percent 0–100,
    a count, or 1.0 for a qualitative target) and the counted thing's name."""
    comparison: str  # one of >=, >, =, <=, <
    value: float
    measure: str  # "percent" or "count"
    unit_label: str = ""  # "%" or the counted thing ("dịch vụ")

    @property
    def lower_is_better(self):
        """True for «tối đa», «dưới» goals."""
        return self.comparison in ("<=", "<")

    def is_met_by(self, value: float) -> bool:
        """"=" is read as "reach": 27 services meet a goal of 25."""
        if self.comparison in (">=", "="):
            return value >= self.value
        if self.comparison == ">":
            return value > self.value
        if self.comparison == "<=":
            return value <= self.value
        return value < self.value

    @property
    def is_qualitative(self):
        """A goal with no number (issue 12): met by a reported «đạt» (value 1.0)."""
        return self.measure == QUALITATIVE_MEASURE

    @property
    def text(self):
        """The goal as the portal shows it: "≥ 80%", "= 25 dịch vụ"."""
        if self.is_qualitative:
            return QUALITATIVE_GOAL_TEXT
        return f"{COMPARISON_SIGNS[self.comparison]} {format_number(self.value)}{unit_suffix(self)}"


def parse_goal(text: str) -> Goal:
    """"tối thiểu 80%" -> Goal(">=", 80.0, "percent", "%"); "1.500 hồ sơ" -> Goal("=", 1500.0,
    "count", "hồ sơ"). Numbers are read by values.parse_number (Vietnamese style). Raises
    GoalError, or values.NumberError for a number that is not one (range, sign, "1.5")."""
    raw = text.strip()
    comparison, rest = "=", raw
    for symbol in sorted(_SYMBOLS, key=len, reverse=True):
        if rest.startswith(symbol):
            comparison, rest = _SYMBOLS[symbol], rest[len(symbol):].strip()
            break
    else:
        words = rest.split()
        for phrase, sign in sorted(_WORDS, key=lambda w: -len(w[0])):
            size = len(phrase.split())
            if fold(" ".join(words[:size])) == phrase and len(words) > size:
                comparison, rest = sign, " ".join(words[size:])
                break
    for phrase, sign in _AFTER:  # "90% trở lên"
        words = rest.split()
        size = len(phrase.split())
        if len(words) > size and fold(" ".join(words[-size:])) == phrase:
            rest = " ".join(words[:-size])
            comparison = sign if comparison in ("=", sign) else comparison
            break
    if not _NUMBER.match(rest):
        raise GoalError(f"không đọc được mục tiêu «{text}»")
    value, unit = parse_quantity(rest)  # NumberError (a ValueError) for ranges, signs, "1.5"
    if unit == "%":
        if value > 100:
            raise GoalError(f"tỷ lệ «{text}» vượt quá 100%")
        return Goal(comparison, value, "percent", "%")
    if "%" in unit:
        raise GoalError(f"không đọc được mục tiêu «{text}»")
    return Goal(comparison, value, "count", unit)


def qualitative_goal() -> Goal:
    """The goal of a qualitative target («loai: định tính»): reached when an update reports
    «đạt» (stored as 1.0; «chưa đạt» as 0.0)."""
    return Goal("=", 1.0, QUALITATIVE_MEASURE, "")
