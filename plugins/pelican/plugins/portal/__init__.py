"""Hải Phòng digital transformation portal: plans, units, targets, tasks and progress.

A Pelican namespace plugin. `register()` connects the signals; see settings.py for
the settings and their defaults, and docs/ for the content format.
"""

from pelican import signals

from .filters import FILTERS
from .generator import PortalGenerator
from .reader import PortalReader
from .settings import apply_defaults


def add_defaults(pelican):
    apply_defaults(pelican.settings)
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)


def add_reader(readers):
    readers.reader_classes["md"] = PortalReader


def get_generators(pelican):
    return PortalGenerator


def register():
    signals.initialized.connect(add_defaults)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
