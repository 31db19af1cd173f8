"""Checks for a build that is switched in whole (`tools/build.py`, issue 9).

Two moments, each returning problems as one line apiece (empty list = fine):

- `check_settings(settings, source, publishing)`: before anything is written, the settings
  a wrong value of which would build a broken site: SITEURL and PORTAL_JUDGING_DATE.
- `check_output(folder, settings, context)`: after Pelican has built into a staging folder and
  before that folder replaces the public one: every page kind is there, every page the
  content promises, the search files the manifest names, and no file is empty.

Self-contained on purpose (the rest of the plugin is being reorganised): it reads settings
and the shared generator context, nothing else.
"""

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import ContentError  # noqa: F401  (re-exported for tools/build.py)
from ..settings import judging_date, save_as

SITEURL_EXAMPLE = "https://example.gov.vn/chuyen-doi-so"


def check_settings(settings, source="pelicanconf.py", publishing=False):
    """Problems with SITEURL and PORTAL_JUDGING_DATE, one line each, named after `source`.

    SITEURL must be an absolute http(s) URL when publishing, when links are absolute
    (RELATIVE_URLS false) and whenever it is set at all; the judging date must parse.
    """
    problems = []
    siteurl = settings.get("SITEURL") or ""
    if siteurl or publishing or not settings.get("RELATIVE_URLS"):
        wrong = _siteurl_problem(siteurl)
        if wrong:
            problems.append(f"{source}: SITEURL «{siteurl}»: {wrong} — cần địa chỉ đầy đủ, "
                            f"ví dụ SITEURL={SITEURL_EXAMPLE}")
    try:
        judging_date(settings)
    except ValueError as error:
        problems.append(f"{source}: {error} (đặt bằng biến môi trường PORTAL_JUDGING_DATE)")
    return problems


def _siteurl_problem(siteurl):
    """What is wrong with `siteurl` as the public address, or "" if nothing."""
    if not siteurl:
        return "chưa đặt"
    if siteurl != siteurl.strip() or any(ch.isspace() for ch in siteurl):
        return "có dấu cách"
    parts = urlsplit(siteurl)
    if parts.scheme not in ("http", "https"):
        return "thiếu «https://» (hoặc «http://») ở đầu"
    try:
        parts.port
    except ValueError:
        return "cổng (port) không hợp lệ"
    if not parts.hostname:
        return "thiếu tên máy chủ"
    if parts.query or parts.fragment:
        return "không được có «?» hay «#»"
    return ""


def expected_files(settings, context):
    """Paths (relative to the output folder) a complete build must contain: the home page,
    every index and generated page kind, each plan, unit, target (page and badge), article,
    page and category the content has, the search page, its script and the stylesheet."""
    urls = ["", *settings["PORTAL_INDEX_URLS"].values(), settings["PORTAL_ABOUT_URL"],
            settings["PORTAL_LATE_URL"], settings["PORTAL_SEARCH_URL"]]
    files = [save_as(url) for url in urls]
    files += [settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html") for name in settings.get("DIRECT_TEMPLATES", [])]
    files += [f"{settings['THEME_STATIC_DIR']}/js/search-engine.js", f"{settings['THEME_STATIC_DIR']}/css/portal.css",
              f"{settings['THEME_STATIC_DIR']}/css/states.css"]
    portal = context.get("portal")
    if portal is not None:
        files += [save_as(plan.url) for plan in portal.plans]
        files += [save_as(unit.url) for unit in portal.units.values()]
        for target in portal.targets.values():
            files += [save_as(target.url), target.badge_url]
    for item in [*context.get("articles", []), *context.get("pages", [])]:
        files.append(item.save_as)
    for category, _ in context.get("categories", []):
        files.append(category.save_as)
    return [path for path in dict.fromkeys(files) if path]


def check_output(folder, settings, context):
    """Problems with the built `folder`, one line each: missing pages, search files the
    manifest names but that are missing, empty files."""
    folder = Path(folder)
    problems = [f"{path}: thiếu — bản dựng đầy đủ phải có tệp này"
                for path in expected_files(settings, context) if not (folder / path).is_file()]
    problems += _search_problems(folder, settings["PORTAL_SEARCH_INDEX_DIR"])
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            if path.stat().st_size == 0:
                problems.append(f"{path.relative_to(folder)}: tệp rỗng (0 byte) — mọi tệp phải có nội dung")
    return problems


def _search_problems(folder, index_dir):
    manifests = sorted((folder / index_dir).glob("meta.*.json"))
    if len(manifests) != 1:
        return [f"{index_dir}: có {len(manifests)} tệp meta.*.json — chỉ mục tìm kiếm cần đúng một"]
    manifest = manifests[0]
    try:
        names = json.loads(manifest.read_text(encoding="utf-8"))
        names = [*names["termFiles"], *names["docFiles"]]
    except (ValueError, KeyError, TypeError):
        return [f"{manifest.relative_to(folder)}: không đọc được — cần JSON có termFiles và docFiles"]
    return [f"{index_dir}{name}: thiếu — {manifest.name} cần tệp này" for name in names
            if not (folder / index_dir / name).is_file()]
