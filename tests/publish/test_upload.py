"""`make rsync_upload` / `make rollback` (tools/upload.py) against a local folder standing in for
the server: the remote shell is `sh -c`, the rsync target a local path (no ssh needed)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_support import REPO
from publish_support import basic_content, build_env, edit_news, run_build, tree

if not shutil.which("rsync"):
    pytest.skip("rsync is missing: run `make test` (it installs Debian's rsync)", allow_module_level=True)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Three different builds of tests/sites/basic: [output folder, …]."""
    tmp = tmp_path_factory.mktemp("upload")
    content = basic_content(tmp)
    outputs = []
    for n in range(3):
        edit_news(content, f"Bản {n}.")
        output = tmp / f"build-{n}" / "output"
        done = run_build(content, output)
        assert done.returncode == 0, done.stderr
        outputs.append(output)
    return outputs


def upload(server, *args, source=None):
    command = [sys.executable, "-m", "tools.upload", *([str(source)] if source else []),
               "--target", str(server), "--remote-shell", "sh -c", "--keep", "2", *args]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


def releases(server):
    return sorted(p.name for p in (server / "releases").iterdir())


def current(server):
    return os.readlink(server / "current")


def test_each_upload_is_a_whole_release_switched_in_and_old_ones_pruned(builds, tmp_path):
    server = tmp_path / "srv"
    names = []
    for output in builds:
        done = upload(server, source=output)
        assert done.returncode == 0, done.stderr
        names.append(done.stdout.strip().rpartition("releases/")[2])
        assert current(server) == f"releases/{names[-1]}"
        assert tree(server / "current") == tree(output)
    assert releases(server) == names[-2:]  # --keep 2
    # unchanged files are hard links to the release before: only changes take space
    before, now = server / "releases" / names[-2], server / "releases" / names[-1]
    assert (before / "ke-hoach/kh-a/index.html").stat().st_ino == (now / "ke-hoach/kh-a/index.html").stat().st_ino
    assert (before / "tin-tuc/a-ban-hanh/index.html").stat().st_ino != (now / "tin-tuc/a-ban-hanh/index.html").stat().st_ino


def test_rollback_switches_to_the_release_before(builds, tmp_path):
    server = tmp_path / "srv"
    for output in builds[:2]:
        assert upload(server, source=output).returncode == 0
    first, second = releases(server)
    done = upload(server, "--rollback")
    assert done.returncode == 0, done.stderr
    assert current(server) == f"releases/{first}" and tree(server / "current") == tree(builds[0])
    done = upload(server, "--rollback")
    assert done.returncode == 1 and done.stderr.strip() == (
        f"{server}: không có bản phát hành nào trước «{first}» để quay lại")
    done = upload(server, "--rollback", "--to", second)
    assert done.returncode == 0 and current(server) == f"releases/{second}"


def test_a_failed_transfer_leaves_the_live_release_and_no_partial(builds, tmp_path):
    server = tmp_path / "srv"
    assert upload(server, source=builds[0]).returncode == 0
    live = current(server)
    # an unreachable server: rsync's remote shell fails at once (the state commands still run locally)
    done = subprocess.run([sys.executable, "-m", "tools.upload", str(builds[1]), "--target", f"khong-co-may:{server}",
                           "--remote-shell", "sh -c", "--rsync-rsh", "false"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"khong-co-may:{server}: rsync thất bại (mã ")
    assert done.stderr.strip().endswith("— bản đang chạy không đổi")
    assert current(server) == live and len(releases(server)) == 1
    assert tree(server / "current") == tree(builds[0])


def test_a_current_folder_from_before_releases_is_refused(builds, tmp_path):
    server = tmp_path / "srv"
    (server / "current").mkdir(parents=True)
    done = upload(server, source=builds[0])
    assert done.returncode == 1
    assert "current là thư mục, cần là liên kết tới releases/<thời điểm>" in done.stderr
    assert list((server / "current").iterdir()) == []


def test_an_unbuilt_site_is_not_uploaded(tmp_path):
    done = upload(tmp_path / "srv", source=tmp_path / "output")
    assert done.returncode == 1
    assert done.stderr.strip() == f"{tmp_path / 'output' / 'index.html'}: thiếu hoặc rỗng — dựng trang trước («make publish»)"
    assert not (tmp_path / "srv").exists()


def test_make_rollback_and_rsync_upload_take_a_local_target(builds, tmp_path):
    """The Makefile's recipes with RSYNC_TARGET and REMOTE_SHELL pointing at a local folder."""
    server = tmp_path / "srv"
    for output in builds[:2]:
        assert upload(server, source=output).returncode == 0
    make = ["make", "--no-print-directory", f"RSYNC_TARGET={server}", "REMOTE_SHELL=sh -c"]
    done = subprocess.run([*make, "rollback"], cwd=REPO, capture_output=True, text=True, env=build_env())
    assert done.returncode == 0, done.stderr
    assert tree(server / "current") == tree(builds[0])
    # rsync_upload = publish (the real content/, here into a temp folder) + upload
    output = tmp_path / "output"
    done = subprocess.run([*make, "rsync_upload", f"OUTPUTDIR={output}"], cwd=REPO, capture_output=True, text=True,
                          env=build_env(SITEURL="https://example.gov.vn/chuyen-doi-so"), timeout=600)
    assert done.returncode == 0, done.stderr
    assert tree(server / "current") == tree(output)
    assert "https://example.gov.vn/chuyen-doi-so/ke-hoach/" in Path(server / "current" / "index.html").read_text(encoding="utf-8")
