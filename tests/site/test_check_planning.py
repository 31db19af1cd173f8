"""`make check` catches everything that would make `make html` fail (issue 9, item 3): two
sources for one output path, and every input that used to crash the build. Each case: one
`file:line` line in Vietnamese, exit 1, no traceback, in `make check` and in Pelican."""

import os
import shutil
import subprocess
import sys

import pytest

from site_support import JUDGING_DATE, REPO, copy_site

CHECK = [sys.executable, "-m", "pelican.plugins.portal.cli.check", "-s", str(REPO / "pelicanconf.py")]
RENAME = "đổi tên tệp: tên tệp là địa chỉ trang, mỗi địa chỉ chỉ một nguồn"


def run_check(content):
    run = subprocess.run(CHECK + [str(content)], capture_output=True, text=True, cwd=REPO)
    assert "Traceback" not in run.stderr + run.stdout
    return run.returncode, run.stderr.splitlines()


def run_pelican(content, output):
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(REPO / "pelicanconf.py")],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PORTAL_JUDGING_DATE": JUDGING_DATE})
    assert "Traceback" not in run.stderr + run.stdout
    return run.returncode, run.stderr


def problems(content):
    """The problem lines of `make check` (the last line is the count)."""
    status, lines = run_check(content)
    assert status == 1, lines
    return lines[:-1]


# Two sources for one output path ----------------------------------------------------------

def test_a_news_file_copied_into_a_subfolder_named_like_its_category(tmp_path):
    """cap-nhat/tin-tuc/a-ban-hanh.md is a news article of category «tin-tuc» (Pelican takes
    the folder as category): the same address as tin-tuc/a-ban-hanh.md."""
    content = copy_site("basic", tmp_path)
    (content / "cap-nhat" / "tin-tuc").mkdir()
    shutil.copy(content / "tin-tuc" / "a-ban-hanh.md", content / "cap-nhat" / "tin-tuc" / "a-ban-hanh.md")
    assert problems(content) == [
        f"{content}/cap-nhat/tin-tuc/a-ban-hanh.md:1: tệp: địa chỉ «tin-tuc/a-ban-hanh/» trùng với "
        f"{content}/tin-tuc/a-ban-hanh.md:1 — {RENAME}"]


def test_a_news_copy_whose_name_slugifies_the_same(tmp_path):
    content = copy_site("basic", tmp_path)
    shutil.copy(content / "tin-tuc" / "a-ban-hanh.md", content / "tin-tuc" / "A-Ban-Hanh.md")
    lines = problems(content)
    assert f"{content}/tin-tuc/A-Ban-Hanh.md:1: tệp: địa chỉ «tin-tuc/a-ban-hanh/» trùng với " \
           f"{content}/tin-tuc/a-ban-hanh.md:1 — {RENAME}" in lines
    assert len(lines) == 2 and "«A-Ban-Hanh.md» không hợp lệ" in " ".join(lines)


@pytest.mark.parametrize("name, url, what", [
    ("ke-hoach", "ke-hoach/", "trang danh mục kế hoạch"),
    ("don-vi", "don-vi/", "trang danh mục đơn vị"),
    ("tim-kiem", "tim-kiem/", "trang tìm kiếm"),
    ("ve-du-lieu", "ve-du-lieu/", "trang «về dữ liệu»"),
    ("cap-nhat", "cap-nhat/", "trang chuyên mục «cap-nhat»"),
])
def test_a_page_on_an_address_the_portal_uses(tmp_path, name, url, what):
    content = copy_site("basic", tmp_path)
    shutil.copy(content / "trang" / "gioi-thieu.md", content / "trang" / f"{name}.md")
    assert problems(content) == [f"{content}/trang/{name}.md:1: tệp: địa chỉ «{url}» trùng với {what} — {RENAME}"]


def test_a_news_file_named_like_the_second_page_of_its_category(tmp_path):
    """21 news articles make tin-tuc/trang-2/ (DEFAULT_PAGINATION = 20): a file trang-2.md collides."""
    content = copy_site("basic", tmp_path)
    source = content / "tin-tuc" / "a-ban-hanh.md"
    for number in range(1, 20):
        shutil.copy(source, content / "tin-tuc" / f"tin-{number}.md")
    shutil.copy(source, content / "tin-tuc" / "trang-2.md")
    assert problems(content) == [
        f"{content}/tin-tuc/trang-2.md:1: tệp: địa chỉ «tin-tuc/trang-2/» trùng với "
        f"trang chuyên mục «tin-tuc» — {RENAME}"]


def test_a_file_pelican_would_publish_unchecked(tmp_path):
    content = copy_site("basic", tmp_path)
    shutil.copy(content / "tin-tuc" / "a-ban-hanh.md", content / "tin-tuc" / "b.markdown")
    assert problems(content) == [f"{content}/tin-tuc/b.markdown:1: tệp: tệp «b.markdown» sẽ được đăng mà không "
                                 "qua kiểm tra — bài và trang tĩnh là tệp .md"]


