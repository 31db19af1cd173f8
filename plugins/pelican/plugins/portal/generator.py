"""The Pelican generator: validates content, then writes plan, unit, target and index pages,
the "about the data" and late-work pages, badges, feeds, open data and share cards."""

import logging
import os
import sys
import time
from datetime import date

from pelican.generators import Generator

from . import cards, opendata
from .charts import history_chart, value_text
from .feeds import feeds_enabled, write_feeds
from .fields import UNIT_KINDS
from .loader import load_portal
from .problems import ContentError
from .progress import (
    BADGE_LABELS, PROGRESS_LABELS, REPORTING_LABELS, TASK_LABELS, judge_target, judge_task,
)
from .rollups import TASK_BUCKETS, TARGET_BUCKETS, late_by_unit, latest_changes, never_late, rollup, unique, unit_work
from .render import make_markdown, render_markdown, split_on_blocks
from .settings import judging_date, save_as

logger = logging.getLogger(__name__)

def check_content(settings):
    """Read and validate all content; print each problem on its own line and raise if any."""
    try:
        day = judging_date(settings)
    except ValueError as error:
        print(f"pelicanconf.py: {error}", file=sys.stderr)
        raise ContentError([]) from None
    portal, problems = load_portal(settings["PATH"], settings["PORTAL_FOLDERS"], day,
                                   extra_paths=settings.get("PORTAL_EXTRA_PATHS") or ())
    if problems:
        for line in problems.report():
            print(line, file=sys.stderr)
        raise ContentError(problems.items)
    return portal


