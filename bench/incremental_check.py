"""Random edits on a copy of content/, each followed by an incremental build over the last
output and cache, compared byte for byte with a clean build (PORTAL_INCREMENTAL off, empty
cache) of the same content. Prints one line per edit: IDENTICAL, DIFFERENT (the files), or
that both builds refused the edit.

    .venv/bin/python bench/incremental_check.py [--seed N] [--edits N] [--out DIR]

The edits are the kinds an editor makes in plans and news: a deadline's year, a task's or
target's text, an expected result, a summary, a title. Units are not renamed (that breaks
the references to them, which the check then reports in both builds).
"""

import argparse
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PELICAN = str(Path(sys.executable).parent / "pelican")
JUDGING_DATE = "2026-10-01"
NOT_QUOTED = r"""(?!.*["'|>]\s*$)"""  # leave quoted and block YAML values alone
EDITS = [
    (r"\s*thoi_han: .*\d{4}\s*$", lambda line: re.sub(r"(\d{4})\s*$", lambda m: str(int(m.group(1)) + 1), line)),
    (r"\s*noi_dung: ", lambda line: line + " (sửa thử)"),
    (r"\s*ket_qua(_du_kien)?: ", lambda line: line + " thêm"),
    (r"^tom_tat: ", lambda line: line + " Sửa thử."),
    (r"^tieu_de: ", lambda line: line + " (sửa)"),
]


def build(content, out, cache, incremental):
    """(exit code, the end of stderr) of a `pelican` build of `content` into `out`."""
    flag = "true" if incremental else "false"
    result = subprocess.run(
        [PELICAN, str(content), "-o", str(out), "-s", str(REPO / "pelicanconf.py"), "-q", "-e",
         f'PORTAL_JUDGING_DATE="{JUDGING_DATE}"', f'CACHE_PATH="{cache}"', f"PORTAL_INCREMENTAL={flag}",
         f"CACHE_CONTENT={flag}", f"LOAD_CONTENT_CACHE={flag}"], capture_output=True, text=True)
    return result.returncode, result.stderr[-300:].strip()


def differences(left, right):
    """Relative paths present in one folder only, or with different bytes."""
    files = {}
    for side, folder in enumerate((left, right)):
        for path in folder.rglob("*"):
            if path.is_file():
                files.setdefault(str(path.relative_to(folder)), [None, None])[side] = path
    return sorted(name for name, (a, b) in files.items()
                  if a is None or b is None or a.read_bytes() != b.read_bytes())


def edit(content, rng):
    """Applies one random edit; returns "file:line: before -> after"."""
    pattern, change = rng.choice(EDITS)
    files = sorted(content.rglob("*.md"))
    rng.shuffle(files)
    for path in files:
        lines = path.read_text(encoding="utf-8").split("\n")
        found = [n for n, line in enumerate(lines) if re.match(pattern + NOT_QUOTED, line)]
        if found:
            n = rng.choice(found)
            before, lines[n] = lines[n], change(lines[n])
            path.write_text("\n".join(lines), encoding="utf-8")
            return f"{path.relative_to(content)}:{n + 1}: …{before.strip()[-40:]} -> …{lines[n].strip()[-40:]}"
    return "no line to edit"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--out", default=str(REPO / "bench-output" / "incremental-check"))
    args = parser.parse_args()
    rng, work = random.Random(args.seed), Path(args.out)
    shutil.rmtree(work, ignore_errors=True)
    content = work / "content"
    shutil.copytree(REPO / "content", content)
    out, cache = work / "out", work / "cache"
    code, error = build(content, out, cache, True)
    if code:
        sys.exit(f"the first build failed: {error}")
    wrong = 0
    for n in range(args.edits):
        what = edit(content, rng)
        code, error = build(content, out, cache, True)
        clean, clean_cache = work / "clean", work / "clean-cache"
        clean_code, clean_error = build(content, clean, clean_cache, False)
        if code or clean_code:
            verdict = "both refused" if code and clean_code else f"ONLY ONE REFUSED: {error or clean_error}"
            wrong += not (code and clean_code)
        else:
            diff = differences(out, clean)
            verdict = "IDENTICAL" if not diff else f"DIFFERENT: {', '.join(diff[:5])}"
            wrong += bool(diff)
        print(f"{n + 1}. {what}: {verdict}", flush=True)
        shutil.rmtree(clean, ignore_errors=True)
        shutil.rmtree(clean_cache, ignore_errors=True)
    print(f"{args.edits - wrong} of {args.edits} rebuilds equal their clean build")
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
