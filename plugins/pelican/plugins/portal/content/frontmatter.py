"""Content files: YAML front matter between two `---` lines, then Markdown.

A process that builds again and again (the devserver) keeps what each file parses to in
memory by path, modification time and size (`keep_in_memory()`); a single build does not, to
spare memory. Nothing is kept on disk between builds: at city scale (10,000 updates) reading a
pickle of the parsed files cost as much CPU as parsing them with libyaml (`make bench`,
issue 13).
Within a build, Pelican's reader (pages/reader.py) reads the same files after the content
stage: it takes the few fields it needs from `take_header()` instead of parsing the front
matter a second time (`keep_headers()` names them).
"""

import os

from . import yamlsource
from .limits import nesting_problem, size_problem
from ..problems import ProblemLog
from ..text import field_key

_cache = {}  # (path, mtime_ns, size) -> (record or None, body, body_first_line, problems)
_memory = {"on": False}
_headers = {"keys": (), "kept": {}}  # (path, mtime_ns, size) -> ({key: value} of "keys", body_first_line)


def read_text(path, problems):
    """The file's text (UTF-8, "\n" line ends, no BOM), or None with a problem logged when it
    is not UTF-8 or larger than content/limits.py allows (then it is not read at all)."""
    too_big = size_problem(os.stat(path).st_size)
    if too_big:
        problems.add(path, 1, "", too_big, "chia nội dung thành nhiều tệp nhỏ hơn")
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read().replace("\r\n", "\n").lstrip("\ufeff")
    except UnicodeDecodeError as error:
        line = 1 + open(path, "rb").read()[: error.start].count(b"\n")
        problems.add(path, line, "", "tệp không phải UTF-8", "lưu tệp với bảng mã UTF-8")
    return None


def read_front_matter(path, problems):
    """Returns (record, body, body_first_line); record is None when unreadable."""
    key = _file_key(path)
    if key in _cache:
        record, body, first, found = _cache[key]
        problems.items.extend(found)
    else:
        before = len(problems.items)
        record, body, first = _parse(path, problems)
        if _memory["on"]:
            _cache[key] = (record, body, first, problems.items[before:])
    if record is not None and _headers["keys"]:
        _headers["kept"][key] = ({name: record[name] for name in _headers["keys"] if name in record}, first)
    return record, body, first


def keep_headers(keys):
    """From now on, keep the values of `keys` (front-matter field names) of every file read,
    for take_header(); forgets what earlier builds kept."""
    _headers.update(keys=tuple(keys), kept={})


def take_header(path):
    """({key: value} of the keep_headers() fields, body) of a file read since, unchanged since
    (same modification time and size), else None; each file's is taken once. Only the body
    is read again, from the file (or from memory, with keep_in_memory())."""
    try:
        key = _file_key(path)
    except OSError:
        return None
    kept = _headers["kept"].pop(key, None)
    if kept is None:
        return None
    values, first = kept
    if key in _cache:
        return values, _cache[key][1]
    text = read_text(path, ProblemLog())  # read without a problem by the content stage
    if text is None:
        return None
    return values, _body(text.split("\n"), first)


def _file_key(path):
    stat = os.stat(path)
    return os.path.abspath(path), stat.st_mtime_ns, stat.st_size


def keep_in_memory(on=True):
    """Keep parsed files in memory between builds of this process (the devserver)."""
    _memory["on"] = on
    if not on:
        _cache.clear()


def _parse(path, problems):
    """(record, body, body_first_line); record None when unreadable."""
    text = read_text(path, problems)
    if text is None:
        return None, "", 1
    return _parse_text(text, path, problems)


def _parse_text(text, path, problems):
    before = len(problems.items)
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.add(path, 1, "", "tệp không bắt đầu bằng dòng «---»",
                     "phần thông tin ở đầu tệp, giữa hai dòng «---» (xem mẫu trong docs/mau/)")
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            break
    else:
        problems.add(path, 1, "", "không thấy dòng «---» đóng phần thông tin",
                     "thêm một dòng «---» sau trường cuối cùng")
        return None, "", 1
    record = yamlsource.load("\n".join(lines[1:index]), path, problems, field_key, first_line=2)
    body = _body(lines, index + 2)
    _check_body(body, index + 2, path, problems)
    if record is not None and not isinstance(record, yamlsource.Record):
        problems.add(path, 2, "", "phần thông tin không phải danh sách «trường: giá trị»",
                     "mỗi dòng dạng «tên_trường: giá trị»")
        record = None
    if record is None and len(problems.items) == before:
        problems.add(path, 2, "", "phần thông tin trống", "điền các trường bắt buộc theo mẫu")
    return record, body, index + 2


def _body(lines, first_line):
    """The Markdown body: the file's lines from `first_line` (1-based, after the closing «---»)."""
    return "\n".join(lines[first_line - 1:])


def _check_body(body, first_line, path, problems):
    """Markdown nested deeper than content/limits.py allows would crash or stall rendering."""
    deep = nesting_problem(body, blank_line_resets=True)
    if deep:
        problems.add(path, first_line + deep[0], "", f"nội dung Markdown {deep[1]}",
                     "danh sách, trích dẫn và liên kết chỉ lồng vài cấp")
