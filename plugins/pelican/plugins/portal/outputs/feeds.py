"""Atom feeds of updates and news: the whole portal, each unit, each plan.

Written with Pelican's own machinery (Writer.write_feed, feedgenerator's Atom1Feed). Feeds
need absolute URLs, so they are written only when SITEURL is an absolute http(s) URL
(`make publish`); a local `make html` (SITEURL "") has none and links to none. With the page
cache on (PORTAL_INCREMENTAL), a feed whose entries and settings are unchanged is placed from
it instead of written again, as open data is (outputs/page_cache.py).
"""

import re
from datetime import datetime, time, timezone
from urllib.parse import urljoin, urlsplit

from pelican import signals

from markupsafe import escape

from .. import vocabulary
from ..model.values import format_value
from .page_cache import place_or_make


def feeds_enabled(settings):
    """Feeds need absolute URLs: only when SITEURL is http(s) and PORTAL_FEED_URLS is set."""
    siteurl = settings.get("SITEURL") or ""
    return siteurl.startswith(("http://", "https://")) and bool(settings.get("PORTAL_FEED_URLS"))


class FeedItem:
    """What Writer.write_feed reads from an article, with the unit as author and the reported
    figures written into the summary (they are not in the article's Markdown)."""

    def __init__(self, update, label_prefix=""):
        article = update.article
        self.update = update
        self.article = article
        self.title = f"{label_prefix}{update.title}"
        self.url = update.url
        self.date = article.date
        self.author = update.unit.name if update.unit is not None else ""
        self.category = category_label(update)
        self.summary = _summary(update)

    def get_content(self, siteurl):
        """The article's HTML with every link and image absolute, as feed readers need."""
        return absolute_links(self.article.get_content(siteurl), siteurl, self.url)


_URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')


def absolute_links(html, siteurl, page_url):
    """`html` (serialised by nh3: attributes in double quotes) with each relative href/src made
    absolute: "/hinh-anh/x.png" under SITEURL (also when the site lives under a sub-path),
    "../x.png" and "x.png" against the page's own address, "#a" kept on the page."""
    base = f"{siteurl.rstrip('/')}/"
    page = urljoin(base, page_url)

    def absolute(match):
        attribute, url = match.groups()
        if urlsplit(url).scheme or url.startswith("//") or not url:
            return match.group(0)
        if url.startswith("/"):
            return f'{attribute}="{base}{url.lstrip("/")}"'
        return f'{attribute}="{urljoin(page, url)}"'

    return _URL_ATTRIBUTE.sub(absolute, html)


def category_label(update):
    """"Cập nhật tiến độ" or "Tin tuyên truyền" (vocabulary.UPDATE_KINDS)."""
    term = vocabulary.UPDATE_KINDS.get(update.kind)
    return term.label if term else update.kind


def _summary(update):
    parts = []
    if update.summary:
        parts.append(f"<p>{escape(update.summary)}</p>")
    figures = []
    for r in update.target_reports:
        figures.append(f"<li>{escape(r.target.text)}: {escape(format_value(r.value, r.target.goal))} "
                       f"(tính đến {r.as_of:%d/%m/%Y})</li>")
    for r in update.task_reports:
        figures.append(f"<li>Nhiệm vụ {escape(r.task.number)} ({escape(r.task.plan.number)}): "
                       f"{vocabulary.TASK_STATUSES[r.status].label}</li>")
    if figures:
        parts.append("<ul>" + "".join(figures) + "</ul>")
    return "".join(parts) or None


EMPTY_FEED_DATE = "PORTAL_EMPTY_FEED_DATE"
FEED_PAGE = "PORTAL_FEED_PAGE"


def adjust_portal_feed(context, feed):
    """Receiver of Pelican's feed_generated signal, for the portal's feeds only: each feed gets
    its own id (its URL) and links to the page it follows; a feed with no entries is dated by
    the judging date (feedgenerator would say "now"), so an unchanged site writes unchanged feeds."""
    if not isinstance(context, dict) or not context.get(FEED_PAGE):
        return
    feed.feed["link"] = context[FEED_PAGE]
    feed.feed["id"] = feed.feed["feed_url"]
    if not feed.items:
        day = context[EMPTY_FEED_DATE]
        feed.latest_post_date = lambda: day


def _items(updates, prefix, made):
    """FeedItems of `updates`, each made once per build (`made`: {id(update): FeedItem},
    shared by the portal's, the units' and the plans' feeds)."""
    for update in updates:
        if id(update) not in made:
            made[id(update)] = FeedItem(update, prefix)
    return [made[id(update)] for update in updates]


def write_feeds(writer, files, portal, context, settings, cache=None):
    """Put every feed in the output, each path claimed in `files` (outputs.writer.OutputFiles):
    written through Pelican's `writer`, or, with `cache` (the build's
    outputs.page_cache.PageCache), placed from it when kept there under the same key: the
    feed's address, title and page, the updates it shows (with their articles, units, targets
    and tasks) and the site (the settings and the judging date, an empty feed's date)."""
    urls = settings["PORTAL_FEED_URLS"]
    siteurl = settings["SITEURL"].rstrip("/")
    empty_date = datetime.combine(portal.judging_date, time(0), timezone.utc)
    feed_context = {**context, "SITEURL": siteurl, "FEED_DOMAIN": siteurl, EMPTY_FEED_DATE: empty_date}
    prefix = "[Số liệu mẫu] " if settings.get("PORTAL_SAMPLE_DATA") else ""
    limit = settings.get("FEED_MAX_ITEMS")  # what Writer.write_feed shows: the first `limit`
    signals.feed_generated.connect(adjust_portal_feed)
    made = {}

    def write(updates, url, title, page_url):
        source = f"nguồn tin «{title}»"
        shown = [update for update in updates if update.article is not None][:limit]

        def make():
            path = files.prepare(url, source)
            page_context = {**feed_context, FEED_PAGE: f"{siteurl}/{page_url}"}
            writer.write_feed(_items(shown, prefix, made), page_context, path=url, url=url, feed_type="atom",
                              feed_title=title)
            return {"xml": path}

        place_or_make(cache, files, ("feed", url, title, page_url), shown, {"xml": url}, source, make)

    write(portal.updates, urls["all"], "Cập nhật và tin", "")
    for unit in portal.units.values():
        write(unit.updates, urls["unit"].format(id=unit.id), f"Cập nhật và tin của {unit.name}", unit.url)
    for plan in portal.plans:
        write(plan.updates, urls["plan"].format(id=plan.id), f"Cập nhật và tin về kế hoạch {plan.number}", plan.url)
