"""Helpers for the publishing tests: run tools/build.py as `make html` does, hash a built tree."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from site_support import JUDGING_DATE, REPO, copy_site


def build_command(content, output, *extra, settings="pelicanconf.py"):
    """The command `make html` runs, for `content` into `output`."""
    return [sys.executable, "-m", "tools.build", str(content), "-o", str(output),
            "-s", str(REPO / settings), *extra]


def build_env(**extra):
    return {**os.environ, "PORTAL_JUDGING_DATE": JUDGING_DATE, **extra}


def run_build(content, output, *extra, settings="pelicanconf.py", env=None, **options):
    """Run tools/build.py to the end; returns the CompletedProcess (text output captured)."""
    return subprocess.run(build_command(content, output, *extra, settings=settings), cwd=REPO,
                          env=build_env(**(env or {})), capture_output=True, text=True, timeout=300, **options)


def tree(folder):
    """{relative path: sha256} of every file under `folder` (a symlink to a folder is followed)."""
    folder = Path(folder)
    out = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def snapshot(output):
    """Where `output` points and the hash of every file it holds: equal snapshots = byte-identical."""
    output = Path(output)
    return (os.readlink(output) if output.is_symlink() else None), tree(output)


def basic_content(tmp_path):
    """A copy of tests/sites/basic at tmp_path/content."""
    return copy_site("basic", tmp_path)


def edit_news(content, text):
    """Change the news article's body, so the next build differs from the last."""
    news = Path(content) / "tin-tuc" / "a-ban-hanh.md"
    news.write_text(news.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
