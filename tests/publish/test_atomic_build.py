"""The atomic build (`make html` → tools/build.py): a build that fails, crashes, runs out of
space or is killed at any moment leaves the previous output/ byte-identical; a good build is
switched in whole, and a reader polling the site never meets a missing page."""

import gzip
import os
import random
import resource
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser_support import Server
from site_support import REPO
from publish_support import basic_content, build_command, build_env, edit_news, run_build, snapshot, tree
from tools.precompress import SUFFIXES


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """tests/sites/basic built once into site/output (a module's tests start from copies)."""
    tmp = tmp_path_factory.mktemp("atomic")
    done = run_build(basic_content(tmp), tmp / "site" / "output")
    assert done.returncode == 0, done.stderr
    return tmp


@pytest.fixture
def built(first_build, tmp_path):
    """A fresh copy of the first build (output is a relative symlink, so it copies as is)."""
    content = shutil.copytree(first_build / "content", tmp_path / "content")
    shutil.copytree(first_build / "site", tmp_path / "site", symlinks=True)
    return content, tmp_path / "site" / "output"


def leftovers(output):
    """Anything beside output/ that is not the output, its releases or its lock."""
    keep = {output.name, f"{output.name}.releases", f"{output.name}.lock"}
    return sorted(p.name for p in output.parent.iterdir() if p.name not in keep)


def assert_failed_cleanly(done, before, output):
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "output/ không thay đổi" in done.stderr
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_output_is_a_symlink_to_a_complete_release_with_gzip_copies(built):
    _, output = built
    assert output.is_symlink() and output.resolve().parent.name == "output.releases"
    for page in ["index.html", "404.html", "ke-hoach/kh-a/index.html", "tim-kiem/index.html"]:
        assert (output / page).stat().st_size > 0, page
    compressed = 0
    for path in output.resolve().rglob("*"):
        gz = path.with_name(path.name + ".gz")
        if path.suffix in SUFFIXES and gz.exists():
            assert gzip.decompress(gz.read_bytes()) == path.read_bytes(), path
            compressed += 1
        elif path.suffix in SUFFIXES:  # not worth compressing: smaller than its .gz would be
            assert path.stat().st_size < 200, path
    assert compressed > 100
    assert not list(output.resolve().rglob("*.png.gz"))
    assert leftovers(output) == []


def test_bad_content_leaves_output_byte_identical(built):
    content, output = built
    before = snapshot(output)
    plan = content / "ke-hoach" / "a.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("ma: kh-a", "ma: kh a!"), encoding="utf-8")
    done = run_build(content, output)
    assert_failed_cleanly(done, before, output)
    assert f"{plan}:2: trường «ma»" in done.stderr


def broken_theme(tmp_path, template, text):
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    (theme / "templates" / template).write_text(text, encoding="utf-8")
    return theme


def test_template_crash_after_validation_leaves_output_byte_identical(built, tmp_path):
    content, output = built
    before = snapshot(output)
    theme = broken_theme(tmp_path, "target.html", "{{ khong_co_ham_nay() }}")
    done = run_build(content, output, "-t", str(theme))
    assert_failed_cleanly(done, before, output)
    assert (f"{theme}/templates/target.html:1: Pelican dừng vì lỗi: UndefinedError: 'khong_co_ham_nay' is undefined "
            "— sửa rồi dựng lại") in done.stderr


def test_an_empty_page_fails_the_check_and_is_never_switched_in(built, tmp_path):
    content, output = built
    before = snapshot(output)
    theme = broken_theme(tmp_path, "about-data.html", "")
    done = run_build(content, output, "-t", str(theme))
    assert_failed_cleanly(done, before, output)
    assert "ve-du-lieu/index.html: tệp rỗng (0 byte) — mọi tệp phải có nội dung" in done.stderr


def _small_disk():
    """In the child: a file may not grow past 16 KB (EFBIG, as a full disk gives ENOSPC)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))


def test_full_disk_leaves_output_byte_identical(built):
    content, output = built
    before = snapshot(output)
    done = run_build(content, output, preexec_fn=_small_disk)
    assert_failed_cleanly(done, before, output)
    assert "File too large" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 2, done.stderr


def _wait_until(process, condition, timeout=120):
    """Poll `condition()` until it is true or the process has ended."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline and not condition():
        time.sleep(0.002)


