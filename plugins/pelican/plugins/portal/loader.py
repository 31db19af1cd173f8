"""Read `content/` into the Portal model, collecting every problem on the way."""

import difflib
import re
from datetime import date
from pathlib import Path

from . import yamlsource
from .fields import (
    ARTICLE_FIELDS, PAGE_FIELDS, PLAN_FIELDS, TARGET_FIELDS, TASK_FIELDS, UNIT_FIELDS,
    UPDATE_FIELDS, read_record,
)
from .frontmatter import read_front_matter, read_text
from .model import Plan, Portal, Source, Target, TargetReport, Task, TaskReport, Unit, Update
from .problems import ProblemLog
from .text import field_key
from .units import UnitNotFound, UnitRegistry

DEFAULT_FOLDERS = {
    "units": "don-vi",
    "plans": "ke-hoach",
    "updates": "cap-nhat",
    "news": "tin-tuc",
    "pages": "trang",
    "static": "hinh-anh",
}

_FENCE = re.compile(r"^(```+|~~~+)\s*(chi-tieu|nhiem-vu)\s*$")
BLOCK_TOKEN = "PORTALBLOCK{:04d}"


def load_portal(content_path, folders=None, judging_date=None, extra_paths=()):
    """Returns (portal, problems). The portal is complete only when problems is empty.
    `extra_paths`: more folders laid out like content/ (units, plans, updates), read after it
    (the sample data of `make demo`)."""
    folders = {**DEFAULT_FOLDERS, **(folders or {})}
    root = Path(content_path)
    roots = [root, *(Path(p) for p in extra_paths)]
    problems = ProblemLog()
    portal = Portal(judging_date=judging_date)
    _check_stray_files(root, folders, problems)
    units, by_id = [], {}
    for r in roots:
        for unit in _read_units(r / folders["units"], problems, required=r is root):
            if unit.id in by_id:
                first = by_id[unit.id].source
                problems.add(unit.source.path, unit.source.line, "ma", f"mã đơn vị «{unit.id}» bị trùng",
                             f"mỗi đơn vị một mã riêng (đã dùng ở {first.path}:{first.line})")
                continue
            by_id[unit.id] = unit
            units.append(unit)
    registry = UnitRegistry(units)
    _link_units(units, registry, problems)
    portal.units = {unit.id: unit for unit in units}
    ids, broken = {}, set()  # broken: ids declared with other errors, already reported
    for path in (p for r in roots for p in _files(r / folders["plans"], ".md")):
        plan = _read_plan(path, registry, problems, ids, broken)
        if plan is not None:
            portal.plans.append(plan)
    portal.plans.sort(key=lambda plan: (plan.start_date or date.min, plan.number), reverse=True)
    for plan in portal.plans:
        portal.targets.update((t.id, t) for t in plan.targets)
        portal.tasks.update((t.id, t) for t in plan.tasks)
    plans_by_ref = {**{p.id: p for p in portal.plans}, **{p.number.casefold(): p for p in portal.plans}}  # ids are lowercase
    for kind in ("updates", "news"):
        for path in (p for r in roots for p in _files(r / folders[kind], ".md")):
            update = _read_update(path, folders[kind], kind == "updates", portal, plans_by_ref, registry,
                                  problems, broken)
            if update is not None:
                portal.updates.append(update)
    for path in _files(root / folders["pages"], ".md"):
        record, _, _ = read_front_matter(path, problems)
        if record is not None:
            read_record(record, PAGE_FIELDS, str(path), problems, "trang")
    portal.updates.sort(key=lambda u: (u.date, u.path), reverse=True)
    for item in (*portal.targets.values(), *portal.tasks.values()):
        item.reports.sort(key=lambda r: (getattr(r, "as_of", r.update.date), r.update.date, r.update.path))
    return portal, problems


def _files(folder, suffix):
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob(f"*{suffix}") if not p.name.startswith("."))


def _check_stray_files(root, folders, problems):
    """A Markdown or YAML file outside the known folders would never be published."""
    if not root.is_dir():
        problems.add(root, 1, "", "không tìm thấy thư mục nội dung", "một thư mục chứa don-vi/, ke-hoach/ …")
        return
    known = {folders[k] for k in ("units", "plans", "updates", "news", "pages")}
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".md", ".yaml", ".yml") or path.name.startswith("."):
            continue
        top = path.relative_to(root).parts[0]
        expected = folders["units"] if path.suffix != ".md" else None
        if top not in known or (expected and top != expected) or (not expected and top == folders["units"]):
            problems.add(path, 1, "", "tệp nằm ngoài các thư mục nội dung nên sẽ không được xuất bản",
                         "đặt đơn vị trong don-vi/ (.yaml); kế hoạch trong ke-hoach/, cập nhật trong "
                         "cap-nhat/, tin trong tin-tuc/, trang tĩnh trong trang/ (.md)")


