"""`make html`, `make publish`, `make demo`: build into a fresh staging folder, check it,
precompress it, then switch it in whole.

    python -m tools.build [--publish] [--keep N] [pelican arguments: content -o output -s pelicanconf.py …]

The target (`output/`) becomes a symlink to a release folder beside it:

    output -> output.releases/20251130T101500.123456Z/
    output.releases/…        the current release and the one before it (--keep)
    output.staging-<pid>/    a build in progress; removed by the next run if the build died
    output.lock              held while a build runs (two builds never interleave)

Pelican writes into `output.staging-<pid>/`; when it finishes without an error, the folder
must hold every page kind, the search files and no empty file (see
`pelican.plugins.portal.outputs.staging`); then every text file gets a `.gz` for nginx's
`gzip_static`, the folder is renamed into `output.releases/`, and a new symlink is renamed
over `output` — rename(2) is atomic, so a web server or `make serve` reading `output/` at
any moment finds the whole previous site or the whole new one. Anything that goes wrong
before that rename (bad content, a crash, a kill, a full disk) leaves `output` untouched.
"""

import argparse
import fcntl
import logging
import os
import resource
import shutil
import sys
import time
import traceback
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pelican
from pelican import signals
from pelican.log import init as init_logging
from pelican.settings import read_settings

from pelican.plugins.portal.outputs.staging import ContentError, check_output, check_settings
from tools.precompress import precompress

KEEP = 2  # releases kept beside output/: the current one and the one before it


class BuildFailed(Exception):
    """The build or its check failed; `lines` are the messages to show, one problem each."""

    def __init__(self, *lines):
        super().__init__(*lines)
        self.lines = lines


class Layout:
    """The names beside a target folder `output`: its staging folder, releases, lock."""

    def __init__(self, target):
        self.target = Path(target)
        self.parent = self.target.parent
        self.name = self.target.name
        self.releases = self.parent / f"{self.name}.releases"
        self.lock = self.parent / f"{self.name}.lock"
        self.staging = self.parent / f"{self.name}.staging-{os.getpid()}"
        self.temp_link = self.parent / f"{self.name}.tmp-{os.getpid()}"

    def leftovers(self):
        """Staging folders and temporary links of builds that died (only call under the lock)."""
        return [*self.parent.glob(f"{self.name}.staging-*"), *self.parent.glob(f"{self.name}.tmp-*")]

    def current(self):
        """The release folder `output` points to, or None."""
        return self.target.resolve() if self.target.is_symlink() else None


@contextmanager
def locked(path):
    """Hold an exclusive lock on `path` (released by the kernel even if the process is killed)."""
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"{path}: một bản dựng khác đang chạy — chờ bản đó xong…", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def remove(path):
    """Remove a folder, file or symlink; missing is fine."""
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.exists():
        shutil.rmtree(path, ignore_errors=True)


class _ErrorCount(logging.Handler):
    """Counts ERROR and CRITICAL records: Pelican logs a page it could not build and goes on."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


_built = {}


def _remember_context(generators):
    """all_generators_finalized receiver: keep the context the generators share."""
    _built["context"] = generators[0].context if generators else {}


def run_pelican(settings):
    """Build with Pelican into settings["OUTPUT_PATH"]; returns the generators' context.

    Raises BuildFailed for bad content, any exception, or any error Pelican logged."""
    errors = _ErrorCount()
    logging.getLogger().addHandler(errors)
    signals.all_generators_finalized.connect(_remember_context)
    _built.clear()
    try:
        pelican.Pelican(settings).run()
    except ContentError as error:
        raise BuildFailed(str(error)) from None
    except Exception as error:  # one line, no traceback (unless DEBUG=1): the editor cannot act on one
        if settings.get("DEBUG"):
            traceback.print_exc()
        raise BuildFailed(f"{_where(error)}Pelican dừng vì lỗi: {type(error).__name__}: {error} "
                          "— sửa rồi dựng lại") from None
    finally:
        logging.getLogger().removeHandler(errors)
        signals.all_generators_finalized.disconnect(_remember_context)
    if errors.count:
        raise BuildFailed(f"Pelican báo {errors.count} lỗi (ở trên): có trang không dựng được")
    return _built.get("context", {})


def _where(error):
    """"file:line: " of the template or file an exception came from, or "".

    Jinja rewrites tracebacks so that template frames carry the template's file and line."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if not frame.filename.endswith(".py") and os.path.isfile(frame.filename):
            return f"{_shown(frame.filename)}:{frame.lineno}: "
    filename = getattr(error, "filename", None)
    if isinstance(filename, str):
        line = getattr(error, "lineno", None)
        return f"{_shown(filename)}{f':{line}' if line else ''}: "
    return ""


