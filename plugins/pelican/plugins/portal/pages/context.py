"""What every template sees besides the entity it renders: labels from the vocabulary,
URLs from the settings, and the portal-wide judgements."""

from .. import vocabulary
from ..model.values import format_value
from ..outputs import opendata
from ..outputs.feeds import feeds_enabled
from ..rules.rollups import task_bucket
from .fragments import Fragments
from .lists import unit_sections


def template_context(portal, settings):
    """{name: value} added to Pelican's shared context (names as the templates use them)."""
    folders = settings["PORTAL_FOLDERS"]
    feeds = settings["PORTAL_FEED_URLS"] if feeds_enabled(settings) else None
    return {
        "portal_indexes": settings["PORTAL_INDEX_URLS"],
        "unit_kinds": vocabulary.labels(vocabulary.UNIT_KINDS),
        "task_labels": vocabulary.labels(vocabulary.TASK_STATUSES),
        "category_names": {folders["updates"]: vocabulary.UPDATE_KINDS[vocabulary.UPDATE].label,
                           folders["news"]: vocabulary.UPDATE_KINDS[vocabulary.NEWS].label},
        "tasks_by_deadline": portal.tasks_by_deadline,
        "portal_rollup": portal.rollup,
        "portal_late": portal.late,
        "portal_never_late": portal.never_late,
        "portal_changes": portal.changes,
        "portal_about_url": settings["PORTAL_ABOUT_URL"],
        "portal_late_url": settings["PORTAL_LATE_URL"],
        "portal_data_url": settings["PORTAL_DATA_URL"],
        "portal_data_urls": opendata.file_urls(settings["PORTAL_DATA_URL"], list(opendata.KINDS)),
        "portal_data_kinds": opendata.KINDS,
        "portal_feed_all": feeds["all"] if feeds else "",
        "badge_labels": vocabulary.labels(vocabulary.TARGET_STATES),
        "badge_colors": {key: vocabulary.STYLES[term.style] for key, term in vocabulary.TARGET_STATES.items()},
        "reporting_labels": vocabulary.labels(vocabulary.REPORTING_STATES),
        "progress_labels": {k: v for k, v in vocabulary.labels(vocabulary.TARGET_STATES).items()
                            if k != vocabulary.NO_DATA},
        "task_buckets": vocabulary.labels(vocabulary.TASK_BUCKETS),
        "target_buckets": vocabulary.labels(vocabulary.TARGET_STATES),
        "late_label": vocabulary.LATE_LABEL,
        "met_late_label": vocabulary.MET_LATE_LABEL,
        "late_bucket": vocabulary.LATE,
        "value_text": format_value,
        "task_bucket": task_bucket,
        "unit_sections": unit_sections,
        "portal_filter_urls": settings["PORTAL_FILTER_URLS"],
        "filter_units": sorted((u for u in portal.units.values() if u.filter_url),
                               key=lambda u: u.qualified_label.casefold()),
        "filter_areas": sorted({t.area for t in portal.tasks.values() if t.area}),
        "filter_months": sorted({t.state.due.strftime("%Y-%m") for t in portal.tasks.values() if t.state.due}),
        "favicon_url": "theme/favicon.svg",
        "fragment": Fragments(),
    }
