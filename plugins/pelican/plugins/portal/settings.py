"""Settings the plugin reads, with their defaults. Override any of them in pelicanconf.py."""

from datetime import date, datetime

from .loader import DEFAULT_FOLDERS

DEFAULTS = {
    # Folders of content/, by kind.
    "PORTAL_FOLDERS": DEFAULT_FOLDERS,
    # The date progress is judged against: None = the day of the build; or "2025-12-31".
    "PORTAL_JUDGING_DATE": None,
    # Output URLs (relative to SITEURL); each "save_as" is the URL plus index.html.
    "PORTAL_PLAN_URL": "ke-hoach/{id}/",
    "PORTAL_UNIT_URL": "don-vi/{id}/",
    "PORTAL_TARGET_URL": "chi-tieu/{id}/",
    "PORTAL_BADGE_URL": "huy-hieu/{id}.svg",
    "PORTAL_INDEX_URLS": {
        "plans": "ke-hoach/",
        "units": "don-vi/",
        "targets": "chi-tieu/",
        "tasks": "nhiem-vu/",
    },
}


def apply_defaults(settings):
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    folders = {**DEFAULT_FOLDERS, **settings["PORTAL_FOLDERS"]}
    settings["PORTAL_FOLDERS"] = folders


def judging_date(settings) -> date:
    value = settings.get("PORTAL_JUDGING_DATE")
    if not value:
        return date.today()
    if isinstance(value, date):
        return value
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(str(value), pattern).date()
        except ValueError:
            continue
    raise ValueError(f"PORTAL_JUDGING_DATE «{value}»: cần dạng 2025-12-31 hoặc 31/12/2025")


def save_as(url):
    return url + "index.html" if url.endswith("/") else url
