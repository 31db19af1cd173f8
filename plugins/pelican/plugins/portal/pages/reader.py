"""Pelican reader for updates, news and pages: YAML front matter, Markdown body.

Every file was already validated by the content stage (pipeline.load_checked, before Pelican
reads anything); this only renders the body and maps fields to Pelican's metadata.
"""

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from ..content.converters import to_date, to_number
from ..content.frontmatter import read_front_matter, take_header
from ..problems import ContentError, ProblemLog
from .render import make_markdown, render_markdown


# The front-matter fields read() maps to Pelican's metadata (kept by the content stage for it).
METADATA_FIELDS = ("tieu_de", "ngay", "tom_tat", "thu_tu")


class PortalReader(BaseReader):
    """Reads .md files: returns (HTML, metadata) with title, date, summary and nav_order."""

    enabled = True
    file_extensions = ["md"]

    def read(self, source_path):
        """(HTML, metadata) of one .md file; raises ContentError when it has no front matter."""
        kept = take_header(source_path)  # the content stage read it: not parsed again
        if kept is not None:
            record, body = kept
        else:
            problems = ProblemLog()
            record, body, _ = read_front_matter(source_path, problems)
            if record is None:  # not read by the content stage (outside its folders)
                raise ContentError(problems.items)
        html, _ = render_markdown(body, self._markdown())
        metadata = {"title": record.get("tieu_de") or ""}
        if record.get("ngay"):
            day = to_date(record["ngay"])
            metadata["date"] = SafeDatetime(day.year, day.month, day.day, 8, 0)
        if record.get("tom_tat"):
            metadata["summary"] = str(record["tom_tat"])
        if record.get("thu_tu"):
            metadata["nav_order"] = to_number(record["thu_tu"])
        return html, metadata

    def _markdown(self):
        if not hasattr(self, "_md"):
            self._md = make_markdown()
        return self._md
