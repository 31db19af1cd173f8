"""How figures are shown: one rule for every page, badge, card, feed and chart."""

from ..vocabulary import ACHIEVED, NOT_ACHIEVED, QUALITATIVE_RESULTS


def format_number(value: float) -> str:
    """Vietnamese style: "." groups thousands, "," is the decimal mark, at most 2 decimals.

    1500 -> "1.500"; 85.5 -> "85,5"; 85.0 -> "85".
    """
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.2f}".rstrip("0").replace(".", ",")


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
