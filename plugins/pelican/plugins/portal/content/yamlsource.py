"""YAML read with line numbers and without implicit typing.

Every scalar stays text (YAML 1.1 would turn `01` into 1, `no` into False and
`31/12/2025`-like values into dates); each value remembers its source line.
"""

import yaml

from .limits import nesting_problem

# libyaml's parser when PyYAML has it (the wheels do): 5–10× faster on thousands of updates.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Text(str):
    line: int = 1


class Record(dict):
    """A mapping whose keys were normalised; `key_lines[key]` is each key's line."""

    line: int = 1
    key_lines: dict
    raw_keys: dict


class Items(list):
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
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        reason = getattr(error, "problem", None) or "cú pháp YAML sai"
        problems.add(path, line, "", f"cú pháp YAML sai ({reason})",
                     "mỗi dòng dạng «tên_trường: giá trị», danh sách bắt đầu bằng «- », "
                     "thụt lề bằng dấu cách; đặt giá trị có dấu «:» hoặc «#» trong ngoặc kép")
        return None
    if node is None:
        return None
    return convert(node, path, problems, key_normaliser, first_line)

