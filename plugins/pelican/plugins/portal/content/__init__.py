"""Content: the content folder → the model. Never imports Pelican."""

from .loader import DEFAULT_FOLDERS, load_portal  # noqa: F401
