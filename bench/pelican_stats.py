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

LOGGERS = {"search": "pelican.plugins.portal.search.generator",
           "pages": "pelican.plugins.portal.outputs.page_cache",
           "files": "pelican.plugins.portal.outputs.page_cache"}
FIELDS = {"search": "portal_search_stats", "pages": "portal_page_stats", "files": "portal_file_stats"}


class _Keep(logging.Handler):
    def __init__(self, name):
        super().__init__(logging.INFO)
        self.name_, self.value = name, None

    def emit(self, record):
        self.value = getattr(record, FIELDS[self.name_], self.value)


def main():
    from pelican import main as pelican_main

    handlers = {}
    for name, logger_name in LOGGERS.items():
        handlers[name] = _Keep(name)
        logger = logging.getLogger(logger_name)
        logger.addHandler(handlers[name])
        logger.setLevel(logging.INFO)
        logger.propagate = False  # -q stays quiet

    def write():
        path = os.environ.get("PORTAL_BENCH_STATS")
        if path:
            with open(path, "w", encoding="utf-8") as out:
                json.dump({name: h.value for name, h in handlers.items()}, out, default=str)

    atexit.register(write)
    sys.argv = ["pelican", *sys.argv[1:]]
    pelican_main()


if __name__ == "__main__":
    main()
