"""Unit files (don-vi/*.yaml) into Units, and the unit tree: parents, children, groups."""

from .. import vocabulary
from ..model.entities import Source, Unit
from . import yamlsource
from .converters import read_record
from .fields import UNIT_FIELDS
from .files import yaml_files
from .frontmatter import read_text
from .registry import resolve_or_report, suggest_id
from ..text import field_key


def read_units(folder, problems, required=True):
    """[Unit] of one folder's .yaml files; duplicate ids are reported by load_portal, across folders."""
    units = []
    files = yaml_files(folder)
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
            if not values or not values.get("ma"):
                continue
            # A unit with a broken name or kind is still registered (its problem is logged):
            # the plans and updates naming it must not each report it missing.
            units.append(Unit(
                id=values["ma"], name=values.get("ten") or values["ma"], kind=values.get("loai") or "khac",
                short_name=values.get("ten_ngan") or "", aliases=values.get("ten_khac") or [],
                parent_id=values.get("truc_thuoc") or "", member_names=values.get("thanh_vien") or [],
                english_name=values.get("ten_tieng_anh") or "", description=values.get("mo_ta") or "",
                source=Source(str(path), record.line),
            ))
    return units


def link_units(units, registry, problems):
    """Set parent, children, members and groups. A group says who its members are
    (thanh_vien): a list, «tất cả» (its parent's other children) or «không nêu» (none: no
    unit inherits its tasks); a group without thanh_vien is reported."""
    by_id = registry.units
    for unit in units:
        if unit.parent_id:
            parent = by_id.get(unit.parent_id)
            if parent is None:
                problems.add(unit.source.path, unit.source.line, "truc_thuoc",
                             f"không có đơn vị mã «{unit.parent_id}»", suggest_id(unit.parent_id, by_id))
            else:
                unit.parent = parent
                parent.children.append(unit)
    for unit in units:
        if any(a is unit for a in _ancestors_bounded(unit, len(units))):
            problems.add(unit.source.path, unit.source.line, "truc_thuoc",
                         "đơn vị nằm trong chính nó (vòng lặp cấp trên)", "chọn một đơn vị cấp trên khác")
            unit.parent = None
    for unit in units:
        unit.members_rule = _members_rule(unit, problems)
        for name in (unit.member_names if unit.members_rule == "list" else []):
            member = resolve_or_report(registry, name, unit.parent, unit.source.path, getattr(name, "line", unit.source.line),
                              "thanh_vien", problems)
            if member is not None:
                unit.members.append(member)
                member.groups.append(unit)
        if unit.members_rule == vocabulary.MEMBERS_ALL and unit.parent is not None:
            for sibling in unit.parent.children:  # "các phòng, đơn vị thuộc Sở": all of them
                if sibling is not unit and sibling.kind != vocabulary.GROUP_KIND:
                    unit.members.append(sibling)
                    sibling.groups.append(unit)
    for unit in units:
        unit.children.sort(key=lambda u: (u.kind == vocabulary.GROUP_KIND, u.name))


def _members_rule(unit, problems):
    """"list", vocabulary.MEMBERS_ALL or MEMBERS_NOT_STATED; "" for units that are not groups."""
    names = unit.member_names
    if len(names) == 1 and field_key(names[0]).replace("_", "-") in (vocabulary.MEMBERS_ALL, vocabulary.MEMBERS_NOT_STATED):
        return field_key(names[0]).replace("_", "-")
    if names:
        return "list"
    if unit.kind == vocabulary.GROUP_KIND:
        problems.add(unit.source.path, unit.source.line, "thanh_vien", f"nhóm «{unit.name}» không nói thành viên",
                     "thêm «thanh_vien: không nêu» (văn bản không kể tên), «thanh_vien: tất cả» "
                     "(mọi đơn vị cùng cấp trên) hoặc danh sách mã đơn vị")
    return ""


def _ancestors_bounded(unit, limit):
    current = unit.parent
    for _ in range(limit + 1):
        if current is None:
            return
        yield current
        current = current.parent
