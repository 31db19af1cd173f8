"""Output planning: every file the build will write, computed before anything is written.

Run by pipeline.load_checked, so `make check` and the build both refuse two sources for one
output path (two news files whose names slugify the same, content/trang/ke-hoach.md against
the plans index, a news file named like a category's second page …) with one `file:line`
problem each, instead of Pelican's FileOverwriteFailedError after output/ was emptied.

Pelican's own paths come from Pelican's own objects and settings (Article, Page, Category,
Paginator, parse_path_metadata, Readers); the portal's from the same settings pages/prepare.py
and the generators use.
"""

import fnmatch
import os
from collections import defaultdict

from pelican.contents import Article, Page
from pelican.paginator import Paginator
from pelican.readers import BaseReader, Readers, parse_path_metadata
from pelican.utils import SafeDatetime

from .. import vocabulary
from ..content.files import display, is_good_name
from ..outputs.feeds import feeds_enabled
from ..problems import short_path
from ..rules.rollups import unit_work
from ..settings import save_as

_PORTAL_MD = ".md"


class _Planned:
    """What one output path is planned for: a description and, for content, (path, line)."""

    def __init__(self, description, path=None, line=1):
        self.description, self.path, self.line = description, path, line

    def where(self):
        """"content/tin-tuc/a.md:1" for a file, the description for a generated page."""
        if not self.path:
            return self.description
        return f"{short_path(self.path)}:{self.line}"


def plan_outputs(portal, settings, problems):
    """Log a problem for every output path planned twice; returns {path: description of
    its source} for the paths planned once. `portal`: the loaded Portal (ids of plans, units,
    targets); `settings`: Pelican's settings with the PORTAL_* defaults applied."""
    planned = defaultdict(list)
    for path, item in (*_portal_outputs(portal, settings), *_pelican_outputs(portal, settings, problems)):
        planned[os.path.normpath(path)].append(item)
    for path, items in sorted(planned.items()):
        if len(items) > 1:
            _report(path, items, problems)
    return {path: items[0].description for path, items in planned.items()}


def _report(path, items, problems):
    """Each content file among `items` is reported against the generated page or the first file."""
    sources = [item for item in items if item.path]
    if not sources:  # two generated outputs: only the settings can do that
        problems.add("pelicanconf.py", 1, "", f"địa chỉ «{_url(path)}» dùng cho cả {items[0].description} "
                     f"và {items[1].description}", "đặt các địa chỉ PORTAL_*_URL khác nhau")
        return
    if len(sources) < len(items):
        reference = next(i for i in items if not i.path)
    else:  # the file with a good name, in the shallowest folder, stays; the others are reported
        reference = min(sources, key=lambda i: (not is_good_name(os.path.basename(i.path)),
                                                len(os.path.normpath(i.path).split(os.sep)), i.path))
    for item in sources:
        if item is not reference:
            problems.add(item.path, item.line, "",
                         f"địa chỉ «{_url(path)}» trùng với " + (reference.where() if reference.path else
                                                              reference.description),
                         "đổi tên tệp: tên tệp là địa chỉ trang, mỗi địa chỉ chỉ một nguồn")


def _url(path):
    return path[: -len("index.html")] if path.endswith("index.html") else path


def _portal_outputs(portal, settings):
    """The portal's own pages, as pages/generator.py and search/generator.py write them."""
    pages = [(url, f"trang danh mục {_kind_label(key)}") for key, url in settings["PORTAL_INDEX_URLS"].items()]
    pages += [(settings["PORTAL_ABOUT_URL"], "trang «về dữ liệu»"),
              (settings["PORTAL_LATE_URL"], "trang nhiệm vụ quá hạn"),
              (settings["PORTAL_SEARCH_URL"], "trang tìm kiếm"),
              (settings["PORTAL_DATA_URL"], "mục lục dữ liệu mở")]
    filters = settings["PORTAL_FILTER_URLS"]  # pre-built lists (pages/lists.py)
    pages += [(filters["unit"].format(id=u.id), f"danh sách nhiệm vụ của đơn vị «{u.id}»")
              for u in portal.units.values() if unit_work(u)[1]]  # as pages/prepare.py sets filter_url
    pages += [(filters["plan"].format(id=p.id), f"danh sách nhiệm vụ của kế hoạch {p.number}") for p in portal.plans]
    pages += [(filters["status"].format(id=k), f"danh sách nhiệm vụ «{k}»") for k in vocabulary.TASK_BUCKETS]
    pages += [(filters["target_status"].format(id=k), f"danh sách chỉ tiêu «{k}»") for k in vocabulary.TARGET_STATES]
    pages += [(settings["PORTAL_PLAN_URL"].format(id=p.id), f"trang kế hoạch {p.number}") for p in portal.plans]
    pages += [(settings["PORTAL_UNIT_URL"].format(id=i), f"trang đơn vị «{i}»") for i in portal.units]
    pages += [(settings["PORTAL_TARGET_URL"].format(id=i), f"trang chỉ tiêu «{i}»") for i in portal.targets]
    for url, description in pages:
        yield save_as(url), _Planned(description)
    yield settings["PORTAL_NOT_FOUND_SAVE_AS"], _Planned("trang «không tìm thấy»")
    yield f"{settings['THEME_STATIC_DIR']}/css/states.css", _Planned("màu trạng thái (vocabulary.py)")
    for target_id in portal.targets:
        yield settings["PORTAL_BADGE_URL"].format(id=target_id), _Planned(f"huy hiệu chỉ tiêu «{target_id}»")
    if feeds_enabled(settings):
        feeds = settings["PORTAL_FEED_URLS"]
        yield feeds["all"], _Planned("nguồn tin Atom chung")
        for unit_id in portal.units:
            yield feeds["unit"].format(id=unit_id), _Planned(f"nguồn tin đơn vị «{unit_id}»")
        for plan in portal.plans:
            yield feeds["plan"].format(id=plan.id), _Planned(f"nguồn tin kế hoạch {plan.number}")


