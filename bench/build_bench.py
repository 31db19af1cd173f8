"""`make bench`: what a city-scale build costs, against plain Pelican on the same page count.

Generates the SAMPLE corpus (bench/corpus.py), builds it with the portal, and builds a plain
Pelican site (no plugin, Pelican's default theme) with as many Markdown articles as the portal
writes HTML pages, in the same venv, each build a separate `pelican` process. Prints:

- full build: CPU seconds (user + system of the child process, from os.wait4) and wall
  seconds, medians of --repeat alternating runs (portal, plain, portal, plain, …);
- peak memory: the child's maximum resident set size (MiB), medians likewise;
- one-file change: incremental (Pelican's content cache, the portal's page cache and search
  term counts, PORTAL_INCREMENTAL), one update's figure changed, rebuilt; its CPU as a
  fraction of the portal's full-build CPU (median of --repeat changes), and how many pages
  it rendered; then one update's text changed (which search indexes), rebuilt likewise;
  for comparison (no budget), plain Pelican's own incremental rebuild: its content cache
  on, one article's text changed, as a fraction of its own full build;
- search index: seconds to build it in the rebuilds after a figure change (the term shards
  are used again) and after a text change (they are made again), each against the budget,
  and in a full build (the portal logs them; bench/pelican_stats.py collects them);
- devserver: `tools/devserver.py -lr` (as `make devserver`) on the corpus; one update's text
  changed on disk; seconds until its page, fetched over HTTP, shows the change, and until the
  whole site is rebuilt and switched in (medians of --repeat); then one update's front matter
  broken: seconds until its problem line is printed, and how many times it is printed
  (budget: within 1 s, once).

The full builds render everything (PORTAL_INCREMENTAL off, no content cache; share cards and
report forms come from their caches, as on any machine that built once).
Budgets (issue 13): full ≤ 1.3× plain CPU, memory ≤ 2× plain, one-file rebuild ≤ 0.15 of
full, devserver ≤ 3 s, search index ≤ 5 s. Everything is written under bench-output/build/.
`--quick` uses a quarter-sized corpus, `--scale` any fraction (the budgets are for the full one).
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402

PELICAN = str(Path(sys.executable).parent / "pelican")
JUDGING_DATE = "2026-10-01"
BUDGETS = {"cpu": 1.3, "memory": 2.0, "rebuild": 0.15, "devserver": 3.0, "index": 5.0}
FULL = {"units": 150, "tasks": 3000, "targets": 1000, "updates": 10000}

PLAIN_CONF = '''"""Plain Pelican for the bench: no plugin, default theme, one page per article."""
SITENAME = "Plain Pelican (bench)"
SITEURL = ""
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
PLUGINS = []
# Pelican takes every imported BaseReader subclass, the portal's too (its package is imported
# when Pelican looks for namespace plugins): name Pelican's own Markdown reader.
from pelican.readers import MarkdownReader  # noqa: E402
READERS = {"md": MarkdownReader}
RELATIVE_URLS = True
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
'''


@dataclass
class Run:
    """One child process: CPU and wall seconds, peak resident memory in MiB; for portal
    builds, what it logged ({"search": {...}, "pages": {...}, "files": {...}}, see
    bench/pelican_stats.py)."""
    cpu: float
    wall: float
    rss_mib: float
    stats: dict = None


def run_child(cmd, log):
    """Runs `cmd` to completion with stdout/stderr into `log`; returns its Run.
    Raises SystemExit naming the log when it fails."""
    stats_file = Path(f"{log}.stats.json")
    stats_file.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(REPO), "PORTAL_BENCH_STATS": str(stats_file)}
    with open(log, "w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
    if proc.returncode:
        sys.exit(f"bench: {' '.join(map(str, cmd[:2]))} … failed (exit {proc.returncode}); see {log}")
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else None
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, stats)


def overrides(**values):
    return ["-e", *(f"{key}={json.dumps(value)}" for key, value in values.items())]


def portal_cmd(content, output, cache, cached=False, extra=()):
    """The portal's build: `cached` = incremental (content cache, page cache, term counts)."""
    return [sys.executable, "-m", "bench.pelican_stats", str(content), "-o", str(output),
            "-s", str(REPO / "pelicanconf.py"), "-q", *extra,
            *overrides(PORTAL_JUDGING_DATE=JUDGING_DATE, CACHE_PATH=str(cache),
                       CACHE_CONTENT=cached, LOAD_CONTENT_CACHE=cached, PORTAL_INCREMENTAL=cached)]


