"""`make devserver` and `make regenerate`: Pelican's own command line (`pelican -lr …`), with
its autoreload loop replaced by one that suits an editor at city size.

    python -m tools.devserver -lr content -o output -s pelicanconf.py

What changes from `pelican.autoreload` (Pelican 4.12):

- Each rebuild is `make html`'s atomic build (tools/build.py, without the .gz files): the
  preview keeps showing the whole last good site while the next one is built, and a build
  that fails leaves it as it was. Pelican's own loop empties output/ first, so for the half
  minute a city-sized build takes every page of the preview answered 404.
- A failed build waits for the next change like a good one. Pelican calls `run()` again at
  once when it raises, and the editor's problem lines were printed about 100 times a second.
- The files are watched all the time (`Watcher`), not only between builds: a save made while
  a build runs starts the next one as soon as it ends. Pelican's `wait_for_changes()` starts
  watching when the build has ended, so such a save was never built.
- The saved content files are read alone first, against the last good build's model
  (content.loader.check_files): a mistake in them is printed within a second of saving, once,
  and no build starts. Problems only the whole build can see (an id used in two files) are
  printed by it, once.
- A saved update or news article that reads cleanly, while no other problem is known, has its
  page written at once from the last good build's templates and context
  (`show_saved_articles`), then the whole build follows and brings every list, index and
  figure that the change touches up to date; it ends with «Đã dựng lại xong: …».
"""

import logging
import os
import queue
import shutil
import sys
import threading
from pathlib import Path

import watchfiles

import pelican
from pelican import signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.log import console
from pelican.utils import FileChangeFilter
from pelican.writers import Writer

from pelican.plugins.portal.content.frontmatter import keep_in_memory
from pelican.plugins.portal.content.loader import check_files
from tools.build import BuildFailed, build

logger = logging.getLogger("pelican")
KEPT = " Bản xem trước giữ nguyên; sửa rồi lưu tệp, trang sẽ tự dựng lại."


def _report(error, args):
    """The lines of a failed build (the plugin has already printed the content problems)."""
    if isinstance(error, BuildFailed):
        message = "\n".join(error.lines) + KEPT
    else:
        message = f"Dựng lại thất bại: {type(error).__name__}: {error}.{KEPT}"
    if args.verbosity == logging.DEBUG:
        logger.error(message, exc_info=error)
    else:
        print(message, file=sys.stderr, flush=True)


class LastBuild:
    """What the last build that got past its content check left: its model (the Portal) and
    Pelican's article generator (templates, reader and the context pages are rendered with).
    `clean`: no problem is known in the content since (a saved file's or a build's); only
    then is a saved article shown before the whole build, which could otherwise refuse it."""

    portal = None
    articles = None
    clean = False

    @classmethod
    def keep(cls, generators):
        """all_generators_finalized receiver."""
        for generator in generators:
            if getattr(generator, "portal", None) is not None:
                cls.portal = generator.portal
            if isinstance(generator, ArticlesGenerator):
                cls.articles = generator

    @classmethod
    def forget(cls):
        cls.portal = cls.articles = None
        cls.clean = False


def read_saved_files(changed, settings):
    """The changed content files read alone against the last good model: {path: Update} of
    the update and news files among them, or None when they have problems (printed, one per
    line, then a line saying the preview is kept). {} before the first good build."""
    if LastBuild.portal is None or not settings.get("PORTAL_FOLDERS"):
        return {}
    problems, updates = check_files(changed, settings["PATH"], settings["PORTAL_FOLDERS"], LastBuild.portal)
    if not problems:
        return updates
    LastBuild.clean = False
    lines = problems.report()
    print("\n".join(lines), file=sys.stderr)
    print(f"Tệp vừa lưu có {len(lines)} lỗi; chưa dựng lại.{KEPT}", file=sys.stderr, flush=True)
    return None


