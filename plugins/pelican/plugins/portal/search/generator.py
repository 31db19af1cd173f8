"""The Pelican generator for search: the index files and the search page.

Runs after PortalGenerator (which prepares URLs and judgements on the model) and writes,
through the shared OutputFiles: tim-kiem/index.html and tim-kiem/chi-muc/*.json (the manifest
tells the browser kinds, their order and filter slugs, labels and row layout). Reads the
editors' abbreviations table (content/tu-dong-nghia.yaml, synonyms.py) first: a bad entry
stops the build with file:line, as bad content does.
"""

import logging
import os
import sys
import time

from pelican.generators import Generator

from .. import vocabulary
from ..problems import ContentError, ProblemLog
from ..settings import save_as, search_cache
from .documents import FILTER_SLUGS, KINDS, build_docs
from .index import build_files
from .synonyms import Expander, read_synonyms, synonyms_path
from .term_counts import TermCounts

log = logging.getLogger(__name__)

def labels():
    """What the browser shows for kinds and states: {"kind-p": "Kế hoạch", "task-late": …}."""
    out = {f"kind-{term.style}": term.label for term in vocabulary.SEARCH_KINDS.values()}
    out.update({f"task-{key}": term.label for key, term in vocabulary.TASK_STATUSES.items()})
    out["task-late"] = vocabulary.LATE_LABEL
    out.update({f"badge-{key}": term.label for key, term in vocabulary.TARGET_STATES.items()})
    return out


class SearchGenerator(Generator):
    """Writes the search page and index. Logs one INFO line with counts, bytes and seconds
    (`make bench` reads it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        problems = ProblemLog()
        self.expander = Expander(read_synonyms(synonyms_path(self.settings["PATH"]), problems))
        if problems:
            for line in problems.report():
                print(line, file=sys.stderr)
            raise ContentError(problems.items)

    def generate_output(self, writer):
        """Write the index files, the manifest and the search page through OutputFiles."""
        portal, settings, files = self.context["portal"], self.settings, self.context["portal_files"]
        started = time.perf_counter()
        docs = build_docs(portal)
        counts = TermCounts(search_cache(settings), self.expander) if settings.get("PORTAL_INCREMENTAL") else None
        index_files, manifest = build_files(docs, list(portal.units.values()), KINDS, labels(),
                                            shard_bytes=settings["PORTAL_SEARCH_SHARD_BYTES"],
                                            expander=self.expander, slugs=FILTER_SLUGS, counts=counts)
        if counts is not None:
            counts.save()
        seconds = time.perf_counter() - started
        folder = settings["PORTAL_SEARCH_INDEX_DIR"]
        stale_folder = os.path.join(self.output_path, folder)
        if os.path.isdir(stale_folder):  # from an earlier build (`make regenerate` keeps output/)
            for name in os.listdir(stale_folder):
                if name.endswith(".json") and name not in index_files:
                    os.remove(os.path.join(stale_folder, name))
        for name, text in index_files.items():
            files.write_text(folder + name, text, "chỉ mục tìm kiếm")
        url = settings["PORTAL_SEARCH_URL"]
        files.claim(save_as(url), "trang tìm kiếm")
        writer.write_file(save_as(url), self.get_template("search"), self.context,
                          relative_urls=settings["RELATIVE_URLS"], url=url,
                          search_manifest=folder + manifest)
        raw = sum(len(text.encode("utf-8")) for text in index_files.values())
        recounted, reused = (counts.misses, counts.shards_reused) if counts else (len(docs), False)
        log.info("Chỉ mục tìm kiếm: %d mục (%d đếm lại%s), %d tệp, %.0f KB, %.1f s", len(docs), recounted,
                 "; phần từ khoá dùng lại" if reused else "", len(index_files), raw / 1024, seconds,
                 extra={"portal_search_stats": {"recounted": recounted, "shards_reused": reused,
                     "docs": len(docs), "files": len(index_files),
                     "term_shards": sum(n.startswith("t") for n in index_files),
                     "raw_bytes": raw, "seconds": seconds, "folder": stale_folder}})
