"""A generated, city-sized sample corpus for benchmarks (SAMPLE DATA, not real plans).

    from bench.corpus import write_corpus
    stats = write_corpus("bench-output/corpus", units=150, tasks=3000, targets=1000, updates=10000)

writes a complete content folder (don-vi/, ke-hoach/, cap-nhat/, tin-tuc/) that the portal's
loader accepts. Every name carries "mẫu" and every file says it is sample data. The same seed
gives the same files. Run as a script to write one: `python bench/corpus.py OUT_DIR`.
"""

import argparse
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

PLACES = [
    "An Lạc", "Bình Minh", "Cát Bi", "Đông Hải", "Hòa Nghĩa", "Hưng Đạo", "Kiến An", "Lạc Viên",
    "Lê Chân", "Minh Đức", "Ngọc Sơn", "Phù Liễn", "Quán Toan", "Sở Dầu", "Tân Tiến", "Thủy Nguyên",
    "Tràng Cát", "Vĩnh Niệm", "Xuân Đám", "Yên Hưng", "Đồ Sơn", "Hải Thành", "Nam Triệu", "Ngũ Lão",
]
AGENCY_FIELDS = [
    "Nội vụ", "Tài chính", "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Khoa học và Công nghệ",
    "Công Thương", "Nông nghiệp và Môi trường", "Văn hóa, Thể thao và Du lịch", "Tư pháp",
    "Ngoại vụ", "Dân tộc và Tôn giáo", "Giao thông", "Lao động", "Quy hoạch", "Du lịch",
]
DIVISIONS = ["Văn phòng", "Phòng Kế hoạch - Tài chính", "Phòng Chuyển đổi số", "Thanh tra"]

SUBJECTS = [
    "triển khai", "đẩy mạnh", "hoàn thiện", "xây dựng", "nâng cấp", "rà soát", "tổ chức",
    "duy trì", "vận hành", "tăng cường", "số hóa", "chuẩn hóa", "kết nối", "tích hợp", "bồi dưỡng",
]
OBJECTS = [
    "dịch vụ công trực tuyến toàn trình", "hồ sơ thủ tục hành chính", "cơ sở dữ liệu chuyên ngành",
    "hệ thống quản lý văn bản và điều hành", "chữ ký số", "hạ tầng số", "trung tâm dữ liệu",
    "nền tảng tích hợp, chia sẻ dữ liệu", "an toàn thông tin mạng", "kỹ năng số cho người dân",
    "cổng thông tin điện tử", "hệ thống thông tin giải quyết thủ tục hành chính", "mạng truyền số liệu chuyên dùng",
    "dữ liệu dân cư", "thanh toán không dùng tiền mặt", "camera giám sát", "hội nghị truyền hình trực tuyến",
    "tổ công nghệ số cộng đồng", "hồ sơ công việc trên môi trường mạng", "phần mềm một cửa điện tử",
    "kho dữ liệu dùng chung", "định danh và xác thực điện tử", "bưu chính công ích", "trợ lý ảo",
]
DETAILS = [
    "bảo đảm đúng tiến độ", "theo hướng dẫn của Ủy ban nhân dân thành phố", "phục vụ người dân và doanh nghiệp",
    "gắn với cải cách hành chính", "trên địa bàn", "cho cán bộ, công chức, viên chức",
    "theo Kế hoạch số 215/KH-UBND", "đáp ứng yêu cầu kết nối liên thông", "tiết kiệm, hiệu quả",
    "theo quy định của pháp luật", "đồng bộ từ thành phố đến cơ sở", "với sự phối hợp của các phòng",
    "trong các tháng cuối năm", "có ứng dụng trí tuệ nhân tạo", "bảo đảm an ninh, an toàn",
    "tại bộ phận tiếp nhận và trả kết quả", "theo mô hình bốn lớp", "qua ứng dụng VNeID",
]
REPORTS = [
    "đã hoàn thành", "đang triển khai", "đạt kết quả tích cực", "còn một số khó khăn về kinh phí",
    "được người dân đánh giá cao", "cần tiếp tục đôn đốc", "vượt tiến độ đề ra", "chậm so với kế hoạch",
]
AREAS = [
    "thể chế", "hạ tầng số", "nền tảng số", "dữ liệu số", "chính quyền số", "kinh tế số",
    "xã hội số", "an toàn thông tin", "nhân lực số", "truyền thông", "chỉ đạo, điều hành",
]
STATUSES = ["chưa triển khai", "đang thực hiện", "hoàn thành", "tạm dừng"]
SAMPLE = "(mẫu)"


