"""Every setting the plugin reads, with its default, and `validate()`, which checks them all
before anything is read or written. Override any of them in pelicanconf.py."""

import os
from datetime import date, datetime

DEFAULT_FOLDERS = {
    "units": "don-vi",
    "plans": "ke-hoach",
    "updates": "cap-nhat",
    "news": "tin-tuc",
    "pages": "trang",
    "static": "hinh-anh",
}

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
    # Pre-built filtered lists, so that every filter option is reachable with JavaScript off:
    # tasks of a unit (its divisions included), of a plan, in a status bucket; targets in a state.
    "PORTAL_FILTER_URLS": {
        "unit": "nhiem-vu/don-vi/{id}/",
        "plan": "nhiem-vu/ke-hoach/{id}/",
        "status": "nhiem-vu/trang-thai/{id}/",
        "target_status": "chi-tieu/danh-gia/{id}/",
    },
    # The "page not found" page (nginx: error_page 404 /404.html) and the site icon.
    "PORTAL_NOT_FOUND_SAVE_AS": "404.html",
    # Atom feeds, written only when SITEURL is an absolute http(s) URL (see outputs/feeds.py).
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
    # Search: the page, the index folder, results shown at once, target raw size of a term shard.
    "PORTAL_SEARCH_URL": "tim-kiem/",
    "PORTAL_SEARCH_INDEX_DIR": "tim-kiem/chi-muc/",
    "PORTAL_SEARCH_PAGE_SIZE": 20,
    "PORTAL_SEARCH_SHARD_BYTES": 120_000,
    # Incremental builds: reuse a page rendered, or an open-data file or feed made, before when
    # what it shows is unchanged (outputs/page_cache.py, CACHE_PATH/trang), and search
    # documents' term counts (search/term_counts.py, CACHE_PATH/tim-kiem.pickle); all safe to
    # delete.
    "PORTAL_INCREMENTAL": True,
}

# What each setting must be: (type or types, Vietnamese description of what is expected).
_EXPECTED = {
    "PORTAL_FOLDERS": (dict, "một dict {loại: tên thư mục}"),
    "PORTAL_JUDGING_DATE": ((str, date, type(None)), "None hoặc một ngày dạng 2025-12-31 hoặc 31/12/2025"),
    "PORTAL_PLAN_URL": (str, "một đường dẫn có «{id}», ví dụ «ke-hoach/{id}/»"),
    "PORTAL_UNIT_URL": (str, "một đường dẫn có «{id}», ví dụ «don-vi/{id}/»"),
    "PORTAL_TARGET_URL": (str, "một đường dẫn có «{id}», ví dụ «chi-tieu/{id}/»"),
    "PORTAL_BADGE_URL": (str, "một đường dẫn có «{id}», ví dụ «huy-hieu/{id}.svg»"),
    "PORTAL_INDEX_URLS": (dict, "một dict có các khóa plans, units, targets, tasks"),
    "PORTAL_ABOUT_URL": (str, "một đường dẫn kết thúc bằng «/»"),
    "PORTAL_LATE_URL": (str, "một đường dẫn kết thúc bằng «/»"),
    "PORTAL_FILTER_URLS": (dict, "một dict có các khóa unit, plan, status, target_status, mỗi đường dẫn có «{id}» và kết thúc bằng «/»"),
    "PORTAL_NOT_FOUND_SAVE_AS": (str, "tên một tệp .html, ví dụ «404.html»"),
    "PORTAL_FEED_URLS": ((dict, type(None)), "None hoặc một dict có các khóa all, unit, plan"),
    "PORTAL_DATA_URL": (str, "một đường dẫn kết thúc bằng «/»"),
    "PORTAL_CARDS": (bool, "True hoặc False"),
    "PORTAL_CARD_URL": (str, "một đường dẫn có «{kind}», «{id}» và «{key}»"),
    "PORTAL_CARD_CACHE": ((str, type(None)), "None hoặc một thư mục"),
    "PORTAL_SAMPLE_DATA": (bool, "True hoặc False"),
    "PORTAL_EXTRA_PATHS": ((list, tuple), "một danh sách thư mục"),
    "PORTAL_SEARCH_URL": (str, "một đường dẫn kết thúc bằng «/»"),
    "PORTAL_SEARCH_INDEX_DIR": (str, "một đường dẫn kết thúc bằng «/»"),
    "PORTAL_SEARCH_PAGE_SIZE": (int, "một số nguyên dương"),
    "PORTAL_SEARCH_SHARD_BYTES": (int, "một số nguyên dương (byte)"),
    "PORTAL_INCREMENTAL": (bool, "True hoặc False"),
}
_REQUIRED_KEYS = {
    "PORTAL_INDEX_URLS": ("plans", "units", "targets", "tasks"),
    "PORTAL_FEED_URLS": ("all", "unit", "plan"),
    "PORTAL_FILTER_URLS": ("unit", "plan", "status", "target_status"),
    "PORTAL_FOLDERS": tuple(DEFAULT_FOLDERS),
}
_PLACEHOLDERS = {
    "PORTAL_PLAN_URL": ("{id}",), "PORTAL_UNIT_URL": ("{id}",), "PORTAL_TARGET_URL": ("{id}",),
    "PORTAL_BADGE_URL": ("{id}",), "PORTAL_CARD_URL": ("{kind}", "{id}", "{key}"),
}
_FOLDER_URLS = ("PORTAL_ABOUT_URL", "PORTAL_LATE_URL", "PORTAL_DATA_URL", "PORTAL_SEARCH_URL",
                "PORTAL_SEARCH_INDEX_DIR")


