"""`make bench`: search index size and build time, and search speed in headless Chromium.

For the real content (content/) and for a generated city-sized SAMPLE corpus
(bench/corpus.py: 150 units, 3,000 tasks, 1,000 targets, 10,000 updates), prints:

- index bytes (all files of tim-kiem/chi-muc/, raw and gzip -6) and index build time;
- in headless Chromium (each page opened in a fresh context, so with an empty cache):
  the time from opening tim-kiem/?q=… to the first result on screen, and the bytes
  fetched before it (gzip, as a server compressing JSON would send them);
- per-query latency on an open page, from submitting a query to its results on screen,
  first time (loading the shards it needs) and again (all loaded), p50 and p95;
- for the real content, relevance over the judged queries of tests/search/relevance.yaml:
  MRR, precision@3 and nDCG@10, overall and per kind of query.

Budgets (issue 15): real content ≤ 150 KB gzip for all search files; corpus first result
≤ 800 ms, bytes before it ≤ 300 KB gzip (median), query p95 ≤ 50 ms once its shards are
loaded, index build ≤ 5 s. Everything is written under bench-output/.
"""

import argparse
import functools
import gzip
import http.server
import logging
import statistics
import sys
import threading
import time
import traceback
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402

sys.path.insert(0, str(REPO / "tests" / "search"))
from relevance import document_urls, judged_queries, measure, ranked_urls  # noqa: E402

sys.path.insert(0, str(REPO / "tests" / "browser"))
from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the tests' Chromium set-up)

JUDGING_DATE = "2026-10-01"

CORPUS_QUERIES = [
    "chuyển đổi số", "chuyen doi so", "dịch vụ công trực tuyến toàn trình", "thu tuc hanh chinh",
    "dữ liệu", "an toàn thông tin mạng", "chữ ký số", "camera giám sát", "trợ lý ảo", "VNeID",
    "báo cáo tiến độ tháng 03/2026", "Sở Y tế Mẫu 4", "phường Mẫu Cát Bi 33", "105/KH-SM006",
    "nhiệm vụ 2.3", "kho dữ liệu dùng chung", "hoa nghia", "thanh toán không dùng tiền mặt",
    "bưu chính công ích", "tổ công nghệ số cộng đồng",
]
REAL_QUERIES = [
    "chuyển đổi số", "chuyen doi so", "3183/KH-STP", "Sở Tư pháp", "Dương Kinh", "dữ liệu",
    "dịch vụ công trực tuyến", "an toàn thông tin", "chữ ký số", "nhiệm vụ 4.3",
]


def build_site(content, output, **overrides):
    """Build with the project's pelicanconf.py; returns (seconds, search stats)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "PORTAL_JUDGING_DATE": JUDGING_DATE,
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, **overrides})
    stats = SearchStats()
    logger = logging.getLogger("pelican.plugins.portal.search.generator")
    logger.addHandler(stats)
    logger.setLevel(logging.INFO)
    started = time.perf_counter()
    try:
        Pelican(settings).run()
    finally:
        logger.removeHandler(stats)
    return time.perf_counter() - started, stats.value


class SearchStats(logging.Handler):
    """Keeps the counts the search generator logs with each build (its INFO record's
    `portal_search_stats`)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.value = None

    def emit(self, record):
        self.value = getattr(record, "portal_search_stats", self.value)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@functools.lru_cache(maxsize=None)
def file_sizes(path):
    data = Path(path).read_bytes()
    return len(data), len(gzip.compress(data, 6))


def local_file(site, url):
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site / path
    return target / "index.html" if path.endswith("/") or not path else target


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(0.95 * len(ordered))) - 1))]


