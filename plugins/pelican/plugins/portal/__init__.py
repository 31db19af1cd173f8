"""Hải Phòng digital transformation portal: plans, units, targets, tasks and progress.

A Pelican namespace plugin. `register()` connects the signals; see settings.py for
the settings and their defaults, and docs/ for the content format.
"""

import logging

from pelican import signals

from .filters import FILTERS
from .generator import PortalGenerator
from .problems import ContentError
from .reader import PortalReader
from .search_generator import SearchGenerator
from .settings import apply_defaults


def add_defaults(pelican):
    apply_defaults(pelican.settings)
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)


def add_reader(readers):
    readers.reader_classes["md"] = PortalReader


def get_generators(pelican):
    return [PortalGenerator, SearchGenerator]


def hide_content_error_traceback(record):
    """Content problems were already listed one per line; Pelican need not add a traceback."""
    if record.exc_info and isinstance(record.exc_info[1], ContentError):
        record.exc_info = None
    return True


def register():
    pelican_logger = logging.getLogger("pelican")
    if hide_content_error_traceback not in pelican_logger.filters:
        pelican_logger.addFilter(hide_content_error_traceback)
    signals.initialized.connect(add_defaults)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
