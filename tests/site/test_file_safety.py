"""Nothing from outside content/ (or the theme) is read or published; file names follow the
guide (issue 16). Each case: `make check` and a Pelican build both stop with one line per
problem, exit 1, no traceback, and the previous output/ is untouched."""

import os
import shutil
import subprocess
import sys

import pytest

from site_support import JUDGING_DATE, REPO, build, copy_site
from pelican.plugins.portal.problems import ContentError

CHECK = [sys.executable, "-m", "pelican.plugins.portal.cli.check", "-s", str(REPO / "pelicanconf.py")]
SECRET = "SECRET-TOKEN-f00d"
OUTSIDE = "liên kết trỏ ra ngoài thư mục content"


def check(content):
    run = subprocess.run(CHECK + [str(content)], capture_output=True, text=True, cwd=REPO)
    assert "Traceback" not in run.stderr + run.stdout
    return run.returncode, run.stderr.splitlines()


def pelican(content, output, *extra):
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(REPO / "pelicanconf.py"), *extra],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PORTAL_JUDGING_DATE": JUDGING_DATE})
    assert "Traceback" not in run.stderr + run.stdout
    return run.returncode, run.stderr


@pytest.fixture
def secret(tmp_path):
    """A file and a folder outside the repository and outside content/."""
    folder = tmp_path / "ngoai"
    folder.mkdir()
    (folder / "khoa.txt").write_text(SECRET, encoding="utf-8")
    news = (REPO / "tests/sites/basic/tin-tuc/a-ban-hanh.md").read_text(encoding="utf-8")
    (folder / "tin.md").write_text(news.replace("Số liệu", SECRET), encoding="utf-8")
    return folder


def output_bytes(output):
    return b"".join(p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file())


LINKS = [
    # (link inside content/, target: "abs:<name>" outside, "rel:<name>" outside via ../, or a path inside)
    ("hinh-anh/anh.png", "abs:khoa.txt"),
    ("tin-tuc/tin-moi.md", "rel:tin.md"),
    ("hinh-anh/thu-muc", "abs:"),
]


@pytest.mark.parametrize("link, target", LINKS, ids=["file-absolute", "file-relative", "folder"])
def test_a_link_out_of_content_stops_check_and_build(tmp_path, secret, link, target):
    content = copy_site("basic", tmp_path)
    output = build(content, tmp_path / "output")
    before = output_bytes(output)
    path = content / link
    path.parent.mkdir(exist_ok=True)
    kind, name = target.split(":")
    goal = secret / name if name else secret
    os.symlink(goal if kind == "abs" else os.path.relpath(goal, path.parent), path)
    status, lines = check(content)
    assert status == 1
    assert f"{path}:1: tệp: {OUTSIDE} (tới «{os.readlink(path)}») — chỉ đặt tệp thật trong thư mục content; " \
           "xóa liên kết rồi chép tệp cần dùng vào đây" in lines
    status, stderr = pelican(content, output)
    assert status == 1 and f"{path}:1: tệp: {OUTSIDE}" in stderr
    assert output_bytes(output) == before and SECRET.encode() not in before


def test_a_link_inside_content_is_refused_too(tmp_path):
    """One rule: no links in content/ at all (a copy works everywhere, also on Windows)."""
    content = copy_site("basic", tmp_path)
    path = content / "tin-tuc" / "ban-sao.md"
    os.symlink("a-ban-hanh.md", path)
    status, lines = check(content)
    assert status == 1 and lines[0] == (
        f"{path}:1: tệp: là liên kết (symlink) tới «a-ban-hanh.md» — thay liên kết bằng một bản chép thật; "
        "cổng không đọc liên kết trong thư mục content")


def test_content_folder_itself_a_link_is_refused(tmp_path, secret):
    (tmp_path / "content").symlink_to(secret)
    status, lines = check(tmp_path / "content")
    assert status == 1 and f"{tmp_path / 'content'}:1: tệp: {OUTSIDE}" in lines[0]


