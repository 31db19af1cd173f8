"""Outputs: the guarded file writer, feeds, open data and share cards."""