def plain_cmd(content, output, conf, cache=None):
    """Plain Pelican's build; with `cache`, incremental as Pelican offers it (its content cache)."""
    extra = [] if cache is None else overrides(CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH=str(cache))
    return [PELICAN, str(content), "-o", str(output), "-s", str(conf), "-q", *extra]


def html_pages(folder):
    return sum(1 for _ in Path(folder).rglob("*.html"))


def write_plain(corpus, folder, pages):
    """`pages` Markdown articles for plain Pelican, their bodies the corpus's update bodies
    in turn (so Markdown work per page is alike); returns the settings file."""
    bodies = []
    for path in sorted((corpus / "cap-nhat").glob("*.md")):
        bodies.append(path.read_text(encoding="utf-8").split("\n---\n", 1)[-1])
    if folder.exists():
        shutil.rmtree(folder)
    articles = folder / "content" / "bai"
    articles.mkdir(parents=True)
    for n in range(pages):
        day = f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        (articles / f"bai-{n:05d}.md").write_text(
            f"Title: Bài mẫu số {n}\nDate: {day}\nCategory: bai\nSummary: Bài mẫu {n}.\n\n"
            f"{bodies[n % len(bodies)]}\n", encoding="utf-8")
    conf = folder / "plainconf.py"
    conf.write_text(PLAIN_CONF, encoding="utf-8")
    return conf


def change_figure(corpus, step):
    """Changes the first figure (`gia_tri:`) of one update; returns that file."""
    path = sorted((corpus / "cap-nhat").glob("*.md"))[step]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"gia_tri: ([0-9.]+)", lambda m: f"gia_tri: {float(m.group(1)) + 1 + step:g}",
                           text, count=1), encoding="utf-8")
    return path


def change_text(corpus, step, folder="cap-nhat"):
    """Adds a sentence to the text of one update (what search indexes), or of one article in
    `folder`; returns that file."""
    path = sorted((corpus / folder).glob("*.md"))[-1 - step]
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\nĐã bổ sung lần {step + 1}.\n",
                    encoding="utf-8")
    return path


