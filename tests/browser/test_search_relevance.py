"""Relevance over the real content: the judged queries of tests/search/relevance.yaml, run in
headless Chromium on a build of content/. `make bench` prints the same measures per kind of
query; this keeps floors under them (measured 2026-11-29: MRR 0.95, P@3 0.59, nDCG@10 0.88)."""

import pytest

from relevance import document_urls, judged_queries, measure, ranked_urls
from search_support import Server
from site_support import REPO, build



@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    return build(REPO / "content", tmp_path_factory.mktemp("relevance") / "output")


def test_judged_queries_find_what_the_plans_say(browser, real_site):
    queries = judged_queries()
    assert len(queries) >= 40
    urls = document_urls(real_site)
    server = Server(real_site)
    page = browser.new_page()
    try:
        page.goto(server.origin + "/tim-kiem/")
        page.wait_for_selector("#tim-kiem[data-state=done]")
        results = [(judged, ranked_urls(page, urls, judged["query"])) for judged in queries]
    finally:
        page.close()
        server.stop()
    numbers = measure(results)
    mrr, precision, ndcg, _ = numbers["all"]
    assert mrr >= 0.9 and precision >= 0.55 and ndcg >= 0.8, numbers
    for kind in ("code", "abbreviation", "phrase"):
        assert numbers[kind][0] >= 0.9, (kind, numbers[kind])  # the answer comes first
    assert all(ranked and judged["relevant"].get(ranked[0]) for judged, ranked in results
               if judged["kind"] == "code"), "a code's first result is not what it names"