class PortalGenerator(Generator):
    """Runs its check in __init__, before Pelican empties the output folder, so that bad
    content leaves the last good site in place."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.portal = check_content(self.settings)
        self.context["portal"] = self.portal

    def generate_context(self):
        portal, settings = self.portal, self.settings
        for unit in portal.units.values():
            unit.url = settings["PORTAL_UNIT_URL"].format(id=unit.id)
        md = make_markdown()
        for plan in portal.plans:
            plan.url = settings["PORTAL_PLAN_URL"].format(id=plan.id)
            html, plan.sections = render_markdown(plan.body, md)
            plan.parts = split_on_blocks(html, plan.blocks)
            plan.issuer.plans.append(plan)
        for target in portal.targets.values():
            target.url = settings["PORTAL_TARGET_URL"].format(id=target.id)
            target.badge_url = settings["PORTAL_BADGE_URL"].format(id=target.id)
            target.judgement = judge_target(target, portal.judging_date)
            if target.unit is not None:
                target.unit.targets.append(target)
        for task in portal.tasks.values():
            task.state = judge_task(task, portal.judging_date)
            for unit in task.leads:
                unit.led_tasks.append(task)
            for unit in task.supports:
                unit.supported_tasks.append(task)
            for group in {*task.leads, *task.supports}:
                for member in group.members:
                    member.group_tasks.append((group, task))
        by_path = {article.source_path: article for article in self.context.get("articles", [])}
        for update in portal.updates:
            update.article = by_path.get(update.path) or by_path.get(os.path.abspath(update.path))
            if update.article is not None:
                update.article.portal_update = update
            if update.unit is not None:
                update.unit.updates.append(update)
            for plan in update.plans:
                plan.updates.append(update)
        tasks_by_deadline = sorted(portal.tasks.values(), key=_deadline_order)
        self._progress_context(tasks_by_deadline)
        self.context.update(
            portal_indexes=settings["PORTAL_INDEX_URLS"],
            unit_kinds=UNIT_KINDS,
            task_labels=TASK_LABELS,
            category_names={settings["PORTAL_FOLDERS"]["updates"]: "Cập nhật tiến độ",
                            settings["PORTAL_FOLDERS"]["news"]: "Tin tuyên truyền"},
            tasks_by_deadline=tasks_by_deadline,
        )

    def _progress_context(self, tasks_by_deadline):
        """Charts, roll-ups, late work, feed and data URLs, share cards: see issue 5."""
        portal, settings = self.portal, self.settings
        data = settings["PORTAL_DATA_URL"]
        kinds = list(opendata.KINDS)
        slice_kinds = ["chi-tieu", "nhiem-vu", "so-lieu-chi-tieu", "tien-do-nhiem-vu"]
        feeds = settings["PORTAL_FEED_URLS"] if feeds_enabled(settings) else None
        for target in portal.targets.values():
            target.chart = history_chart(target, portal.judging_date)
            target.data_urls = opendata.file_urls(f"{data}chi-tieu/{target.id}/", ["so-lieu-chi-tieu"])
        for plan in portal.plans:
            plan.rollup = rollup(plan.targets, plan.tasks)
            plan.data_urls = opendata.file_urls(f"{data}ke-hoach/{plan.id}/", slice_kinds)
            plan.feed_url = feeds["plan"].format(id=plan.id) if feeds else ""
        for unit in portal.units.values():
            unit.work = unit_work(unit)
            unit.rollup = rollup(*unit.work)
            unit.data_urls = opendata.file_urls(f"{data}don-vi/{unit.id}/", slice_kinds)
            unit.feed_url = feeds["unit"].format(id=unit.id) if feeds else ""
        self.cards = self._card_specs() if settings.get("PORTAL_CARDS") else {}
        self.context.update(
            portal_rollup=rollup(portal.targets.values(), portal.tasks.values()),
            portal_late=late_by_unit(tasks_by_deadline),
            portal_never_late=never_late(tasks_by_deadline),
            portal_changes=latest_changes(portal.updates, portal.judging_date, 10),
            portal_about_url=settings["PORTAL_ABOUT_URL"],
            portal_late_url=settings["PORTAL_LATE_URL"],
            portal_data_urls=opendata.file_urls(data, kinds),
            portal_data_kinds=opendata.KINDS,
            portal_feed_all=feeds["all"] if feeds else "",
            badge_labels=BADGE_LABELS, reporting_labels=REPORTING_LABELS, progress_labels=PROGRESS_LABELS,
            task_buckets=TASK_BUCKETS, target_buckets=TARGET_BUCKETS,
            value_text=value_text,
        )

    def _card_specs(self):
        """{output path: (spec, key)}; sets card_url on plans and targets."""
        portal, settings = self.portal, self.settings
        site, sample, pattern = settings["SITENAME"], bool(settings.get("PORTAL_SAMPLE_DATA")), settings["PORTAL_CARD_URL"]
        specs = {}
        for target in portal.targets.values():
            j = target.judgement
            figures = [f"Mới nhất {value_text(j.latest.value, target.goal)} ({j.latest.as_of:%d/%m/%Y})"] if j.latest else []
            detail = " · ".join(figures + [f"Mục tiêu {target.goal.text}", f"Thời hạn {target.deadline.text}"])
            spec = cards.CardSpec("Chỉ tiêu · " + target.plan.number, target.text,
                                  target.unit.name if target.unit else "", ((j.state, j.label),), detail, site, sample)
            key = cards.card_key(spec)
            target.card_url = pattern.format(kind="chi-tieu", id=target.id, key=key)
            specs[target.card_url] = (spec, key)
        for plan in portal.plans:
            r = plan.rollup
            pills = tuple((c.key, f"{c.count} {c.label.lower()}") for c in r.targets if c.count and c.key != "no-data")
            if not pills and r.target_total:
                pills = (("no-data", f"{r.target_total} chỉ tiêu chưa có số liệu"),)
            late = r.task_count("late")
            if late:
                pills += (("not-met", f"{late} nhiệm vụ quá hạn"),)
            detail = (f"{r.target_total} chỉ tiêu · {r.task_total} nhiệm vụ: {r.task_count('done')} hoàn thành, "
                      f"{late} quá hạn")
            spec = cards.CardSpec("Kế hoạch " + plan.number, plan.title, plan.issuer.name, pills, detail, site, sample)
            key = cards.card_key(spec)
            plan.card_url = pattern.format(kind="ke-hoach", id=plan.id, key=key)
            specs[plan.card_url] = (spec, key)
        return specs

    def generate_output(self, writer):
        portal, settings = self.portal, self.settings
        pages = [
            ("plans", "plans", {}),
            ("units", "units", {"roots": [u for u in portal.units.values() if u.parent is None]}),
            ("targets", "targets", {}),
            ("tasks", "tasks", {}),
        ]
        for key, template, extra in pages:
            url = settings["PORTAL_INDEX_URLS"][key]
            self._write(writer, url, template, **extra)
        self._write(writer, settings["PORTAL_ABOUT_URL"], "about-data", example=_example_judgement())
        self._write(writer, settings["PORTAL_LATE_URL"], "late")
        for plan in portal.plans:
            self._write(writer, plan.url, "plan", plan=plan)
        for unit in portal.units.values():
            self._write(writer, unit.url, "unit", unit=unit)
        badge = self.env.get_template("badge.svg")
        for target in portal.targets.values():
            self._write(writer, target.url, "target", target=target)
            writer.write_file(target.badge_url, badge, self.context, relative_urls=False,
                              url=target.badge_url, target=target)
        if feeds_enabled(settings):
            write_feeds(writer, portal, self.context, settings)
        self._write_open_data()
        self._write_cards()

    def _link(self, url):
        siteurl = self.settings.get("SITEURL") or ""
        return f"{siteurl.rstrip('/')}/{url}" if siteurl.startswith(("http://", "https://")) else url

    def _write_open_data(self):
        portal, out = self.portal, self.output_path
        day, sample = portal.judging_date, bool(self.settings.get("PORTAL_SAMPLE_DATA"))
        whole = {
            "don-vi": list(portal.units.values()), "ke-hoach": portal.plans,
            **opendata.slices(list(portal.targets.values()), list(portal.tasks.values())),
        }
        urls = self.context["portal_data_urls"]
        for kind, items in whole.items():
            opendata.write_dataset(out, urls, kind, items, self._link, "toàn cổng", day, sample)
        for plan in portal.plans:
            for kind, items in opendata.slices(plan.targets, plan.tasks).items():
                opendata.write_dataset(out, plan.data_urls, kind, items, self._link,
                                       f"kế hoạch {plan.number}", day, sample)
        for unit in portal.units.values():
            tasks = unique([*unit.led_tasks, *unit.supported_tasks, *(t for _, t in unit.group_tasks)])
            for kind, items in opendata.slices(unit.targets, tasks).items():
                opendata.write_dataset(out, unit.data_urls, kind, items, self._link, unit.name, day, sample)
        for target in portal.targets.values():
            items = opendata.slices([target], [])["so-lieu-chi-tieu"]
            opendata.write_dataset(out, target.data_urls, "so-lieu-chi-tieu", items, self._link,
                                   f"chỉ tiêu {target.id}", day, sample)

    def _write_cards(self):
        if not self.cards:
            return
        cache = self.settings.get("PORTAL_CARD_CACHE") or os.path.join(self.settings["CACHE_PATH"], "the-chia-se")
        started, drawn = time.perf_counter(), 0
        for url, (spec, key) in self.cards.items():
            drawn += cards.ensure_card(spec, key, cache, os.path.join(self.output_path, url))
        logger.info("Share cards: %d drawn, %d reused from %s (%.2f s)", drawn, len(self.cards) - drawn, cache,
                    time.perf_counter() - started)

    def _write(self, writer, url, template, **extra):
        writer.write_file(save_as(url), self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=url, **extra)


def _example_judgement():
    """A worked example for the "about the data" page, judged by the same rule as every target."""
    from .deadlines import parse_deadline
    from .goals import parse_goal
    from .model import Plan, Target, TargetReport, Update

    plan = Plan(id="vi-du", number="", title="", issuer=None, issued=date(2025, 9, 1))
    target = Target("vi-du", "", parse_goal("tối thiểu 80%"), "tối thiểu 80%", parse_deadline("31/12/2025"), None, plan)
    update = Update(path="", kind="cap-nhat", title="", date=date(2025, 11, 20), unit=None)
    target.reports.append(TargetReport(target, 45.0, date(2025, 11, 15), "", update))
    return target, judge_target(target, date(2025, 11, 30))


def _deadline_order(task):
    """Dated deadlines first, earliest first; then ongoing and conditional ones."""
    due = task.deadline.due
    return (due is None, due or task.plan.start_date or date.min, task.plan.number, task.number)
