"""Update and news files (cap-nhat/, tin-tuc/): front matter, reported values and statuses."""

import difflib

from ..vocabulary import UPDATE
from ..model.entities import TargetReport, TaskReport, Update
from .converters import read_record
from .fields import ARTICLE_FIELDS, UPDATE_FIELDS
from .frontmatter import read_front_matter
from .registry import resolve_or_report


def read_update(path, kind, portal, plans_by_ref, registry, problems, broken):
    """The Update (or news article) in a cap-nhat/ or tin-tuc/ file, with its reports; None
    when its own fields are broken. `kind`: vocabulary.UPDATE or vocabulary.NEWS. Reports name
    targets and tasks of `portal`."""
    is_update = kind == UPDATE
    record, _, _ = read_front_matter(path, problems)
    if record is None:
        return None
    where = str(path)
    fields = UPDATE_FIELDS if is_update else ARTICLE_FIELDS
    values = read_record(record, fields, where, problems, "bài cập nhật" if is_update else "bài tin")
    if not values.get("tieu_de") or not values.get("ngay") or not values.get("don_vi"):
        return None
    unit = resolve_or_report(registry, values["don_vi"], None, where, values["don_vi"].line, "don_vi", problems)
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
    update = Update(path=where, kind=kind, title=values["tieu_de"], date=values["ngay"], unit=unit,
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
    if not values or values.get("ma") is None:
        return
    target = _lookup(portal.targets, values["ma"], "chỉ tiêu", path, values["ma"].line, problems, broken)
    if target is None:
        return
    if not _value_fits_kind(values, target, path, problems):
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
    value = values["ket_qua"] if target.goal.is_qualitative else values["gia_tri"]
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

