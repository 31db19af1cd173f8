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
        folder = settings["PORTAL_SEARCH_INDEX_DIR"]
        written = {}  # file name -> bytes

        def write(name, text):
            data = text.encode("utf-8")
            files.write_bytes(folder + name, data, "chỉ mục tìm kiếm")
            written[name] = len(data)

        docs = build_docs(portal)
        counts = TermCounts(search_cache(settings), self.expander) if settings.get("PORTAL_INCREMENTAL") else None
        os.makedirs(settings["CACHE_PATH"], exist_ok=True)
        manifest = build_files(docs, list(portal.units.values()), KINDS, labels(), write,
                               shard_bytes=settings["PORTAL_SEARCH_SHARD_BYTES"], expander=self.expander,
                               slugs=FILTER_SLUGS, counts=counts, folder=settings["CACHE_PATH"])
        if counts is not None:
            counts.save()
        seconds = time.perf_counter() - started  # making and writing the files
        stale_folder = os.path.join(self.output_path, folder)
        for name in os.listdir(stale_folder):  # (exists: the manifest at least was written) from an earlier build
            if name.endswith(".json") and name not in written:
                os.remove(os.path.join(stale_folder, name))
        url = settings["PORTAL_SEARCH_URL"]
        files.claim(save_as(url), "trang tìm kiếm")
        writer.write_file(save_as(url), self.get_template("search"), self.context,
                          relative_urls=settings["RELATIVE_URLS"], url=url,
                          search_manifest=folder + manifest)
        raw = sum(written.values())
        recounted, reused = (counts.misses, counts.shards_reused) if counts else (len(docs), False)
        log.info("Chỉ mục tìm kiếm: %d mục (%d đếm lại%s), %d tệp, %.0f KB, %.1f s", len(docs), recounted,
                 "; phần từ khoá dùng lại" if reused else "", len(written), raw / 1024, seconds,
                 extra={"portal_search_stats": {"recounted": recounted, "shards_reused": reused,
                     "docs": len(docs), "files": len(written),
                     "term_shards": sum(n.startswith("t") for n in written),
                     "raw_bytes": raw, "seconds": seconds, "folder": stale_folder}})