def test_a_theme_file_linked_out_of_the_theme_stops_the_build(tmp_path, secret):
    content = copy_site("basic", tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    os.symlink(secret / "khoa.txt", theme / "static" / "css" / "them.css")
    output = tmp_path / "output"
    with pytest.raises(ContentError):
        build(content, output, THEME=str(theme))
    assert not output.exists()
    status, stderr = pelican(content, output, "-t", str(theme))
    assert status == 1 and f"{theme}/static/css/them.css:1: tệp: liên kết trỏ ra ngoài thư mục theme" in stderr


def test_a_name_that_is_not_utf8_is_an_error(tmp_path):
    content = copy_site("basic", tmp_path)
    source = content / "tin-tuc" / "a-ban-hanh.md"
    bad = os.path.join(os.fsencode(content / "tin-tuc"), b"tin-\xff.md")
    with open(bad, "wb") as handle:
        handle.write(source.read_bytes())
    status, lines = check(content)
    assert status == 1
    assert f"{content}/tin-tuc/tin-\\xff.md:1: tệp: tên tệp không phải chữ UTF-8 — đổi tên tệp, chỉ dùng " \
           "chữ thường không dấu, số và dấu gạch ngang" in lines


def test_a_name_with_capitals_and_spaces_gets_the_right_name_proposed(tmp_path):
    content = copy_site("basic", tmp_path)
    source = content / "tin-tuc" / "a-ban-hanh.md"
    shutil.copy(source, content / "tin-tuc" / "Báo cáo tháng 11.md")
    shutil.copy(content / "trang" / "gioi-thieu.md", content / "trang" / "Lien_He.MD")
    (content / "hinh-anh").mkdir()
    (content / "hinh-anh" / "Ảnh bìa.JPG").write_bytes(b"\xff\xd8")
    status, lines = check(content)
    assert status == 1
    rule = "chỉ dùng chữ thường không dấu, số và dấu gạch ngang (tên là địa chỉ trang)"
    assert f"{content}/tin-tuc/Báo cáo tháng 11.md:1: tệp: tên tệp «Báo cáo tháng 11.md» không hợp lệ — " \
           f"{rule}; đổi tên thành «bao-cao-thang-11.md»" in lines
    assert f"{content}/trang/Lien_He.MD:1: tệp: tên tệp «Lien_He.MD» không hợp lệ — {rule}; " \
           "đổi tên thành «lien-he.md»" in lines
    assert f"{content}/hinh-anh/Ảnh bìa.JPG:1: tệp: tên tệp «Ảnh bìa.JPG» không hợp lệ — {rule}; " \
           "đổi tên thành «anh-bia.jpg»" in lines


def test_a_proposed_name_already_taken_says_so(tmp_path):
    content = copy_site("basic", tmp_path)
    shutil.copy(content / "tin-tuc" / "a-ban-hanh.md", content / "tin-tuc" / "A-ban-hanh.md")
    status, lines = check(content)
    assert status == 1
    assert any(line.startswith(f"{content}/tin-tuc/A-ban-hanh.md:1: tệp: tên tệp «A-ban-hanh.md» không hợp lệ")
               and line.endswith("đổi tên thành «a-ban-hanh.md» (đã có tệp tên này: thêm chữ để khác đi)")
               for line in lines), lines


def test_good_names_and_real_files_pass(tmp_path):
    content = copy_site("basic", tmp_path)
    (content / "hinh-anh").mkdir()
    (content / "hinh-anh" / "anh-bia-2025.jpg").write_bytes(b"\xff\xd8")
    assert check(content)[0] == 0


def test_a_link_is_reported_with_every_other_problem_in_one_run(tmp_path):
    """The link is never followed, and the rest of content/ is still checked: all problems at once."""
    content = copy_site("basic", tmp_path)
    (content / "tin-tuc" / "bi-mat.md").symlink_to("/etc/hostname")
    news = sorted((content / "tin-tuc").glob("*.md"))[0]
    news.rename(content / "tin-tuc" / "Tin Mới.md")
    result = subprocess.run([sys.executable, "-m", "pelican.plugins.portal.cli.check", "-s",
                             str(REPO / "pelicanconf.py"), str(content)], capture_output=True, text=True, cwd=REPO)
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert any("bi-mat.md:1: tệp: liên kết trỏ ra ngoài thư mục content (tới «/etc/hostname»)" in l for l in lines)
    assert any("Tin Mới.md:1: tệp: tên tệp «Tin Mới.md» không hợp lệ" in l for l in lines), lines
    assert lines[-1] == "Nội dung có 2 lỗi; không xuất bản trang nào."
