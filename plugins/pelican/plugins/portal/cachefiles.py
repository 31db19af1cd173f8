"""Files kept between builds under CACHE_PATH (pages, open-data files and feeds,
search term counts): written whole
then renamed, so a killed build never leaves half a file; stored with `plugin_digest()`, so
nothing outlives the code that made it; a missing, damaged or stale file reads as empty.
"""

import contextlib
import functools
import hashlib
import os
import pickle
import tempfile

PLUGIN_ROOT = os.path.dirname(os.path.abspath(__file__))


def files_digest(folders, suffixes=None):
    """SHA-1 hex of every file's relative path and bytes under `folders` (sorted walk,
    __pycache__ skipped); `suffixes` limits the files (e.g. (".py",))."""
    digest = hashlib.sha1()
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                if suffixes and not name.endswith(suffixes):
                    continue
                path = os.path.join(root, name)
                digest.update(os.path.relpath(path, folder).encode() + b"\0")
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()


@functools.cache
def plugin_digest():
    """SHA-1 hex of the plugin's Python source (read once per process)."""
    return files_digest([PLUGIN_ROOT], (".py",))


@contextlib.contextmanager
def whole_file(path):
    """A binary file to write `path` through: a temporary file in the same folder, renamed
    to `path` when the block ends without an error (removed when it raises)."""
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def write_whole(path, data):
    """Write bytes to `path` through whole_file()."""
    with whole_file(path) as out:
        out.write(data)


def load_kept(path, version):
    """The value save_kept() stored in `path` with this `version` (a string), else {}."""
    try:
        with open(path, "rb") as handle:
            stored_version, value = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return {}
    return value if stored_version == version else {}


def save_kept(path, version, value):
    """Store `value` (picklable) in `path` with `version` (pickled straight into the file,
    not held whole in memory first)."""
    with whole_file(path) as out:
        pickle.dump((version, value), out, protocol=pickle.HIGHEST_PROTOCOL)
