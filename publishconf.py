"""Settings for publishing (`make publish`): the public URL comes from the environment.

    SITEURL=https://example.gov.vn/chuyen-doi-so make publish
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL:
    sys.exit("publishconf.py: đặt biến môi trường SITEURL, ví dụ SITEURL=https://example.gov.vn/chuyen-doi-so")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
