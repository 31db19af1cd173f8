"""Rules: pure functions, model in, judgements out (progress, roll-ups, lateness)."""

from .evaluate import evaluate  # noqa: F401
