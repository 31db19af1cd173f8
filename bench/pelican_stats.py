"""`pelican` as the bench runs it, plus the numbers the portal logs: writes the search
generator's `portal_search_stats` and the page cache's `portal_page_stats` and
`portal_file_stats` as JSON to the file named by $PORTAL_BENCH_STATS when the build ends.

    PORTAL_BENCH_STATS=stats.json python -m bench.pelican_stats <pelican arguments>
"""

import atexit
import json
import logging
import os
import sys

LOGGERS = ("pelican.plugins.portal.search.generator", "pelican.plugins.portal.outputs.page_cache")
FIELDS = {"search": "portal_search_stats", "pages": "portal_page_stats", "files": "portal_file_stats"}


class _Keep(logging.Handler):
    """Keeps the last value of each of FIELDS a record carries: {name: value or None}."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.values = dict.fromkeys(FIELDS)

    def emit(self, record):
        for name, field in FIELDS.items():
            self.values[name] = getattr(record, field, self.values[name])


def main():
    from pelican import main as pelican_main

    keep = _Keep()
    for logger_name in LOGGERS:
        logger = logging.getLogger(logger_name)
        logger.addHandler(keep)
        logger.setLevel(logging.INFO)
        logger.propagate = False  # -q stays quiet

    def write():
        path = os.environ.get("PORTAL_BENCH_STATS")
        if path:
            with open(path, "w", encoding="utf-8") as out:
                json.dump(keep.values, out, default=str)

    atexit.register(write)
    sys.argv = ["pelican", *sys.argv[1:]]
    pelican_main()


if __name__ == "__main__":
    main()
