"""Command-line tools: `make check`."""
