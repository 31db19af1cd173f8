"""The Pelican generator: validates content, then writes plan, unit, target and index pages."""

import os
import sys

from pelican.generators import Generator

from .fields import UNIT_KINDS
from .loader import load_portal
from .problems import ContentError
from .progress import TASK_LABELS, judge_target, judge_task
from .render import make_markdown, render_markdown, split_on_blocks
from .settings import judging_date, save_as




def check_content(settings):
    """Read and validate all content; print each problem on its own line and raise if any."""
    try:
        day = judging_date(settings)
    except ValueError as error:
        print(f"pelicanconf.py: {error}", file=sys.stderr)
        raise ContentError([]) from None
    portal, problems = load_portal(settings["PATH"], settings["PORTAL_FOLDERS"], day)
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
        self.context.update(
            portal_indexes=settings["PORTAL_INDEX_URLS"],
            unit_kinds=UNIT_KINDS,
            task_labels=TASK_LABELS,
            category_names={settings["PORTAL_FOLDERS"]["updates"]: "Cập nhật tiến độ",
                            settings["PORTAL_FOLDERS"]["news"]: "Tin tuyên truyền"},
            tasks_by_deadline=sorted(portal.tasks.values(), key=_deadline_order),
        )

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
        for plan in portal.plans:
            self._write(writer, plan.url, "plan", plan=plan)
        for unit in portal.units.values():
            self._write(writer, unit.url, "unit", unit=unit)
        badge = self.env.get_template("badge.svg")
        for target in portal.targets.values():
            self._write(writer, target.url, "target", target=target)
            writer.write_file(target.badge_url, badge, self.context, relative_urls=False,
                              url=target.badge_url, target=target)

    def _write(self, writer, url, template, **extra):
        writer.write_file(save_as(url), self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=url, **extra)


def _deadline_order(task):
    """Dated deadlines first, earliest first; then ongoing and conditional ones."""
    due = task.deadline.due
    return (due is None, due or task.plan.issued, task.plan.number, task.number)
