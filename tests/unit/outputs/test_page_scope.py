"""The page cache keys a page of SCOPED_TEMPLATES on what it is about, not on the whole
portal (outputs/page_cache.py). Such a template must then not read the portal-wide lists:
if one did, its pages would go stale. This reads every scoped template and what it
includes, imports or extends."""

import re

import pytest
from jinja2 import Environment, FileSystemLoader, meta

from types import SimpleNamespace

from pelican.plugins.portal.outputs.page_cache import SCOPED_TEMPLATES, UNREAD_ARGUMENTS, _CachedTemplate
from pelican.plugins.portal.pages.filters import FILTERS
from tests.site_support import REPO

# What the shared context holds about the whole portal (pages/context.py, Pelican's lists):
# a scoped page reading one would not be re-rendered when it changes.
PORTAL_WIDE = {"tasks_by_deadline", "portal_rollup", "portal_late", "portal_never_late", "portal_changes",
               "filter_units", "filter_areas", "filter_months", "articles", "dates", "categories", "tags",
               "authors", "all_articles", "hidden_articles", "drafts", "hidden_pages", "draft_pages",
               "static_links", "static_content"}
# What of `portal` itself is in every page's fingerprint (outputs/fingerprints.py, `site`).
PORTAL_SITE_WIDE = {"judging_date", "plan_by_number"}
TEMPLATES = REPO / "theme" / "templates"
ENV = Environment(loader=FileSystemLoader(str(TEMPLATES)))
ENV.filters.update(FILTERS)


def names_read(template, seen=None):
    """Context names a template and everything it pulls in read."""
    seen = set() if seen is None else seen
    if template in seen:
        return set()
    seen.add(template)
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    ast = ENV.parse(source)
    names = set(meta.find_undeclared_variables(ast))
    names |= {f"portal.{attribute}" for attribute in re.findall(r"(?<![/\w.-])portal\.(\w+)", source)}
    for other in meta.find_referenced_templates(ast):
        if other:
            names |= names_read(other, seen)
    return names


@pytest.mark.parametrize("template", sorted(SCOPED_TEMPLATES - {"badge.svg"}) + ["badge.svg"])
def test_scoped_templates_read_no_portal_wide_list(template):
    names = names_read(template)
    assert names & PORTAL_WIDE == set()
    assert {n for n in names if n.startswith("portal.")} <= {f"portal.{a}" for a in PORTAL_SITE_WIDE}


def test_arguments_left_out_of_a_scoped_page_are_ones_no_scoped_template_reads():
    assert UNREAD_ARGUMENTS <= PORTAL_WIDE


def test_a_category_page_is_not_keyed_on_every_article():
    cache = SimpleNamespace(fingerprints=SimpleNamespace(value=repr))

    def about(name, all_articles):
        kwargs = {"category": "cap-nhat", "articles": [1, 2], "all_articles": all_articles}
        return _CachedTemplate(cache, SimpleNamespace(name=name), kwargs, ("articles",)).about

    assert about("category.html", [1, 2]) == about("category.html", [1, 2, 3])
    assert about("index.html", [1, 2]) != about("index.html", [1, 2, 3])  # not scoped: keyed on all


def test_the_check_sees_a_portal_wide_read():
    assert "portal_late" in names_read("late.html")
    assert "portal.plans" in names_read("tasks.html")
