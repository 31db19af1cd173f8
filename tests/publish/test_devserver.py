"""`make devserver` / `make regenerate` (tools/devserver.py): a content error is printed once per
change, then the preview waits quietly; fixing the file rebuilds it. A saved file's own mistake
is printed before any build; a saved article shows at once; a save during a build is not lost."""

import subprocess
import sys
import time
from contextlib import contextmanager

from site_support import REPO
from publish_support import basic_content, build_env

PROBLEM = "không hợp lệ — mã chỉ gồm chữ thường không dấu"


def wait_for(log, text, timeout=90):
    deadline = time.monotonic() + timeout
    while text not in log.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, f"«{text}» never came:\n{log.read_text(encoding='utf-8')}"
        time.sleep(0.1)


def wait_for_count(log, text, n, timeout=90):
    deadline = time.monotonic() + timeout
    while log.read_text(encoding="utf-8").count(text) < n:
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.05)


@contextmanager
def devserver(content, output, log):
    """`make regenerate` on `content` into `output`, its console in `log`; killed on exit."""
    with open(log, "w", encoding="utf-8") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "tools.devserver", "-r", str(content), "-o", str(output),
             "-s", str(REPO / "pelicanconf.py")],
            cwd=REPO, env=build_env(), stdout=handle, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.kill()
        process.wait()


def set_plan_id(plan, value):
    text = plan.read_text(encoding="utf-8")
    head, _, rest = text.partition("\nma: ")
    plan.write_text(head + f"\nma: {value}\n" + rest.partition("\n")[2], encoding="utf-8")


def test_each_error_is_printed_once_per_change_then_the_preview_waits(tmp_path):
    content = basic_content(tmp_path)
    plan = content / "ke-hoach" / "a.md"
    set_plan_id(plan, "kh a!")
    log = tmp_path / "devserver.log"
    with devserver(content, tmp_path / "output", log):
        wait_for(log, "«kh a!»")
        time.sleep(2)  # Pelican 4.12's own loop printed the line ~100 times a second
        text = log.read_text(encoding="utf-8")
        assert text.count(PROBLEM) == 1, text
        assert text.count("Nội dung có 1 lỗi; không xuất bản trang nào. Bản xem trước giữ nguyên") == 1
        assert "Traceback" not in text
        set_plan_id(plan, "kh a?")  # another mistake: printed once too
        wait_for(log, "«kh a?»")
        time.sleep(2)
        assert log.read_text(encoding="utf-8").count(PROBLEM) == 2
        set_plan_id(plan, "kh-a")  # fixed: the preview is built
        wait_for(log, "Done: Processed")
        time.sleep(2)
        text = log.read_text(encoding="utf-8")
        assert text.count(PROBLEM) == 2 and text.count("Done: Processed") == 1, text
        assert (tmp_path / "output" / "ke-hoach" / "kh-a" / "index.html").is_file()


