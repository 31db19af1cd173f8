"""The pipeline up to the pages: settings checked → sources checked → content read → output
planned → rules evaluated.

    settings.validate ─► check_sources ─► content.load_portal ─► plan_outputs ─► rules.evaluate
                         (links, names)                          (one source per output path)

Used by the Pelican generator (pages/generator.py, before Pelican reads, copies or deletes
anything) and by `make check` (cli/check.py), so both read, plan and judge content the same way.
"""

import sys
from pathlib import Path

from .content import frontmatter, load_portal
from .content.files import check_links, check_names
from .pages.plan_urls import plan_outputs
from .pages.reader import METADATA_FIELDS
from .problems import ContentError, ProblemLog
from .rules import evaluate
from .settings import SettingsError, card_cache, form_cache, judging_date, validate


def load_checked(settings):
    """Validate the settings, check every source folder, read content/, plan every output
    path and evaluate: returns the Portal.

    Prints each problem on its own line to stderr, then raises SettingsError (bad settings)
    or ContentError (bad content); nothing is written either way. A symbolic link anywhere in
    content/ or the theme is reported and never followed: the content stage skips it, and the
    build stops before Pelican reads or copies anything."""
    problems = validate(settings)
    if problems:
        for line in problems:
            print(f"pelicanconf.py: {line}", file=sys.stderr)
        raise SettingsError(problems)
    day = judging_date(settings)
    problems = ProblemLog()
    check_sources(settings, problems)
    check_names(Path(settings["PATH"]), settings["PORTAL_FOLDERS"], problems)
    frontmatter.keep_headers(METADATA_FIELDS)
    portal, found = load_portal(settings["PATH"], settings["PORTAL_FOLDERS"], day,
                                extra_paths=settings.get("PORTAL_EXTRA_PATHS") or ())
    problems.items.extend(found.items)
    plan_outputs(portal, settings, problems)
    if problems:
        _fail(problems)
    evaluate(portal, day)
    return portal


def check_sources(settings, problems) -> bool:
    """Every folder the build reads or copies from holds no link leading elsewhere: content/
    (and PORTAL_EXTRA_PATHS), the theme (templates and static files), the share-card and
    report-form caches (cached files are linked into the site). True when all are safe; else problems are logged."""
    safe = check_links(Path(settings["PATH"]), "content", problems)
    if settings.get("PORTAL_CARDS"):
        safe = check_links(Path(card_cache(settings)), "cache", problems) and safe
    safe = check_links(Path(form_cache(settings)), "cache", problems) and safe
    for extra in settings.get("PORTAL_EXTRA_PATHS") or ():
        safe = check_links(Path(extra), Path(extra).name, problems) and safe
    if settings.get("THEME"):
        safe = check_links(Path(settings["THEME"]), "theme", problems) and safe
    return safe


def _fail(problems):
    for line in problems.report():
        print(line, file=sys.stderr)
    raise ContentError(problems.items)
