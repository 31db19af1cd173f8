"""Bad content: every problem is reported as `file:line: trường «…»: found — expected`."""

import os
import re
import subprocess
import sys

import pytest

from site_support import REPO, build, copy_site
from pelican.plugins.portal.content.loader import load_portal
from pelican.plugins.portal.problems import ContentError


def broken_site(tmp_path, relpath, old, new):
    content = copy_site("basic", tmp_path)
    path = content / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {relpath}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1 + (len(new) - len(new.lstrip("\n")))
    return content, path, line


def problems_of(content):
    _, problems = load_portal(content)
    return problems.report()


CASES = [
    # (file, old text, new text, field, words in the message)
    ("ke-hoach/a.md", "so_ky_hieu: 10/KH-A\n", "", "so_ky_hieu", "thiếu trường bắt buộc"),
    ("ke-hoach/a.md", "thoi_ky: Các tháng", "thoi_gian: Các tháng", "thoi_gian", "có phải «thoi_ky»?"),
    ("ke-hoach/a.md", "ngay_ban_hanh: 01/09/2025", "ngay_ban_hanh: 31/09/2025", "ngay_ban_hanh", "không có trên lịch"),
    ("ke-hoach/a.md", "ngay_ban_hanh: 01/09/2025", "ngay_ban_hanh: 2025-09-01", "ngay_ban_hanh", "ngày/tháng/năm"),
    ("ke-hoach/a.md", "chu_tri: Phòng Bổ trợ tư pháp và Hành chính tư pháp",
     "chu_tri: Phòng Bổ trợ tư pháp và Hành chánh tư pháp", "chu_tri",
     "có phải «Phòng Bổ trợ tư pháp và Hành chính tư pháp»?"),
    ("cap-nhat/2025-11-a.md", "  - ma: a-ct-dat\n", "  - ma: a-ct-da\n", "ma", "không có chỉ tiêu mã «a-ct-da»"),
    ("cap-nhat/2025-11-a.md", "  - ma: a-pl-2\n", "  - ma: a-pl-9\n", "ma", "không có nhiệm vụ mã «a-pl-9»"),
    ("ke-hoach/b.md", "ma: b-nv-1", "ma: a-nv-1", "ma", "bị trùng"),
    ("cap-nhat/2025-11-a.md", "gia_tri: 95", "gia_tri: chín lăm", "gia_tri", "không phải là số"),
    ("ke-hoach/a.md", "muc_tieu: trên 90%", "muc_tieu: cao nhất có thể", "muc_tieu", "không đọc được mục tiêu"),
    ("cap-nhat/2025-11-a.md", "trang_thai: đang thực hiện", "trang_thai: gần xong", "trang_thai",
     "không có trong danh sách"),
    ("ke-hoach/a.md", "thoi_han: trước ngày 20/10/2025", "thoi_han: trước ngày 20/13/2025", "thoi_han",
     "không có trên lịch"),
    ("don-vi/don-vi.yaml", "  truc_thuoc: so-b\n  loai: phong", "  truc_thuoc: so-c\n  loai: phong", "truc_thuoc",
     "không có đơn vị mã «so-c»"),
    ("cap-nhat/2025-11-a.md", "phan_tram: 50", "phan_tram: 150", "phan_tram", "ngoài khoảng 0–100"),
    ("cap-nhat/2025-10-a.md", "ke_hoach: 10/KH-A", "ke_hoach: 10/KH-X", "ke_hoach", "không có kế hoạch"),
]


@pytest.mark.parametrize("relpath, old, new, field, words", CASES, ids=[c[3] + ":" + c[4][:20] for c in CASES])
def test_each_problem_names_file_line_field_and_expectation(tmp_path, relpath, old, new, field, words):
    content, path, line = broken_site(tmp_path, relpath, old, new)
    report = problems_of(content)
    assert report, "the broken content passed validation"
    matching = [p for p in report if f"«{field}»" in p and words in p]
    assert matching, report
    problem = matching[0]
    assert re.match(rf"^{re.escape(str(path))}:\d+: trường «{field}»: .+ — .+", problem), problem
    if new.strip() and field not in ("so_ky_hieu", "ma", "truc_thuoc"):
        assert problem.startswith(f"{path}:{line}:"), (problem, line)


def test_all_problems_are_reported_at_once(tmp_path):
    content, path, _ = broken_site(tmp_path, "cap-nhat/2025-11-a.md", "gia_tri: 95", "gia_tri: abc")
    text = path.read_text(encoding="utf-8").replace("trang_thai: đang thực hiện", "trang_thai: xong")
    path.write_text(text, encoding="utf-8")
    report = problems_of(content)
    assert len(report) == 2 and {"«gia_tri»", "«trang_thai»"} <= {re.search("«[a-z_]+»", p).group() for p in report}


