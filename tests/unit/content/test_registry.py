"""The unit registry: names, short names and aliases; a shared name settled by context."""

import pytest

from pelican.plugins.portal.content.registry import UnitNotFound, UnitRegistry
from pelican.plugins.portal.model import Unit


def tree():
    stp, snv = Unit("stp", "Sở Tư pháp", "so"), Unit("snv", "Sở Ngoại vụ", "so")
    vp_stp = Unit("stp-vp", "Văn phòng Sở", "phong", aliases=["VP Sở Tư pháp"])
    vp_snv = Unit("snv-vp", "Văn phòng Sở", "phong")
    for child, parent in ((vp_stp, stp), (vp_snv, snv)):
        child.parent = parent
        parent.children.append(child)
    bt = Unit("stp-bt", "Phòng Bổ trợ tư pháp và Hành chính tư pháp", "phong",
              aliases=["Phòng Bổ trợ và Hành chính tư pháp"], parent=stp)
    return UnitRegistry([stp, snv, vp_stp, vp_snv, bt]), stp, snv, vp_stp, vp_snv, bt


def test_names_aliases_and_ids_resolve_case_insensitively():
    registry, stp, _, vp_stp, _, bt = tree()
    assert registry.resolve("sở tư pháp") is stp
    assert registry.resolve("stp") is stp
    assert registry.resolve("VP Sở Tư pháp") is vp_stp
    assert registry.resolve("Phòng Bổ trợ và Hành chính tư pháp") is bt


def test_a_shared_name_resolves_inside_the_mentioning_plans_tree():
    registry, stp, snv, vp_stp, vp_snv, _ = tree()
    assert registry.resolve("Văn phòng Sở", stp) is vp_stp
    assert registry.resolve("Văn phòng Sở", snv) is vp_snv
    with pytest.raises(UnitNotFound) as error:
        registry.resolve("Văn phòng Sở", None)
    assert {u.id for u in error.value.candidates} == {"stp-vp", "snv-vp"}


def test_a_name_typed_without_diacritics_resolves_when_only_one_unit_folds_to_it():
    registry, stp, *_ = tree()
    assert registry.resolve("So Tu phap") is stp


def test_an_unknown_name_suggests_the_closest():
    registry, *_ = tree()
    with pytest.raises(UnitNotFound) as error:
        registry.resolve("Sở Tư phát")
    assert error.value.suggestion.id == "stp" and error.value.candidates == []
