"""`make bench-publish`: what the atomic build costs over building in place (issue 9).

For the real content (and, with --corpus, the city-sized SAMPLE corpus of bench/corpus.py),
runs alternately, `--runs` times each:

- in place: `pelican content -o … -s pelicanconf.py`, what `make html` ran before issue 9;
- atomic: `python -m tools.build content -o … -s pelicanconf.py`, what `make html` runs now
  (staging folder, checks, .gz for every text file, symlink switch, pruning).

A warm-up build first fills the share-card cache both use. Prints the median wall and CPU
time of each (CPU time is steadier on a shared machine) and the atomic build's own split
between Pelican and the rest (check + gzip + switch). Everything is written under bench-output/.
"""

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402

PELICAN = str(Path(sys.executable).with_name("pelican"))
SPLIT = re.compile(r"dựng ([\d.]+) s, kiểm tra \+ nén \+ chuyển ([\d.]+) s; CPU ([\d.]+) s \+ ([\d.]+) s")


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command):
    """Run `command`; returns (wall seconds, CPU seconds of the child, its stdout)."""
    env = {**os.environ, "PORTAL_JUDGING_DATE": "2026-10-01"}
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)}: thất bại\n{done.stderr}")
    return seconds, cpu, done.stdout


def compare(name, content, out, runs):
    conf = str(REPO / "pelicanconf.py")
    walls, cpus, splits = {"in-place": [], "atomic": []}, {"in-place": [], "atomic": []}, []
    timed([PELICAN, str(content), "-o", str(out / "in-place"), "-s", conf])  # warm-up: share cards cached
    for _ in range(runs):
        seconds, cpu, _ = timed([PELICAN, str(content), "-o", str(out / "in-place"), "-s", conf])
        walls["in-place"].append(seconds)
        cpus["in-place"].append(cpu)
        seconds, cpu, stdout = timed([sys.executable, "-m", "tools.build", str(content), "-o", str(out / "atomic"),
                                      "-s", conf])
        walls["atomic"].append(seconds)
        cpus["atomic"].append(cpu)
        splits.append([float(value) for value in SPLIT.search(stdout).groups()])
    files = sum(len(names) for _, _, names in os.walk(out / "atomic"))
    median = statistics.median
    wall, cpu = ({kind: median(values) for kind, values in table.items()} for table in (walls, cpus))
    pelican_wall, rest_wall, pelican_cpu, rest_cpu = (median(column) for column in zip(*splits))
    print(f"{name} ({runs} lần mỗi cách, trung vị; {files} tệp trong bản phát hành):\n"
          f"  thời gian thực: tại chỗ {wall['in-place']:.2f} s, nguyên tử {wall['atomic']:.2f} s "
          f"(Pelican {pelican_wall:.2f} s + kiểm tra, nén, chuyển {rest_wall:.2f} s)\n"
          f"  thời gian CPU:  tại chỗ {cpu['in-place']:.2f} s, nguyên tử {cpu['atomic']:.2f} s "
          f"(Pelican {pelican_cpu:.2f} s + kiểm tra, nén, chuyển {rest_cpu:.2f} s)")


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
