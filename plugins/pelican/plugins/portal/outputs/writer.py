"""One guarded place for every file the plugin writes: pages, badges, feeds, open data,
search files, cards and copied assets. Like Pelican's Writer, it refuses a second write to
the same path, and its message names both sources."""

import os
import shutil


class DoubleWriteError(RuntimeError):
    """Two sources would write one output path: `path`, `first` and `second` (descriptions)."""

    def __init__(self, path, first, second):
        self.path, self.first, self.second = path, first, second
        super().__init__(f"{path}: hai nguồn cùng ghi một tệp — {first} và {second}")


class OutputFiles:
    """Writes files under `output_path`; every path relative to it, "/"-separated.

    `claim(path, source)` reserves a path for a source (a short description such as
    "trang kế hoạch 3183/KH-STP"); the write methods claim then write. Pelican's own pages
    are claimed by the generator before it hands them to Pelican's Writer."""

    def __init__(self, output_path):
        self.output_path = output_path
        self.sources = {}  # relative path -> source description

    def claim(self, path, source):
        """Reserve `path`; raises DoubleWriteError when another source already has it."""
        key = os.path.normpath(path)
        if key in self.sources:
            raise DoubleWriteError(path, self.sources[key], source)
        self.sources[key] = source
        return os.path.join(self.output_path, key)

    def prepare(self, path, source):
        """claim() `path`, make its folder and remove a file already there (it may be a hard
        link to a cached file, never to be written through); returns the absolute path, for
        a writer of its own (Pelican's feeds) or the methods below."""
        target = self.claim(path, source)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.lexists(target):
            os.remove(target)
        return target

    def write_text(self, path, text, source):
        """Write UTF-8 text (no newline translation)."""
        return self.write_bytes(path, text.encode("utf-8"), source)

    def write_parts(self, path, parts, source):
        """Write the strings `parts` (an iterable) one after another as UTF-8 text (no newline
        translation), without joining them first."""
        target = self.prepare(path, source)
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(parts)
        return target

    def write_bytes(self, path, data, source):
        """Write bytes; returns the absolute path."""
        target = self.prepare(path, source)
        with open(target, "wb") as handle:
            handle.write(data)
        return target

    def place_file(self, path, original, source):
        """Put a copy of the file `original` at `path`: a hard link when possible (cached
        share cards), else a copy."""
        target = self.prepare(path, source)
        try:
            os.link(original, target)
        except OSError:
            shutil.copyfile(original, target)
        return target