FIRST_RESULT = """() => new Promise(resolve => {
  const done = () => {
    const mark = performance.getEntriesByName("search:first-result")[0];
    const root = document.getElementById("tim-kiem");
    if (mark || (root && root.dataset.state === "done")) {
      const at = mark ? mark.startTime : performance.now();
      const resources = performance.getEntriesByType("resource")
        .filter(e => e.responseEnd <= at).map(e => e.name);
      resolve({at, found: !!mark, resources, results: document.querySelectorAll(".search-result").length});
    } else {
      setTimeout(done, 5);
    }
  };
  done();
})"""

RUN_QUERY = """async (text) => {
  const input = document.getElementById("tu-khoa");
  const root = document.getElementById("tim-kiem");
  input.value = text;
  const before = performance.getEntriesByName("search:query").length;
  const started = performance.now();
  input.form.requestSubmit();
  while (performance.getEntriesByName("search:query").length === before) {
    await new Promise(r => setTimeout(r, 1));
  }
  const entries = performance.getEntriesByName("search:query");
  return {ms: entries[entries.length - 1].duration, wall: performance.now() - started,
          results: document.querySelectorAll(".search-result").length};
}"""


TYPED = """(text) => {
  const entries = performance.getEntriesByName("search:query")
    .filter(e => e.detail && !e.detail.typing && e.detail.text === text);
  return entries.length ? entries[entries.length - 1].duration : null;
}"""


def typed_numbers(page, queries, delay_ms):
    """Type each query key by key (search runs as you type), press Enter: ms from Enter to results."""
    out = []
    for text in queries:
        field = page.locator("#tu-khoa")
        field.fill("")
        field.press_sequentially(text, delay=delay_ms)
        page.wait_for_timeout(300)  # a pause before Enter, as people make
        field.press("Enter")
        deadline = time.monotonic() + 30
        while (ms := page.evaluate(TYPED, text)) is None:
            assert time.monotonic() < deadline, f"no result for {text!r}"
            time.sleep(0.01)
        out.append({"query": text, "ms": ms})
    return out


def browser_numbers(site, queries, typed=0, delay_ms=200):
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            opens = []
            for text in queries:
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}tim-kiem/?q={quote(text)}")
                found = page.evaluate(FIRST_RESULT)
                files = [page.url] + found["resources"]
                raw = packed = 0
                for url in files:
                    path = local_file(site, url)
                    if not path.is_file():  # favicon.ico: a 404
                        continue
                    sizes = file_sizes(str(path))
                    raw += sizes[0]
                    packed += sizes[1]
                opens.append({"query": text, "ms": found["at"], "found": found["found"], "raw": raw, "gzip": packed,
                              "requests": len(files), "results": found["results"]})
                context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}tim-kiem/")
            page.wait_for_selector("#tim-kiem[data-state=done]")
            first = [page.evaluate(RUN_QUERY, text) for text in queries]
            again = [page.evaluate(RUN_QUERY, text) for text in queries]
            context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}tim-kiem/")
            page.wait_for_selector("#tim-kiem[data-state=done]")
            typed_rows = typed_numbers(page, queries[:typed], delay_ms) if typed else []
            context.close()
            browser.close()
    finally:
        server.shutdown()
    return opens, first, again, typed_rows, delay_ms


def relevance_numbers(site):
    """Runs every judged query on the search page of `site`: measure()'s {kind: (MRR, P@3, nDCG@10, n)}."""
    from playwright.sync_api import sync_playwright

    urls = document_urls(site)
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{base}tim-kiem/")
            page.wait_for_selector("#tim-kiem[data-state=done]")
            results = [(judged, ranked_urls(page, urls, judged["query"])) for judged in judged_queries()]
            browser.close()
    finally:
        server.shutdown()
    return measure(results)


def report_relevance(numbers):
    print(f"   relevance (tests/search/relevance.yaml, {numbers['all'][3]} judged queries):")
    for kind, (mrr, precision, ndcg, count) in sorted(numbers.items(), key=lambda item: item[0] != "all"):
        print(f"   {kind:<16} {count:3d} queries  MRR {mrr:.3f}  precision@3 {precision:.3f}  nDCG@10 {ndcg:.3f}")


