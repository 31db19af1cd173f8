"""Jinja filters for the theme: Vietnamese dates, numbers and figures, Markdown fields."""

from markupsafe import Markup

from ..model.deadlines import format_date
from ..model.values import format_number, format_value
from .render import render_markdown


def vn_date(value):
    """31/12/2025 from a date or datetime; "" for None."""
    return format_date(value) if value else ""


def vn_number(value):
    """1.500 / 85,5 from a number; "" for None."""
    return format_number(float(value)) if value is not None else ""


def figure(value, goal):
    """A value with its unit as `goal` measures it: "80%", "27 dịch vụ"; "" for None."""
    return format_value(float(value), goal) if value is not None else ""


def markdown_filter(text):
    """Markdown in a field (a task's text) to safe HTML."""
    return Markup(render_markdown(text or "")[0])


FILTERS = {"ngay": vn_date, "so": vn_number, "gia_tri": figure, "markdown": markdown_filter}