def _kind_label(key):
    """"plans" -> "kế hoạch" (the search kinds' labels)."""
    term = vocabulary.SEARCH_KINDS.get(key.removesuffix("s"))
    return term.label.lower() if term else f"«{key}»"


def _pelican_outputs(portal, settings, problems):
    """Pelican's articles, pages, categories (with their pagination), direct templates and
    static files, from Pelican's own classes and settings."""
    root = settings["PATH"]
    dates = {os.path.abspath(u.path): u.date for u in portal.updates}
    uses_date = any("{date" in str(settings.get(k)) for k in ("ARTICLE_URL", "ARTICLE_SAVE_AS"))
    extensions = tuple(Readers(settings).extensions)
    process = BaseReader(settings).process_metadata
    shared = {"title": ""}  # one Author and one Category per folder: Pelican slugifies each once
    if settings.get("AUTHOR"):
        shared["author"] = process("author", settings["AUTHOR"])
    category_of = {}  # folder -> its Category
    categories = defaultdict(list)
    articles = []
    for path in _pelican_files(root, settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"], settings, extensions):
        _warn_unread(path, problems)
        meta = {**shared, **parse_path_metadata(os.path.relpath(path, root), settings, process)}
        folder = os.path.dirname(path)
        if folder not in category_of:
            category_of[folder] = meta.get("category") or process("category", settings["DEFAULT_CATEGORY"])
        meta["category"] = category_of[folder]
        day = dates.get(os.path.abspath(path))
        if day and uses_date:
            meta["date"] = SafeDatetime(day.year, day.month, day.day, 8, 0)
        article = Article("", metadata=meta, settings=settings, source_path=path)
        articles.append(article)
        categories[article.category].append(article)
        yield article.save_as, _Planned("bài viết", path)
    for path in _pelican_files(root, settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"], settings, extensions):
        _warn_unread(path, problems)
        page = Page("", metadata=dict(shared), settings=settings, source_path=path)
        yield page.save_as, _Planned("trang tĩnh", path)
    for category, items in categories.items():
        if category.save_as:
            for path in _paginated(category.save_as, category.url, items, "category", settings):
                yield path, _Planned(f"trang chuyên mục «{category.name}»")
    for template in settings["DIRECT_TEMPLATES"]:
        target = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        if target:
            url = settings.get(f"{template.upper()}_URL", f"{template}.html")
            for path in _paginated(target, url, articles, template, settings):
                yield path, _Planned(f"trang «{template}» của Pelican")
    for path in _pelican_files(root, settings["STATIC_PATHS"], settings["STATIC_EXCLUDES"], settings, False):
        yield os.path.relpath(path, root), _Planned("tệp tĩnh", path)


def _paginated(target, url, items, template, settings):
    """The files Pelican's Writer writes for `template` at `target`, one per page."""
    if template not in settings["PAGINATED_TEMPLATES"]:
        return [target]
    per_page = settings["PAGINATED_TEMPLATES"][template] or settings["DEFAULT_PAGINATION"]
    paginator = Paginator(target, url, items, settings, per_page)
    return [paginator.page(n).save_as for n in range(1, paginator.num_pages + 1)]


def _pelican_files(root, folders, excludes, settings, extensions):
    """The files Pelican's Generator.get_files() picks (IGNORE_FILES, excludes, extensions);
    `extensions` False = every file. Links were refused before this runs."""
    ignores = settings["IGNORE_FILES"]
    found = []
    for folder in folders:
        top = os.path.join(root, folder) if folder else root
        skip = {os.path.join(root, e) for e in excludes}
        for dirpath, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if os.path.join(dirpath, d) not in skip
                             and not any(fnmatch.fnmatch(d, i) for i in ignores))
            for name in sorted(names):
                if any(fnmatch.fnmatch(name, i) for i in ignores):
                    continue
                if extensions is False or os.path.splitext(name)[1][1:] in extensions:
                    found.append(os.path.join(dirpath, name))
    return found


def _warn_unread(path, problems):
    """Pelican would publish a file the content stage never validates (.markdown, .mkd …).
    (Hidden files, which Pelican also reads, break the file-name rule of content/files.py.)"""
    name = os.path.basename(path)
    if not name.endswith(_PORTAL_MD):
        problems.add(display(path), 1, "", f"tệp «{display(name)}» sẽ được đăng mà không qua kiểm tra",
                     "bài và trang tĩnh là tệp .md")
