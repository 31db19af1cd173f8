"""Read `content/` into the Portal model, collecting every problem on the way.

The stages, each in its own module: files.py (which files), units.py (the unit tree),
plans.py (plans, targets, tasks), updates.py (updates, news, reports), links.py (every
back-reference). Nothing here imports Pelican.
"""

import os
from datetime import date
from pathlib import Path

from ..model.entities import Portal
from ..problems import ProblemLog
from ..settings import DEFAULT_FOLDERS
from ..vocabulary import NEWS, UPDATE
from .converters import read_record
from .fields import PAGE_FIELDS
from .files import check_stray_files, files, readable
from .frontmatter import read_front_matter
from .links import link_portal
from .media import check_media
from .plans import read_plan
from .registry import UnitRegistry
from .units import link_units, read_units
from .updates import read_update



def load_portal(content_path, folders=None, judging_date=None, extra_paths=()):
    """Read a content folder: returns (Portal, ProblemLog).

    The portal is complete, with every back-reference set, only when problems is empty.
    `folders`: {kind: folder name} overriding DEFAULT_FOLDERS. `judging_date`: a date, kept
    on the portal. `extra_paths`: more folders laid out like content/ (units, plans,
    updates), read after it (the sample data of `make demo`). Never raises on bad content."""
    folders = {**DEFAULT_FOLDERS, **(folders or {})}
    root = Path(content_path)
    roots = [root, *(Path(p) for p in extra_paths)]
    problems = ProblemLog()
    portal = Portal(judging_date=judging_date)
    check_stray_files(root, folders, problems)
    units, by_id = [], {}
    for r in roots:
        for unit in read_units(r / folders["units"], problems, required=r is root):
            if unit.id in by_id:
                first = by_id[unit.id].source
                problems.add(unit.source.path, unit.source.line, "ma", f"mã đơn vị «{unit.id}» bị trùng",
                             f"mỗi đơn vị một mã riêng (đã dùng ở {first.path}:{first.line})")
                continue
            by_id[unit.id] = unit
            units.append(unit)
    registry = UnitRegistry(units)
    link_units(units, registry, problems)
    portal.units = {unit.id: unit for unit in units}
    ids, broken = {}, set()  # broken: ids declared with other errors, already reported
    for path in (p for r in roots for p in files(r / folders["plans"], ".md")):
        plan = read_plan(path, registry, problems, ids, broken)
        if plan is not None:
            portal.plans.append(plan)
    portal.plans.sort(key=lambda plan: (plan.start_date or date.min, plan.number), reverse=True)
    for plan in portal.plans:
        portal.targets.update((t.id, t) for t in plan.targets)
        portal.tasks.update((t.id, t) for t in plan.tasks)
    plans_by_ref = _plans_by_ref(portal.plans)
    for folder, kind in (("updates", UPDATE), ("news", NEWS)):
        for path in (p for r in roots for p in files(r / folders[folder], ".md")):
            update = read_update(path, kind, portal, plans_by_ref, registry, problems, broken)
            if update is not None:
                portal.updates.append(update)
    for path in files(root / folders["pages"], ".md"):
        _read_page(path, problems)
    portal.updates.sort(key=lambda u: (u.date, u.path), reverse=True)
    link_portal(portal)
    return portal, problems


def check_files(paths, content_path, folders, portal):
    """Some changed files read alone against `portal` (the last good build's model):
    (ProblemLog, {path: Update} of the update and news files among them that read cleanly,
    their reports naming the portal's targets and tasks). The devserver runs this before a
    whole build, so that an editor's mistake is reported within a second of saving.

    Each file is read as load_portal reads it (front matter, fields, the targets, tasks,
    plans and units it names). What only the whole folder shows (an id used in two files,
    a unit named by another file's plan) is left to the whole build. Files outside the
    content folders, and removed files, are skipped. When units changed too, plans and
    updates are left to the whole build (they may name a unit the last build did not have);
    when plans changed, updates are. Never raises on bad content."""
    folders = {**DEFAULT_FOLDERS, **(folders or {})}
    root = Path(content_path).absolute()
    kinds = {key: root / folders[key] for key in ("units", "plans", "updates", "news", "pages")}
    changed = []
    for path in sorted({Path(p).absolute() for p in paths}):
        kind = next((key for key, folder in kinds.items() if folder in path.parents), None)
        if kind is not None and path.is_file() and readable(path, os.path.realpath(kinds[kind])):
            changed.append((kind, path))
    found = {kind for kind, _ in changed}
    skipped = {"plans", "updates", "news"} if "units" in found else {"updates", "news"} if "plans" in found else set()
    problems, updates = ProblemLog(), {}
    if "units" in found:  # the unit tree is read whole: a few hundred records
        units = read_units(kinds["units"], problems)
        link_units(units, UnitRegistry(units), problems)
    registry, plans_by_ref = UnitRegistry(list(portal.units.values())), _plans_by_ref(portal.plans)
    for kind, path in changed:
        if kind in skipped or kind == "units" or path.suffix != ".md":
            continue
        if kind == "plans":
            read_plan(path, registry, problems, {}, set())
        elif kind == "pages":
            _read_page(path, problems)
        else:
            before = len(problems.items)
            update = read_update(path, UPDATE if kind == "updates" else NEWS, portal, plans_by_ref, registry,
                                 problems, set())
            if update is not None and len(problems.items) == before:
                updates[str(path)] = update
    return problems, updates


def _plans_by_ref(plans):
    """{plan id or casefolded number: Plan}; ids are lowercase."""
    return {**{p.id: p for p in plans}, **{p.number.casefold(): p for p in plans}}


def _read_page(path, problems):
    record, body, body_line = read_front_matter(path, problems)
    if record is not None:
        read_record(record, PAGE_FIELDS, str(path), problems, "trang")
        check_media(body, body_line, str(path), problems)
