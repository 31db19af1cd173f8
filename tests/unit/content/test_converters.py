"""Field tables and converters: raw YAML text in, model values or one Vietnamese problem out."""

import pytest

from pelican.plugins.portal.content import yamlsource
from pelican.plugins.portal.content.converters import CONVERTERS, FieldError, read_record, to_id, to_status
from pelican.plugins.portal.content.fields import TASK_FIELDS, TARGET_REPORT_FIELDS, UNIT_FIELDS, UPDATE_FIELDS
from pelican.plugins.portal.problems import ProblemLog
from pelican.plugins.portal.text import field_key


def record(text):
    problems = ProblemLog()
    value = yamlsource.load(text, "x.md", problems, field_key)
    assert not problems
    return value


def test_every_field_kind_has_a_converter():
    kinds = {f.kind for table in (TASK_FIELDS, UNIT_FIELDS, UPDATE_FIELDS, TARGET_REPORT_FIELDS) for f in table}
    assert kinds - {"texts", "records"} <= set(CONVERTERS)


@pytest.mark.parametrize("typed", ["hoàn thành", "Hoàn thành", "hoan-thanh", "HOAN THANH"])
def test_status_accepts_the_label_or_the_key(typed):
    assert to_status(typed) == "hoan-thanh"


def test_wrong_status_suggests_the_words_the_guide_uses():
    with pytest.raises(FieldError) as error:
        to_status("xong")
    assert error.value.found == "trạng thái «xong» không có trong danh sách"
    assert error.value.expected == ("một trong: «chưa triển khai», «đang thực hiện», «hoàn thành», «tạm dừng»")


@pytest.mark.parametrize("bad", ["STP-1", "stp_1", "-stp", "stp-", "stp 1", "sở-1"])
def test_ids_are_lowercase_ascii_with_dashes(bad):
    with pytest.raises(FieldError):
        to_id(bad)
    assert to_id("stp-nv-3-2") == "stp-nv-3-2"


def test_read_record_reports_unknown_and_missing_fields_with_lines():
    problems = ProblemLog()
    values = read_record(record("ma: stp-nv-1\nso: '1'\nnoi_dug: Việc\nlinh_vuc: dữ liệu số\n"),
                         TASK_FIELDS, "ke-hoach/a.md", problems, "nhiệm vụ")
    assert values["ma"] == "stp-nv-1" and values["linh_vuc"] == "dữ liệu số"
    assert problems.report() == [
        "ke-hoach/a.md:1: trường «chu_tri»: thiếu trường bắt buộc (đơn vị chủ trì) — thêm dòng «chu_tri: …» vào nhiệm vụ",
        "ke-hoach/a.md:1: trường «noi_dung»: thiếu trường bắt buộc (nội dung) — thêm dòng «noi_dung: …» vào nhiệm vụ",
        "ke-hoach/a.md:1: trường «thoi_han»: thiếu trường bắt buộc (thời hạn) — thêm dòng «thoi_han: …» vào nhiệm vụ",
        "ke-hoach/a.md:3: trường «noi_dug»: trường không có trong mẫu nhiệm vụ — có phải «noi_dung»?",
    ]


def test_keys_may_be_typed_with_diacritics_and_spaces():
    problems = ProblemLog()
    values = read_record(record("Mã: a\nTên: Sở A\nLoại: sở, ban, ngành\n"), UNIT_FIELDS, "don-vi/a.yaml",
                         problems, "đơn vị")
    assert not problems and values == {"ma": "a", "ten": "Sở A", "loai": "so"}


def test_a_list_where_one_value_is_expected_is_one_problem():
    problems = ProblemLog()
    read_record(record("ma:\n  - a\n  - b\nten: A\nloai: so\n"), UNIT_FIELDS, "don-vi/a.yaml", problems, "đơn vị")
    assert problems.report() == [
        "don-vi/a.yaml:2: trường «ma»: giá trị là danh sách hoặc nhóm trường — một giá trị đơn cho «ma» (mã đơn vị)",
    ]