def show_saved_articles(updates, settings):
    """Write the page of each saved update or news article ({path: Update}, read cleanly) into
    the folder the preview serves, rendered as the whole build renders it: Pelican's reader,
    the article template, the last good build's context. Each page is written beside the
    site and renamed over the old one; a stale .gz beside it is removed (tools/precompress.py
    would reuse it). Nothing while a problem is known (LastBuild.clean). Returns the output
    paths written."""
    generator = LastBuild.articles
    site = Path(settings["OUTPUT_PATH"])
    if generator is None or not LastBuild.clean or not updates or not site.is_dir():
        return []
    site = site.resolve()  # output -> output.releases/<time>/
    scratch = Path(f"{settings['OUTPUT_PATH']}.preview-{os.getpid()}")
    shutil.rmtree(scratch, ignore_errors=True)
    writer = Writer(str(scratch), settings=generator.settings)
    written = []
    try:
        for path, update in sorted(updates.items()):
            article = generator.readers.read_file(base_path=generator.path, path=os.path.relpath(path, generator.path),
                                                  content_class=Article, context=generator.context)
            article.portal_update, update.article, update.url = update, article, article.url
            writer.write_file(article.save_as, generator.get_template(article.template), generator.context,
                              relative_urls=generator.settings["RELATIVE_URLS"], article=article,
                              category=article.category, override_output=hasattr(article, "override_save_as"),
                              url=article.url, blog=True)
            page = site / article.save_as
            page.parent.mkdir(parents=True, exist_ok=True)
            os.replace(scratch / article.save_as, page)
            Path(f"{page}.gz").unlink(missing_ok=True)
            written.append(article.save_as)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return written


def rebuild(settings, changed):
    """One turn of the loop: read the saved files, show saved articles, build atomically."""
    if changed:
        updates = read_saved_files(changed, settings)
        if updates is None:
            return
        try:
            for page in show_saved_articles(updates, settings):
                console.print(f"-> Đã hiện {page}; đang dựng lại cả trang…")
        except Exception as error:  # the whole build below shows the page anyway
            print(f"Chưa hiện ngay được trang vừa lưu ({type(error).__name__}: {error}); "
                  "đang dựng lại cả trang…", file=sys.stderr, flush=True)
    LastBuild.clean = False
    summary = build(settings, settings["OUTPUT_PATH"], compress=False)
    LastBuild.clean = True
    console.print(f"Đã dựng lại xong: {summary}")


class Watcher:
    """Watches what Pelican's autoreload watches (the settings file, the theme, the content
    folder and its STATIC_PATHS, minus IGNORE_FILES) in a thread, from its creation until
    close(): no change is missed while a build runs."""

    def __init__(self, settings_file, settings):
        content = settings.get("PATH", "")
        candidates = [settings_file, settings.get("THEME", ""), content,
                      *(os.path.join(content, path) for path in settings.get("STATIC_PATHS", []) if content)]
        paths = sorted({os.path.abspath(p) for p in candidates if p and os.path.exists(p)})
        self.changes, self.stopped = queue.Queue(), threading.Event()
        ignored = FileChangeFilter(ignore_file_patterns=set(settings.get("IGNORE_FILES", [])))
        self.thread = threading.Thread(target=self._watch, args=(paths, ignored), daemon=True)
        self.thread.start()

    def _watch(self, paths, ignored):
        for changes in watchfiles.watch(*paths, watch_filter=ignored, stop_event=self.stopped, rust_timeout=500,
                                        raise_interrupt=False):
            self.changes.put({path for _, path in changes})

    def wait(self):
        """Block until something changed; returns every path changed since the last call."""
        changed = set(self.changes.get())
        while True:
            try:
                changed |= self.changes.get_nowait()
            except queue.Empty:
                return changed

    def close(self):
        self.stopped.set()


def autoreload(args, excqueue=None):
    """Build, then wait for a change in content, theme or settings, forever; as
    `pelican.autoreload`, with the changes listed in the module's docstring."""
    console.print("  --- AutoReload Mode: Monitoring `content`, `theme` and `settings` for changes. ---")
    settings_file = os.path.abspath(args.settings)
    instance = watcher = None
    signals.all_generators_finalized.connect(LastBuild.keep)
    changed = set()
    try:
        while True:
            try:
                if instance is None:
                    LastBuild.forget()
                    if watcher is not None:
                        watcher.close()
                        watcher = None
                    instance, _ = pelican.get_instance(args)
                    watcher = Watcher(settings_file, instance.settings)
                rebuild(instance.settings, changed)
            except KeyboardInterrupt:
                raise
            except Exception as error:
                _report(error, args)
            if watcher is None:  # the settings file itself does not load: watch it alone
                watcher = Watcher(settings_file, {})
            changed = watcher.wait()
            if settings_file in changed:
                instance = None
            console.print(f"\n-> Modified: {', '.join(sorted(changed))}. re-generating...")
    except KeyboardInterrupt:
        if watcher is not None:
            watcher.close()
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
