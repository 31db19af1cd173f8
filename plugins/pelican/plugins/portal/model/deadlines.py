"""Dates and deadlines as editors write them: pure functions."""

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

from ..text import fold

_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_MONTH = re.compile(r"thang\s+(\d{1,2})\s*/\s*(\d{4})")
_QUARTER = re.compile(r"quy\s+(i{1,3}|iv|[1-4])\s*/\s*(?:nam\s+)?(\d{4})")
_YEAR = re.compile(r"(?<![\d/])(20\d{2})(?![\d/])")
_HALF = re.compile(r"6 thang (dau|cuoi) (?:nam )?(\d{4})")  # "6 tháng cuối năm 2025": a half-year
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

ONGOING, DATE, CONDITION = "ongoing", "date", "condition"


class DateError(ValueError):
    """A value that should be a date but is not; the message is Vietnamese."""


def parse_date(text: str) -> date:
    """"dd/mm/yyyy" (also d/m/yyyy) to a date; anything else raises DateError."""
    match = _DATE.fullmatch(text.strip())
    if not match:
        raise DateError(f"«{text}» không phải ngày dạng ngày/tháng/năm")
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"ngày «{text}» không có trên lịch") from None


@dataclass(frozen=True)
class Deadline:
    """kind: ongoing | date | condition. `due` is the last day (None unless kind is date)."""

    text: str
    kind: str
    due: date | None = None
    precision: str = "day"  # day | month | quarter | half | year

    @property
    def is_ongoing(self):
        """True for «thường xuyên» (never late)."""
        return self.kind == ONGOING


def parse_deadline(text: str) -> Deadline:
    """Read "thường xuyên", "trước ngày 20/12/2025", "tháng 10/2025", "quý IV/2025",
    "6 tháng cuối năm 2025", "năm 2026" or a condition in words ("sau khi hoàn thành …").

    Raises DateError for anything else with a number in it: "30-06-2025" or "2025-06-30" is
    never read as the bare year 2025 (a year counts only when no other number is written)."""
    text = text.strip()
    folded = fold(text)
    if folded.startswith("thuong xuyen") or folded in ("hang nam", "lien tuc"):
        return Deadline(text, ONGOING)
    dates = _DATE.findall(text)
    if dates:
        day, month, year = dates[-1]
        due = parse_date(f"{day}/{month}/{year}")
        return Deadline(text, DATE, due, "day")
    spaced = re.sub(r"\s*/\s*", "/", text.lower())
    folded_slash = fold(spaced.replace("/", " slash ")).replace(" slash ", "/")
    if match := _MONTH.search(folded_slash):
        month, year = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise DateError(f"tháng {month} không có trên lịch")
        return Deadline(text, DATE, date(year, month, calendar.monthrange(year, month)[1]), "month")
    if match := _QUARTER.search(folded_slash):
        quarter, year = _QUARTERS[match.group(1)], int(match.group(2))
        month = quarter * 3
        return Deadline(text, DATE, date(year, month, calendar.monthrange(year, month)[1]), "quarter")
    if match := _HALF.search(folded_slash):
        year = int(match.group(2))
        due = date(year, 6, 30) if match.group(1) == "dau" else date(year, 12, 31)
        return Deadline(text, DATE, due, "half")
    if _starts_with_condition(folded):
        return Deadline(text, CONDITION)
    years = _YEAR.findall(folded_slash)
    others = re.findall(r"\d+", _YEAR.sub(" ", folded_slash))
    if years and not others:  # "năm 2026", "2025-2026": the last year counts
        return Deadline(text, DATE, date(int(years[-1]), 12, 31), "year")
    if re.search(r"\d{1,4}\s*[-.]\s*\d{1,2}\s*[-.]\s*\d{1,4}", text):
        raise DateError(f"ngày «{text}» không viết dạng ngày/tháng/năm")
    if not re.search(r"\d", text):
        return Deadline(text, CONDITION)
    raise DateError(f"không hiểu thời hạn «{text}»")


def _starts_with_condition(folded):
    return folded.startswith(("sau khi", "khi ", "ngay sau", "theo ", "dong thoi", "tuy "))


@functools.lru_cache(maxsize=4096)
def format_date(value: date | None) -> str:
    """31/12/2025 from a date; "" for None. Memoised: pages show the same dates again and
    again (`|ngay` in templates: ~138,000 times in a full city build), each is formatted once."""
    return value.strftime("%d/%m/%Y") if value else ""
