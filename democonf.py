"""Settings for the labelled sample site (`make demo`): the real content of content/ with
sample progress updates from sample/ layered over it, built into output-demo/.

Every page carries a "số liệu mẫu" banner; `make html` and `make publish` never read sample/.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

_HERE = os.path.dirname(os.path.abspath(__file__))
_SAMPLE = os.path.join(_HERE, "sample")

SITENAME = SITENAME + " (bản mẫu)"  # noqa: F405
PORTAL_SAMPLE_DATA = True
PORTAL_EXTRA_PATHS = [_SAMPLE]
ARTICLE_PATHS = ARTICLE_PATHS + [os.path.relpath(os.path.join(_SAMPLE, "cap-nhat"), os.path.join(_HERE, "content"))]  # noqa: F405
# The judging date the sample generator chose (see `make demo`), unless pinned in the environment.
_DATE_FILE = os.path.join(_SAMPLE, "ngay-danh-gia.txt")
if not os.environ.get("PORTAL_JUDGING_DATE") and os.path.exists(_DATE_FILE):
    with open(_DATE_FILE, encoding="utf-8") as _handle:
        PORTAL_JUDGING_DATE = _handle.read().strip()
CACHE_PATH = os.path.join(_HERE, "cache", "demo", os.path.basename(CACHE_PATH))  # per plugin version
