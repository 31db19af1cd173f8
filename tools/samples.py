"""Sample data for `make demo`: progress updates layered over the real plans, generated from
the current content so their ids always match it, plus one clearly labelled sample plan
that makes every badge state possible at the demo's judging date.

    python tools/samples.py content sample

Everything written here is labelled «số liệu mẫu»; `make html` never reads it.
"""

import argparse
import calendar
import json
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

from pelican.plugins.portal.content import load_portal
from pelican.plugins.portal.model.values import format_number
from pelican.plugins.portal.vocabulary import MET, NO_DATA, NOT_MET

SAMPLE_UNIT = "mau-don-vi"
SAMPLE_PLAN = "mau-ke-hoach"
NOTICE = ("> **Số liệu mẫu.** Bài này do lệnh `make demo` tạo tự động để minh họa cổng. Các con số và "
          "trạng thái trong bài không phải số liệu thật của đơn vị.")
# Scenarios for the real targets, in turn; the sample plan adds on-track and at-risk.
TARGET_SCENARIOS = [MET, NOT_MET, NO_DATA, MET, NOT_MET]
TASK_SCENARIOS = ["hoan-thanh", "dang-thuc-hien", None, "chua-trien-khai", "hoan-thanh", "tam-dung"]


def demo_date(portal, today=None):
    """After the last dated real deadline of the plans' targets (a review after the period),
    so late work shows; the sample plan's own deadlines are later still."""
    dues = [t.deadline.due for t in portal.targets.values() if t.deadline.due]
    if not dues:
        return today or date.today()
    return max(dues) + timedelta(days=15)


def _months(start, end):
    """The 20th of each month after start, up to end: the sample updates' dates."""
    day = date(start.year, start.month, 20)
    if day <= start:
        day = _next_month(day)
    while day <= end:
        yield day
        day = _next_month(day)


def _next_month(day):
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _ramp(goal, scenario, steps):
    """Values for `steps` reports ending met or short of the goal."""
    target = goal.value
    if goal.lower_is_better:
        start = 100.0 if goal.measure == "percent" else target * 3
        end = target * 0.8 if scenario == MET else target + (start - target) * 0.4
    else:
        start = 0.0
        end = min(target * 1.05, 100.0) if scenario == MET and goal.measure == "percent" else (
            target * 1.05 if scenario == MET else target * 0.55)
    values = []
    for i in range(1, steps + 1):
        value = start + (end - start) * i / steps
        values.append(round(value) if goal.measure == "count" else round(value, 1))
    if scenario == MET and not goal.is_met_by(values[-1]):
        values[-1] = 100.0 if goal.measure == "percent" and not goal.lower_is_better else (
            target + 1 if not goal.lower_is_better else max(target - 1, 0))
    return values


def _number(value):
    return format_number(value)


def _yaml_text(text):
    return json.dumps(str(text), ensure_ascii=False)


def _update(plan_id, unit_id, day, plan_label, targets, tasks):
    lines = ["---",
             f"tieu_de: {_yaml_text(f'Cập nhật tiến độ tháng {day:%m/%Y} — kế hoạch {plan_label} (số liệu mẫu)')}",
             f"ngay: {day:%d/%m/%Y}",
             f"don_vi: {unit_id}",
             f"ke_hoach: {plan_id}",
             f"tom_tat: {_yaml_text('Số liệu mẫu do make demo tạo, không phải số liệu thật.')}"]
    if targets:
        lines.append("chi_tieu:")
        as_of = day - timedelta(days=5)
        for target_id, value in targets:
            lines += [f"  - ma: {target_id}", f"    gia_tri: \"{_number(value)}\"", f"    tinh_den: {as_of:%d/%m/%Y}",
                      "    nguon: Số liệu mẫu"]
    if tasks:
        lines.append("nhiem_vu:")
        for task_id, status, percent in tasks:
            lines += [f"  - ma: {task_id}", f"    trang_thai: {status}"]
            if percent is not None:
                lines.append(f"    phan_tram: {percent}")
    lines += ["---", "", NOTICE, ""]
    return "\n".join(lines)


def _sample_plan(judging):
    issued = judging - timedelta(days=100)
    later = judging + timedelta(days=90)
    earlier = judging - timedelta(days=10)
    text = f"""---
ma: {SAMPLE_PLAN}
so_ky_hieu: MẪU/KH
tieu_de: Kế hoạch mẫu để minh họa cách cổng đánh giá tiến độ (không có thật)
don_vi: {SAMPLE_UNIT}
ngay_ban_hanh: {issued:%d/%m/%Y}
tom_tat: Kế hoạch không có thật, chỉ có trong bản mẫu (make demo), để thấy đủ mọi loại huy hiệu.
ghi_chu_ban_goc: Số liệu mẫu. Kế hoạch này không có thật và không có trên cổng chính thức.
---

> **Số liệu mẫu.** Kế hoạch này không có thật; nó chỉ có trong bản mẫu của cổng.

## I. CHỈ TIÊU

```chi-tieu
- ma: mau-ct-dung
  noi_dung: Chỉ tiêu mẫu đang đúng tiến độ.
  muc_tieu: tối thiểu 80%
  thoi_han: {later:%d/%m/%Y}
- ma: mau-ct-cham
  noi_dung: Chỉ tiêu mẫu có nguy cơ chậm.
  muc_tieu: tối thiểu 80%
  thoi_han: {later:%d/%m/%Y}
- ma: mau-ct-dat
  noi_dung: Chỉ tiêu mẫu đã đạt.
  muc_tieu: 20 dịch vụ
  thoi_han: {later:%d/%m/%Y}
- ma: mau-ct-truot
  noi_dung: Chỉ tiêu mẫu đã quá hạn mà chưa đạt.
  muc_tieu: 100%
  thoi_han: {earlier:%d/%m/%Y}
- ma: mau-ct-trong
  noi_dung: Chỉ tiêu mẫu chưa có số liệu.
  muc_tieu: dưới 5%
  thoi_han: {later:%d/%m/%Y}
```

## II. NHIỆM VỤ

```nhiem-vu
- ma: mau-nv-1
  so: "1"
  noi_dung: Nhiệm vụ mẫu đã quá hạn.
  linh_vuc: chính quyền số
  chu_tri: {SAMPLE_UNIT}
  thoi_han: {earlier:%d/%m/%Y}
- ma: mau-nv-2
  so: "2"
  noi_dung: Nhiệm vụ mẫu thường xuyên.
  linh_vuc: dữ liệu số
  chu_tri: {SAMPLE_UNIT}
  thoi_han: thường xuyên
```
"""
    return issued, text