# Units ---------------------------------------------------------------------------------

def _read_units(folder, problems, required=True):
    """Units of one folder; duplicate ids are reported by load_portal, across folders."""
    units = []
    files = _files(folder, ".yaml") + _files(folder, ".yml")
    if not files and required:
        problems.add(folder, 1, "", "chưa có tệp danh mục đơn vị", "ít nhất một tệp .yaml trong don-vi/")
    for path in files:
        text = read_text(path, problems)
        if text is None:
            continue
        items = yamlsource.load(text, str(path), problems, field_key)
        if items is None:
            continue
        if not isinstance(items, yamlsource.Items):
            problems.add(path, 1, "", "tệp đơn vị không phải danh sách",
                         "mỗi đơn vị bắt đầu bằng «- ma: …»")
            continue
        for record in items:
            values = read_record(record, UNIT_FIELDS, str(path), problems, "đơn vị")
            if not values or not values.get("ma") or not values.get("ten") or not values.get("loai"):
                continue
            units.append(Unit(
                id=values["ma"], name=values["ten"], kind=values["loai"],
                short_name=values.get("ten_ngan") or "", aliases=values.get("ten_khac") or [],
                parent_id=values.get("truc_thuoc") or "", member_names=values.get("thanh_vien") or [],
                english_name=values.get("ten_tieng_anh") or "", description=values.get("mo_ta") or "",
                source=Source(str(path), record.line),
            ))
    return units


def _link_units(units, registry, problems):
    by_id = registry.units
    for unit in units:
        if unit.parent_id:
            parent = by_id.get(unit.parent_id)
            if parent is None:
                problems.add(unit.source.path, unit.source.line, "truc_thuoc",
                             f"không có đơn vị mã «{unit.parent_id}»", _suggest_id(unit.parent_id, by_id))
            else:
                unit.parent = parent
                parent.children.append(unit)
    for unit in units:
        if any(a is unit for a in _ancestors_bounded(unit, len(units))):
            problems.add(unit.source.path, unit.source.line, "truc_thuoc",
                         "đơn vị nằm trong chính nó (vòng lặp cấp trên)", "chọn một đơn vị cấp trên khác")
            unit.parent = None
    for unit in units:
        for name in unit.member_names:
            member = _resolve(registry, name, unit.parent, unit.source.path, getattr(name, "line", unit.source.line),
                              "thanh_vien", problems)
            if member is not None:
                unit.members.append(member)
                member.groups.append(unit)
        if unit.kind == "nhom" and not unit.member_names and unit.parent is not None:
            for sibling in unit.parent.children:  # "các phòng, đơn vị thuộc Sở": all of them
                if sibling is not unit and sibling.kind != "nhom":
                    unit.members.append(sibling)
                    sibling.groups.append(unit)
    for unit in units:
        unit.children.sort(key=lambda u: (u.kind == "nhom", u.name))


def _ancestors_bounded(unit, limit):
    current = unit.parent
    for _ in range(limit + 1):
        if current is None:
            return
        yield current
        current = current.parent


def _suggest_id(wrong, by_id):
    close = difflib.get_close_matches(wrong, list(by_id), n=1, cutoff=0.5)
    return f"có phải «{close[0]}»?" if close else "mã của một đơn vị trong don-vi/"


def _resolve(registry, name, context, path, line, field_name, problems):
    try:
        return registry.resolve(str(name), context)
    except UnitNotFound as error:
        if error.candidates:
            options = "; ".join(f"«{u.id}» ({u.name})" for u in error.candidates)
            problems.add(path, line, field_name, f"tên «{name}» chỉ nhiều đơn vị",
                         f"ghi mã đơn vị cho rõ: {options}")
        else:
            hint = f"có phải «{error.suggestion.name}»?" if error.suggestion else "thêm đơn vị này vào don-vi/"
            problems.add(path, line, field_name, f"không tìm thấy đơn vị «{name}»",
                         f"tên hoặc mã một đơn vị đã đăng ký; {hint}")
        return None


# Plans ---------------------------------------------------------------------------------

