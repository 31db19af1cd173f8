"""The Pelican generator for search: the index files, the search page and lunr.js.

Runs after PortalGenerator (which sets URLs and progress on the model) and writes:
tim-kiem/index.html, tim-kiem/chi-muc/*.json and theme/js/lunr.min.js (copied from
node_modules/, installed from package-lock.json by `make`).
"""

import logging
import os
import shutil
import sys
import time
from pathlib import Path

from pelican.generators import Generator

from .problems import ContentError
from .progress import BADGE_LABELS, TASK_LABELS
from .search_docs import KINDS, build_docs
from .search_index import SHARD_BYTES, build_files

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[4]
SEARCH_DEFAULTS = {
    "PORTAL_SEARCH_URL": "tim-kiem/",
    "PORTAL_SEARCH_INDEX_DIR": "tim-kiem/chi-muc/",
    "PORTAL_LUNR_JS": str(REPO / "node_modules" / "lunr" / "lunr.min.js"),
    "PORTAL_LUNR_JS_SAVE_AS": "theme/js/lunr.min.js",
    "PORTAL_SEARCH_SHARD_BYTES": SHARD_BYTES,
    "PORTAL_SEARCH_PAGE_SIZE": 20,  # results shown at once, then «Xem thêm kết quả»
}

KIND_LABELS = {
    "plan": "Kế hoạch",
    "section": "Mục của kế hoạch",
    "task": "Nhiệm vụ",
    "target": "Chỉ tiêu",
    "unit": "Đơn vị",
    "update": "Cập nhật, tin tức",
}


def labels():
    """What the browser shows for kinds and states: {"kind-p": "Kế hoạch", "task-late": …}."""
    out = {f"kind-{code}": KIND_LABELS[kind] for kind, code in KINDS.items()}
    out.update({f"task-{key}": label for key, label in TASK_LABELS.items()})
    out["task-late"] = "Quá hạn"
    out.update({f"badge-{key}": label for key, label in BADGE_LABELS.items()})
    return out


class SearchGenerator(Generator):
    last_stats = None  # for the benchmark: counts, sizes and seconds of the last build

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, value in SEARCH_DEFAULTS.items():
            self.settings.setdefault(key, value)
        lunr_js = self.settings["PORTAL_LUNR_JS"]
        if not os.path.isfile(lunr_js):
            print(f"{lunr_js}: chưa có lunr.js (thư viện tìm kiếm) — chạy «make html» "
                  "(cài bằng «npm ci» theo package-lock.json) rồi dựng lại", file=sys.stderr)
            raise ContentError([])

    def generate_output(self, writer):
        portal, settings = self.context["portal"], self.settings
        started = time.perf_counter()
        docs = build_docs(portal, settings["PORTAL_FOLDERS"]["updates"])
        files, manifest = build_files(docs, list(portal.units.values()), KINDS, labels(),
                                      shard_bytes=settings["PORTAL_SEARCH_SHARD_BYTES"])
        seconds = time.perf_counter() - started
        folder = Path(self.output_path) / settings["PORTAL_SEARCH_INDEX_DIR"]
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.json"):  # from an earlier build (`make regenerate` keeps output/)
            if stale.name not in files:
                stale.unlink()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        lunr_target = Path(self.output_path) / settings["PORTAL_LUNR_JS_SAVE_AS"]
        lunr_target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(settings["PORTAL_LUNR_JS"], lunr_target)
        url = settings["PORTAL_SEARCH_URL"]
        writer.write_file(url + "index.html", self.get_template("search"), self.context,
                          relative_urls=settings["RELATIVE_URLS"], url=url,
                          search_manifest=settings["PORTAL_SEARCH_INDEX_DIR"] + manifest)
        raw = sum(len(text.encode("utf-8")) for text in files.values())
        SearchGenerator.last_stats = {
            "docs": len(docs), "files": len(files), "term_shards": sum(n.startswith("t") for n in files),
            "raw_bytes": raw, "seconds": seconds, "folder": str(folder),
        }
        log.info("Chỉ mục tìm kiếm: %d mục, %d tệp, %.0f KB, %.1f s", len(docs), len(files), raw / 1024, seconds)
