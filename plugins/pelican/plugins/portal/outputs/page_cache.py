"""Incremental pages: a page whose fingerprint is unchanged is not rendered again.

Every page Pelican's Writer writes (the portal's, Pelican's articles, pages, categories and
index) goes through `PortalWriter.write_file`, which hands Pelican a stand-in for the
template. Its `render(localcontext)` computes the page's fingerprint (outputs/fingerprints.py):

    site  (settings, theme files, plugin source, judging date, menu pages)
    + the template's name, the output file and its SITEURL
    + what the page is about: the keyword arguments the generator passed (a plan, a unit,
      a list of tasks, an article…; for a scoped template not Pelican's `all_articles`,
      which none reads), entities counted with their deep digest, and for a paginated list
      the page's own items
    + for any template not in SCOPED_TEMPLATES: every entity (an index or the home page
      summarises the whole portal)

and returns the text stored under that fingerprint in `<CACHE_PATH>/trang/` when there is
one; otherwise it renders and stores. Files the portal writes itself (the open-data sets, the
feeds) are kept the same way, through `place_or_make()`: `file_key()` fingerprints what a file
is made from, `stored_files()` finds the files kept under it (placed in the output as hard
links) and `keep_files()` keeps new ones. The output folder itself is always written whole
(Pelican empties it, or tools/build.py starts a fresh staging folder), so a deleted or renamed
source leaves nothing behind. Entries no build used are removed when a build ends.
The folder is safe to delete. PORTAL_INCREMENTAL = False renders every page (as the bench's
full build does).
"""

import logging
import os
import shutil
import time

from pelican.writers import Writer

from ..cachefiles import write_whole
from .fingerprints import Fingerprints, Unknown, sha1_hex

logger = logging.getLogger(__name__)

CONTEXT_KEY = "portal_page_cache"
# Templates that show only what their keyword arguments hold (plus the site): rebuilds are
# compared with clean builds (tests/site/test_incremental.py) and the templates are read for
# portal-wide names (tests/unit/outputs/test_page_scope.py). Any other template is keyed on
# the whole portal.
SCOPED_TEMPLATES = frozenset({"article.html", "page.html", "category.html", "plan.html", "unit.html",
                              "target.html", "badge.svg", "task-filter.html", "target-filter.html"})
# Keyword arguments Pelican passes that no scoped template reads (tests/unit/outputs/
# test_page_scope.py checks): left out of a scoped page's fingerprint, or every category page
# would change with any article.
UNREAD_ARGUMENTS = frozenset({"all_articles"})
_current = {}  # the build in progress: {"cache": PageCache}


class PageCache:
    """Rendered pages by fingerprint under `folder`; counts what it rendered and reused."""

    def __init__(self, folder, fingerprints):
        self.folder = folder
        self.fingerprints = fingerprints
        self.used = set()
        self.rendered = self.reused = 0
        self.files_made = self.files_reused = 0
        self.started = time.perf_counter()
        _current["cache"] = self

    def template(self, template, kwargs, paged):
        """A stand-in for `template` whose render() reuses a stored page; `kwargs` are the
        generator's keyword arguments, `paged` the names of those Pelican paginates."""
        return _CachedTemplate(self, template, kwargs, paged)

    def key(self, template_name, localcontext, about, paged):
        """The page's fingerprint (hex), or None when a value has no canonical text."""
        fingerprints = self.fingerprints
        try:
            parts = [fingerprints.site, template_name, localcontext.get("output_file"),
                     str(localcontext.get("SITEURL")), about]
            if template_name not in SCOPED_TEMPLATES:
                parts.append(fingerprints.whole)
            for name in paged:
                parts.append(fingerprints.value(localcontext.get(f"{name}_page")))
        except Unknown:
            return None
        return sha1_hex("\x1f".join(parts))

    def fetch(self, key):
        """The stored text for `key`, or None."""
        try:
            with open(self._path(key), encoding="utf-8", newline="") as handle:
                text = handle.read()
        except FileNotFoundError:
            return None
        self.used.add(key)
        self.reused += 1
        return text

    def store(self, key, text):
        """Store `text` under `key` (written whole then renamed: a killed build leaves no half page)."""
        write_whole(self._path(key), text.encode("utf-8"))
        self.used.add(key)
        self.rendered += 1

    def file_key(self, about, items):
        """The fingerprint (hex) of a file made from `about` (a tuple of values Fingerprints
        encodes) and `items` (model objects, each digested once per build however many files
        show it; entities count with their deep digest) and the site, or None when a value has
        no canonical text."""
        fingerprints = self.fingerprints
        try:
            parts = [fingerprints.site, "file", fingerprints.value(about), *map(fingerprints.item, items)]
        except Unknown:
            return None
        return sha1_hex("\x1f".join(parts))

    def stored_files(self, key, suffixes):
        """{suffix: path} of the files kept under `key`, one per suffix ("csv", "json", "xml"),
        or None unless every one is there."""
        paths = {suffix: f"{self._path(key)}.{suffix}" for suffix in suffixes}
        if not all(os.path.isfile(path) for path in paths.values()):
            return None
        self.used.add(key)
        self.files_reused += len(paths)
        return paths

    def keep_files(self, key, paths):
        """Keep the files `paths` ({suffix: path of a file just written}) under `key`: a hard
        link (the output is never written in place), else a copy; each written whole."""
        for suffix, path in paths.items():
            target = f"{self._path(key)}.{suffix}"
            os.makedirs(os.path.dirname(target), exist_ok=True)
            temp = os.path.join(os.path.dirname(target), f"tmp{os.getpid()}.{suffix}")  # pruned if left
            if os.path.lexists(temp):  # a killed build's, maybe linked elsewhere: never written through
                os.remove(temp)
            try:
                os.link(path, temp)
            except OSError:
                shutil.copyfile(path, temp)
            os.replace(temp, target)
        self.used.add(key)
        self.files_made += len(paths)

    def prune(self):
        """Remove stored pages and files this build did not use; returns how many."""
        removed = 0
        if not os.path.isdir(self.folder):
            return 0
        for shard in os.scandir(self.folder):
            if not shard.is_dir():
                continue
            for entry in os.scandir(shard.path):
                if entry.name.split(".")[0] not in self.used:
                    os.remove(entry.path)
                    removed += 1
        return removed

    def _path(self, key):
        return os.path.join(self.folder, key[:2], key)