def _read_plan(path, registry, problems, ids, broken):
    record, body, body_line = read_front_matter(path, problems)
    if record is None:
        return None
    where = str(path)
    values = read_record(record, PLAN_FIELDS, where, problems, "kế hoạch")
    issuer = None
    if values.get("don_vi"):
        issuer = _resolve(registry, values["don_vi"], None, where, values["don_vi"].line, "don_vi", problems)
    plan = Plan(
        id=values.get("ma") or "", number=values.get("so_ky_hieu") or "", title=values.get("tieu_de") or "",
        issuer=issuer, issued=values.get("ngay_ban_hanh"), period=values.get("thoi_ky") or "",
        period_start=values.get("tu_ngay"), period_end=values.get("den_ngay"),
        signer=values.get("nguoi_ky") or "", signer_title=values.get("chuc_vu_nguoi_ky") or "",
        implements=values.get("thuc_hien") or [], replaces=values.get("thay_the") or [],
        recipients=values.get("noi_nhan") or [], summary=values.get("tom_tat") or "",
        source_note=values.get("ghi_chu_ban_goc") or "", source=Source(where, 1),
    )
    if plan.id:
        _claim_id(plan.id, "kế hoạch", where, record.key_lines.get("ma", 1), "ma", ids, problems)
    plan.body = _read_blocks(plan, body, body_line, registry, problems, ids, broken)
    if issuer is None or not all(values.get(f) for f in ("ma", "so_ky_hieu", "tieu_de")) or (
            "ngay_ban_hanh" not in values):
        broken.update(item.id for item in (*plan.targets, *plan.tasks))
        return None
    return plan


def _read_blocks(plan, body, body_line, registry, problems, ids, broken):
    """Replace each ```chi-tieu / ```nhiem-vu block by a token; read what it declares."""
    out, lines, index, count = [], body.split("\n"), 0, 0
    path = plan.source.path
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            out.append(lines[index])
            index += 1
            continue
        fence, kind, start = match.group(1), match.group(2), index
        end = next((j for j in range(index + 1, len(lines)) if lines[j].strip() == fence), None)
        if end is None:
            problems.add(path, body_line + start, "", f"khối «{kind}» không có dòng đóng «{fence}»",
                         f"kết thúc khối bằng một dòng «{fence}»")
            break
        block = yamlsource.load("\n".join(lines[start + 1:end]), path, problems, field_key,
                                first_line=body_line + start + 1)
        token = BLOCK_TOKEN.format(count)
        count += 1
        items = block if isinstance(block, yamlsource.Items) else ([block] if block is not None else [])
        if kind == "chi-tieu":
            targets = [t for t in (_read_target(item, plan, registry, problems, ids, broken) for item in items) if t]
            plan.targets.extend(targets)
            plan.blocks[token] = ("targets", targets)
        else:
            tasks = [t for t in (_read_task(item, plan, registry, problems, ids, broken) for item in items) if t]
            plan.tasks.extend(tasks)
            layout = "table" if isinstance(block, yamlsource.Items) else "card"
            plan.blocks[token] = (layout, tasks)
        out.extend(["", token, ""])
        index = end + 1
    return "\n".join(out)


def _claim_id(item_id, what, path, line, field_name, ids, problems):
    if item_id in ids:
        first = ids[item_id]
        problems.add(path, line, field_name, f"mã «{item_id}» bị trùng",
                     f"mỗi {what} một mã riêng trong toàn cổng (đã dùng ở {first})")
        return False
    ids[item_id] = f"{path}:{line}"
    return True


def _read_target(record, plan, registry, problems, ids, broken):
    path = plan.source.path
    values = read_record(record, TARGET_FIELDS, path, problems, "chỉ tiêu")
    if values is None or not all(values.get(k) for k in ("ma", "noi_dung", "muc_tieu", "thoi_han")):
        broken.add((values or {}).get("ma"))
        return None
    if not _claim_id(values["ma"], "chỉ tiêu", path, values["ma"].line, "ma", ids, problems):
        return None
    unit = plan.issuer
    if values.get("don_vi"):
        unit = _resolve(registry, values["don_vi"], plan.issuer, path, values["don_vi"].line, "don_vi", problems)
    raw_goal = record.get("muc_tieu")
    return Target(
        id=values["ma"], text=values["noi_dung"], goal=values["muc_tieu"], goal_text=str(raw_goal),
        deadline=values["thoi_han"], unit=unit, plan=plan, note=values.get("ghi_chu") or "",
        source=Source(path, record.line),
    )


