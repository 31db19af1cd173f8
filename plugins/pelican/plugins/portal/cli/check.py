"""`make check`: read, validate and judge content/ as the build does, without writing.

    python -m pelican.plugins.portal.cli.check -s pelicanconf.py [content]
"""

import argparse
import sys
import time

from pelican.settings import read_settings

from ..pipeline import load_checked
from ..problems import ContentError, ProblemLog
from ..search.synonyms import read_synonyms, synonyms_path
from ..settings import SettingsError, apply_defaults


def main(argv=None) -> int:
    """Exit status: 0 when content and settings are good, 1 otherwise (problems on stderr)."""
    parser = argparse.ArgumentParser(description="Kiểm tra nội dung cổng (không dựng trang).")
    parser.add_argument("path", nargs="?", help="thư mục nội dung (mặc định: PATH trong tệp cấu hình)")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="tệp cấu hình Pelican")
    args = parser.parse_args(argv)
    override = {"PATH": args.path} if args.path else {}
    settings = read_settings(args.settings, override=override)
    apply_defaults(settings)
    started = time.perf_counter()
    synonym_problems = ProblemLog()  # the search abbreviations table, checked as the build checks it
    read_synonyms(synonyms_path(settings["PATH"]), synonym_problems)
    for line in synonym_problems.report():
        print(line, file=sys.stderr)
    try:
        portal = load_checked(settings)
    except (ContentError, SettingsError) as error:
        print(error, file=sys.stderr)
        return 1
    if synonym_problems:
        print(ContentError(synonym_problems.items), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"Nội dung hợp lệ: {len(portal.units)} đơn vị, {len(portal.plans)} kế hoạch, "
          f"{len(portal.targets)} chỉ tiêu, {len(portal.tasks)} nhiệm vụ, "
          f"{len(portal.updates)} bài cập nhật và tin ({elapsed:.2f} giây).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
