"""Plan files (ke-hoach/*.md): front matter, full text, and the ```chi-tieu / ```nhiem-vu
blocks that declare targets and tasks where they stand in the document."""

import re

from . import yamlsource
from ..model.entities import Plan, Source, Target, Task
from ..text import field_key
from .converters import read_record
from .fields import PLAN_FIELDS, TARGET_FIELDS, TASK_FIELDS
from .frontmatter import read_front_matter
from .registry import resolve_or_report

FENCE = re.compile(r"^(```+|~~~+)\s*(chi-tieu|nhiem-vu)\s*$")
BLOCK_TOKEN = "PORTALBLOCK{:04d}"


def read_plan(path, registry, problems, ids, broken):
    """The Plan in a ke-hoach/*.md file, or None when its own fields are broken (problems
    logged; the ids it declares join `broken` so updates naming them are not reported twice).
    `ids`: {id: "path:line"} of every plan, target and task id claimed so far."""
    record, body, body_line = read_front_matter(path, problems)
    if record is None:
        return None
    where = str(path)
    values = read_record(record, PLAN_FIELDS, where, problems, "kế hoạch")
    issuer = None
    if values.get("don_vi"):
        issuer = resolve_or_report(registry, values["don_vi"], None, where, values["don_vi"].line, "don_vi", problems)
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
        match = FENCE.match(lines[index])
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
        unit = resolve_or_report(registry, values["don_vi"], plan.issuer, path, values["don_vi"].line, "don_vi", problems)
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
            unit = resolve_or_report(registry, name, plan.issuer, path, getattr(name, "line", record.line), key, problems)
            if unit is not None and unit not in found:
                found.append(unit)
        return found

    return Task(
        id=values["ma"], number=values["so"], text=values["noi_dung"], area=values.get("linh_vuc") or "",
        leads=units("chu_tri"), supports=units("phoi_hop"), deadline=values["thoi_han"], plan=plan,
        expected_result=values.get("ket_qua") or "", source=Source(path, record.line),
    )
