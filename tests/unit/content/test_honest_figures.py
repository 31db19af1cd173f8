"""Honest figures (issue 10): each kind of editor mistake gives exactly one line, with the
exact Vietnamese message, at the line to fix; right input is read as Vietnamese write it."""

from datetime import date

import pytest

from site_support import copy_site
from pelican.plugins.portal.content.loader import load_portal

JUDGING = date(2025, 11, 30)

# (kind, file, old text, new text, the one line `make check` prints, path relative to content/)
CASES = [
    ('ambiguous dot', 'cap-nhat/2025-11-a.md', 'gia_tri: 95', 'gia_tri: 1.5',
     'cap-nhat/2025-11-a.md:8: trường «gia_tri»: số «1.5» không rõ: dấu chấm chỉ dùng để ngăn hàng nghìn — nếu là số thập phân, viết «1,5»; nếu là hàng nghìn, viết đủ ba chữ số sau dấu chấm (ví dụ «1.500»)'),
    ('percent on a count', 'cap-nhat/2025-11-a.md', 'gia_tri: 12', 'gia_tri: 80%',
     'cap-nhat/2025-11-a.md:17: trường «gia_tri»: giá trị «80%» là tỷ lệ % nhưng mục tiêu của chỉ tiêu «a-ct-moi-nhat» là «25 dịch vụ» (đếm số lượng) — ghi số dịch vụ đạt được, ví dụ «gia_tri: 27»'),
    ('other unit on a count', 'cap-nhat/2025-11-a.md', 'gia_tri: 12', 'gia_tri: 12 hồ sơ',
     'cap-nhat/2025-11-a.md:17: trường «gia_tri»: giá trị «12 hồ sơ» không cùng đơn vị với mục tiêu của chỉ tiêu «a-ct-moi-nhat» là «25 dịch vụ» — ghi số dịch vụ, ví dụ «gia_tri: 27»'),
    ('count on a percent', 'cap-nhat/2025-11-a.md', 'gia_tri: 95', 'gia_tri: 95 dịch vụ',
     'cap-nhat/2025-11-a.md:8: trường «gia_tri»: giá trị «95 dịch vụ» là số đếm nhưng mục tiêu của chỉ tiêu «a-ct-dat» là «trên 90%» (tỷ lệ %) — ghi tỷ lệ phần trăm, ví dụ «gia_tri: 85%»'),
    ('negative', 'cap-nhat/2025-11-a.md', 'gia_tri: 12', 'gia_tri: -3',
     'cap-nhat/2025-11-a.md:17: trường «gia_tri»: số âm «-3» — một số không âm, ví dụ 0 hoặc 85'),
    ('400 digits', 'cap-nhat/2025-11-a.md', 'gia_tri: 12', 'gia_tri: 9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999',
     'cap-nhat/2025-11-a.md:17: trường «gia_tri»: số «99999999999999999999…» dài 400 chữ số — một số có tối đa 15 chữ số'),
    ('range goal', 'ke-hoach/a.md', 'muc_tieu: trên 90%', 'muc_tieu: 80-90%',
     'ke-hoach/a.md:22: trường «muc_tieu»: «80-90%» là một khoảng giá trị — một con số duy nhất, ví dụ «tối thiểu 80%» (cổng chưa theo dõi khoảng giá trị)'),
    ('dd-mm-yyyy deadline', 'ke-hoach/a.md', 'thoi_han: trước ngày 20/10/2025', 'thoi_han: 30-06-2025',
     'ke-hoach/a.md:53: trường «thoi_han»: ngày «30-06-2025» không viết dạng ngày/tháng/năm — «thường xuyên», một ngày (31/12/2025), «tháng 10/2025», «quý IV/2025», «năm 2026» hoặc điều kiện bằng lời («sau khi …»)'),
    ('ISO deadline', 'ke-hoach/a.md', 'thoi_han: trước ngày 20/10/2025', 'thoi_han: 2025-06-30',
     'ke-hoach/a.md:53: trường «thoi_han»: ngày «2025-06-30» không viết dạng ngày/tháng/năm — «thường xuyên», một ngày (31/12/2025), «tháng 10/2025», «quý IV/2025», «năm 2026» hoặc điều kiện bằng lời («sau khi …»)'),
    ('future post', 'cap-nhat/2025-11-a.md', 'ngay: 20/11/2025', 'ngay: 20/11/2062',
     'cap-nhat/2025-11-a.md:3: trường «ngay»: ngày đăng 20/11/2062 ở tương lai — ngày đăng không muộn hơn hôm nay '
     f'({date.today():%d/%m/%Y}); bài chưa đến ngày đăng thì chưa đưa vào thư mục'),
    ('as-of before issue', 'cap-nhat/2025-11-a.md', 'tinh_den: 15/11/2025', 'tinh_den: 15/08/2025',
     'cap-nhat/2025-11-a.md:12: trường «tinh_den»: số liệu tính đến 15/08/2025, trước ngày ban hành kế hoạch 10/KH-A (01/09/2025) — số liệu tính từ ngày kế hoạch ban hành trở về sau; ghi «tinh_den» nếu khác ngày đăng'),
    ('deadline before issue', 'ke-hoach/a.md', 'thoi_han: trước ngày 20/10/2025', 'thoi_han: 31/08/2025',
     'ke-hoach/a.md:53: trường «thoi_han»: thời hạn «31/08/2025» (31/08/2025) trước ngày ban hành 01/09/2025 — thời hạn không sớm hơn ngày ban hành kế hoạch; kiểm tra lại năm'),
    ('plan issued in the future', 'ke-hoach/b.md', 'ngay_ban_hanh: 15/09/2025', 'ngay_ban_hanh: 15/09/2062',
     'ke-hoach/b.md:6: trường «ngay_ban_hanh»: ngày ban hành 15/09/2062 ở tương lai — ngày ký ban hành ghi trên văn bản; kiểm tra lại năm'),
    ('period end before start', 'ke-hoach/a.md', 'thoi_ky: Các tháng cuối năm 2025', 'tu_ngay: 01/12/2025\nden_ngay: 01/10/2025',
     'ke-hoach/a.md:8: trường «den_ngay»: thời kỳ kết thúc 01/10/2025 trước khi bắt đầu 01/12/2025 — «den_ngay» không sớm hơn «tu_ngay»'),
    ('reported twice', 'cap-nhat/2025-11-a.md', '  - ma: a-ct-cham\n', '  - ma: a-ct-dung\n',
     'cap-nhat/2025-11-a.md:13: trường «ma»: chỉ tiêu «a-ct-dung» được báo cáo hai lần trong bài — mỗi chỉ tiêu một lần trong một bài (đã báo cáo ở dòng 10)'),
    ('misspelt fence', 'ke-hoach/a.md', '```nhiem-vu\nma: a-nv-2', '```nhiem_vu\nma: a-nv-2',
     'ke-hoach/a.md:56: tệp: tên khối «```nhiem_vu» viết sai — viết «```nhiem-vu»'),
    ('indented fence', 'ke-hoach/a.md', '```nhiem-vu\nma: a-nv-2', '  ```nhiem-vu\nma: a-nv-2',
     'ke-hoach/a.md:56: tệp: dòng «```nhiem-vu» bị thụt lề — viết «```nhiem-vu» sát lề trái, không có dấu cách ở đầu dòng'),
    ('unclosed fence', 'ke-hoach/a.md', 'thoi_han: trước ngày 20/10/2025\n```\n', 'thoi_han: trước ngày 20/10/2025\n\n',
     'ke-hoach/a.md:46: tệp: khối «nhiem-vu» không có dòng đóng «```» — kết thúc khối bằng một dòng chỉ có «```»'),
    ('id equals heading anchor', 'ke-hoach/a.md', '## II. NHIỆM VỤ', '## A NV 1',
     'ke-hoach/a.md:47: trường «ma»: mã «a-nv-1» trùng với mã neo của đề mục «A NV 1» (dòng 42) — đặt mã khác, ví dụ «kh-a-a-nv-1»'),
    ('plan number twice', 'ke-hoach/b.md', 'so_ky_hieu: 20/KH-B', 'so_ky_hieu: 10/KH-A',
     'ke-hoach/b.md:3: trường «so_ky_hieu»: số, ký hiệu «10/KH-A» bị trùng — mỗi kế hoạch một số, ký hiệu (đã dùng ở ke-hoach/a.md:3)'),
    ('image from another host', 'cap-nhat/2025-11-a.md', 'Số liệu mẫu cho kiểm thử.', '![ảnh](https://example.com/a.png)',
     'cap-nhat/2025-11-a.md:25: tệp: ảnh «https://example.com/a.png» lấy từ trang khác — đặt ảnh vào thư mục content/hinh-anh/ rồi chèn bằng «![mô tả ảnh]({static}/hinh-anh/ten-anh.png)»; liên kết tới trang khác thì viết «[tên](https://…)»'),
    ("status in the guide's words", 'cap-nhat/2025-11-a.md', 'trang_thai: đang thực hiện', 'trang_thai: xong',
     'cap-nhat/2025-11-a.md:21: trường «trang_thai»: trạng thái «xong» không có trong danh sách — một trong: «chưa triển khai», «đang thực hiện», «hoàn thành», «tạm dừng»'),
    ('unit kind', 'don-vi/don-vi.yaml', '  loai: phong\n', '  loai: phòng ban\n',
     'don-vi/don-vi.yaml:15: trường «loai»: loại đơn vị «phòng ban» không có trong danh sách — một trong: «trung-uong», «thanh-pho», «so», «phuong», «dang-uy», «ban-chi-dao», «phong», «don-vi-su-nghiep», «to-chuc», «doanh-nghiep», «nhom», «khac»'),
    ('indented key', 'cap-nhat/2025-11-a.md', '    nguon: Hệ thống mẫu', '   nguon: Hệ thống mẫu',
     'cap-nhat/2025-11-a.md:9: tệp: dòng «nguon:» thụt lề khác các trường cùng cấp — các trường cùng cấp thẳng cột với nhau (cùng số dấu cách ở đầu dòng)'),
    ('unclosed bracket', 'ke-hoach/b.md', 'tieu_de: Kế hoạch', 'tieu_de: [Kế hoạch',
     'ke-hoach/b.md:4: tệp: danh sách «[…» không có dấu «]» đóng — đóng danh sách bằng «]», hoặc viết mỗi mục một dòng bắt đầu bằng «- »'),
    ('unclosed quote', 'ke-hoach/b.md', 'tieu_de: Kế hoạch thử nghiệm', 'tieu_de: "Kế hoạch thử nghiệm',
     'ke-hoach/b.md:4: tệp: ngoặc kép không được đóng — thêm dấu ngoặc kép đóng ở cuối giá trị'),
    ('missing colon', 'ke-hoach/b.md', 'don_vi: Sở B\n', 'don_vi Sở B\n',
     'ke-hoach/b.md:5: tệp: thiếu dấu «:» sau tên trường — viết «tên_trường: giá trị» (dấu hai chấm rồi một dấu cách)'),
]


