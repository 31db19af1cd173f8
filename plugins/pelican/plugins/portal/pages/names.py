"""Names that identify: a unit's label qualified by its parent where short names clash, and a
plan's short label for tables and headings (its number, or a fallback built from its issuer
and period when the document carries no number).

The fallback is documented in docs/huong-dan-bien-tap.md («Kế hoạch không có số, ký hiệu»).
"""

import re
from collections import Counter

# A document number as Vietnamese administrative documents write it: digits, then "/" or "-"
# and a sign ("3183/KH-STP", "01-KH/BCĐ", "215/KH-UBND"). Anything else (placeholder prose
# such as «Không rõ số, ký hiệu …») is not a number.
_NUMBER = re.compile(r"^\d+[-/]\S*[A-ZĐ]\S*$")
# Short names that only make sense next to their parent («Văn phòng Sở», «Công an phường»).
_GENERIC_ENDINGS = ("sở", "phường", "xã", "thành phố")


def has_number(number: str) -> bool:
    """True when `number` is a real document number, not placeholder prose."""
    return bool(_NUMBER.match((number or "").strip()))


def plan_label(plan) -> str:
    """The plan's short label: its number, else «KH CĐS <issuer's short name> <period>»
    (the period without «năm»), else «KH CĐS <issuer> ngày <dd/mm/yyyy>», else «KH CĐS <issuer>»."""
    if has_number(plan.number):
        return plan.number.strip()
    issuer = plan.issuer.label if plan.issuer else ""
    if plan.period:
        when = re.sub(r"\bnăm\s+", "", plan.period).strip()
        when = when[:1].lower() + when[1:]
        return f"KH CĐS {issuer} {when}".strip()
    if plan.issued:
        return f"KH CĐS {issuer} ngày {plan.issued:%d/%m/%Y}".strip()
    return f"KH CĐS {issuer}".strip()


def qualified_labels(units) -> dict:
    """{id(unit): label} for every unit: its short label, followed by its parent's label in
    brackets when another unit has the same label or when the label ends with a word that
    points at its parent («Văn phòng Sở» → «Văn phòng Sở (Sở Tư pháp)»)."""
    units = list(units)
    counts = Counter(u.label.casefold() for u in units)
    result = {}
    for unit in units:
        label = unit.label
        generic = label.casefold().endswith(_GENERIC_ENDINGS)
        if unit.parent is not None and (counts[label.casefold()] > 1 or generic):
            label = f"{label} ({unit.parent.label})"
        result[id(unit)] = label
    return result
