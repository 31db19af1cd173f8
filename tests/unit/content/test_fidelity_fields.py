"""Issue 12: what the content format can say about a document's own words (sample site `basic`)."""

from datetime import date

from site_support import copy_site
from pelican.plugins.portal.content.loader import load_portal
from pelican.plugins.portal.rules.progress import judge_target


def edited(tmp_path, edits):
    """The basic sample site with (relpath, old, new) replacements; (portal, problem lines)."""
    content = copy_site("basic", tmp_path)
    for relpath, old, new in edits:
        path = content / relpath
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {relpath}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    portal, problems = load_portal(content)
    return portal, problems.report()


QUALITATIVE = ("ke-hoach/a.md", "  muc_tieu: tối thiểu 80%\n", "  loai: định tính\n")


def test_qualitative_target_is_judged_by_a_reported_result(tmp_path):
    report = ("cap-nhat/2025-11-a.md", "chi_tieu:\n", "chi_tieu:\n  - ma: a-ct-trong\n    ket_qua: chưa đạt\n")
    portal, problems = edited(tmp_path, [QUALITATIVE, report])
    assert not problems
    target = portal.targets["a-ct-trong"]
    assert target.kind == "dinh-tinh" and target.goal.is_qualitative
    assert judge_target(target, date(2025, 12, 1)).label == "Chưa đạt"
    assert judge_target(target, date(2026, 1, 2)).label == "Không đạt"
    assert judge_target(target, date(2025, 9, 1)).label == "Chưa có báo cáo"


def test_qualitative_target_rejects_a_number_and_numeric_rejects_a_result(tmp_path):
    report = ("cap-nhat/2025-11-a.md", "chi_tieu:\n", "chi_tieu:\n  - ma: a-ct-trong\n    gia_tri: 50\n")
    wrong = ("cap-nhat/2025-11-a.md", "    gia_tri: 95\n", "    ket_qua: đạt\n")
    _, problems = edited(tmp_path, [QUALITATIVE, report, wrong])
    assert any("«gia_tri»" in p and "định tính" in p and "ket_qua" in p for p in problems), problems
    assert any("«ket_qua»" in p and "tính bằng số" in p for p in problems), problems
    assert len(problems) == 2


def test_goal_without_a_number_needs_the_qualitative_kind(tmp_path):
    _, problems = edited(tmp_path, [("ke-hoach/a.md", "  muc_tieu: tối thiểu 80%\n", "")])
    assert len(problems) == 1 and "«muc_tieu»" in problems[0] and "loai: định tính" in problems[0]


def test_not_stated_deadline_takes_the_plans_derived_end_with_its_rule(tmp_path):
    portal, problems = edited(tmp_path, [
        ("ke-hoach/a.md", "thoi_ky: Các tháng cuối năm 2025\n",
         "thoi_ky: Các tháng cuối năm 2025\nden_ngay_suy_ra: 31/12/2025\ncach_suy_ra: «các tháng cuối năm 2025» trong tên\n"),
        ("ke-hoach/a.md", "  thoi_han: 31/12/2025\n", "  thoi_han: không nêu\n"),
    ])
    assert not problems
    target = portal.targets["a-ct-trong"]
    assert target.deadline.text == "không nêu" and target.deadline.due == date(2025, 12, 31)
    assert target.deadline_rule == "ngày cuối kỳ kế hoạch («các tháng cuối năm 2025» trong tên)"
    assert [p.period_rule for p in portal.plans if p.id == "kh-a"] == ["«các tháng cuối năm 2025» trong tên"]


def test_derived_date_needs_its_rule(tmp_path):
    _, problems = edited(tmp_path, [("ke-hoach/b.md", "thoi_han: năm 2026\n",
                                     "thoi_han: Thường xuyên\nthoi_han_suy_ra: 31/12/2026\n")])
    assert len(problems) == 1 and "«cach_suy_ra»" in problems[0]


def test_marked_unit_cell_is_kept_as_written_and_other_brackets_rejected(tmp_path):
    portal, problems = edited(tmp_path, [("ke-hoach/b.md", "chu_tri: Văn phòng Sở\n",
                                          "chu_tri: Văn phòng Sở\nphoi_hop:\n  - Các đơn vị thuộc [không đọc được]\n"
                                          "so_cua_cong: \"1a\"\nghi_chu: Ghi chú thử.\n")])
    assert not problems
    task = portal.tasks["b-nv-1"]
    assert task.marked_supports == ["Các đơn vị thuộc [không đọc được]"] and task.supports == []
    assert task.portal_number == "1a" and task.note == "Ghi chú thử."
    _, problems = edited(tmp_path / "x", [("ke-hoach/b.md", "chu_tri: Văn phòng Sở\n",
                                           "chu_tri: Văn phòng Sở\nphoi_hop:\n  - Sở [mờ]\n")])
    assert len(problems) == 1 and "dấu đọc bản gốc" in problems[0]


def test_group_must_say_its_members(tmp_path):
    _, problems = edited(tmp_path, [("don-vi/don-vi.yaml", "  loai: nhom\n  thanh_vien: tất cả\n", "  loai: nhom\n")])
    assert len(problems) == 1 and "«thanh_vien»" in problems[0] and "không nêu" in problems[0]
    portal, problems = edited(tmp_path / "x", [("don-vi/don-vi.yaml", "  thanh_vien: tất cả\n", "  thanh_vien: không nêu\n")])
    assert not problems
    group = next(u for u in portal.units.values() if u.kind == "nhom")
    assert group.members == [] and group.members_rule == "khong-neu"