def report_of(tmp_path, relpath, old, new, more=()):
    content = copy_site("basic", tmp_path)
    path = content / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {relpath}"
    text = text.replace(old, new, 1)
    for before, after in more:
        assert before in text
        text = text.replace(before, after, 1)
    path.write_text(text, encoding="utf-8")
    portal, problems = load_portal(content, judging_date=JUDGING)
    return portal, [line.replace(f"{content}/", "") for line in problems.report()]


@pytest.mark.parametrize("kind, relpath, old, new, expected", CASES, ids=[c[0] for c in CASES])
def test_each_kind_is_one_line_with_its_message(tmp_path, kind, relpath, old, new, expected):
    _, report = report_of(tmp_path, relpath, old, new)
    assert report == [expected]


@pytest.mark.parametrize("written, value", [("1.500 hồ sơ", 1500.0), ("1.234.567,5 hồ sơ", 1234567.5),
                                            ("25 dịch vụ", 25.0)])
def test_goals_read_as_vietnamese_write_them(tmp_path, written, value):
    portal, report = report_of(tmp_path, "ke-hoach/a.md", "muc_tieu: 25 dịch vụ", f"muc_tieu: {written}")
    assert report == []
    assert portal.targets["a-ct-moi-nhat"].goal.value == value


@pytest.mark.parametrize("written, value", [("1.200", 1200.0), ("1.000", 1000.0), ("12,5", 12.5),
                                            ("12 dịch vụ", 12.0)])
