"""`make rsync_upload` and `make rollback`: whole releases on the server, switched by a symlink
(the Capistrano pattern), so a reader never sees a half-copied site.

    python -m tools.upload output --target user@host:/var/www/chuyen-doi-so --remote-shell "ssh user@host"
    python -m tools.upload --rollback --target … --remote-shell …

On the server, in the target folder:

    releases/20251130T101500.123456Z/          one complete upload each
    releases/20251130T101500.123456Z.partial/  an upload in progress (removed if it died, after an hour)
    current -> releases/20251130T101500.123456Z   what the web server serves (nginx: alias …/current/)

An upload: (1) reserve `releases/<time>.partial/` and read where `current` points; (2) rsync
the built site into it, hard-linking every unchanged file to the current release
(`--link-dest`), so only changes cross the network and take disk space; (3) check it has a
non-empty index.html, rename it to `releases/<time>/`, make a new symlink and rename it over
`current` (`mv -T`: one rename(2)); (4) remove all but the newest `--keep` releases, never the
current one. A failure before (3) leaves `current` as it was. `--rollback` points `current` at
the release before it.

Remote commands go through `--remote-shell` (`ssh -p 22 user@host`; a test uses `sh -c` and a
local folder as the target): each is one POSIX sh script passed as one argument.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
from datetime import datetime, timezone

RELEASE = re.compile(r"^\d{8}T\d{6}\.\d{6}Z$")
REMOTE = re.compile(r"^[^/:]+:")  # rsync's [user@]host:path (a colon before any slash)
KEEP = 5


class UploadFailed(Exception):
    """One line for the operator; the live release is unchanged."""


class Server:
    """The release folder on the server, reached by rsync at `target` and by `remote_shell`."""

    def __init__(self, target, remote_shell, rsync_rsh="ssh"):
        self.target = target.rstrip("/") or "/"
        self.folder = REMOTE.sub("", self.target) if REMOTE.match(self.target) else self.target
        self.remote_shell = shlex.split(remote_shell)
        self.rsync_rsh = rsync_rsh

    def run(self, script, what):
        """Run a sh script in the release folder on the server; returns its output lines."""
        folder = shlex.quote(self.folder)
        script = f"set -e\nmkdir -p {folder}\ncd {folder}\n{script}"
        try:
            done = subprocess.run(self.remote_shell + [script], capture_output=True, text=True)
        except OSError as error:
            raise UploadFailed(f"{self.remote_shell[0]}: không chạy được ({error.strerror}) — "
                               "kiểm tra REMOTE_SHELL") from None
        if done.returncode != 0:
            detail = (done.stderr.strip().splitlines() or ["không có thông báo"])[-1]
            raise UploadFailed(f"{self.target}: {what} thất bại (mã {done.returncode}): {detail}")
        return done.stdout.splitlines()

    def state(self):
        """(release `current` points to or None, complete releases oldest first)."""
        lines = self.run('mkdir -p releases\n'
                         'if [ -d current ] && [ ! -L current ]; then '
                         'echo "current là thư mục, cần là liên kết tới releases/<thời điểm> (xem docs/xuat-ban.md)" >&2; '
                         'exit 3; fi\n'
                         'echo "current=$(readlink current || true)"\nls -1 releases',
                         "đọc trạng thái máy chủ")
        current = lines[0].partition("=")[2].rstrip("/").rpartition("/")[2] or None
        return current, sorted(name for name in lines[1:] if RELEASE.match(name))

    def switch(self, release):
        """Point `current` at releases/<release> with one rename."""
        temp = f"current.tmp-{release}"
        self.run(f"test -d releases/{release}\n"
                 f"ln -sfn releases/{release} {temp}\n"
                 f"mv -T {temp} current", "chuyển liên kết current")


def upload(source, server, keep=KEEP):
    """Upload the built site `source` as a new release, switch to it, prune; returns its name."""
    release = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    partial = f"{release}.partial"
    current, releases = server.state()
    server.run("find releases -maxdepth 1 -name '*.partial' -mmin +60 -exec rm -rf {} +\n"
               f"mkdir releases/{partial}", "tạo thư mục bản phát hành")
    command = ["rsync", "-e", server.rsync_rsh, "-rlpcz", "--chmod=D755,F644", "--delete"]
    if current in releases:
        command.append(f"--link-dest=../{current}")
    command += [f"{source.rstrip('/')}/", f"{server.target}/releases/{partial}/"]
    try:
        done = subprocess.run(command, capture_output=True, text=True)
    except OSError as error:
        done = subprocess.CompletedProcess(command, 127, "", f"rsync: {error.strerror}")
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["không có thông báo"])[-1]
        try:
            server.run(f"rm -rf releases/{partial}", "xóa bản tải dở")
        except UploadFailed:
            pass
        raise UploadFailed(f"{server.target}: rsync thất bại (mã {done.returncode}): {detail} — "
                           "bản đang chạy không đổi")
    server.run(f"test -s releases/{partial}/index.html\nmv releases/{partial} releases/{release}",
               "kiểm tra bản tải lên (cần index.html)")
    server.switch(release)
    prune(server, [*releases, release], release, keep)
    return release


def prune(server, releases, current, keep):
    """Remove all but the `keep` newest releases; never `current`."""
    old = [name for name in sorted(releases)[:-keep] if name != current]
    if old:
        server.run("rm -rf " + " ".join(f"releases/{name}" for name in old), "xóa bản phát hành cũ")


def rollback(server, to=None):
    """Point `current` at `to`, or at the release before the current one; returns its name."""
    current, releases = server.state()
    if to is None:
        if current not in releases or releases.index(current) == 0:
            raise UploadFailed(f"{server.target}: không có bản phát hành nào trước «{current}» để quay lại")
        to = releases[releases.index(current) - 1]
    elif to not in releases:
        raise UploadFailed(f"{server.target}: không có bản phát hành «{to}» — có: {', '.join(releases) or 'không bản nào'}")
    server.switch(to)
    return to


def main(argv=None):
    """Command line; see the module docstring."""
    parser = argparse.ArgumentParser(description="Tải trang đã dựng lên máy chủ thành một bản phát hành mới, "
                                                 "rồi chuyển liên kết current sang nó.")
    parser.add_argument("source", nargs="?", help="thư mục trang đã dựng (output)")
    parser.add_argument("--target", required=True, help="thư mục trên máy chủ, dạng của rsync: user@host:/var/www/chuyen-doi-so")
    parser.add_argument("--remote-shell", required=True, help="lệnh chạy một script sh trên máy chủ: «ssh -p 22 user@host»")
    parser.add_argument("--rsync-rsh", default="ssh", help="tham số -e của rsync (mặc định ssh)")
    parser.add_argument("--keep", type=int, default=KEEP, help=f"số bản phát hành giữ lại (mặc định {KEEP})")
    parser.add_argument("--rollback", action="store_true", help="quay lại bản phát hành trước bản đang chạy")
    parser.add_argument("--to", help="với --rollback: tên bản phát hành muốn quay lại")
    args = parser.parse_args(argv)
    if args.keep < 2:
        parser.error("--keep phải ít nhất là 2 (bản đang chạy và một bản để quay lại)")
    server = Server(args.target, args.remote_shell, args.rsync_rsh)
    try:
        if args.rollback:
            print(f"{server.target}: current → releases/{rollback(server, args.to)}")
            return 0
        if not args.source:
            parser.error("cần thư mục trang đã dựng")
        index = os.path.join(args.source, "index.html")
        if not os.path.isfile(index) or os.path.getsize(index) == 0:
            raise UploadFailed(f"{index}: thiếu hoặc rỗng — dựng trang trước («make publish»)")
        print(f"{server.target}: current → releases/{upload(args.source, server, args.keep)}")
    except UploadFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