def _shown(path):
    """`path` relative to the current folder when it is inside it, else as it is."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def switch(layout):
    """Move the staging folder into the releases and point `output` at it with one rename."""
    layout.releases.mkdir(exist_ok=True)
    release = layout.releases / _stamp(datetime.now(timezone.utc))
    os.rename(layout.staging, release)
    os.symlink(os.path.relpath(release, layout.parent), layout.temp_link)
    if layout.target.is_dir() and not layout.target.is_symlink():
        # First build since output/ was a plain folder: it becomes a release of its own. Between
        # these two renames output/ is missing for a moment; every later switch is one rename.
        earlier = datetime.fromtimestamp(layout.target.stat().st_mtime, timezone.utc)
        os.rename(layout.target, layout.releases / _stamp(earlier))
    os.replace(layout.temp_link, layout.target)
    return release


def _stamp(moment):
    return moment.strftime("%Y%m%dT%H%M%S.%fZ")


def prune(layout, keep):
    """Remove all releases but the `keep` newest and the current one."""
    current = layout.current()
    releases = sorted((p for p in layout.releases.iterdir() if p.is_dir()), reverse=True)
    for release in releases[keep:]:
        if release.resolve() != current:
            shutil.rmtree(release, ignore_errors=True)


def build(settings, target, keep=KEEP, compress=True):
    """Build `settings` into a staging folder and switch it in as `target`; returns a summary line.
    `compress`: write the .gz files nginx serves (the devserver's preview needs none).

    Raises BuildFailed (the target untouched) if anything goes wrong before the switch."""
    layout = Layout(target)
    if layout.target.exists() and not layout.target.is_dir():
        raise BuildFailed(f"{layout.target}: là một tệp — cần thư mục (hoặc liên kết tới thư mục) cho trang đã dựng")
    layout.parent.mkdir(parents=True, exist_ok=True)
    with locked(layout.lock):
        for leftover in layout.leftovers():
            remove(leftover)
        settings = {**settings, "OUTPUT_PATH": str(layout.staging)}
        started, cpu_started = time.perf_counter(), _cpu()
        try:
            context = run_pelican(settings)
            built, cpu_built = time.perf_counter(), _cpu()
            problems = check_output(layout.staging, settings, context)
            if problems:
                raise BuildFailed(*problems)
            current = layout.current()
            previous = str(current) if current and current.is_dir() else None
            compressed = precompress(layout.staging, previous=previous).files if compress else 0
            release = switch(layout)
        except OSError as error:  # a full disk, a read-only folder…
            where = error.filename or layout.staging
            raise BuildFailed(f"{where}: không ghi được ({error.strerror or error})") from None
        finally:
            remove(layout.staging)
            remove(layout.temp_link)
        prune(layout, keep)
    done, cpu_done = time.perf_counter(), _cpu()
    files = sum(len(names) for _, _, names in os.walk(release))
    return (f"{layout.name}/ → {release.relative_to(layout.parent)} ({files} tệp, {compressed} bản nén .gz; "
            f"dựng {built - started:.2f} s, kiểm tra + nén + chuyển {done - built:.2f} s; "
            f"CPU {cpu_built - cpu_started:.2f} s + {cpu_done - cpu_built:.2f} s)")


def _cpu():
    """CPU seconds used by this process so far (all threads): steadier than wall time on a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv=None):
    """Command line: our options, then Pelican's own arguments."""
    parser = argparse.ArgumentParser(
        description="Dựng trang vào thư mục tạm, kiểm tra, rồi thay output/ một lần (đổi tên nguyên tử).",
        epilog="Các tham số còn lại là tham số của pelican (thư mục nội dung, -o, -s, -D, …).")
    parser.add_argument("--publish", action="store_true", help="bản xuất bản: SITEURL phải là địa chỉ https:// đầy đủ")
    parser.add_argument("--keep", type=int, default=KEEP, help=f"số bản dựng giữ lại cạnh output/ (mặc định {KEEP})")
    ours, rest = parser.parse_known_args(argv)
    if ours.keep < 1:
        parser.error("--keep phải ít nhất là 1")
    args = pelican.parse_arguments(rest)
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican",
                 handler=pelican.LOG_HANDLERS[args.log_handler],
                 logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level))
    source = os.path.relpath(args.settings) if args.settings else "cấu hình mặc định"
    try:
        settings = read_settings(args.settings, override=pelican.get_config(args))
    except Exception as error:
        print(f"{source}: không đọc được cấu hình: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    problems = check_settings(settings, source=source, publishing=ours.publish)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("Chưa dựng gì: sửa cấu hình rồi chạy lại.", file=sys.stderr)
        return 1
    target = settings["OUTPUT_PATH"]
    try:
        summary = build(settings, target, keep=ours.keep)
    except BuildFailed as failure:
        print("\n".join(failure.lines), file=sys.stderr)
        print(f"{Path(target).name}/ không thay đổi: bản dựng lỗi không được đưa ra.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"Đã dừng; {Path(target).name}/ không thay đổi.", file=sys.stderr)
        return 130
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