@dataclass
class UnitSpec:
    id: str
    name: str
    kind: str
    short: str = ""
    parent: str = ""
    plan: "PlanSpec" = None


@dataclass
class PlanSpec:
    id: str
    number: str
    unit: UnitSpec
    issued: date
    tasks: list = field(default_factory=list)  # task ids
    targets: list = field(default_factory=list)  # (id, measure)


class Words:
    def __init__(self, rng):
        self.rng = rng

    def phrase(self):
        r = self.rng
        return f"{r.choice(SUBJECTS)} {r.choice(OBJECTS)} {r.choice(DETAILS)}"

    def sentence(self, parts=2):
        text = ", ".join(self.phrase() for _ in range(parts))
        if self.rng.random() < 0.3:
            text += f" tại {self.rng.choice(PLACES)} {self.rng.randint(1, 40)}"
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences):
        return " ".join(self.sentence(self.rng.randint(1, 3)) for _ in range(sentences))


def _units(count):
    """1 city, then agencies and wards (each issues a plan), then agency divisions."""
    units = [UnitSpec("tp-mau", "Ủy ban nhân dân thành phố Mẫu", "thanh-pho", "UBND thành phố Mẫu")]
    issuers = max(1, (count - 1) * 2 // 3)
    agencies = issuers * 3 // 10
    for i in range(issuers):
        if i < agencies:
            name = f"Sở {AGENCY_FIELDS[i % len(AGENCY_FIELDS)]} Mẫu {i + 1}"
            units.append(UnitSpec(f"so-mau-{i + 1:03d}", name, "so", f"SM{i + 1:03d}", "tp-mau"))
        else:
            place = PLACES[i % len(PLACES)]
            units.append(UnitSpec(f"phuong-mau-{i + 1:03d}", f"Ủy ban nhân dân phường Mẫu {place} {i + 1}",
                                  "phuong", f"Phường Mẫu {place} {i + 1}", "tp-mau"))
    parents = [u for u in units if u.kind == "so"] or units[1:]
    for j in range(count - len(units)):
        parent = parents[j % len(parents)]
        division = DIVISIONS[(j // len(parents)) % len(DIVISIONS)]
        units.append(UnitSpec(f"{parent.id}-p{j + 1:03d}", f"{division} {parent.name} ({j + 1})", "phong",
                              parent=parent.id))
    return units


def _yaml_text(value):
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write_units(root, units):
    lines = ["# Đơn vị MẪU do bench/corpus.py sinh ra để đo hiệu năng; không phải dữ liệu thật."]
    for u in units:
        lines.append(f"- ma: {u.id}")
        lines.append(f"  ten: {_yaml_text(u.name)}")
        if u.short:
            lines.append(f"  ten_ngan: {_yaml_text(u.short)}")
        if u.parent:
            lines.append(f"  truc_thuoc: {u.parent}")
        lines.append(f"  loai: {u.kind}")
    (root / "don-vi").mkdir(parents=True, exist_ok=True)
    (root / "don-vi" / "don-vi-mau.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _spread(total, buckets):
    base, extra = divmod(total, buckets)
    return [base + (1 if i < extra else 0) for i in range(buckets)]


def _deadline(rng, issued):
    roll = rng.random()
    if roll < 0.15:
        return "thường xuyên"
    if roll < 0.25:
        return f"quý {rng.choice(['I', 'II', 'III', 'IV'])}/2026"
    if roll < 0.3:
        return "sau khi có hướng dẫn của thành phố"
    due = issued + timedelta(days=rng.randint(30, 400))
    return f"{due:%d/%m/%Y}"


def _goal(rng):
    if rng.random() < 0.8:
        return "percent", rng.choice(["100%", "tối thiểu 80%", "trên 90%", "đạt 95%", "tối thiểu 50%"])
    return "count", f"{rng.randint(5, 60)} dịch vụ"


def _plan_text(rng, words, plan, units_by_id, task_count, target_count, division_ids):
    """The Markdown of one plan: sections of prose, one targets block, task cards and a table."""
    issuer = plan.unit
    leads = [issuer.id] + division_ids
    body = [
        "---",
        f"ma: {plan.id}",
        f"so_ky_hieu: {plan.number}",
        f"tieu_de: {_yaml_text(f'Kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số của {issuer.name} năm 2026 {SAMPLE}')}",
        f"don_vi: {issuer.id}",
        f"ngay_ban_hanh: {plan.issued:%d/%m/%Y}",
        "thoi_ky: Năm 2026",
        "thuc_hien: [215/KH-UBND]",
        f"tom_tat: {_yaml_text('Kế hoạch MẪU sinh tự động để đo hiệu năng. ' + words.sentence(2))}",
        "---",
        "",
        f"Dữ liệu mẫu. {words.paragraph(3)}",
        "",
        "## I. MỤC ĐÍCH, YÊU CẦU",
        "",
        "### 1. Mục đích",
        "",
        words.paragraph(5),
        "",
        "### 2. Yêu cầu",
        "",
        words.paragraph(4),
        "",
        "## II. MỤC TIÊU",
        "",
        words.paragraph(3),
        "",
        "```chi-tieu",
    ]
    for k in range(target_count):
        target_id = f"{plan.id}-ct-{k + 1}"
        measure, goal = _goal(rng)
        plan.targets.append((target_id, measure))
        body += [f"- ma: {target_id}",
                 f"  noi_dung: {_yaml_text(words.sentence(1))}",
                 f"  muc_tieu: {_yaml_text(goal)}",
                 f"  thoi_han: {_deadline(rng, plan.issued) if rng.random() < 0.5 else '31/12/2026'}"]
    body += ["```", "", "## III. NHIỆM VỤ, GIẢI PHÁP", ""]
    cards = task_count * 2 // 3
    groups = _spread(cards, max(1, min(6, cards)))
    number = 0
    for g, size in enumerate(groups, start=1):
        body += [f"### {g}. {words.phrase().capitalize()}", "", words.paragraph(2), ""]
        for k in range(size):
            number += 1
            body += _task_block(rng, words, plan, number, f"{g}.{k + 1}", leads, units_by_id, card=True)
    body += ["## IV. TỔ CHỨC THỰC HIỆN", "", words.paragraph(4), "", "## PHỤ LỤC", "", "```nhiem-vu"]
    for k in range(task_count - cards):
        number += 1
        body += _task_block(rng, words, plan, number, str(k + 1), leads, units_by_id, card=False)
    body += ["```", ""]
    return "\n".join(body)


def _task_block(rng, words, plan, serial, number, leads, units_by_id, card):
    task_id = f"{plan.id}-nv-{serial}"
    plan.tasks.append(task_id)
    lead = rng.choice(leads)
    support = rng.choice([u for u in leads if u != lead] or ["tp-mau"])
    indent = "" if card else "  "
    first = "" if card else "- "
    lines = ["```nhiem-vu"] if card else []
    lines += [f"{first}ma: {task_id}",
              f"{indent}so: \"{number}\"",
              f"{indent}noi_dung: {_yaml_text(words.sentence(rng.randint(1, 3)))}",
              f"{indent}linh_vuc: {rng.choice(AREAS)}",
              f"{indent}chu_tri: [{lead}]",
              f"{indent}phoi_hop: [{support}]",
              f"{indent}thoi_han: {_deadline(rng, plan.issued)}"]
    if rng.random() < 0.4:
        lines.append(f"{indent}ket_qua: {_yaml_text(words.phrase().capitalize() + '.')}")
    if card:
        lines += ["```", ""]
    return lines


def _write_update(root, rng, words, serial, plan, day, news):
    folder = "tin-tuc" if news else "cap-nhat"
    unit = plan.unit
    month = f"{day:%m/%Y}"
    if news:
        title = f"{unit.short or unit.name} {rng.choice(SUBJECTS)} {rng.choice(OBJECTS)} {SAMPLE}"
    else:
        title = f"{unit.short or unit.name} báo cáo tiến độ chuyển đổi số tháng {month} {SAMPLE}"
    lines = ["---", f"tieu_de: {_yaml_text(title)}", f"ngay: {day:%d/%m/%Y}", f"don_vi: {unit.id}",
             f"ke_hoach: [{_yaml_text(plan.number)}]",
             f"tom_tat: {_yaml_text(words.sentence(2) + ' ' + rng.choice(REPORTS).capitalize() + '.')}"]
    if not news:
        if plan.targets:
            lines.append("chi_tieu:")
            for target_id, measure in rng.sample(plan.targets, min(len(plan.targets), rng.randint(1, 3))):
                value = rng.randint(0, 100) if measure == "percent" else rng.randint(0, 60)
                lines += [f"  - ma: {target_id}", f"    gia_tri: {value}", f"    nguon: {_yaml_text('Số liệu mẫu')}"]
        if plan.tasks:
            lines.append("nhiem_vu:")
            for task_id in rng.sample(plan.tasks, min(len(plan.tasks), rng.randint(1, 3))):
                lines += [f"  - ma: {task_id}", f"    trang_thai: {rng.choice(STATUSES)}"]
    lines += ["---", "", "Bài MẪU sinh tự động để đo hiệu năng, không phải tin thật.", "",
              words.paragraph(rng.randint(3, 8)), ""]
    path = root / folder / f"{unit.id}-{serial:05d}.md"
    path.write_text("\n".join(lines), encoding="utf-8")


def write_corpus(out_dir, units=150, tasks=3000, targets=1000, updates=10000, news_share=0.2,
                 first_day=date(2025, 10, 1), days=360, seed=2025):
    """Write a sample content folder into `out_dir` (emptied first); returns counts."""
    root = Path(out_dir)
    if root.exists():
        shutil.rmtree(root)
    for folder in ("don-vi", "ke-hoach", "cap-nhat", "tin-tuc"):
        (root / folder).mkdir(parents=True)
    rng = random.Random(seed)
    words = Words(rng)
    unit_specs = _units(units)
    _write_units(root, unit_specs)
    by_id = {u.id: u for u in unit_specs}
    issuers = [u for u in unit_specs if u.kind in ("so", "phuong")]
    divisions = {}
    for u in unit_specs:
        if u.kind == "phong":
            divisions.setdefault(u.parent, []).append(u.id)
    plans = []
    for i, (unit, n_tasks, n_targets) in enumerate(zip(issuers, _spread(tasks, len(issuers)),
                                                         _spread(targets, len(issuers)))):
        plan = PlanSpec(f"kh-mau-{i + 1:03d}", f"{100 + i}/KH-{unit.short.replace(' ', '') if unit.kind == 'so' else 'PM' + str(i + 1)}",
                        unit, first_day - timedelta(days=rng.randint(10, 60)))
        text = _plan_text(rng, words, plan, by_id, n_tasks, n_targets, divisions.get(unit.id, []))
        (root / "ke-hoach" / f"{plan.id}.md").write_text(text, encoding="utf-8")
        plans.append(plan)
    for serial in range(updates):
        plan = plans[serial % len(plans)]
        day = first_day + timedelta(days=rng.randint(0, days))
        _write_update(root, rng, words, serial, plan, day, news=rng.random() < news_share)
    return {"units": len(unit_specs), "plans": len(plans), "tasks": sum(len(p.tasks) for p in plans),
            "targets": sum(len(p.targets) for p in plans), "updates": updates}


def main():
    parser = argparse.ArgumentParser(description="Sinh bộ nội dung MẪU cỡ thành phố để đo hiệu năng.")
    parser.add_argument("out_dir")
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--tasks", type=int, default=3000)
    parser.add_argument("--targets", type=int, default=1000)
    parser.add_argument("--updates", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    print(write_corpus(args.out_dir, args.units, args.tasks, args.targets, args.updates, seed=args.seed))


if __name__ == "__main__":
    main()