def _read_task(record, plan, registry, problems, ids, broken):
    path = plan.source.path
    values = read_record(record, TASK_FIELDS, path, problems, "nhiệm vụ")
    if values is None or not all(values.get(k) for k in ("ma", "so", "noi_dung", "chu_tri", "thoi_han")):
        broken.add((values or {}).get("ma"))
        return None
    if not _claim_id(values["ma"], "nhiệm vụ", path, values["ma"].line, "ma", ids, problems):
        return None

    def units(key):
        found = []
        for name in values.get(key) or []:
            unit = _resolve(registry, name, plan.issuer, path, getattr(name, "line", record.line), key, problems)
            if unit is not None and unit not in found:
                found.append(unit)
        return found

    return Task(
        id=values["ma"], number=values["so"], text=values["noi_dung"], area=values.get("linh_vuc") or "",
        leads=units("chu_tri"), supports=units("phoi_hop"), deadline=values["thoi_han"], plan=plan,
        expected_result=values.get("ket_qua") or "", source=Source(path, record.line),
    )


# Updates and news ----------------------------------------------------------------------

def _read_update(path, folder, is_update, portal, plans_by_ref, registry, problems, broken):
    record, _, _ = read_front_matter(path, problems)
    if record is None:
        return None
    where = str(path)
    fields = UPDATE_FIELDS if is_update else ARTICLE_FIELDS
    values = read_record(record, fields, where, problems, "bài cập nhật" if is_update else "bài tin")
    if not values.get("tieu_de") or not values.get("ngay") or not values.get("don_vi"):
        return None
    unit = _resolve(registry, values["don_vi"], None, where, values["don_vi"].line, "don_vi", problems)
    plans = []
    for ref in values.get("ke_hoach") or []:
        plan = plans_by_ref.get(ref.casefold())
        if plan is None:
            known = [p.number for p in portal.plans]
            close = difflib.get_close_matches(str(ref), known, n=1, cutoff=0.5)
            problems.add(where, ref.line, "ke_hoach", f"không có kế hoạch «{ref}» trên cổng",
                         "số, ký hiệu của một kế hoạch trong ke-hoach/" + (f"; có phải «{close[0]}»?" if close else ""))
        else:
            plans.append(plan)
    update = Update(path=where, kind=folder, title=values["tieu_de"], date=values["ngay"], unit=unit,
                    plans=plans, summary=values.get("tom_tat") or "")
    for item in values.get("chi_tieu") or []:
        _read_target_report(item, update, portal, where, problems, broken)
    for item in values.get("nhiem_vu") or []:
        _read_task_report(item, update, portal, where, problems, broken)
    return update


def _lookup(items, item_id, what, path, line, problems, broken):
    found = items.get(item_id)
    if found is None and item_id not in broken:
        close = difflib.get_close_matches(item_id, list(items), n=1, cutoff=0.6)
        problems.add(path, line, "ma", f"không có {what} mã «{item_id}»",
                     f"mã một {what} trong các kế hoạch" + (f"; có phải «{close[0]}»?" if close else ""))
    return found


def _read_target_report(values, update, portal, path, problems, broken):
    if not values or values.get("ma") is None or values.get("gia_tri") is None:
        return
    target = _lookup(portal.targets, values["ma"], "chỉ tiêu", path, values["ma"].line, problems, broken)
    if target is None:
        return
    as_of = values.get("tinh_den") or update.date
    line = values["ma"].line
    if as_of > update.date:
        problems.add(path, line, "tinh_den", f"ngày số liệu {as_of:%d/%m/%Y} sau ngày đăng {update.date:%d/%m/%Y}",
                     "số liệu tính đến một ngày không muộn hơn ngày đăng bài")
        return
    if target.goal.measure == "percent" and not 0 <= values["gia_tri"] <= 100:
        problems.add(path, line, "gia_tri", f"tỷ lệ {values['gia_tri']:g} nằm ngoài 0–100",
                     "chỉ tiêu này tính bằng %: một số từ 0 đến 100")
        return
    report = TargetReport(target, values["gia_tri"], as_of, values.get("nguon") or "", update, line)
    update.target_reports.append(report)
    target.reports.append(report)


def _read_task_report(values, update, portal, path, problems, broken):
    if not values or values.get("ma") is None or values.get("trang_thai") is None:
        return
    task = _lookup(portal.tasks, values["ma"], "nhiệm vụ", path, values["ma"].line, problems, broken)
    if task is None:
        return
    report = TaskReport(task, values["trang_thai"], values.get("phan_tram"), values.get("ghi_chu") or "",
                        update, values["ma"].line)
    update.task_reports.append(report)
    task.reports.append(report)