def test_yaml_text_is_never_retyped(tmp_path):
    """YAML 1.1 would read `so: 01` as 1 and `no` as False; we keep the text."""
    content, _, _ = broken_site(tmp_path, "ke-hoach/b.md", 'so: "1"', "so: 01")
    portal, problems = load_portal(content)
    assert not problems and portal.tasks["b-nv-1"].number == "01"


def test_yaml_syntax_error_has_a_line(tmp_path):
    content, path, line = broken_site(tmp_path, "ke-hoach/b.md", "tieu_de: Kế hoạch", "tieu_de: [Kế hoạch")
    report = problems_of(content)
    assert report == [f"{path}:{line}: tệp: danh sách «[…» không có dấu «]» đóng — đóng danh sách bằng «]», hoặc viết mỗi mục một dòng bắt đầu bằng «- »"]


def test_names_shared_by_two_units_need_a_context(tmp_path):
    content, path, _ = broken_site(tmp_path, "cap-nhat/2025-10-a.md", "don_vi: Sở A", "don_vi: Văn phòng Sở")
    report = problems_of(content)
    assert len(report) == 1 and "«a-van-phong»" in report[0] and "«b-van-phong»" in report[0]


def test_file_outside_known_folders_is_an_error(tmp_path):
    content = copy_site("basic", tmp_path)
    (content / "ke-hoach-moi.md").write_text("---\ntieu_de: x\n---\n", encoding="utf-8")
    assert any("ke-hoach-moi.md:1" in p and "không được xuất bản" in p for p in problems_of(content))


def test_news_cannot_report_figures(tmp_path):
    content, path, _ = broken_site(tmp_path, "tin-tuc/a-ban-hanh.md", "ke_hoach: 10/KH-A\n",
                                   "ke_hoach: 10/KH-A\nchi_tieu:\n  - ma: a-ct-dat\n    gia_tri: 99\n")
    assert any("«chi_tieu»" in p and "không có trong mẫu" in p for p in problems_of(content))


def test_build_fails_cleanly_and_keeps_the_last_good_output(tmp_path):
    content = copy_site("basic", tmp_path)
    output = tmp_path / "output"
    build(content, output)
    good = (output / "index.html").read_text(encoding="utf-8")
    path = content / "ke-hoach" / "a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("muc_tieu: trên 90%", "muc_tieu: nhiều"), encoding="utf-8")
    with pytest.raises(ContentError):
        build(content, output)
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(REPO / "pelicanconf.py")],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PORTAL_JUDGING_DATE": "2025-11-30"},
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    assert re.search(r"ke-hoach/a\.md:\d+: trường «muc_tieu»: không đọc được mục tiêu «nhiều» — ", run.stderr)
    assert (output / "index.html").read_text(encoding="utf-8") == good


def test_check_command_exit_status(tmp_path):
    content, _, _ = broken_site(tmp_path, "ke-hoach/a.md", "ngay_ban_hanh: 01/09/2025", "ngay_ban_hanh: hôm qua")
    command = [sys.executable, "-m", "pelican.plugins.portal.cli.check", "-s", str(REPO / "pelicanconf.py")]
    bad = subprocess.run(command + [str(content)], capture_output=True, text=True, cwd=REPO)
    assert bad.returncode == 1 and "«ngay_ban_hanh»" in bad.stderr and "Traceback" not in bad.stderr
    good = subprocess.run(command + [str(REPO / "tests" / "sites" / "basic")], capture_output=True, text=True, cwd=REPO)
    assert good.returncode == 0 and "Nội dung hợp lệ" in good.stdout


def test_a_plan_without_an_issue_date_says_so(tmp_path):
    content, _, _ = broken_site(tmp_path, "ke-hoach/b.md", "ngay_ban_hanh: 15/09/2025",
                                "ngay_ban_hanh: không rõ\ntu_ngay: 01/07/2025")
    portal, problems = load_portal(content)
    assert not problems.report()
    plan = portal.plan_by_number("20/KH-B")
    assert plan.issued is None and plan.start_date.isoformat() == "2025-07-01"
    output = build(content, tmp_path / "output")
    text = (output / "ke-hoach" / "kh-b" / "index.html").read_text(encoding="utf-8")
    assert "Không rõ (văn bản không ghi ngày ban hành)" in text