SAMPLE_UNITS = f"""# Số liệu mẫu (make demo): đơn vị không có thật.
- ma: {SAMPLE_UNIT}
  ten: Đơn vị mẫu (không có thật)
  ten_ngan: Đơn vị mẫu
  loai: khac
  mo_ta: Đơn vị không có thật, chỉ có trong bản mẫu của cổng.
"""


def generate(portal, judging):
    """{relative path: text} of every sample file."""
    files = {"don-vi/mau.yaml": SAMPLE_UNITS}
    issued, plan_text = _sample_plan(judging)
    files[f"ke-hoach/{SAMPLE_PLAN}.md"] = plan_text
    # The sample plan: three reports each, chosen to land on each state at the judging date.
    months = list(_months(issued, judging))
    sample_values = {"mau-ct-dung": [20.0, 35.0, 50.0], "mau-ct-cham": [5.0, 10.0, 15.0],
                     "mau-ct-dat": [8.0, 15.0, 22.0], "mau-ct-truot": [40.0, 60.0, 70.0]}
    days = months[-3:]
    for index, day in enumerate(days):
        # the last values decide the state; fewer months take the later values
        targets = [(tid, values[len(values) - len(days) + index]) for tid, values in sample_values.items()]
        tasks = [("mau-nv-1", "dang-thuc-hien", 30 + 20 * index), ("mau-nv-2", "dang-thuc-hien", None)]
        files[f"cap-nhat/mau-{SAMPLE_PLAN}-{day:%Y-%m}.md"] = _update(
            SAMPLE_PLAN, SAMPLE_UNIT, day, "MẪU/KH", targets, tasks)
    # The real plans: values and statuses in turn, so every state shows on real pages too.
    counter = 0
    for plan in sorted(portal.plans, key=lambda p: p.id):
        if plan.id == SAMPLE_PLAN or plan.issuer is None:
            continue
        start = plan.start_date or (judging - timedelta(days=120))
        days = list(_months(start, judging))[-4:]
        if not days:
            continue
        series = {}
        for target in plan.targets:
            scenario = TARGET_SCENARIOS[counter % len(TARGET_SCENARIOS)]
            counter += 1
            if scenario != NO_DATA:
                series[target.id] = _ramp(target.goal, scenario, len(days))
        task_reports = []
        for index, task in enumerate(plan.tasks):
            status = TASK_SCENARIOS[index % len(TASK_SCENARIOS)]
            if status:
                percent = 60 if status == "dang-thuc-hien" else None
                task_reports.append((task.id, status, percent))
        for index, day in enumerate(days):
            targets = [(tid, values[index]) for tid, values in series.items()]
            tasks = task_reports if index == len(days) - 1 else [
                (tid, "dang-thuc-hien", 30) for tid, status, _ in task_reports if status == "hoan-thanh"][:5]
            files[f"cap-nhat/mau-{plan.id}-{day:%Y-%m}.md"] = _update(
                plan.id, plan.issuer.id, day, plan.number, targets, tasks)
    return files


def write(files, folder, judging):
    """Replace the sample folder's generated content with `files`; keep its README."""
    folder = Path(folder)
    for sub in ("cap-nhat", "ke-hoach", "don-vi"):
        shutil.rmtree(folder / sub, ignore_errors=True)
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "ngay-danh-gia.txt").write_text(f"{judging.isoformat()}\n", encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Tạo số liệu mẫu cho make demo từ nội dung hiện có.")
    parser.add_argument("content", help="thư mục nội dung thật (content)")
    parser.add_argument("sample", help="thư mục số liệu mẫu (sample)")
    parser.add_argument("--ngay", help="ngày đánh giá của bản mẫu, dạng 2026-01-15 (mặc định: tự chọn)")
    args = parser.parse_args(argv)
    portal, problems = load_portal(args.content)
    if problems:
        for line in problems.report():
            print(line, file=sys.stderr)
        print("Nội dung có lỗi; chưa tạo số liệu mẫu.", file=sys.stderr)
        return 1
    judging = date.fromisoformat(args.ngay) if args.ngay else demo_date(portal)
    files = generate(portal, judging)
    write(files, args.sample, judging)
    print(f"Đã tạo {len(files)} tệp số liệu mẫu trong {args.sample}/ (ngày đánh giá {judging:%d/%m/%Y}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
