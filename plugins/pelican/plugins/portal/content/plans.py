"""Plan files (ke-hoach/*.md): front matter, full text, and the ```chi-tieu / ```nhiem-vu
blocks that declare targets and tasks where they stand in the document."""

import difflib
import re
from datetime import date

from . import yamlsource
from .. import vocabulary
from ..model.deadlines import DATE, Deadline
from ..model.entities import Plan, Source, Target, Task
from ..model.goals import qualitative_goal
from ..problems import ProblemLog
from ..text import field_key, fold
from .converters import read_record
from .fields import PLAN_FIELDS, TARGET_FIELDS, TASK_FIELDS
from .frontmatter import read_front_matter
from .media import check_media
from .registry import UnitNotFound, resolve_or_report

BLOCK_KINDS = ("chi-tieu", "nhiem-vu")
# Any fence line: its indent, the fence, the name after it ("```nhiem-vu", "  ~~~ chi_tieu").
FENCE = re.compile(r"^([ \t]*)(```+|~~~+)[ \t]*([^`\s][^`]*?)?[ \t]*$")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$")
BLOCK_TOKEN = "PORTALBLOCK{:04d}"


def read_plan(path, registry, problems, ids, broken):
    """The Plan in a ke-hoach/*.md file, or None when its own fields are broken (problems
    logged; the ids it declares join `broken` so updates naming them are not reported twice).
    `ids`: {id: "path:line"} of every plan, target and task id claimed so far, and of every
    plan number under ("so_ky_hieu", number)."""
    record, body, body_line = read_front_matter(path, problems)
    if record is None and body_line <= 1:  # no front matter at all: nothing more to read
        return None
    where = str(path)
    # Broken front matter (reported): the blocks are still read, so all problems show at once.
    values = read_record(record, PLAN_FIELDS, where, problems, "kế hoạch") if record is not None else {}
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
    _derive_period(plan, values, record, where, problems)
    if plan.id:
        _claim_id(plan.id, "kế hoạch", where, record.key_lines.get("ma", 1), "ma", ids, problems)
    if record is None:
        record = yamlsource.Record()
        record.key_lines = {}
    if plan.number:  # numbers share `ids` under a ("so_ky_hieu", number) key: unique too
        line = record.key_lines["so_ky_hieu"]
        key = ("so_ky_hieu", plan.number.casefold())
        if key in ids:
            problems.add(where, line, "so_ky_hieu", f"số, ký hiệu «{plan.number}» bị trùng",
                         f"mỗi kế hoạch một số, ký hiệu (đã dùng ở {ids[key]})")
            plan.number = ""  # not published twice
        else:
            ids[key] = f"{where}:{line}"
    plan.body = _read_blocks(plan, body, body_line, registry, problems, ids, broken)
    if not plan.body.strip():
        problems.add(where, max(body_line - 1, 1), "", "kế hoạch không có nội dung sau phần thông tin",
                     "chép toàn văn kế hoạch (các mục, chỉ tiêu, nhiệm vụ) vào sau dòng «---»")
    _check_anchors(plan, body, body_line, problems)
    check_media(body, body_line, where, problems)
    _check_period(plan, values, record, problems)
    _link_target_tasks(plan, problems)
    if issuer is None or not all(values.get(f) for f in ("ma", "so_ky_hieu", "tieu_de")) or (
            "ngay_ban_hanh" not in values):
        broken.update(item.id for item in (*plan.targets, *plan.tasks))
        broken.update(ref.casefold() for ref in (plan.id, plan.number) if ref)  # updates naming it: no knock-on
        return None
    return plan


def _read_blocks(plan, body, body_line, registry, problems, ids, broken):
    """Replace each ```chi-tieu / ```nhiem-vu block by a token; read what it declares.

    Every fence is checked at its own line: a misspelt name ("```nhiem_vu") or an indented
    fence is one problem there, and the block is still read so that nothing it declares
    is reported again; an unknown name or an unclosed fence is one problem, not YAML errors."""
    out, lines, index, count = [], body.split("\n"), 0, 0
    path = plan.source.path
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            out.append(lines[index])
            index += 1
            continue
        indent, fence, name, start = match.group(1), match.group(2), (match.group(3) or "").strip(), index
        line = body_line + start
        end, closed = _fence_end(lines, start, fence)
        kind = _block_kind(name, fence, indent, path, line, problems)
        block_problems = problems if closed else ProblemLog()  # an unclosed block: one line only
        if not closed:
            problems.add(path, line, "", f"khối «{name or fence}» không có dòng đóng «{fence}»",
                         f"kết thúc khối bằng một dòng chỉ có «{fence}»")
        if kind is None:
            index = end + 1
            continue
        block = yamlsource.load("\n".join(lines[start + 1:end]), path, block_problems, field_key,
                                first_line=line + 1)
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