class _CachedTemplate:
    """What Pelican's Writer calls render() on (see PageCache.template)."""

    def __init__(self, cache, template, kwargs, paged):
        self.cache, self.template, self.paged = cache, template, paged
        self.name = template.name
        left_out = set(paged) | (UNREAD_ARGUMENTS if self.name in SCOPED_TEMPLATES else set())
        try:
            self.about = cache.fingerprints.value({k: v for k, v in kwargs.items() if k not in left_out})
        except Unknown:
            self.about = None

    def render(self, localcontext):
        """The stored page when its fingerprint is known, else the template's rendering."""
        key = None if self.about is None else self.cache.key(self.name, localcontext, self.about, self.paged)
        if key is not None:
            text = self.cache.fetch(key)
            if text is not None:
                return text
        text = self.template.render(localcontext)
        if key is not None:
            self.cache.store(key, text)
        else:
            self.cache.rendered += 1
        return text


class PortalWriter(Writer):
    """Pelican's Writer, with pages reused from the PageCache in the shared context."""

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        """As Writer.write_file (same arguments)."""
        cache = context.get(CONTEXT_KEY)
        if cache is not None and name:
            paged = ()
            if template_name in self.settings["PAGINATED_TEMPLATES"]:
                # what Writer.write_file paginates: `paginated`, else its default keys
                paged = tuple(paginated or (key for key in kwargs if key in ("articles", "dates")))
            template = cache.template(template, kwargs, paged)
        return super().write_file(name, template, context, relative_urls=relative_urls, paginated=paginated,
                                  template_name=template_name, override_output=override_output, url=url,
                                  **kwargs)


def place_or_make(cache, files, about, items, urls, source, make):
    """Put the files `urls` ({suffix: output path}, e.g. {"csv": …, "json": …}) in the output
    (`files`: outputs.writer.OutputFiles): hard-linked from `cache` when kept there under the
    key of `about` and `items` (PageCache.file_key), else made by `make()`, which returns
    {suffix: absolute path written}, and kept. `cache` None (PORTAL_INCREMENTAL off): made."""
    key = cache.file_key(about, items) if cache is not None else None
    stored = cache.stored_files(key, tuple(urls)) if key else None
    if stored:
        for suffix, path in stored.items():
            files.place_file(urls[suffix], path, source)
        return
    written = make()
    if key:
        cache.keep_files(key, written)


def start(portal, settings, context, folder):
    """Put a PageCache for this build in `context` (where PortalWriter finds it) and return
    it; None when PORTAL_INCREMENTAL is off."""
    if not settings.get("PORTAL_INCREMENTAL"):
        return None
    cache = context[CONTEXT_KEY] = PageCache(folder, Fingerprints(portal, settings, context))
    return cache


def finish(pelican=None):
    """finalized: drop unused entries and log what was rendered and reused."""
    cache = _current.pop("cache", None)
    if cache is None:
        return
    removed = cache.prune()
    logger.info("Trang: %d dựng mới, %d dùng lại; tệp dữ liệu mở và nguồn tin: %d làm mới, %d dùng lại; "
                "từ %s, %d bản cũ đã xoá (%.2f s)", cache.rendered, cache.reused, cache.files_made,
                cache.files_reused, cache.folder, removed, time.perf_counter() - cache.started,
                extra={"portal_page_stats": {"rendered": cache.rendered, "reused": cache.reused},
                       "portal_file_stats": {"made": cache.files_made, "reused": cache.files_reused}})


def get_writer(pelican):
    """get_writer: Pelican writes through PortalWriter."""
    return PortalWriter
