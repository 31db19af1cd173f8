"""Converters from raw YAML text to model values, as a table (field kind -> function), and
`read_record`, which checks a mapping against a field table.

Every converter takes the value's text and returns the converted value or raises
FieldError(found, expected), both in Vietnamese.
"""

import difflib
import re

from .. import vocabulary
from ..model.deadlines import DateError, parse_date, parse_deadline
from ..model.goals import GoalError, parse_goal
from ..model.values import NumberError, parse_number, parse_quantity
from ..text import fold
from .yamlsource import Items, Record, Text

ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
UNKNOWN_WORDS = {"khong-ro", "khong-ghi"}


class FieldError(ValueError):
    """found / expected, both Vietnamese."""

    def __init__(self, found, expected):
        super().__init__(found)
        self.found, self.expected = found, expected


class Values(dict):
    """read_record's result: {key: converted value}; `key_lines[key]` is each key's line."""

    key_lines: dict


def line_of(value, default=1):
    """The source line a YAML value remembers, else `default`."""
    return getattr(value, "line", default)


def read_record(record, fields, path, problems, what):
    """Check a mapping against `fields`; returns {key: converted value}, problems logged."""
    if not isinstance(record, Record):
        problems.add(path, line_of(record), "", f"{what} không phải danh sách «trường: giá trị»",
                     "viết mỗi trường trên một dòng dạng «tên_trường: giá trị»")
        return None
    known = {f.key: f for f in fields}
    result = Values()
    result.key_lines = record.key_lines
    for key, value in record.items():
        line = record.key_lines[key]
        field = known.get(key)
        if field is None:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"có phải «{close[0]}»?" if close else "các trường được dùng: " + ", ".join(known)
            problems.add(path, line, record.raw_keys[key], f"trường không có trong mẫu {what}", hint)
            continue
        if value is None or value == "" or value == []:
            continue  # treated as missing below if required
        try:
            result[key] = convert(value, field, path, problems)
        except FieldError as error:
            problems.add(path, line_of(value, line), key, error.found, error.expected)
            result[key] = None
    for field in fields:
        if field.required and field.key not in result:
            problems.add(path, record.line, field.key, f"thiếu trường bắt buộc ({field.label})",
                         f"thêm dòng «{field.key}: …» vào {what}")
    return result


def convert(value, field, path, problems):
    """The value of one field, converted by CONVERTERS[field.kind]; raises FieldError."""
    if field.kind == "records":
        items = value if isinstance(value, Items) else Items([value])
        return [read_record(item, field.nested, path, problems, field.label) for item in items]
    if field.kind == "texts":
        items = value if isinstance(value, Items) else [value]
        return [_scalar(item, field) for item in items]
    return CONVERTERS[field.kind](_scalar(value, field))


def fold_key(text):
    """"Hoàn thành" -> "hoan-thanh": how a typed choice is compared with a vocabulary key."""
    return fold(text).replace(" ", "-")


def to_text(text):
    """The text as written."""
    return text


def to_id(text):
    """A lowercase ASCII id: "stp-nv-3-2"."""
    if not ID_PATTERN.fullmatch(text):
        raise FieldError(f"mã «{text}» không hợp lệ",
                         "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ «stp-nv-3-2»")
    return text


def to_date(text, expected="ngày dạng ngày/tháng/năm, ví dụ 31/12/2025"):
    """"31/12/2025" -> date."""
    try:
        return parse_date(text)
    except DateError as error:
        raise FieldError(str(error), expected) from None


def to_date_or_unknown(text):
    """A date, or None for «không rõ» (the document carries no date: shown as "không rõ")."""
    if fold_key(text) in UNKNOWN_WORDS:
        return None
    return to_date(text, "ngày dạng ngày/tháng/năm, ví dụ 31/12/2025, hoặc «không rõ» nếu văn bản không ghi ngày")


def to_deadline(text):
    """A model.deadlines.Deadline."""
    try:
        return parse_deadline(text)
    except DateError as error:
        raise FieldError(str(error), "«thường xuyên», một ngày (31/12/2025), «tháng 10/2025», "
                         "«quý IV/2025», «năm 2026» hoặc điều kiện bằng lời («sau khi …»)") from None


