"""Pelican settings for building the portal locally (`make html`)."""

import glob
import hashlib
import os

from jinja2 import FileSystemBytecodeCache

_HERE = os.path.dirname(os.path.abspath(__file__))

# No AUTHOR: nothing shows it (feeds name each update's unit, author pages are off), and with
# one, Pelican matches every article against every other to list an author page's dates.
SITENAME = "Kế hoạch chuyển đổi số Hải Phòng"
SITE_DESCRIPTION = ("Theo dõi công khai các kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số "
                    "của các sở, phường và cơ quan Đảng thành phố Hải Phòng.")
SITEURL = ""
PATH = "content"
THEME = "theme"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"

PLUGINS = ["portal"]  # plugins/pelican/plugins/portal, installed by `make` as a namespace plugin

# The progress judging date: the build date unless pinned (PORTAL_JUDGING_DATE=2025-12-31 make html).
PORTAL_JUDGING_DATE = os.environ.get("PORTAL_JUDGING_DATE") or None

# Only these folders hold Pelican articles and pages; plans and units are read by the plugin.
ARTICLE_PATHS = ["cap-nhat", "tin-tuc"]
PAGE_PATHS = ["trang"]
STATIC_PATHS = ["hinh-anh"]
READERS = {"rst": None, "html": None}  # Markdown only (and no docutils warning for "vi")
USE_FOLDER_AS_CATEGORY = True
SLUGIFY_SOURCE = "basename"

ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
DRAFT_URL = DRAFT_SAVE_AS = ""
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ARCHIVES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index"]  # 404.html is written by the portal (PORTAL_NOT_FOUND_SAVE_AS)

DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"category": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/trang-{number}/", "{base_name}/trang-{number}/index.html"),
)

# Feeds are written by publishconf.py, where the public URL is known.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Compiled templates are kept in cache/jinja (Jinja's own bytecode cache, keyed by each
# template's source checksum): a warm build does not compile the theme again.
_JINJA_CACHE = os.path.join(_HERE, "cache", "jinja")
os.makedirs(_JINJA_CACHE, exist_ok=True)
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True,
                     "bytecode_cache": FileSystemBytecodeCache(_JINJA_CACHE)}
RELATIVE_URLS = True
DELETE_OUTPUT_DIRECTORY = True


def _plugin_version():
    """A hash of the plugin's source and the pinned requirements: a changed plugin (or
    Markdown, nh3…) never reuses what an older one cached."""
    digest = hashlib.sha1()
    for path in sorted(glob.glob(os.path.join(_HERE, "plugins", "**", "*.py"), recursive=True)):
        with open(path, "rb") as handle:
            digest.update(os.path.relpath(path, _HERE).encode() + b"\0" + handle.read())
    with open(os.path.join(_HERE, "requirements.txt"), "rb") as handle:
        digest.update(handle.read())
    return digest.hexdigest()[:12]


# Pelican's content cache: update, news and page bodies are read and rendered once, then
# reused while the file's content (sha1) is unchanged; kept per plugin version under cache/
# (safe to delete), as are the share cards (CACHE_PATH/the-chia-se, keyed by what each shows).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "sha1"
GZIP_CACHE = False
CACHE_PATH = os.path.join(_HERE, "cache", f"pelican-{_plugin_version()}")