def test_values_read_as_vietnamese_write_them(tmp_path, written, value):
    portal, report = report_of(tmp_path, "cap-nhat/2025-11-a.md", "gia_tri: 12", f'gia_tri: "{written}"')
    assert report == []
    assert [r.value for r in portal.targets["a-ct-moi-nhat"].reports][-1] == value


def test_percent_value_on_a_percent_goal_is_fine(tmp_path):
    portal, report = report_of(tmp_path, "cap-nhat/2025-11-a.md", "gia_tri: 95", "gia_tri: 95%")
    assert report == [] and portal.targets["a-ct-dat"].reports[-1].value == 95.0


def test_five_mistakes_in_one_update_are_all_reported_at_once(tmp_path):
    _, report = report_of(tmp_path, "cap-nhat/2025-11-a.md", "ngay: 20/11/2025", "ngay: 31/11/2025", more=[
        ("don_vi: Sở A", "don_vi: Sở Z"), ("gia_tri: 95", "gia_tri: chín lăm"), ("ma: a-ct-cham", "ma: a-ct-xx"),
        ("trang_thai: đang thực hiện", "trang_thai: xong")])
    assert [line.split(":")[1] for line in report] == ["3", "4", "8", "13", "21"]
    assert "không có trên lịch" in report[0] and "không tìm thấy đơn vị «Sở Z»" in report[1]


def test_broken_front_matter_does_not_hide_the_blocks(tmp_path):
    _, report = report_of(tmp_path, "ke-hoach/b.md", "tieu_de: Kế hoạch", "tieu_de: [Kế hoạch",
                          more=[("linh_vuc: nhân lực số", "linh_vuc: nhân lực")])
    assert [line.split(":")[1] for line in report] == ["4", "16"]  # no knock-on from the missing issuer


def test_a_unit_with_a_wrong_kind_is_one_line(tmp_path):
    """Before: the unit vanished and every plan, task and update naming it was reported too."""
    _, report = report_of(tmp_path, "don-vi/don-vi.yaml", "  loai: so\n", "  loai: cơ quan\n")
    assert len(report) == 1 and "«loai»" in report[0]


def test_a_plan_needs_a_body(tmp_path):
    content = copy_site("basic", tmp_path)
    path = content / "ke-hoach" / "b.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("---", 4) + 4], encoding="utf-8")
    _, problems = load_portal(content, judging_date=JUDGING)
    report = [line.replace(f"{content}/", "") for line in problems.report()]
    assert report == ["ke-hoach/b.md:8: tệp: kế hoạch không có nội dung sau phần thông tin — chép toàn văn kế "
                         "hoạch (các mục, chỉ tiêu, nhiệm vụ) vào sau dòng «---»"]