def _fence_end(lines, start, fence):
    """(index of the closing fence line, True), or (index of the next opening fence or the end
    of the body, False) when the block is never closed."""
    for j in range(start + 1, len(lines)):
        if lines[j].strip() == fence:
            return j, True
        match = FENCE.match(lines[j])
        if match and match.group(3):
            return j - 1, False
    return len(lines), False


def _block_kind(name, fence, indent, path, line, problems):
    """The block kind a fence opens ("chi-tieu" or "nhiem-vu"), or None for an unknown name;
    a misspelt name or an indent is logged here, at the fence's line."""
    kind = name if name in BLOCK_KINDS else None
    if kind is None:
        folded = fold(name).replace(" ", "-")
        kind = folded if folded in BLOCK_KINDS else None
        if kind is None and folded.replace("-", "") in ("chitieu", "nhiemvu"):
            kind = {"chitieu": "chi-tieu", "nhiemvu": "nhiem-vu"}[folded.replace("-", "")]
        if kind is not None:
            problems.add(path, line, "", f"tên khối «{fence}{name}» viết sai", f"viết «{fence}{kind}»")
            return kind
        close = difflib.get_close_matches(fold(name).replace(" ", "-"), BLOCK_KINDS, n=1, cutoff=0.5)
        hint = f"; có phải «{fence}{close[0]}»?" if close else ""
        problems.add(path, line, "", f"khối «{fence}{name}» không phải khối chỉ tiêu hay nhiệm vụ",
                     f"chỉ dùng «{fence}chi-tieu» hoặc «{fence}nhiem-vu»; văn bản thường không đặt giữa hai dòng «{fence}»{hint}")
        return None
    if indent:
        problems.add(path, line, "", f"dòng «{fence}{name}» bị thụt lề",
                     f"viết «{fence}{name}» sát lề trái, không có dấu cách ở đầu dòng")
    return kind


def _check_anchors(plan, body, body_line, problems):
    """A target or task id equal to a heading's anchor would give two elements one id."""
    items = {item.id: item for item in (*plan.targets, *plan.tasks)}
    for offset, text in enumerate(body.split("\n")):
        match = HEADING.match(text)
        # The anchor as pages/render.py heading_slug makes it, for ids made of [a-z0-9-].
        anchor = fold(match.group(1)).replace(" ", "-") if match else ""
        if anchor in items:
            item = items[anchor]
            problems.add(plan.source.path, item.source.line, "ma",
                         f"mã «{anchor}» trùng với mã neo của đề mục «{match.group(1)}» (dòng {body_line + offset})",
                         f"đặt mã khác, ví dụ «{plan.id}-{anchor}»")


def _check_period(plan, values, record, problems):
    """The period ends after it starts; the plan is not issued in the future (a mistyped year)."""
    path = plan.source.path
    if plan.issued and plan.issued > date.today():
        problems.add(path, record.key_lines["ngay_ban_hanh"], "ngay_ban_hanh",
                     f"ngày ban hành {plan.issued:%d/%m/%Y} ở tương lai", "ngày ký ban hành ghi trên văn bản; kiểm tra lại năm")
    if plan.period_start and plan.period_end and plan.period_end < plan.period_start:
        problems.add(path, record.key_lines["den_ngay"], "den_ngay",
                     f"thời kỳ kết thúc {plan.period_end:%d/%m/%Y} trước khi bắt đầu {plan.period_start:%d/%m/%Y}",
                     "«den_ngay» không sớm hơn «tu_ngay»")


