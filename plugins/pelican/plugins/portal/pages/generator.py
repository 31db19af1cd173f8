"""The Pelican generator: checks settings and content, then writes one kind of page per
`_write_<kind>()` method (as pelican/generators.py does), badges, feeds, open data and
share cards, every file through one OutputFiles that refuses double writes."""

import logging
import time

from pelican.generators import Generator

from ..outputs import cards, forms, opendata, page_cache
from ..outputs.feeds import feeds_enabled, write_feeds
from ..outputs.writer import OutputFiles
from ..pipeline import load_checked
from ..rules.progress import judge_target
from ..rules.rollups import unique
from ..settings import card_cache, form_cache, page_cache as page_cache_folder, save_as
from .context import template_context
from .examples import example_judgement
from .lists import filtered_target_lists, filtered_task_lists
from .prepare import prepare
from .stylesheet import state_css

logger = logging.getLogger(__name__)


class PortalGenerator(Generator):
    """Runs its check in __init__, before Pelican empties the output folder, so that bad
    settings or content leave the last good site in place."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.portal = load_checked(self.settings)
        self.files = OutputFiles(self.output_path)
        self.cards = {}
        self.incremental = None  # this build's outputs.page_cache.PageCache when PORTAL_INCREMENTAL is on
        self.context["portal"] = self.portal
        self.context["portal_files"] = self.files

    def generate_context(self):
        """The pages phase (pages/prepare.py) and the template context."""
        self.cards = prepare(self.portal, self.settings, self.context.get("articles", []))
        self.context.update(template_context(self.portal, self.settings))
        self.context["report_forms"] = forms.form_urls(self.portal, self.settings["PORTAL_DATA_URL"])
        folder = page_cache_folder(self.settings)
        self.incremental = page_cache.start(self.portal, self.settings, self.context, folder)

    def generate_output(self, writer):
        """Every page kind, badge, feed, data set, form, card and the state stylesheet. The
        task and target rows a kind of page shares (pages/fragments.py) are dropped once it
        is written."""
        for write_kind in (self._write_indexes, self._write_about, self._write_late, self._write_filtered_lists,
                           self._write_empty_categories, self._write_not_found, self._write_plans,
                           self._write_units, self._write_targets):
            write_kind(writer)
            self.context["fragment"].clear()
        self._write_badges(writer)
        self._write_feeds(writer)
        self._write_data_index(writer, self._write_open_data())
        self._write_report_forms()
        self._write_cards()
        self._write_state_styles()

    # One method per page kind ------------------------------------------------------------

    def _write_indexes(self, writer):
        roots = [u for u in self.portal.units.values() if u.parent is None]
        extra = {"units": {"roots": roots}}
        for key, url in self.settings["PORTAL_INDEX_URLS"].items():
            self._write_page(writer, url, key, f"trang danh mục «{key}»", **extra.get(key, {}))

    def _write_about(self, writer):
        self._write_page(writer, self.settings["PORTAL_ABOUT_URL"], "about-data", "trang «về dữ liệu»",
                         example=example_judgement(judge_target))

    def _write_late(self, writer):
        self._write_page(writer, self.settings["PORTAL_LATE_URL"], "late", "trang nhiệm vụ quá hạn")

    def _write_filtered_lists(self, writer):
        """The pre-built lists every filter option of the indexes links to (JavaScript off)."""
        for url, kind, title, tasks in filtered_task_lists(self.portal, self.settings):
            self._write_page(writer, url, "task-filter", f"danh sách «{title}»",
                             list_title=title, list_tasks=tasks, list_kind=kind)
        for url, title, targets in filtered_target_lists(self.portal, self.settings):
            self._write_page(writer, url, "target-filter", f"danh sách «{title}»",
                             list_title=title, list_targets=targets)

    def _write_empty_categories(self, writer):
        """«Cập nhật» and «Tin tức» exist before their first article (the menu links them)."""
        folders = self.settings["PORTAL_FOLDERS"]
        used = {article.category.slug for article in self.context.get("articles", [])}
        for key in ("updates", "news"):
            if folders[key] not in used:
                self._write_page(writer, f"{folders[key]}/", "category-empty", f"trang «{folders[key]}» chưa có bài",
                                 category_slug=folders[key])

    def _write_not_found(self, writer):
        save = self.settings["PORTAL_NOT_FOUND_SAVE_AS"]
        self.files.claim(save, "trang «không tìm thấy»")
        # Absolute links: the server shows this page at any missing address.
        writer.write_file(save, self.get_template("404"), self.context, relative_urls=False, url=save)

    def _write_data_index(self, writer, datasets):
        self._write_page(writer, self.settings["PORTAL_DATA_URL"], "data-index", "mục lục dữ liệu mở",
                         datasets=datasets)

    def _write_plans(self, writer):
        for plan in self.portal.plans:
            self._write_page(writer, plan.url, "plan", f"kế hoạch {plan.source.path}", plan=plan)

    def _write_units(self, writer):
        for unit in self.portal.units.values():
            self._write_page(writer, unit.url, "unit", f"đơn vị «{unit.id}» ({unit.source.path})", unit=unit)

    def _write_targets(self, writer):
        for target in self.portal.targets.values():
            self._write_page(writer, target.url, "target", f"chỉ tiêu «{target.id}»", target=target)

    def _write_badges(self, writer):
        badge = self.env.get_template("badge.svg")
        for target in self.portal.targets.values():
            self.files.claim(target.badge_url, f"huy hiệu chỉ tiêu «{target.id}»")
            writer.write_file(target.badge_url, badge, self.context, relative_urls=False,
                              url=target.badge_url, target=target)

    def _write_feeds(self, writer):
        if feeds_enabled(self.settings):
            write_feeds(writer, self.files, self.portal, self.context, self.settings, self.incremental)

    def _write_open_data(self):
        """Writes every data set, one kind after another (a kind's encoded rows are dropped
        before the next kind's are made); with the page cache on, a data set whose items,
        scope and date are unchanged is placed from it instead (outputs/page_cache.py).
        Returns [(scope, page URL or "", kind, {"csv": url, "json": url})] in the order the
        data index lists them."""
        portal, day = self.portal, self.portal.judging_date
        sample = bool(self.settings.get("PORTAL_SAMPLE_DATA"))
        listed = []  # (scope, page, kind, urls, items)

        def add(urls, sets, scope, page=""):
            listed.extend((scope, page, kind, urls, items) for kind, items in sets.items())

        add(self.context["portal_data_urls"], {"don-vi": list(portal.units.values()), "ke-hoach": portal.plans,
            **opendata.slices(list(portal.targets.values()), list(portal.tasks.values()))}, "toàn cổng")
        for plan in portal.plans:
            add(plan.data_urls, opendata.slices(plan.targets, plan.tasks), f"kế hoạch {plan.label}", plan.url)
        for unit in portal.units.values():
            tasks = unique([*unit.led_tasks, *unit.supported_tasks, *(t for _, t in unit.group_tasks)])
            add(unit.data_urls, opendata.slices(unit.targets, tasks), unit.name, unit.url)
        for target in portal.targets.values():
            add(target.data_urls, {"so-lieu-chi-tieu": opendata.slices([target], [])["so-lieu-chi-tieu"]},
                f"chỉ tiêu {target.id}", target.url)
        for kind in dict.fromkeys(entry[2] for entry in listed):
            encoded = opendata.Encoded(self._absolute)
            for scope, _, _, urls, items in (entry for entry in listed if entry[2] == kind):
                self._write_dataset(kind, scope, urls, items, encoded, day, sample)
        return [(scope, page, kind, urls[kind]) for scope, page, kind, urls, _ in listed]

    def _write_dataset(self, kind, scope, urls, items, encoded, day, sample):
        """One data set's CSV and JSON: placed from the page cache when its key is kept there,
        else written (and kept, with the page cache on)."""
        source = opendata.source_label(kind, scope)
        about = ("open-data", kind, scope, urls[kind], day, sample)
        page_cache.place_or_make(self.incremental, self.files, about, items, urls[kind], source,
                                 lambda: opendata.write_dataset(self.files, urls, kind, items, encoded, scope, day,
                                                                sample, source))

    def _write_report_forms(self):
        started = time.perf_counter()
        cache = form_cache(self.settings)
        count, built = forms.write_forms(self.files, self.portal, self.settings["PORTAL_DATA_URL"], cache)
        logger.info("Report forms: %d written, %d built, the rest reused from %s (%.2f s)", count, built, cache,
                    time.perf_counter() - started)

    def _write_cards(self):
        if not self.cards:
            return
        cache = card_cache(self.settings)
        started, drawn = time.perf_counter(), 0
        for url, (spec, key, item) in self.cards.items():
            cached, new = cards.cached_card(spec, key, cache)
            drawn += new
            self.files.place_file(url, cached, f"thẻ chia sẻ «{item.id}»")
        logger.info("Share cards: %d drawn, %d reused from %s (%.2f s)", drawn, len(self.cards) - drawn, cache,
                    time.perf_counter() - started)

    def _write_state_styles(self):
        path = f"{self.settings['THEME_STATIC_DIR']}/css/states.css"
        self.files.write_text(path, state_css(), "màu trạng thái (vocabulary.py)")

    # Helpers -----------------------------------------------------------------------------

    def _write_page(self, writer, url, template, source, **extra):
        self.files.claim(save_as(url), source)
        writer.write_file(save_as(url), self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=url, **extra)

    def _absolute(self, url):
        """A site URL made absolute when SITEURL is (open data links), else left relative."""
        siteurl = self.settings.get("SITEURL") or ""
        return f"{siteurl.rstrip('/')}/{url}" if siteurl.startswith(("http://", "https://")) else url

