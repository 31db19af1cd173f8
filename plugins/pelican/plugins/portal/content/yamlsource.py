"""YAML read with line numbers and without implicit typing.

Every scalar stays text (YAML 1.1 would turn `01` into 1, `no` into False and
`31/12/2025`-like values into dates); each value remembers its source line.
"""

import re

import yaml

from .limits import nesting_problem

# libyaml's parser when PyYAML has it (the wheels do): 5–10× faster on thousands of updates.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Text(str):
    """A YAML scalar kept as text; `line` is its 1-based source line."""
    line: int = 1


class Record(dict):
    """A mapping whose keys were normalised; `key_lines[key]` is each key's line."""

    line: int = 1
    key_lines: dict
    raw_keys: dict


class Items(list):
    """A YAML list; `line` is its 1-based source line."""
    line: int = 1


def _text(value, line):
    result = Text(value)
    result.line = line
    return result


def convert(node, path, problems, key_normaliser, first_line=1):
    """Plain values from a YAML node; `first_line` is the file line where the fragment starts."""
    line = node.start_mark.line + first_line
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null" and node.value in ("", "~", "null"):
            return None
        return _text(node.value, line)
    if isinstance(node, yaml.SequenceNode):
        items = Items(convert(child, path, problems, key_normaliser, first_line) for child in node.value)
        items.line = line
        return items
    record = Record()
    record.line, record.key_lines, record.raw_keys = line, {}, {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + first_line
        if not isinstance(key_node, yaml.ScalarNode):
            problems.add(path, key_line, "", "tên trường không phải chữ", "viết «tên_trường: giá trị»")
            continue
        key = key_normaliser(key_node.value)
        if key in record:
            problems.add(path, key_line, key_node.value, "trường bị khai báo hai lần",
                         f"chỉ khai báo một lần (lần đầu ở dòng {record.key_lines[key]})")
            continue
        record[key] = convert(value_node, path, problems, key_normaliser, first_line)
        record.key_lines[key] = key_line
        record.raw_keys[key] = key_node.value
    return record


def refuse_unsafe(text, path, problems, first_line=1):
    """True (and a problem logged) when `text` nests too deep or uses anchors and aliases.

    Checked before parsing: deep nesting crashes or stalls libyaml, and aliases (`&a`, `*a`)
    let a few lines expand to billions of values. Editors never need either."""
    deep = nesting_problem(text)
    if deep:
        problems.add(path, first_line + deep[0], "", f"dữ liệu YAML {deep[1]}",
                     "danh sách và nhóm trường chỉ cần vài cấp; viết theo mẫu trong docs/mau/")
        return True
    if "&" not in text and "*" not in text:
        return False
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = "*" if isinstance(event, yaml.AliasEvent) else "&"
                problems.add(path, first_line + event.start_mark.line, "",
                             f"YAML dùng neo hoặc bí danh «{mark}{event.anchor}»",
                             "viết đầy đủ giá trị ở từng chỗ; giá trị bắt đầu bằng «&» hoặc «*» "
                             "thì đặt trong ngoặc kép")
                return True
    except yaml.YAMLError:
        return False  # load() reports the syntax error with its line
    return False


def load(text, path, problems, key_normaliser, first_line=1):
    """Parse one YAML document; returns None and logs a problem on a syntax error, on nesting
    deeper than content/limits.py allows, or on anchors and aliases (refuse_unsafe)."""
    if refuse_unsafe(text, path, problems, first_line):
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        line, found, expected = yaml_problem(error, text)
        problems.add(path, first_line + line, "", found, expected)
        return None
    if node is None:
        return None
    return convert(node, path, problems, key_normaliser, first_line)



# PyYAML's problems, in the editor's words: (start of PyYAML's text, what is wrong, what to write).
_YAML_PROBLEMS = (
    ("could not find expected ':'", "thiếu dấu «:» sau tên trường",
     "viết «tên_trường: giá trị» (dấu hai chấm rồi một dấu cách)"),
    ("mapping values are not allowed", "dấu «: » nằm giữa một giá trị",
     "đặt giá trị có dấu hai chấm trong ngoặc kép: «noi_dung: \"Mục tiêu: …\"»"),
    ("did not find expected ',' or ']'", "danh sách «[…» không có dấu «]» đóng",
     "đóng danh sách bằng «]», hoặc viết mỗi mục một dòng bắt đầu bằng «- »"),
    ("did not find expected ',' or '}'", "nhóm «{…» không có dấu «}» đóng",
     "đóng bằng «}», hoặc đặt giá trị trong ngoặc kép"),
    ("found unexpected end of stream", "ngoặc kép không được đóng",
     "thêm dấu ngoặc kép đóng ở cuối giá trị"),
    ("did not find expected '-' indicator", "dòng thụt lề không khớp với các mục của danh sách",
     "các trường của một mục thẳng cột với trường đầu tiên sau «- »"),
    ("did not find expected key", "dòng thụt lề không khớp với các trường phía trên",
     "các trường cùng cấp thẳng cột với nhau; thụt lề bằng dấu cách"),
    ("expected <block end>", "dòng thụt lề không khớp với các trường phía trên",
     "các trường cùng cấp thẳng cột với nhau; thụt lề bằng dấu cách"),
    ("found character '\\t'", "có ký tự tab", "thụt lề bằng dấu cách, không dùng phím Tab"),
    ("found character", "giá trị bắt đầu bằng một ký tự đặc biệt",
     "đặt giá trị trong ngoặc kép"),
    ("found unknown escape character", "dấu «\\» trong ngoặc kép",
     "dùng ngoặc đơn «'…'» hoặc bỏ dấu «\\»"),
    ("found undefined alias", "giá trị bắt đầu bằng «*»", "đặt giá trị trong ngoặc kép"),
    ("found duplicate anchor", "giá trị bắt đầu bằng «&»", "đặt giá trị trong ngoặc kép"),
)
# Problems found after the mistake: the line where the unfinished part began is the one to fix.
_AT_CONTEXT = ("while scanning a simple key", "while scanning a quoted scalar",
               "while parsing a flow sequence", "while parsing a flow mapping")


def yaml_problem(error, text=""):
    """(line offset from the fragment's start, found, expected) of a PyYAML error in `text`,
    in Vietnamese, at the line the editor has to fix."""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    if context.startswith(_AT_CONTEXT) and getattr(error, "context_mark", None):
        mark = error.context_mark
    mark = mark or getattr(error, "context_mark", None)
    reason = getattr(error, "problem", None) or ""
    for start, found, expected in _YAML_PROBLEMS:
        if reason.startswith(start):
            break
    else:
        found, expected = ("cú pháp sai ở phần «tên_trường: giá trị»",
                           "mỗi dòng dạng «tên_trường: giá trị», danh sách bắt đầu bằng «- », thụt lề bằng "
                           "dấu cách; đặt giá trị có dấu «:» hoặc «#» trong ngoặc kép")
    line = mark.line if mark else 0
    lines = text.split("\n")
    key = _INDENTED_KEY.match(lines[line]) if line < len(lines) else None
    if key and reason.startswith(("mapping values are not allowed", "did not find expected", "expected <block end>")):
        found = f"dòng «{key.group(2)}:» thụt lề khác các trường cùng cấp"
        expected = "các trường cùng cấp thẳng cột với nhau (cùng số dấu cách ở đầu dòng)"
    return line, found, expected


_INDENTED_KEY = re.compile(r"^( +)(?:- )?([^\s:#][^:#]*?):(?:\s|$)")