def _check_deadline(values, plan, problems):
    """A dated deadline falls on or after the plan's issue date (else the item would be judged
    late the day it was issued: usually a mistyped year)."""
    deadline = values.get("thoi_han")
    due = deadline.due if deadline else None
    if due is None or plan.issued is None or due >= plan.issued or plan.issued > date.today():
        return  # (an issue date in the future is the one problem reported)
    problems.add(plan.source.path, values.key_lines["thoi_han"], "thoi_han",
                 f"thời hạn «{deadline.text}» ({due:%d/%m/%Y}) trước ngày ban hành {plan.issued:%d/%m/%Y}",
                 "thời hạn không sớm hơn ngày ban hành kế hoạch; kiểm tra lại năm")


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
    if values:
        _check_deadline(values, plan, problems)
    kind = (values or {}).get("loai") or vocabulary.QUANTITATIVE
    qualitative = kind == vocabulary.QUALITATIVE
    if values is not None and not qualitative and "muc_tieu" not in values:
        problems.add(path, record.line, "muc_tieu", "thiếu trường bắt buộc (mục tiêu)",
                     "thêm dòng «muc_tieu: …» vào chỉ tiêu, hoặc «loai: định tính» nếu văn bản không nêu số")
    if values is not None and qualitative and values.get("muc_tieu"):
        problems.add(path, record.key_lines["muc_tieu"], "muc_tieu", "chỉ tiêu định tính không có mục tiêu số",
                     "bỏ dòng «muc_tieu», hoặc bỏ «loai: định tính» nếu văn bản nêu số")
        values["muc_tieu"] = None
    if values is None or not all(values.get(k) for k in ("ma", "noi_dung", "thoi_han")) or (
            not qualitative and not values.get("muc_tieu")):
        broken.add((values or {}).get("ma"))
        return None
    if not _claim_id(values["ma"], "chỉ tiêu", path, values["ma"].line, "ma", ids, problems):
        return None
    unit = plan.issuer
    if values.get("don_vi") and values.get("nhiem_vu"):
        problems.add(path, values["don_vi"].line, "don_vi", "chỉ tiêu có cả «don_vi» và «nhiem_vu»",
                     "bỏ «don_vi»: đơn vị chịu trách nhiệm là đơn vị chủ trì của nhiệm vụ")
    elif values.get("don_vi"):
        unit = _resolve(registry, values["don_vi"], plan, path, values["don_vi"].line, "don_vi", problems)
    deadline, rule = _deadline(values, plan, path, record, problems)
    target = Target(
        id=values["ma"], text=values["noi_dung"],
        goal=qualitative_goal() if qualitative else values["muc_tieu"],
        goal_text="" if qualitative else str(record.get("muc_tieu")),
        deadline=deadline, unit=unit, plan=plan, note=values.get("ghi_chu") or "",
        source=Source(path, record.line), kind=kind, goal_words=values.get("muc_tieu_van_ban") or "",
        deadline_rule=rule, owners=[unit] if unit is not None else [],
    )
    if values.get("nhiem_vu"):
        target.task = values["nhiem_vu"]  # an id until _link_target_tasks, after every block is read
    return target


def _read_task(record, plan, registry, problems, ids, broken):
    path = plan.source.path
    values = read_record(record, TASK_FIELDS, path, problems, "nhiệm vụ")
    if values:
        _check_deadline(values, plan, problems)
    if values is None or not all(values.get(k) for k in ("ma", "so", "noi_dung", "chu_tri", "thoi_han")):
        broken.add((values or {}).get("ma"))
        return None
    if not _claim_id(values["ma"], "nhiệm vụ", path, values["ma"].line, "ma", ids, problems):
        return None

    marked = {"chu_tri": [], "phoi_hop": []}

    def units(key):
        found = []
        for name in values.get(key) or []:
            line = getattr(name, "line", record.line)
            if any(mark in name for mark in vocabulary.READING_MARKS):
                marked[key].append(str(name))  # shown as written, never linked
                continue
            if "[" in name:
                problems.add(path, line, key, f"«{name}» có dấu ngoặc vuông không phải dấu đọc bản gốc",
                             f"chỉ dùng {' hoặc '.join('«' + m + '»' for m in vocabulary.READING_MARKS)}")
                continue
            unit = _resolve(registry, name, plan, path, line, key, problems)
            if unit is not None and unit not in found:
                found.append(unit)
        return found

    deadline, rule = _deadline(values, plan, path, record, problems)
    leads, supports = units("chu_tri"), units("phoi_hop")
    return Task(
        id=values["ma"], number=values["so"], text=values["noi_dung"], area=values.get("linh_vuc") or "",
        leads=leads, supports=supports, deadline=deadline, plan=plan,
        expected_result=values.get("ket_qua") or "", source=Source(path, record.line),
        portal_number=values.get("so_cua_cong") or "", note=values.get("ghi_chu") or "",
        deadline_rule=rule, marked_leads=marked["chu_tri"], marked_supports=marked["phoi_hop"],
    )