def median_run(runs):
    """Medians of CPU, wall and memory; the stats of the run with the median CPU."""
    middle = sorted(runs, key=lambda r: r.cpu)[len(runs) // 2]
    return Run(*(statistics.median(getattr(r, f) for r in runs) for f in ("cpu", "wall", "rss_mib")),
               middle.stats)


def search_seconds(runs):
    """Median seconds of the search index build the runs logged."""
    return statistics.median(r.stats["search"]["seconds"] for r in runs)


def full_builds(corpus, plain_content, plain_conf, out, repeat):
    portal_runs, plain_runs = [], []
    for n in range(repeat):
        portal_runs.append(run_child(portal_cmd(corpus, out / "portal-site", out / "portal-cache"),
                                     out / "portal.log"))
        plain_runs.append(run_child(plain_cmd(plain_content, out / "plain-site", plain_conf), out / "plain.log"))
        print(f"   run {n + 1}: portal {portal_runs[-1].cpu:.1f} s CPU, {portal_runs[-1].rss_mib:.0f} MiB; "
              f"plain {plain_runs[-1].cpu:.1f} s CPU, {plain_runs[-1].rss_mib:.0f} MiB", flush=True)
    return median_run(portal_runs), median_run(plain_runs), search_seconds(portal_runs)


def rebuilds(corpus, out, repeat):
    """Warm the content cache, then change one update per run and rebuild: its figure
    (`repeat` runs), then its text, which search indexes (`repeat` runs). Returns the median
    figure-change Run, and the median search seconds of each kind of change."""
    cache, site = out / "rebuild-cache", out / "rebuild-site"
    shutil.rmtree(cache, ignore_errors=True)
    run_child(portal_cmd(corpus, site, cache, cached=True), out / "rebuild.log")
    runs = {"figure": [], "text": []}
    for kind, change in (("figure", change_figure), ("text", change_text)):
        for n in range(repeat):
            change(corpus, n)
            run = run_child(portal_cmd(corpus, site, cache, cached=True), out / "rebuild.log")
            runs[kind].append(run)
            pages, files, search = run.stats["pages"], run.stats["files"], run.stats["search"]
            print(f"   change {n + 1} ({kind}): {run.cpu:.1f} s CPU, {pages['rendered']:,} pages rendered, "
                  f"{pages['reused']:,} reused, open-data files {files['made']:,} made, {files['reused']:,} reused, "
                  f"search index {search['seconds']:.1f} s "
                  f"({'term shards reused' if search.get('shards_reused') else 'term shards made'})", flush=True)
    return median_run(runs["figure"]), search_seconds(runs["figure"]), search_seconds(runs["text"])


def plain_rebuilds(plain_content, plain_conf, out, repeat):
    """Plain Pelican's own incremental rebuild, for comparison: its content cache warmed, then
    one article's text changed per run and the site rebuilt into the same folder (as the
    portal's rebuilds are). Returns the median Run."""
    cache, site = out / "plain-rebuild-cache", out / "plain-rebuild-site"
    shutil.rmtree(cache, ignore_errors=True)
    run_child(plain_cmd(plain_content, site, plain_conf, cache), out / "plain-rebuild.log")
    runs = []
    for n in range(repeat):
        change_text(plain_content, n, folder="bai")
        runs.append(run_child(plain_cmd(plain_content, site, plain_conf, cache), out / "plain-rebuild.log"))
        print(f"   plain Pelican, change {n + 1}: {runs[-1].cpu:.1f} s CPU", flush=True)
    return median_run(runs)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def devserver(corpus, out, repeat, timeout):
    """Seconds from saving an update to its page showing the change, `pelican -lr` as in
    `make devserver` (pelicanconf.py's own cache settings), and seconds until the whole site is
    rebuilt and switched in (lists, figures): ([to page], [to whole site], content error)."""
    port = free_port()
    site = out / "devserver-site"
    cmd = [sys.executable, "-m", "tools.devserver", "-lr", str(corpus), "-o", str(site),
           "-s", str(REPO / "pelicanconf.py"), "-p", str(port),
           *overrides(PORTAL_JUDGING_DATE=JUDGING_DATE, CACHE_PATH=str(out / "devserver-cache"))]
    paths = sorted((corpus / "cap-nhat").glob("*.md"))[-repeat:]
    pages = [f"http://127.0.0.1:{port}/cap-nhat/{path.stem}/" for path in paths]
    times, whole, error = [], [], None
    with open(out / "devserver.log", "w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True,
                                env={**os.environ, "COLUMNS": "400"})
        try:
            deadline = time.monotonic() + timeout
            # Each build ends with the switch to its release, logged as "devserver-site/ → …".
            while builds(out / "devserver.log") < 1 or "Bài MẪU" not in fetch(pages[0]):
                if time.monotonic() > deadline or proc.poll() is not None:
                    sys.exit(f"bench: devserver did not serve {pages[0]}; see {out / 'devserver.log'}")
                time.sleep(0.5)
            time.sleep(2)  # let the watcher start
            for n, (path, page) in enumerate(zip(paths, pages)):
                marker = f"Đo thời gian lưu số {n}-{int(time.time())}"
                text = path.read_text(encoding="utf-8")
                started = time.monotonic()
                path.write_text(text + f"\n{marker}.\n", encoding="utf-8")
                while marker not in fetch(page):
                    if time.monotonic() - started > timeout:
                        sys.exit(f"bench: the devserver did not show the change in {timeout} s; "
                                 f"see {out / 'devserver.log'}")
                    time.sleep(0.1)
                times.append(time.monotonic() - started)
                while builds(out / "devserver.log") < n + 2 and time.monotonic() - started < timeout:
                    time.sleep(0.2)  # the rebuild ends (open data, search) before the next save
                whole.append(time.monotonic() - started)
                print(f"   save {n + 1}: its page {times[-1]:.1f} s, the whole site {whole[-1]:.1f} s", flush=True)
                time.sleep(2)
            error = error_report(out / "devserver.log", paths[0], timeout)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)  # Pelican's preview server is a child process
            proc.wait(timeout=30)
    return times, whole, error


def builds(log):
    """How many builds the devserver has finished and switched in (tools/build.py's summary line)."""
    return log.read_text().count("devserver-site/ → ")


def error_report(log, path, timeout):
    """Breaks one update's front matter while the devserver runs: (seconds until its
    file:line problem is printed, how many times it is printed in the 5 s after), then
    restores the file and waits for the good build."""
    text = path.read_text(encoding="utf-8")
    problem = re.compile(rf"{re.escape(path.name)}:\d+: ")

    def printed():
        return len(problem.findall(log.read_text()))

    started = time.monotonic()
    path.write_text(text.replace("ngay:", "ngay: [", 1), encoding="utf-8")
    try:
        while not printed():
            if time.monotonic() - started > timeout:
                sys.exit(f"bench: the devserver reported no problem in {timeout} s; see {log}")
            time.sleep(0.05)
        seconds = time.monotonic() - started
        time.sleep(5)
        times = printed()
    finally:
        done = builds(log)
        path.write_text(text, encoding="utf-8")
        while builds(log) == done and time.monotonic() - started < timeout:
            time.sleep(0.2)
    print(f"   content error: printed after {seconds:.1f} s, {times} time(s)", flush=True)
    return seconds, times