def _staging(output, pid):
    return output.parent / f"{output.name}.staging-{pid}"


def _has(folder, pattern):
    return any(folder.rglob(pattern)) if folder.is_dir() else False


# Moments to kill a build at: when its staging folder appears, while Pelican writes pages,
# while .gz files are written, and at seeded random times over a whole build.
EVENTS = {
    "staging created": lambda staging: staging.is_dir(),
    "writing pages": lambda staging: _has(staging, "kh-a"),
    "precompressing": lambda staging: _has(staging, "*.gz"),
}


def test_build_killed_at_any_moment_leaves_output_byte_identical(built):
    content, output = built
    edit_news(content, "Bản mới.")  # a build that got to its switch would show this
    rng = random.Random(9)
    moments = [*EVENTS, *(round(rng.uniform(0.3, 4.0), 2) for _ in range(3))]
    before = snapshot(output)
    switched, killed_mid_build = [], 0
    for moment in moments:
        process = subprocess.Popen(build_command(content, output), cwd=REPO, env=build_env(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        staging = _staging(output, process.pid)
        if isinstance(moment, str):
            _wait_until(process, lambda: EVENTS[moment](staging))
        else:
            start = time.monotonic()
            _wait_until(process, lambda: time.monotonic() - start >= moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = snapshot(output)
        if staging.is_dir():  # killed mid-build: the previous output, to the byte
            killed_mid_build += 1
            assert after == before, moment
        elif after != before:  # it had switched before the kill: kept to compare below
            switched.append(after[1])
            before = after
    assert killed_mid_build >= 2, killed_mid_build
    done = run_build(content, output)  # the next build clears what the killed ones left
    assert done.returncode == 0, done.stderr
    assert leftovers(output) == []
    assert all(whole == tree(output) for whole in switched)  # a switched-in site is the whole site


def test_a_reader_never_meets_a_missing_page_during_rebuilds(built):
    content, output = built
    server = Server(output)
    pages = ["/", "/tin-tuc/a-ban-hanh/", "/ke-hoach/kh-a/", "/tim-kiem/"]
    statuses, versions, stop = [], set(), threading.Event()

    def poll():
        while not stop.is_set():
            for page in pages:
                try:
                    with urllib.request.urlopen(server.origin + page) as response:
                        statuses.append(response.status)
                        if page == "/tin-tuc/a-ban-hanh/":
                            versions.add(response.read())
                except urllib.error.HTTPError as error:
                    statuses.append(error.code)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        for n in range(2):
            edit_news(content, f"Phiên bản {n}.")
            done = run_build(content, output)
            assert done.returncode == 0, done.stderr
        time.sleep(0.2)
    finally:
        stop.set()
        poller.join()
        server.stop()
    assert len(statuses) > 100 and set(statuses) == {200}, sorted(set(statuses))
    assert len(versions) == 3  # the first build and two rebuilds, each seen whole
    releases = sorted((output.parent / "output.releases").iterdir())
    assert len(releases) == 2 and output.resolve() == releases[-1]  # the current one and the one before


def test_a_plain_output_folder_is_taken_over(tmp_path):
    """output/ from before this change (or `make devserver`) is a folder: the first atomic
    build turns it into a release and output into a symlink."""
    content = basic_content(tmp_path)
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("cũ", encoding="utf-8")
    done = run_build(content, output)
    assert done.returncode == 0, done.stderr
    assert output.is_symlink()
    releases = sorted((tmp_path / "output.releases").iterdir())
    assert len(releases) == 2 and (releases[0] / "index.html").read_text(encoding="utf-8") == "cũ"
    assert os.path.samefile(output, releases[1])


def test_a_file_where_output_should_be_is_reported(tmp_path):
    content = basic_content(tmp_path)
    output = tmp_path / "output"
    output.write_text("không phải thư mục")
    done = run_build(content, output)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{output}: là một tệp — cần thư mục" in done.stderr
    assert output.read_text() == "không phải thư mục"
