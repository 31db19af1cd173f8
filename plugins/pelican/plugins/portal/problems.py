"""Content problems: collected during reading, reported together, one line each."""

import os
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file: shown as `path:line: trường «field»: found — expected`."""

    path: str
    line: int
    field: str
    found: str
    expected: str

    def __str__(self) -> str:
        where = f"{short_path(self.path)}:{self.line}"
        subject = f"trường «{self.field}»" if self.field else "tệp"
        return f"{where}: {subject}: {self.found} — {self.expected}"


def short_path(path) -> str:
    """`path` relative to the working folder when it lies inside it ("content/a.md"), else as
    given; bytes that are not UTF-8 shown as \\xNN."""
    path = str(path)
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    shown = path if relative.startswith("..") else relative
    return os.fsencode(shown).decode("utf-8", "backslashreplace")


class ContentError(Exception):
    """Raised when content has problems; the message is short, the problems are listed."""

    def __init__(self, problems):
        self.problems = sorted(set(problems))
        super().__init__(f"Nội dung có {len(self.problems)} lỗi; không xuất bản trang nào.")


@dataclass
class ProblemLog:
    """Collects problems while reading; `report()` is the list to show the editor."""

    items: list = field(default_factory=list)

    def add(self, path, line, field_name, found, expected):
        """Record one problem; `line` is 1-based (None counts as 1)."""
        self.items.append(Problem(str(path), int(line or 1), field_name, found, expected))

    def __bool__(self):
        return bool(self.items)

    def report(self):
        """The problems as lines, sorted by file and line, each once."""
        return [str(p) for p in sorted(set(self.items))]