def test_a_mistake_in_a_saved_file_is_printed_without_starting_a_whole_build(tmp_path):
    """After a good build, the saved file is read alone against its model: its problem is
    printed once, with the line saying the preview is kept, and no build runs until it is fixed."""
    content = basic_content(tmp_path)
    update = content / "cap-nhat" / "2025-11-a.md"
    good = update.read_text(encoding="utf-8")
    log = tmp_path / "devserver.log"
    with devserver(content, tmp_path / "output", log):
        wait_for(log, "Đã dựng lại xong")
        time.sleep(1)
        update.write_text(good.replace("  - ma: a-pl-2\n", "  - ma: a-pl-9\n"), encoding="utf-8")
        wait_for(log, "chưa dựng lại")
        time.sleep(2)
        text = log.read_text(encoding="utf-8")
        assert text.count("không có nhiệm vụ mã «a-pl-9»") == 1, text
        assert text.count("Tệp vừa lưu có 1 lỗi; chưa dựng lại. Bản xem trước giữ nguyên") == 1, text
        assert text.count("Done: Processed") == 1 and "Traceback" not in text, text
        assert (tmp_path / "output" / "cap-nhat" / "2025-11-a" / "index.html").is_file()
        # Another, correct, file saved while the mistake stays: not shown ahead of a build that
        # refuses the content (the whole build prints the mistake, once).
        other = content / "cap-nhat" / "2025-10-a.md"
        other.write_text(other.read_text(encoding="utf-8") + "\nCâu mới.\n", encoding="utf-8")
        wait_for(log, "Nội dung có 1 lỗi; không xuất bản trang nào. Bản xem trước giữ nguyên")
        text = log.read_text(encoding="utf-8")
        assert "Đã hiện" not in text and text.count("không có nhiệm vụ mã «a-pl-9»") == 2, text
        assert "Câu mới." not in (tmp_path / "output" / "cap-nhat" / "2025-10-a" / "index.html").read_text(encoding="utf-8")
        update.write_text(good.replace("Số liệu mẫu", "Số liệu đã sửa"), encoding="utf-8")
        wait_for_count(log, "Đã dựng lại xong", 2)
        assert log.read_text(encoding="utf-8").count("không có nhiệm vụ mã «a-pl-9»") == 2
        assert "Câu mới." in (tmp_path / "output" / "cap-nhat" / "2025-10-a" / "index.html").read_text(encoding="utf-8")


def test_a_saved_update_shows_at_once_as_the_whole_build_then_writes_it(tmp_path):
    """Its page is written from the last good build before the whole build starts, and is the
    page that build writes; the rest of the preview stays in place meanwhile."""
    content = basic_content(tmp_path)
    update = content / "cap-nhat" / "2025-11-a.md"
    good = update.read_text(encoding="utf-8")
    output, log = tmp_path / "output", tmp_path / "devserver.log"
    page = output / "cap-nhat" / "2025-11-a" / "index.html"
    with devserver(content, output, log):
        wait_for(log, "Đã dựng lại xong")
        time.sleep(2)
        for n, edited in enumerate([good.replace("Số liệu mẫu", "Số liệu đã sửa"),
                                    good.replace("gia_tri: 95", "gia_tri: 97")]):
            update.write_text(edited, encoding="utf-8")
            wait_for_count(log, "Đã hiện cap-nhat/2025-11-a/index.html", n + 1)
            shown = page.read_text(encoding="utf-8")
            assert (output / "index.html").is_file() and (output / "ke-hoach" / "index.html").is_file()
            wait_for_count(log, "Đã dựng lại xong", n + 2)
            assert page.read_text(encoding="utf-8") == shown
        assert "Số liệu đã sửa" not in shown and "97" in shown


def test_a_save_made_while_a_build_runs_is_built_next(tmp_path):
    """Pelican's loop starts watching when a build has ended: a save made during a build was lost."""
    content = basic_content(tmp_path)
    news, update = content / "tin-tuc" / "a-ban-hanh.md", content / "cap-nhat" / "2025-10-a.md"
    output, log = tmp_path / "output", tmp_path / "devserver.log"
    with devserver(content, output, log):
        wait_for(log, "Đã dựng lại xong")
        time.sleep(2)
        news.write_text(news.read_text(encoding="utf-8") + "\nTin sửa lần một.\n", encoding="utf-8")
        wait_for(log, "re-generating")
        update.write_text(update.read_text(encoding="utf-8") + "\nBài sửa trong lúc dựng.\n", encoding="utf-8")
        text = log.read_text(encoding="utf-8")
        assert text.count("Done: Processed") == 1, "the save came after the build; the test proves nothing"
        deadline = time.monotonic() + 120
        page = output / "cap-nhat" / "2025-10-a" / "index.html"
        while not (page.is_file() and "Bài sửa trong lúc dựng." in page.read_text(encoding="utf-8")):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        assert "Tin sửa lần một." in (output / "tin-tuc" / "a-ban-hanh" / "index.html").read_text(encoding="utf-8")
