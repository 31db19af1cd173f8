"""What each share card says: the wording of plan and target cards, from the evaluated model."""

from ..model.deadlines import format_date
from ..model.values import format_value
from ..vocabulary import DONE, NO_DATA
from .cards import CardSpec, card_key


def target_card(target, site, sample):
    """CardSpec for a target: its badge state, latest value, goal and deadline."""
    j = target.judgement
    figures = [f"Mới nhất {format_value(j.latest.value, target.goal)} ({format_date(j.latest.as_of)})"] if j.latest else []
    detail = " · ".join(figures + [f"Mục tiêu {target.goal.text}", f"Thời hạn {target.deadline.text}"])
    return CardSpec("Chỉ tiêu · " + target.plan.number, target.text,
                    target.unit.name if target.unit else "", ((j.state, j.label),), detail, site, sample)


def plan_card(plan, site, sample):
    """CardSpec for a plan: its targets by badge state, late tasks, and the task counts."""
    r = plan.rollup
    pills = tuple((c.key, f"{c.count} {c.label.lower()}") for c in r.targets if c.count and c.key != NO_DATA)
    if not pills and r.target_total:
        pills = ((NO_DATA, f"{r.target_total} chỉ tiêu chưa có số liệu"),)
    late = r.late_count
    if late:
        pills += (("not-met", f"{late} nhiệm vụ quá hạn"),)
    detail = (f"{r.target_total} chỉ tiêu · {r.task_total} nhiệm vụ: {r.task_count(DONE)} hoàn thành, "
              f"{late} quá hạn")
    return CardSpec("Kế hoạch " + plan.number, plan.title, plan.issuer.name, pills, detail, site, sample)


def card_specs(portal, pattern, site, sample):
    """{output path: (CardSpec, key)} for every plan and target; `pattern` is
    PORTAL_CARD_URL ("the-chia-se/{kind}/{id}-{key}.png")."""
    specs = {}
    for kind, items, make in (("chi-tieu", portal.targets.values(), target_card),
                              ("ke-hoach", portal.plans, plan_card)):
        for item in items:
            spec = make(item, site, sample)
            key = card_key(spec)
            specs[pattern.format(kind=kind, id=item.id, key=key)] = (spec, key, item)
    return specs
