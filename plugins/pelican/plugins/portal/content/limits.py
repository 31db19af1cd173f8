"""Limits on what a content file may hold, checked on the raw text before a parser sees it.

libyaml and Python-Markdown recurse (or go quadratic) on deep nesting: YAML nested 100,000
deep crashed the Python process (segfault); 3,000 «[» took 0.3 s in libyaml and a few thousand
nested Markdown lists raised RecursionError. Editors' files nest 3–4 levels and weigh ≤ 40 KB,
so these limits are far above any real file and far below any harm.
"""

import re

# A content file (.md, .yaml) larger than this is refused unread (the largest real plan: 31 KB).
MAX_FILE_BYTES = 1_000_000
# Open brackets «[» «{» at once (YAML flow lists, Markdown links) and nesting marks at a line start.
MAX_BRACKETS = 20
MAX_LINE_PREFIX = 100  # characters of indentation, «- », «> », «1. » before a line's text

_OPENERS, _CLOSERS = "[{", "]}"
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
# Indentation and the marks that open one more level: YAML «- », «? », «: »; Markdown «> », list marks.
_PREFIX = re.compile(r"(?:[ \t>]|[-*+?:](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*")


def nesting_problem(text, blank_line_resets=False):
    """(line offset from 0, what was found) for the first line of `text` nested too deep, or None.

    Counts open brackets across lines (`blank_line_resets`: a blank line closes them all, as a
    Markdown paragraph ends) and the width of each line's indentation and nesting marks.
    Linear in the text; never raises."""
    depth = 0
    for number, line in enumerate(text.split("\n")):
        if blank_line_resets and not line.strip():
            depth = 0
            continue
        prefix = _PREFIX.match(line).end()
        if prefix > MAX_LINE_PREFIX:
            return number, f"thụt lề quá sâu (hơn {MAX_LINE_PREFIX} ký tự dấu cách, «- », «> » ở đầu dòng)"
        for char in _NOT_BRACKETS.sub("", line):
            if char in _OPENERS:
                depth += 1
                if depth > MAX_BRACKETS:
                    return number, f"lồng quá sâu (hơn {MAX_BRACKETS} dấu ngoặc «[» hoặc «{{» chưa đóng)"
            elif depth:
                depth -= 1
    return None


def size_problem(size):
    """What is wrong with a file of `size` bytes, or None when it is small enough."""
    if size <= MAX_FILE_BYTES:
        return None
    return f"tệp quá lớn ({size / 1e6:.1f} MB, tối đa {MAX_FILE_BYTES / 1e6:.0f} MB)"