def index_sizes(folder):
    """{group: (files, raw bytes, gzip bytes)} for the term shards, the document store and the manifest."""
    groups = {"term shards": "t", "document store": "d", "manifest": "m"}
    out = {}
    for label, prefix in groups.items():
        files = sorted(Path(folder).glob(prefix + "*.json"))
        sizes = [file_sizes(str(f)) for f in files]
        out[label] = (len(files), sum(r for r, _ in sizes), sum(g for _, g in sizes))
    return out


def report_site(label, seconds, stats):
    print(f"\n== {label}")
    if stats is None:
        print("   (no search index was built)")
        return
    print(f"   site build: {seconds:.1f} s; search documents: {stats['docs']:,}; "
          f"index build (documents, terms, weights, shards, JSON): {stats['seconds']:.2f} s")
    sizes = index_sizes(stats["folder"])
    for group, (count, raw, packed) in sizes.items():
        print(f"   {group:<26} {count:4d} files {raw / 1024:9,.0f} KB raw {packed / 1024:8,.0f} KB gzip")
    count, raw, packed = (sum(v[i] for v in sizes.values()) for i in range(3))
    print(f"   {'all search files':<26} {count:4d} files {raw / 1024:9,.0f} KB raw {packed / 1024:8,.0f} KB gzip")


def report_browser(opens, first, again, typed, delay_ms):
    print("   open tim-kiem/?q=… (empty cache)        first result    fetched before it (gzip / raw, requests)")
    for row in opens:
        mark = "" if row["found"] else "  (no result)"
        print(f"   {row['query'][:38]:<38} {row['ms']:8.0f} ms     {row['gzip'] / 1024:7.0f} KB / "
              f"{row['raw'] / 1024:6.0f} KB, {row['requests']:3d}{mark}")
    times = [row["ms"] for row in opens]
    packed = [row["gzip"] for row in opens]
    print(f"   first result: median {statistics.median(times):.0f} ms, p95 {p95(times):.0f} ms, max {max(times):.0f} ms")
    print(f"   bytes before first result (gzip): median {statistics.median(packed) / 1024:.0f} KB, "
          f"max {max(packed) / 1024:.0f} KB")
    rows_by_label = [("submitted at once, first time (loads its shards)", first),
                     ("submitted again (shards loaded)", again)]
    if typed:
        rows_by_label.append((f"typed at {delay_ms} ms a key, Enter to results", typed))
    for label, rows in rows_by_label:
        ms = [row["ms"] for row in rows]
        print(f"   per query, {label}: p50 {statistics.median(ms):.1f} ms, p95 {p95(ms):.1f} ms, max {max(ms):.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "bench-output"))
    parser.add_argument("--updates", type=int, default=10000)
    parser.add_argument("--skip-real", action="store_true")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    if not args.skip_real:
        try:
            seconds, stats = build_site(REPO / "content", out / "real-site")
            report_site("real content (content/)", seconds, stats)
            if stats:
                report_browser(*browser_numbers(out / "real-site", REAL_QUERIES, typed=len(REAL_QUERIES)))
                report_relevance(relevance_numbers(out / "real-site"))
        except BaseException as error:  # content/ may be mid-edit: report and go on
            if isinstance(error, KeyboardInterrupt):
                raise
            print(f"\n== real content (content/): build failed: {error!r}")
            traceback.print_exc(limit=2)

    counts = write_corpus(out / "corpus-content", updates=args.updates)
    print(f"\nSAMPLE corpus (bench/corpus.py): {counts}")
    seconds, stats = build_site(out / "corpus-content", out / "corpus-site")
    report_site("city-sized SAMPLE corpus", seconds, stats)
    report_browser(*browser_numbers(out / "corpus-site", CORPUS_QUERIES, typed=len(CORPUS_QUERIES)))


if __name__ == "__main__":
    main()
