"""`make devserver` and `make regenerate`: Pelican's own command line (`pelican -lr …`), with
one change to its autoreload loop: a failed build waits for the next change like a good one.

    python -m tools.devserver -lr content -o output -s pelicanconf.py

Why: in Pelican 4.12, `pelican.autoreload` calls `wait_for_changes()` inside the same `try`
as `pelican.run()`, right after it. When `run()` raises (the portal raises ContentError on
bad content), the `except` branch logs and the `while True` loop calls `run()` again at once:
the editor's problem lines were printed about 100 times a second until the file was fixed
(Pelican's own "Caught exception" warning shows only once, because its LimitFilter drops
repeated warnings for the whole session, even after later changes).

Here every build, good or bad, is followed by `wait_for_changes()`, so each problem is printed
once per change, then the preview waits quietly. The preview still builds in place, as
Pelican does; `make html` is the atomic build.

Before each rebuild, the saved content files are first read alone against the last good
build's model (content.loader.check_files): a mistake in them is printed within a second of
saving, and the whole build, which takes a while at city size, is not started. Problems only
the whole build can see (an id used in two files) are printed by it, once.
"""

import logging
import os
import sys

import pelican
from pelican import signals
from pelican.log import console
from pelican.utils import wait_for_changes

from pelican.plugins.portal.content.frontmatter import keep_in_memory
from pelican.plugins.portal.content.loader import check_files
from pelican.plugins.portal.outputs.staging import ContentError

logger = logging.getLogger("pelican")


def _report(error, args):
    """One line for a failed build (the plugin has already printed the content problems)."""
    if isinstance(error, ContentError):
        message = f"{error} Bản xem trước giữ nguyên; sửa rồi lưu tệp, trang sẽ tự dựng lại."
    else:
        message = (f"Dựng lại thất bại: {type(error).__name__}: {error}. "
                   "Bản xem trước giữ nguyên; sửa rồi lưu tệp, trang sẽ tự dựng lại.")
    if args.verbosity == logging.DEBUG:
        logger.error(message, exc_info=error)
    else:
        print(message, file=sys.stderr, flush=True)


class LastModel:
    """The Portal of the last build that got past its content check (None before)."""

    portal = None

    @classmethod
    def keep(cls, generators):
        """all_generators_finalized: keep the portal generator's model."""
        for generator in generators:
            if getattr(generator, "portal", None) is not None:
                cls.portal = generator.portal


def saved_files_fail(changed, settings):
    """True when the changed content files alone have problems (printed, one per line, with
    the line that says the preview is kept); False when they read cleanly or no good build
    has run yet."""
    if LastModel.portal is None or not settings.get("PORTAL_FOLDERS"):
        return False
    problems = check_files(changed, settings["PATH"], settings["PORTAL_FOLDERS"], LastModel.portal)
    if not problems:
        return False
    for line in problems.report():
        print(line, file=sys.stderr)
    print(f"Tệp vừa lưu có {len(problems.report())} lỗi; chưa dựng lại. Bản xem trước giữ nguyên; "
          "sửa rồi lưu tệp, trang sẽ tự dựng lại.", file=sys.stderr, flush=True)
    return True


def autoreload(args, excqueue=None):
    """Build, then wait for a change in content, theme or settings, forever; as
    `pelican.autoreload`, except that a failed build waits too instead of retrying at once."""
    console.print("  --- AutoReload Mode: Monitoring `content`, `theme` and `settings` for changes. ---")
    settings_file = os.path.abspath(args.settings)
    instance = settings = None
    signals.all_generators_finalized.connect(LastModel.keep)
    changed = set()
    try:
        while True:
            try:
                if instance is None:
                    LastModel.portal = None
                    instance, settings = pelican.get_instance(args)
                if not changed or not saved_files_fail(changed, instance.settings):
                    instance.run()
            except KeyboardInterrupt:
                raise
            except Exception as error:
                _report(error, args)
            if settings is None:  # the settings file itself does not load: watch it alone
                settings = {"PATH": "", "THEME": ""}
            changed = {path for _, path in wait_for_changes(args.settings, settings)}
            if settings_file in changed:
                instance = None
            console.print(f"\n-> Modified: {', '.join(sorted(changed))}. re-generating...")
    except KeyboardInterrupt:
        if excqueue is not None:
            excqueue.put(None)
            return
        raise


def main(argv=None):
    """Pelican's main() with the autoreload loop above."""
    pelican.autoreload = autoreload  # main() looks the name up when it starts the loop
    keep_in_memory()  # unchanged files are not parsed again on each save
    return pelican.main(argv)


if __name__ == "__main__":
    sys.exit(main())
