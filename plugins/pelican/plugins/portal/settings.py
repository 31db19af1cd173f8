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
    # The "about the data" page and the late-work page.
    "PORTAL_ABOUT_URL": "ve-du-lieu/",
    "PORTAL_LATE_URL": "nhiem-vu/qua-han/",
    # Atom feeds, written only when SITEURL is an absolute http(s) URL (see feeds.py).
    "PORTAL_FEED_URLS": {
        "all": "atom.xml",
        "unit": "don-vi/{id}/atom.xml",
        "plan": "ke-hoach/{id}/atom.xml",
    },
    # Open data: whole-portal files in this folder, slices in don-vi/{id}/, ke-hoach/{id}/, chi-tieu/{id}/.
    "PORTAL_DATA_URL": "du-lieu/",
    # Share cards (og:image); None for the cache folder means CACHE_PATH/the-chia-se.
    "PORTAL_CARDS": True,
    "PORTAL_CARD_URL": "the-chia-se/{kind}/{id}-{key}.png",
    "PORTAL_CARD_CACHE": None,
    # Sample data (`make demo`): a banner on every page, "mẫu" on badges, cards, feeds and data.
    "PORTAL_SAMPLE_DATA": False,
    # More folders laid out like content/ (don-vi/, ke-hoach/, cap-nhat/), read after it.
    "PORTAL_EXTRA_PATHS": [],
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
