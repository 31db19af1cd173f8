"""Jinja filters for the theme: Vietnamese dates and numbers."""

from .deadlines import format_date
from .goals import format_number


def vn_date(value):
    """31/12/2025 from a date or datetime."""
    return format_date(value) if value else ""


def vn_number(value):
    return format_number(float(value)) if value is not None else ""


FILTERS = {"ngay": vn_date, "so": vn_number}
