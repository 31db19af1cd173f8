"""Jinja filters for the theme: Vietnamese dates and numbers."""

from markupsafe import Markup

from .deadlines import format_date
from .goals import format_number
from .render import render_markdown


def vn_date(value):
    """31/12/2025 from a date or datetime."""
    return format_date(value) if value else ""


def vn_number(value):
    return format_number(float(value)) if value is not None else ""


def markdown_filter(text):
    """Markdown in a field (a task's text) to safe HTML."""
    return Markup(render_markdown(text or "")[0])


FILTERS = {"ngay": vn_date, "so": vn_number, "markdown": markdown_filter}
