"""content/files.py: the link check and the name rule on small folders (no build)."""

import os

from pelican.plugins.portal.content.files import check_links, check_names
from pelican.plugins.portal.problems import ProblemLog
from pelican.plugins.portal.settings import DEFAULT_FOLDERS


def test_a_named_pipe_is_refused_before_anything_reads_it(tmp_path):
    """Reading a FIFO would block the build forever."""
    (tmp_path / "hinh-anh").mkdir()
    os.mkfifo(tmp_path / "hinh-anh" / "ong")
    problems = ProblemLog()
    assert check_links(tmp_path, "content", problems) is False
    assert problems.report() == [f"{tmp_path}/hinh-anh/ong:1: tệp: không phải tệp thường (ống, thiết bị…) — "
                                 "chỉ đặt tệp văn bản và ảnh trong thư mục"]


def test_links_in_nested_folders_are_found_and_not_followed(tmp_path):
    deep = tmp_path / "tin-tuc" / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "c.md").symlink_to("/etc/hostname")
    (tmp_path / "tin-tuc" / "vong").symlink_to(tmp_path)  # a loop: must not be walked
    problems = ProblemLog()
    assert check_links(tmp_path, "content", problems) is False
    assert [line.split(":1:")[0] for line in problems.report()] == [str(deep / "c.md"), str(tmp_path / "tin-tuc/vong")]


def test_folder_names_follow_the_rule_too(tmp_path):
    (tmp_path / "tin-tuc" / "Tháng 11").mkdir(parents=True)
    (tmp_path / "ghi-chu" / "Tự Do.txt").parent.mkdir()
    (tmp_path / "ghi-chu" / "Tự Do.txt").write_text("x", encoding="utf-8")  # not a content folder: not checked
    problems = ProblemLog()
    check_names(tmp_path, DEFAULT_FOLDERS, problems)
    assert problems.report() == [
        f"{tmp_path}/tin-tuc/Tháng 11:1: tệp: tên thư mục «Tháng 11» không hợp lệ — chỉ dùng chữ thường không dấu, "
        "số và dấu gạch ngang (tên là địa chỉ trang); đổi tên thành «thang-11»"]
