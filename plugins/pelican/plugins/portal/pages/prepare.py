"""The pages phase: URLs and what pages show, set once per object per build.

After rules.evaluate and before any writing: `url` (units, plans, tasks, targets, updates),
`label`, `qualified_label`, `filter_url`, `badge_url`, `data_urls`, `feed_url`, `card_url`,
rendered plan bodies (`parts`, `sections`), history charts and the link from each update to
its Pelican article.
"""

import os

from ..outputs import opendata
from ..outputs.card_specs import card_specs
from ..outputs.feeds import feeds_enabled
from .charts import history_chart
from .names import plan_label, qualified_labels
from .render import make_markdown, render_markdown, split_on_blocks


def prepare(portal, settings, articles=()):
    """Fill the pages-phase fields of every entity; returns the share cards to write,
    {output path: (CardSpec, key, entity)} ({} when PORTAL_CARDS is off).
    `articles`: Pelican's articles, matched to updates by source path."""
    data = settings["PORTAL_DATA_URL"]
    feeds = settings["PORTAL_FEED_URLS"] if feeds_enabled(settings) else None
    slices = opendata.SLICE_KINDS
    filters = settings["PORTAL_FILTER_URLS"]
    qualified = qualified_labels(portal.units.values())
    for unit in portal.units.values():
        unit.url = settings["PORTAL_UNIT_URL"].format(id=unit.id)
        unit.qualified_label = qualified[id(unit)]
        unit.filter_url = filters["unit"].format(id=unit.id) if unit.work[1] else ""
        unit.data_urls = opendata.file_urls(f"{data}don-vi/{unit.id}/", slices)
        unit.feed_url = feeds["unit"].format(id=unit.id) if feeds else ""
    md = make_markdown()
    for plan in portal.plans:
        plan.url = settings["PORTAL_PLAN_URL"].format(id=plan.id)
        plan.label = plan_label(plan)
        plan.filter_url = filters["plan"].format(id=plan.id)
        html, plan.sections = render_markdown(plan.body, md)
        plan.parts = split_on_blocks(html, plan.blocks)
        plan.data_urls = opendata.file_urls(f"{data}ke-hoach/{plan.id}/", slices)
        plan.feed_url = feeds["plan"].format(id=plan.id) if feeds else ""
        for task in plan.tasks:
            task.url = f"{plan.url}#{task.id}"
    for target in portal.targets.values():
        target.url = settings["PORTAL_TARGET_URL"].format(id=target.id)
        target.badge_url = settings["PORTAL_BADGE_URL"].format(id=target.id)
        target.data_urls = opendata.file_urls(f"{data}chi-tieu/{target.id}/", ["so-lieu-chi-tieu"])
        target.chart = history_chart(target, portal.judging_date)
    by_path = {article.source_path: article for article in articles}
    for update in portal.updates:
        update.article = by_path.get(update.path) or by_path.get(os.path.abspath(update.path))
        if update.article is not None:
            update.article.portal_update = update
            update.url = update.article.url
    if not settings.get("PORTAL_CARDS"):
        return {}
    cards = card_specs(portal, settings["PORTAL_CARD_URL"], settings["SITENAME"],
                       bool(settings.get("PORTAL_SAMPLE_DATA")))
    for url, (_, _, item) in cards.items():
        item.card_url = url
    return cards
