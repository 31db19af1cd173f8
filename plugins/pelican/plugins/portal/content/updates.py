"""Update and news files (cap-nhat/, tin-tuc/): front matter, reported values and statuses."""

import difflib
from datetime import date

from ..vocabulary import UPDATE
from ..model.entities import TargetReport, TaskReport, Update
from .converters import read_record
from .fields import ARTICLE_FIELDS, UPDATE_FIELDS
from .frontmatter import read_front_matter
from .media import check_media
from .registry import resolve_or_report
from ..model.values import format_number
from ..text import fold


def read_update(path, kind, portal, plans_by_ref, registry, problems, broken):
    """The Update (or news article) in a cap-nhat/ or tin-tuc/ file, with its reports; None
    when its own fields are broken. `kind`: vocabulary.UPDATE or vocabulary.NEWS. Reports name
    targets and tasks of `portal`."""
    is_update = kind == UPDATE
    record, body, body_line = read_front_matter(path, problems)
    if record is None:
        return None
    where = str(path)
    check_media(body, body_line, where, problems)
    fields = UPDATE_FIELDS if is_update else ARTICLE_FIELDS
    values = read_record(record, fields, where, problems, "bài cập nhật" if is_update else "bài tin")
    # A broken header still lets the reports be checked, so every problem shows in one run.
    complete = all(values.get(key) for key in ("tieu_de", "ngay", "don_vi"))
    unit = None
    if values.get("don_vi"):
        unit = resolve_or_report(registry, values["don_vi"], None, where, values["don_vi"].line, "don_vi", problems)
    plans = []
    for ref in values.get("ke_hoach") or []:
        plan = plans_by_ref.get(ref.casefold())
        if plan is None and ref.casefold() in broken:
            continue  # a plan whose own problems are already reported
        if plan is None:
            known = [p.number for p in portal.plans]
            close = difflib.get_close_matches(str(ref), known, n=1, cutoff=0.5)
            problems.add(where, ref.line, "ke_hoach", f"không có kế hoạch «{ref}» trên cổng",
                         "số, ký hiệu của một kế hoạch trong ke-hoach/" + (f"; có phải «{close[0]}»?" if close else ""))
        else:
            plans.append(plan)
    latest = max(portal.judging_date or date.today(), date.today())
    if values.get("ngay") and values["ngay"] > latest:
        problems.add(where, record.key_lines["ngay"], "ngay", f"ngày đăng {values['ngay']:%d/%m/%Y} ở tương lai",
                     f"ngày đăng không muộn hơn hôm nay ({latest:%d/%m/%Y}); bài chưa đến ngày đăng "
                     "thì chưa đưa vào thư mục")
        complete = False
    update = Update(path=where, kind=kind, title=values.get("tieu_de") or "", date=values.get("ngay") or date.min, unit=unit,
                    plans=plans, summary=values.get("tom_tat") or "")
    seen = {}  # target or task id -> line of its first report in this update
    for item in values.get("chi_tieu") or []:
        if _once(item, seen, "chỉ tiêu", where, problems):
            _read_target_report(item, update, portal, where, problems, broken)
    for item in values.get("nhiem_vu") or []:
        if _once(item, seen, "nhiệm vụ", where, problems):
            _read_task_report(item, update, portal, where, problems, broken)
    return update if complete else None


def _once(values, seen, what, path, problems):
    """False (problem logged) when this update already reported the same target or task."""
    item_id = (values or {}).get("ma")
    if item_id is None:
        return True
    if item_id in seen:
        problems.add(path, item_id.line, "ma", f"{what} «{item_id}» được báo cáo hai lần trong bài",
                     f"mỗi {what} một lần trong một bài (đã báo cáo ở dòng {seen[item_id]})")
        return False
    seen[item_id] = item_id.line
    return True


def _lookup(items, item_id, what, path, line, problems, broken):
    found = items.get(item_id)
    if found is None and item_id not in broken:
        close = difflib.get_close_matches(item_id, list(items), n=1, cutoff=0.6)
        problems.add(path, line, "ma", f"không có {what} mã «{item_id}»",
                     f"mã một {what} trong các kế hoạch" + (f"; có phải «{close[0]}»?" if close else ""))
    return found


