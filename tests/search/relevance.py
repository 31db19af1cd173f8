"""The relevance set (relevance.yaml) and its measures: MRR, precision@3 and nDCG@10.

Used by `make bench` (bench/search_bench.py) and tests/browser/test_search_relevance.py.
Run in a browser on a built site: `ranked_urls(page, site, query)` asks the search page's
engine (window.portalSearch) for the ranked documents and maps them to their addresses.
"""

import json
import math
from pathlib import Path
from urllib.parse import urljoin

import yaml

HERE = Path(__file__).resolve().parent
RELEVANCE = HERE / "relevance.yaml"


def judged_queries():
    """[{"query", "kind", "relevant": {url: grade}}], as written in relevance.yaml."""
    return yaml.safe_load(RELEVANCE.read_text(encoding="utf-8"))


def document_urls(site):
    """Every search document's address, by document number, read from the built site's index."""
    page = (Path(site) / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    marker = 'data-manifest="'
    start = page.index(marker) + len(marker)
    manifest_path = Path(site) / urljoin("tim-kiem/", page[start:page.index('"', start)])
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    row_url = manifest["row"].index("url")
    urls = []
    for name in manifest["docFiles"]:
        urls.extend(row[row_url] for row in json.loads((manifest_path.parent / name).read_text(encoding="utf-8")))
    return urls


def ranked_urls(page, urls, query, limit=10):
    """The first `limit` results' addresses for `query` submitted on the open search page."""
    hits = page.evaluate("(q) => window.portalSearch.hits(q, false)", query)
    return [urls[int(ref)] for ref, _ in hits[:limit]]


def reciprocal_rank(ranked, relevant):
    for position, url in enumerate(ranked, 1):
        if relevant.get(url):
            return 1 / position
    return 0.0


def precision_at(ranked, relevant, k=3):
    """Share of the first k results that are relevant (k counts even when fewer are relevant)."""
    return sum(1 for url in ranked[:k] if relevant.get(url)) / k


def ndcg_at(ranked, relevant, k=10):
    """nDCG@k with gains 2^grade − 1 and log2 discounts."""
    def dcg(grades):
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    return dcg([relevant.get(url, 0) for url in ranked[:k]]) / ideal if ideal else 0.0


def measure(results):
    """results: [(judged query, ranked urls)] -> {"all": (MRR, P@3, nDCG@10), kind: (…)}."""
    groups = {}
    for judged, ranked in results:
        row = (reciprocal_rank(ranked, judged["relevant"]), precision_at(ranked, judged["relevant"]),
               ndcg_at(ranked, judged["relevant"]))
        groups.setdefault("all", []).append(row)
        groups.setdefault(judged["kind"], []).append(row)
    return {kind: tuple(sum(r[i] for r in rows) / len(rows) for i in range(3)) + (len(rows),)
            for kind, rows in groups.items()}