def test_a_collision_stops_pelican_before_writing(tmp_path):
    content = copy_site("basic", tmp_path)
    shutil.copy(content / "trang" / "gioi-thieu.md", content / "trang" / "ke-hoach.md")
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("trang cũ", encoding="utf-8")
    status, stderr = run_pelican(content, output)
    assert status == 1
    assert f"{content}/trang/ke-hoach.md:1: tệp: địa chỉ «ke-hoach/» trùng với trang danh mục kế hoạch" in stderr
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text(encoding="utf-8") == "trang cũ"


# Inputs that used to crash the build ------------------------------------------------------

DIGITS = "9" * 400
BOMB = ('x: &a ["l","l","l","l","l","l","l","l","l"]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        'z: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n')
LIMIT_YAML = "danh sách và nhóm trường chỉ cần vài cấp; viết theo mẫu trong docs/mau/"
CRASHES = [
    # (file, text replaced, new text, the expected line (relative path), its line number)
    ("ke-hoach/a.md", "muc_tieu: trên 90%", f"muc_tieu: {DIGITS} hệ thống",
     "trường «muc_tieu»: số «99999999999999999999…»", 22),
    ("ke-hoach/b.md", "tieu_de: Kế hoạch", BOMB + "tieu_de: Kế hoạch",
     "tệp: YAML dùng neo hoặc bí danh «&a» — viết đầy đủ giá trị ở từng chỗ; giá trị bắt đầu bằng «&» "
     "hoặc «*» thì đặt trong ngoặc kép", 4),
    ("ke-hoach/a.md", "tieu_de: ", "sau: " + "[" * 100_000 + "]" * 100_000 + "\ntieu_de: ",
     f"tệp: dữ liệu YAML lồng quá sâu (hơn 20 dấu ngoặc «[» hoặc «{{» chưa đóng) — {LIMIT_YAML}", 4),
    ("don-vi/don-vi.yaml", "- ma: so-a", "- " * 5000 + "x\n- ma: so-a",
     f"tệp: dữ liệu YAML thụt lề quá sâu (hơn 100 ký tự dấu cách, «- », «> » ở đầu dòng) — {LIMIT_YAML}", 6),
    ("tin-tuc/a-ban-hanh.md", "Bài tin mẫu.", "".join("    " * i + "- mục\n" for i in range(40)),
     "tệp: nội dung Markdown thụt lề quá sâu (hơn 100 ký tự dấu cách, «- », «> » ở đầu dòng) — "
     "danh sách, trích dẫn và liên kết chỉ lồng vài cấp", None),
    ("cap-nhat/2025-10-a.md", "Số liệu", "x" * 1_600_000,
     "tệp: tệp quá lớn (1.6 MB, tối đa 1 MB) — chia nội dung thành nhiều tệp nhỏ hơn", 1),
]


@pytest.mark.parametrize("relpath, old, new, message, line", CRASHES,
                         ids=["400-digits", "alias-bomb", "flow-nesting", "block-nesting", "markdown-nesting",
                              "huge-file"])
def test_each_crash_class_is_one_line_in_check_and_build(tmp_path, relpath, old, new, message, line):
    content = copy_site("basic", tmp_path)
    path = content / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {relpath}"
    if line is None:  # the body: item 25 is the first indented by more than 100 characters
        line = text[: text.index(old)].count("\n") + 1 + 25
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    lines = problems(content)  # a broken plan or unit also leaves references to it unresolved
    assert any(text.startswith(f"{path}:{line}: {message}") for text in lines), lines
    status, stderr = run_pelican(content, tmp_path / "output")
    assert status == 1 and f"{path}:{line}: {message}" in stderr
    assert not (tmp_path / "output").exists()


def test_the_plan_is_what_pelican_writes(tmp_path, basic_site):
    """Every planned path is written by the real build, and every page the build writes was
    planned (open data, search index and cards are folders of their own, not planned file by file;
    theme/ is the theme's static files, copied as they are)."""
    from pelican.settings import read_settings
    from pelican.plugins.portal.content import load_portal
    from pelican.plugins.portal.pages.plan_urls import plan_outputs
    from pelican.plugins.portal.problems import ProblemLog
    from pelican.plugins.portal.settings import apply_defaults

    content = REPO / "tests" / "sites" / "basic"
    settings = read_settings(str(REPO / "pelicanconf.py"), override={"PATH": str(content)})
    apply_defaults(settings)
    portal, found = load_portal(content, settings["PORTAL_FOLDERS"])
    problems = ProblemLog()
    planned = set(plan_outputs(portal, settings, problems))
    assert not found and not problems
    written = {str(p.relative_to(basic_site.output)) for p in basic_site.output.rglob("*") if p.is_file()}
    assert planned <= written, planned - written
    pages = {p for p in written if (p.endswith(".html") or p.endswith(".svg")) and not p.startswith("theme/")}
    assert pages <= planned, pages - planned
    assert {"ke-hoach/index.html", "tin-tuc/a-ban-hanh/index.html", "gioi-thieu/index.html",
            "cap-nhat/index.html", "index.html", "tim-kiem/index.html"} <= planned