def _read_target_report(values, update, portal, path, problems, broken):
    if not values or values.get("ma") is None:
        return
    target = _lookup(portal.targets, values["ma"], "chỉ tiêu", path, values["ma"].line, problems, broken)
    if target is None:
        return
    if not _value_fits_kind(values, target, path, problems):
        return
    as_of = values.get("tinh_den") or update.date
    line = values["ma"].line
    if update.date == date.min or as_of == date.min:  # the update's own date is broken: reported
        return
    lines = getattr(values, "key_lines", {})
    if as_of > update.date:
        problems.add(path, lines.get("tinh_den", line), "tinh_den", f"ngày số liệu {as_of:%d/%m/%Y} sau ngày đăng {update.date:%d/%m/%Y}",
                     "số liệu tính đến một ngày không muộn hơn ngày đăng bài")
        return
    issued = target.plan.issued
    if issued is not None and as_of < issued:
        problems.add(path, lines.get("tinh_den", line), "tinh_den", f"số liệu tính đến {as_of:%d/%m/%Y}, trước ngày ban hành kế hoạch "
                     f"{target.plan.number} ({issued:%d/%m/%Y})",
                     "số liệu tính từ ngày kế hoạch ban hành trở về sau; ghi «tinh_den» nếu khác ngày đăng")
        return
    if target.goal.is_qualitative:
        value = values["ket_qua"]
    else:
        value, unit = values["gia_tri"]
        mismatch = unit_mismatch(value, unit, target)
        if mismatch:
            problems.add(path, lines.get("gia_tri", line), "gia_tri", *mismatch)
            return
    report = TargetReport(target, value, as_of, values.get("nguon") or "", update, line)
    update.target_reports.append(report)



def _value_fits_kind(values, target, path, problems):
    """A qualitative target is reported with «ket_qua: đạt | chưa đạt», any other with
    «gia_tri»; False (problem logged) otherwise."""
    line = values["ma"].line
    wanted, other = ("ket_qua", "gia_tri") if target.goal.is_qualitative else ("gia_tri", "ket_qua")
    if other in values:
        problems.add(path, line, other, f"chỉ tiêu «{target.id}» {'định tính' if other == 'gia_tri' else 'tính bằng số'} không báo cáo bằng «{other}»",
                     f"dùng «{wanted}: …»" + (" («đạt» hoặc «chưa đạt»)" if wanted == "ket_qua" else ""))
        return False
    if wanted not in values:
        problems.add(path, line, wanted, f"thiếu trường bắt buộc ({'kết quả' if wanted == 'ket_qua' else 'giá trị'})",
                     f"thêm dòng «{wanted}: …» vào số liệu chỉ tiêu «{target.id}»")
        return False
    return values[wanted] is not None  # None: its conversion error is already reported


def _read_task_report(values, update, portal, path, problems, broken):
    if not values or values.get("ma") is None or values.get("trang_thai") is None:
        return
    task = _lookup(portal.tasks, values["ma"], "nhiệm vụ", path, values["ma"].line, problems, broken)
    if task is None:
        return
    report = TaskReport(task, values["trang_thai"], values.get("phan_tram"), values.get("ghi_chu") or "",
                        update, values["ma"].line)
    update.task_reports.append(report)



def unit_mismatch(value, unit, target):
    """(found, expected) when a reported value's unit does not fit the target's goal, else
    None. "%" fits only a percent goal; a counted thing ("hồ sơ") only a count of the same
    thing; a bare number fits both. A percent is at most 100."""
    goal = target.goal
    written = f"{format_number(value)}{unit if unit == '%' else ' ' + unit if unit else ''}"
    about = f"mục tiêu của chỉ tiêu «{target.id}» là «{target.goal_text}»"
    if goal.measure == "percent":
        if unit not in ("", "%"):
            return (f"giá trị «{written}» là số đếm nhưng {about} (tỷ lệ %)",
                    "ghi tỷ lệ phần trăm, ví dụ «gia_tri: 85%»")
        if value > 100:
            return (f"tỷ lệ {written} vượt quá 100%", "chỉ tiêu này tính bằng %: một số từ 0 đến 100")
        return None
    if unit == "%":
        return (f"giá trị «{written}» là tỷ lệ % nhưng {about} (đếm số lượng)",
                f"ghi số {goal.unit_label or 'lượng'} đạt được, ví dụ «gia_tri: 27»")
    if unit and fold(unit) != fold(goal.unit_label):
        return (f"giá trị «{written}» không cùng đơn vị với {about}",
                f"ghi số {goal.unit_label or 'lượng'}, ví dụ «gia_tri: 27»")
    return None
