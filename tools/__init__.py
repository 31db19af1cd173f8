"""Command-line tools the Makefile runs: atomic build, precompression, devserver, release upload."""