def _resolve(registry, name, plan, path, line, field_name, problems):
    """resolve_or_report in the plan's context. Without an issuer (its problem is already
    reported) a name shared by several units is not reported again: it is a knock-on."""
    if plan.issuer is None:
        try:
            return registry.resolve(str(name), None)
        except UnitNotFound as error:
            if error.candidates:
                return None
    return resolve_or_report(registry, name, plan.issuer, path, line, field_name, problems)


def _derive_period(plan, values, record, path, problems):
    """tu_ngay_suy_ra / den_ngay_suy_ra: period dates the document does not state. They fill
    period_start / period_end and `period_rule` says how (cach_suy_ra, required with them)."""
    for stated, derived in (("tu_ngay", "tu_ngay_suy_ra"), ("den_ngay", "den_ngay_suy_ra")):
        if values.get(derived) is None:
            continue
        line = record.key_lines.get(derived, 1)
        if values.get(stated) is not None:
            problems.add(path, line, derived, f"kế hoạch có cả «{stated}» (văn bản ghi) và «{derived}» (cổng suy ra)",
                         "chỉ giữ một trong hai")
            continue
        if not values.get("cach_suy_ra"):
            problems.add(path, line, "cach_suy_ra", f"có «{derived}» mà không nói cách suy ra",
                         "thêm «cach_suy_ra: …», ví dụ «6 tháng cuối năm 2025» trong tên kế hoạch")
        setattr(plan, "period_start" if stated == "tu_ngay" else "period_end", values[derived])
        plan.period_rule = values.get("cach_suy_ra") or ""


def _deadline(values, plan, path, record, problems):
    """(Deadline, rule): the document's deadline words; when they carry no date, the portal's
    date (thoi_han_suy_ra with cach_suy_ra, or for «không nêu» the plan's derived end) is
    its `due` and `rule` says how it was derived ("" when the date is the document's)."""
    deadline, derived = values["thoi_han"], values.get("thoi_han_suy_ra")
    rule = values.get("cach_suy_ra") or ""
    if derived is not None:
        if not rule:
            problems.add(path, record.key_lines["thoi_han_suy_ra"], "cach_suy_ra",
                         "có «thoi_han_suy_ra» mà không nói cách suy ra", "thêm «cach_suy_ra: …»")
        if deadline.due is not None:
            problems.add(path, record.key_lines["thoi_han_suy_ra"], "thoi_han_suy_ra",
                         f"thời hạn văn bản «{deadline.text}» đã có ngày", "bỏ «thoi_han_suy_ra»")
            return deadline, ""
        return Deadline(deadline.text, DATE, derived, "day"), rule or "cổng suy ra"
    if rule:
        problems.add(path, record.key_lines["cach_suy_ra"], "cach_suy_ra", "có «cach_suy_ra» mà không có «thoi_han_suy_ra»",
                     "thêm «thoi_han_suy_ra: ngày/tháng/năm» hoặc bỏ «cach_suy_ra»")
    if fold(deadline.text) == fold(vocabulary.DEADLINE_NOT_STATED) and plan.period_end is not None:
        how = plan.period_rule or f"kỳ kế hoạch «{plan.period}»"
        return Deadline(deadline.text, DATE, plan.period_end, "day"), f"ngày cuối kỳ kế hoạch ({how})"
    return deadline, ""


def _link_target_tasks(plan, problems):
    """A target naming its task (nhiem_vu): the task's leads own it."""
    tasks = {task.id: task for task in plan.tasks}
    for target in plan.targets:
        if target.task is None:
            continue
        task = tasks.get(target.task)
        if task is None:
            problems.add(target.source.path, getattr(target.task, "line", target.source.line), "nhiem_vu",
                         f"kế hoạch không có nhiệm vụ mã «{target.task}»", "mã một nhiệm vụ của cùng kế hoạch")
            target.task = None
            continue
        target.task = task
        target.owners = list(task.leads)
        target.unit = task.leads[0] if task.leads else target.unit