def verdict(value, budget):
    return "holds" if value <= budget else "OVER"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "bench-output" / "build"))
    parser.add_argument("--quick", action="store_true", help="a quarter-sized corpus (--scale 0.25)")
    parser.add_argument("--scale", type=float, default=1.0, help="corpus size as a fraction of the city corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--skip-devserver", action="store_true")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scale = 0.25 if args.quick else args.scale
    corpus = out / "corpus"
    counts = write_corpus(corpus, **{key: max(3, round(n * scale)) for key, n in FULL.items()})
    print(f"== build cost, SAMPLE corpus {counts}{f' (scale {scale:g})' if scale != 1 else ''}", flush=True)

    first = run_child(portal_cmd(corpus, out / "portal-site", out / "portal-cache"), out / "portal.log")
    pages = html_pages(out / "portal-site")
    plain_conf = write_plain(corpus, out / "plain", pages)
    print(f"   portal writes {pages:,} HTML pages (first build {first.cpu:.1f} s CPU); "
          f"plain Pelican gets {pages:,} articles", flush=True)
    portal, plain, index_full = full_builds(corpus, out / "plain" / "content", plain_conf, out, args.repeat)
    if html_pages(out / "plain-site") != pages:
        sys.exit(f"bench: plain Pelican wrote {html_pages(out / 'plain-site'):,} HTML pages, not {pages:,}; "
                 f"see {out / 'plain.log'}")
    rebuild, index_figure, index_text = rebuilds(corpus, out, args.repeat)
    plain_rebuild = plain_rebuilds(out / "plain" / "content", plain_conf, out, args.repeat)
    saves, rebuilt, error = ([], [], None) if args.skip_devserver else devserver(
        corpus, out, args.repeat, timeout=max(120, 6 * portal.wall))

    cpu_ratio, mem_ratio = portal.cpu / plain.cpu, portal.rss_mib / plain.rss_mib
    fraction = rebuild.cpu / portal.cpu
    print(f"\n   medians of {args.repeat}          portal      plain Pelican   ratio   budget")
    print(f"   full build, CPU     {portal.cpu:8.1f} s {plain.cpu:10.1f} s {cpu_ratio:9.2f}   ≤ {BUDGETS['cpu']}  "
          f"{verdict(cpu_ratio, BUDGETS['cpu'])}")
    print(f"   full build, wall    {portal.wall:8.1f} s {plain.wall:10.1f} s {portal.wall / plain.wall:9.2f}")
    print(f"   peak memory         {portal.rss_mib:6.0f} MiB {plain.rss_mib:8.0f} MiB {mem_ratio:9.2f}   "
          f"≤ {BUDGETS['memory']}  {verdict(mem_ratio, BUDGETS['memory'])}")
    print(f"   one update changed, incremental rebuild: {rebuild.cpu:.1f} s CPU, {rebuild.wall:.1f} s wall, "
          f"{rebuild.rss_mib:.0f} MiB = {fraction:.2f} of full   ≤ {BUDGETS['rebuild']}  "
          f"{verdict(fraction, BUDGETS['rebuild'])}")
    print(f"   for comparison, plain Pelican's own incremental rebuild (its content cache), one article "
          f"changed: {plain_rebuild.cpu:.1f} s CPU = {plain_rebuild.cpu / plain.cpu:.2f} of its full build")
    for kind, seconds in (("figure", index_figure), ("text", index_text)):
        print(f"   search index, rebuild after an update's {kind} changed: {seconds:.1f} s   "
              f"≤ {BUDGETS['index']} s  {verdict(seconds, BUDGETS['index'])}")
    print(f"   search index, full build (nothing kept): {index_full:.1f} s")
    if saves:
        saved = statistics.median(saves)
        print(f"   devserver, save to page: {saved:.1f} s   ≤ {BUDGETS['devserver']} s  "
              f"{verdict(saved, BUDGETS['devserver'])} (whole site rebuilt after {statistics.median(rebuilt):.1f} s)")
    if error:
        print(f"   devserver, content error shown: {error[0]:.1f} s, {error[1]} time(s)   ≤ 1 s, once  "
              f"{'holds' if error[0] <= 1 and error[1] == 1 else 'OVER'}")


if __name__ == "__main__":
    main()