def to_goal(text):
    """A model.goals.Goal."""
    try:
        return parse_goal(text)
    except NumberError as error:  # the number's own message already quotes it
        raise FieldError(error.found, error.expected) from None
    except GoalError as error:
        raise FieldError(str(error), "mục tiêu dạng «tối thiểu 80%», «trên 90%», «100%», "
                         "«≥ 80%» hoặc «1.500 hồ sơ»") from None


def to_number(text):
    """A float, written as Vietnamese write numbers: "85", "85,5", "1.500" (model/values.py)."""
    try:
        return parse_number(text)
    except NumberError as error:
        raise FieldError(error.found, error.expected) from None


def to_quantity(text):
    """(value, unit) of a reported figure: "80%" -> (80.0, "%"), "27 dịch vụ" -> (27.0,
    "dịch vụ"), "27" -> (27.0, ""). Whether the unit fits the target is checked in updates.py."""
    try:
        return parse_quantity(text)
    except NumberError as error:
        raise FieldError(error.found, error.expected) from None


def to_percent(text):
    """A float in 0–100; a trailing "%" may be written ("80%")."""
    number = to_number(text.strip().removesuffix("%").rstrip())
    if not 0 <= number <= 100:
        raise FieldError(f"«{text}» nằm ngoài khoảng 0–100", "một số từ 0 đến 100")
    return number


def to_status(text):
    """A key of vocabulary.REPORTED_TASK_STATUSES; editors may type the key or the label."""
    return _choice(text, vocabulary.REPORTED_TASK_STATUSES, "trạng thái", value="key", suggest="label")


def to_area(text):
    """The label of one of vocabulary.AREAS."""
    return _choice(text, vocabulary.AREAS, "lĩnh vực", value="label", suggest="label")


def to_unit_kind(text):
    """A key of vocabulary.UNIT_KINDS; editors may type the key or the label."""
    return _choice(text, vocabulary.UNIT_KINDS, "loại đơn vị", value="key", suggest="key")


def to_target_kind(text):
    """A key of vocabulary.TARGET_KINDS («định lượng» / «định tính»)."""
    return _choice(text, vocabulary.TARGET_KINDS, "loại chỉ tiêu", value="key", suggest="label")


def to_qualitative_result(text):
    """«đạt» -> 1.0, «chưa đạt» -> 0.0 (the value a qualitative goal is judged on)."""
    key = _choice(text, vocabulary.QUALITATIVE_RESULTS, "kết quả", value="key", suggest="label")
    return 1.0 if key == vocabulary.ACHIEVED else 0.0


CONVERTERS = {
    "text": to_text,
    "id": to_id,
    "date": to_date,
    "date_or_unknown": to_date_or_unknown,
    "deadline": to_deadline,
    "goal": to_goal,
    "number": to_number,
    "quantity": to_quantity,
    "percent": to_percent,
    "status": to_status,
    "area": to_area,
    "unit_kind": to_unit_kind,
    "target_kind": to_target_kind,
    "qualitative_result": to_qualitative_result,
}


def _choice(text, table, what, value, suggest):
    """The term of `table` whose key or label folds like `text`; its `value` ("key" or
    "label"). The error lists each term's `suggest`, as the editor's guide writes them."""
    folded = fold_key(text)
    for key, term in table.items():
        if folded in (key, fold_key(term.label)):
            return key if value == "key" else term.label
    allowed = ", ".join(f"«{term.label.lower() if suggest == 'label' else term.key}»" for term in table.values())
    raise FieldError(f"{what} «{text}» không có trong danh sách", f"một trong: {allowed}")


def _scalar(value, field):
    if isinstance(value, (Items, Record)):
        raise FieldError("giá trị là danh sách hoặc nhóm trường",
                         f"một giá trị đơn cho «{field.key}» ({field.label})")
    return Text(value) if not isinstance(value, Text) else value
