"""`make bench-publish`: what the atomic build costs over building in place (issue 9).

For the real content (and, with --corpus, the city-sized SAMPLE corpus of bench/corpus.py),
runs alternately, `--runs` times each:

- in place: `pelican content -o … -s pelicanconf.py`, what `make html` ran before issue 9;
- atomic: `python -m tools.build content -o … -s pelicanconf.py`, what `make html` runs now
  (staging folder, checks, .gz for every text file, symlink switch, pruning).

A warm-up build first fills the share-card cache both use. Prints the median wall time of each, and the atomic build's own split between Pelican and
the rest (check + gzip + switch), as it reports it. Everything is written under bench-output/.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402

PELICAN = str(Path(sys.executable).with_name("pelican"))
SPLIT = re.compile(r"dựng ([\d.]+) s, kiểm tra \+ nén \+ chuyển ([\d.]+) s")


def timed(command):
    env = {**os.environ, "PORTAL_JUDGING_DATE": "2026-10-01"}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)}: thất bại\n{done.stderr}")
    return seconds, done.stdout


def compare(name, content, out, runs):
    conf = str(REPO / "pelicanconf.py")
    plain, atomic, pelican_part, rest = [], [], [], []
    timed([PELICAN, str(content), "-o", str(out / "in-place"), "-s", conf])  # warm-up: share cards cached
    for _ in range(runs):
        plain.append(timed([PELICAN, str(content), "-o", str(out / "in-place"), "-s", conf])[0])
        seconds, stdout = timed([sys.executable, "-m", "tools.build", str(content), "-o", str(out / "atomic"), "-s", conf])
        atomic.append(seconds)
        split = SPLIT.search(stdout)
        pelican_part.append(float(split.group(1)))
        rest.append(float(split.group(2)))
    files = sum(len(names) for _, _, names in os.walk(out / "atomic"))
    median = statistics.median
    print(f"{name}: {runs} lần mỗi cách, trung vị — tại chỗ {median(plain):.2f} s; nguyên tử {median(atomic):.2f} s "
          f"(+{median(atomic) - median(plain):.2f} s); trong đó Pelican {median(pelican_part):.2f} s, "
          f"kiểm tra + nén + chuyển {median(rest):.2f} s; {files} tệp trong bản phát hành")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", action="store_true", help="cả kho mẫu cỡ thành phố (chậm)")
    parser.add_argument("--corpus-runs", type=int, default=2)
    args = parser.parse_args()
    out = REPO / "bench-output" / "publish"
    out.mkdir(parents=True, exist_ok=True)
    compare("content/", REPO / "content", out / "real", args.runs)
    if args.corpus:
        corpus = REPO / "bench-output" / "corpus-content"
        if not corpus.is_dir():
            write_corpus(corpus)
        compare("kho mẫu (bench/corpus.py)", corpus, out / "corpus", args.corpus_runs)


if __name__ == "__main__":
    main()
