"""The pipeline up to the pages: settings checked → content read → rules evaluated.

    settings.validate ─► content.load_portal ─► rules.evaluate ─► pages.prepare ─► writers

Used by the Pelican generator (pages/generator.py) and by `make check` (cli/check.py), so
both read and judge content the same way.
"""

import sys

from .content import load_portal
from .problems import ContentError
from .rules import evaluate
from .settings import SettingsError, judging_date, validate


def load_checked(settings):
    """Validate the settings, read content/ and evaluate it: returns the Portal.

    Prints each problem on its own line to stderr, then raises SettingsError (bad settings)
    or ContentError (bad content); nothing is written either way."""
    problems = validate(settings)
    if problems:
        for line in problems:
            print(f"pelicanconf.py: {line}", file=sys.stderr)
        raise SettingsError(problems)
    day = judging_date(settings)
    portal, problems = load_portal(settings["PATH"], settings["PORTAL_FOLDERS"], day,
                                   extra_paths=settings.get("PORTAL_EXTRA_PATHS") or ())
    if problems:
        for line in problems.report():
            print(line, file=sys.stderr)
        raise ContentError(problems.items)
    evaluate(portal, day)
    return portal
