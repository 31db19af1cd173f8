"""Names that identify: plan short labels and unit labels qualified by their parent."""

from datetime import date

from factories import unit
from pelican.plugins.portal.model.entities import Plan
from pelican.plugins.portal.pages import names


def plan(number, issuer=None, period="", issued=None):
    return Plan(id="p", number=number, title="t", issuer=issuer, issued=issued, period=period)


def test_a_real_number_is_the_label():
    assert names.plan_label(plan("3183/KH-STP")) == "3183/KH-STP"
    assert names.plan_label(plan("01-KH/BCĐ")) == "01-KH/BCĐ"


def test_placeholder_prose_is_never_a_label():
    ward = unit("tk", name="Ủy ban nhân dân phường Thạch Khôi")
    ward.short_name = "UBND phường Thạch Khôi"
    for prose in ("Không rõ số, ký hiệu (bản gốc thiếu phần này)", "(bản gốc không ghi số, ký hiệu)", ""):
        label = names.plan_label(plan(prose, ward, "6 tháng cuối năm 2025"))
        assert label == "KH CĐS UBND phường Thạch Khôi 6 tháng cuối 2025"
    assert names.plan_label(plan("", ward, issued=date(2025, 9, 24))) == "KH CĐS UBND phường Thạch Khôi ngày 24/09/2025"
    assert names.plan_label(plan("", ward)) == "KH CĐS UBND phường Thạch Khôi"


def test_clashing_and_generic_short_names_are_qualified_by_their_parent():
    stp, snv = unit("stp", name="Sở Tư pháp"), unit("snv", name="Sở Ngoại vụ")
    vp1, vp2 = unit("vp1", stp, "Văn phòng Sở"), unit("vp2", snv, "Văn phòng Sở")
    police = unit("ca", unit("tk", name="UBND phường Thạch Khôi"), "Công an phường")
    office = unit("pvhxh", stp, "Phòng Văn hóa - Xã hội")
    labels = names.qualified_labels([stp, snv, vp1, vp2, police, office])
    assert labels[id(vp1)] == "Văn phòng Sở (Sở Tư pháp)"
    assert labels[id(vp2)] == "Văn phòng Sở (Sở Ngoại vụ)"
    assert labels[id(police)] == "Công an phường (UBND phường Thạch Khôi)"
    assert labels[id(office)] == "Phòng Văn hóa - Xã hội"  # unique and not generic: unchanged
    assert labels[id(stp)] == "Sở Tư pháp"
