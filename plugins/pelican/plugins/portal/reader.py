"""Pelican reader for updates, news and pages: YAML front matter, Markdown body.

Validation already ran over every file (see generator.py); this only maps fields to
Pelican's metadata.
"""

import os

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from .fields import PAGE_FIELDS, UPDATE_FIELDS, read_record
from .frontmatter import read_front_matter
from .problems import ContentError, ProblemLog
from .render import make_markdown, render_markdown


class PortalReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def read(self, source_path):
        problems = ProblemLog()
        record, body, _ = read_front_matter(source_path, problems)
        folder = os.path.basename(os.path.dirname(source_path))
        fields = PAGE_FIELDS if folder == self.settings["PORTAL_FOLDERS"]["pages"] else UPDATE_FIELDS
        values = read_record(record, fields, source_path, problems, "bài") if record is not None else None
        if problems:
            raise ContentError(problems.items)
        html, _ = render_markdown(body, self._markdown())
        metadata = {"title": values["tieu_de"], "portal_fields": values}
        if values.get("ngay"):
            day = values["ngay"]
            metadata["date"] = SafeDatetime(day.year, day.month, day.day, 8, 0)
        if values.get("tom_tat"):
            metadata["summary"] = values["tom_tat"]
        if "thu_tu" in values:
            metadata["nav_order"] = values["thu_tu"]
        return html, metadata

    def _markdown(self):
        if not hasattr(self, "_md"):
            self._md = make_markdown()
        return self._md

