"""Hải Phòng digital transformation portal: plans, units, targets, tasks and progress.

A Pelican namespace plugin. `register()` connects the signals. The pipeline, stage by
stage (see README, "Architecture"):

    settings.py ─► content/ ─► model/ ─► rules/ ─► pages/ ─► outputs/, search/
"""

import logging

from pelican import signals

from .outputs import page_cache
from .pages.filters import FILTERS
from .pages.generator import PortalGenerator
from .pages.reader import PortalReader
from .problems import ContentError
from .search.generator import SearchGenerator
from .settings import SettingsError, apply_defaults


def add_defaults(pelican):
    """initialized: fill PORTAL_* defaults, add the Jinja filters."""
    apply_defaults(pelican.settings)
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)


def add_reader(readers):
    """readers_init: Markdown files go through PortalReader."""
    readers.reader_classes["md"] = PortalReader


def get_generators(pelican):
    """get_generators: the portal's pages, then search (which needs their URLs)."""
    return [PortalGenerator, SearchGenerator]


def hide_content_error_traceback(record):
    """Problems were already listed one per line; Pelican need not add a traceback."""
    if record.exc_info and isinstance(record.exc_info[1], (ContentError, SettingsError)):
        record.exc_info = None
    return True


def register():
    """Connect the plugin to Pelican's signals."""
    pelican_logger = logging.getLogger("pelican")
    if hide_content_error_traceback not in pelican_logger.filters:
        pelican_logger.addFilter(hide_content_error_traceback)
    signals.initialized.connect(add_defaults)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(page_cache.get_writer)
    signals.finalized.connect(page_cache.finish)