class SettingsError(ValueError):
    """Bad settings: `problems` is a list of Vietnamese lines, one per setting."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(f"Cấu hình có {len(self.problems)} lỗi; không dựng trang nào.")


def apply_defaults(settings) -> None:
    """Fill every missing PORTAL_* setting with its default (PORTAL_FOLDERS key by key)."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    if isinstance(settings["PORTAL_FOLDERS"], dict):
        settings["PORTAL_FOLDERS"] = {**DEFAULT_FOLDERS, **settings["PORTAL_FOLDERS"]}


def validate(settings) -> list:
    """Every problem with the PORTAL_* settings, one Vietnamese line each naming the setting,
    the value and what is expected; [] when all are good. Call after apply_defaults."""
    problems = []

    def bad(key, expected):
        problems.append(f"cấu hình {key} = {settings.get(key)!r}: cần {expected}")

    for key, (types, expected) in _EXPECTED.items():
        value = settings.get(key)
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
            bad(key, expected)
            continue
        if key in _REQUIRED_KEYS and isinstance(value, dict):
            missing = [k for k in _REQUIRED_KEYS[key] if k not in value]
            if missing:
                bad(key, f"{expected} (thiếu {', '.join(missing)})")
        if key in _PLACEHOLDERS and not all(p in value for p in _PLACEHOLDERS[key]):
            bad(key, expected)
        if key in _FOLDER_URLS and not value.endswith("/"):
            bad(key, expected)
        if isinstance(value, int) and not isinstance(value, bool) and value <= 0:
            bad(key, expected)
        if key == "PORTAL_FILTER_URLS" and not all(
                isinstance(v, str) and "{id}" in v and v.endswith("/") for v in value.values()):
            bad(key, expected)
        if key == "PORTAL_NOT_FOUND_SAVE_AS" and not value.endswith(".html"):
            bad(key, expected)
    if not problems:
        try:
            judging_date(settings)
        except ValueError:
            bad("PORTAL_JUDGING_DATE", _EXPECTED["PORTAL_JUDGING_DATE"][1])
    return problems


def _as_tuple(types):
    return types if isinstance(types, tuple) else (types,)


def judging_date(settings) -> date:
    """The date progress is judged against: PORTAL_JUDGING_DATE, else today.
    Raises ValueError (Vietnamese) when the setting does not parse."""
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


def save_as(url: str) -> str:
    """The file a URL is written to: "a/b/" -> "a/b/index.html", "" (home) -> "index.html";
    "a.svg" stays."""
    return url + "index.html" if url.endswith("/") or not url else url


def card_cache(settings) -> str:
    """The folder of cached share cards: PORTAL_CARD_CACHE, else CACHE_PATH/the-chia-se."""
    return settings.get("PORTAL_CARD_CACHE") or os.path.join(settings["CACHE_PATH"], "the-chia-se")


def page_cache(settings) -> str:
    """The folder of rendered pages kept for incremental builds: CACHE_PATH/trang."""
    return os.path.join(settings["CACHE_PATH"], "trang")


def search_cache(settings) -> str:
    """The file of search documents' term counts kept between builds: CACHE_PATH/tim-kiem.pickle."""
    return os.path.join(settings["CACHE_PATH"], "tim-kiem.pickle")


def form_cache(settings) -> str:
    """The folder of cached report forms: CACHE_PATH/bao-cao."""
    return os.path.join(settings["CACHE_PATH"], "bao-cao")
