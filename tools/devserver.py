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
"""

import logging
import os
import sys

import pelican
from pelican.log import console
from pelican.utils import wait_for_changes

from pelican.plugins.portal.content.frontmatter import keep_in_memory
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


def autoreload(args, excqueue=None):
    """Build, then wait for a change in content, theme or settings, forever; as
    `pelican.autoreload`, except that a failed build waits too instead of retrying at once."""
    console.print("  --- AutoReload Mode: Monitoring `content`, `theme` and `settings` for changes. ---")
    settings_file = os.path.abspath(args.settings)
    instance = settings = None
    try:
        while True:
            try:
                if instance is None:
                    instance, settings = pelican.get_instance(args)
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
