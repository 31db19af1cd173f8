"""content.loader.check_files: the devserver reads only the saved files against the last good
model, and reports their problems in the same words as the whole build."""

import pytest

from site_support import copy_site
from pelican.plugins.portal.content.loader import check_files, load_portal
from test_validation import CASES, broken_site

# Problems only the whole folder shows: an id declared in another plan.
WHOLE_FOLDER_ONLY = {("ke-hoach/b.md", "ma: b-nv-1")}
EXTRA = [
    ("cap-nhat/2025-11-a.md", "ngay: 20/11/2025", "ngay: [20/11/2025", "", "không có dấu «]»"),
    ("tin-tuc/a-ban-hanh.md", "ke_hoach: 10/KH-A\n", "ke_hoach: 10/KH-A\nchi_tieu:\n  - ma: a-ct-dat\n    gia_tri: 99\n",
     "chi_tieu", "không có trong mẫu"),
    ("trang/gioi-thieu.md", "---\n", "---\ntieu_de_phu: x\n", "tieu_de_phu", ""),
]


class Model:
    """The last good model, with a short repr (pytest would print the whole cyclic portal)."""

    def __init__(self, portal):
        self.portal = portal

    def __repr__(self):
        return "<portal of tests/sites/basic>"


def read_alone(paths, content, good):
    """(what each problem found, the update files read cleanly): short enough for pytest to show."""
    problems, updates = check_files(paths, content, None, good.portal)
    return [problem.found for problem in problems.items], sorted(updates)


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    portal, problems = load_portal(copy_site("basic", tmp_path_factory.mktemp("good")))
    assert not problems
    return Model(portal)


@pytest.mark.parametrize("relpath, old, new, field, words", CASES + EXTRA,
                         ids=[f"{c[0]}:{c[3]}:{c[4][:16]}" for c in CASES + EXTRA])
def test_a_saved_file_alone_shows_what_the_whole_build_shows_for_it(tmp_path, good, relpath, old, new,
                                                                    field, words):
    content, path, _ = broken_site(tmp_path, relpath, old, new)
    whole = [line for line in load_portal(content)[1].report() if line.startswith(f"{path}:")]
    alone = check_files([path], content, None, good.portal)[0].report()
    if (relpath, old) in WHOLE_FOLDER_ONLY:
        assert alone == [] and whole, whole
    else:
        assert whole and alone == whole, (alone, whole)
        assert any(words in line for line in alone)


def test_good_files_have_no_problem_and_the_model_is_not_touched(tmp_path, good):
    content = copy_site("basic", tmp_path)
    every = [p for p in content.rglob("*") if p.is_file()]
    def counts():
        model = good.portal
        return ([len(t.reports) for t in (*model.tasks.values(), *model.targets.values())],
                [len(u.led_tasks) for u in model.units.values()], len(model.plans), len(model.updates))

    before = counts()
    articles = [p for p in every if p.parent.name in ("cap-nhat", "tin-tuc")]
    assert read_alone(every, content, good) == ([], [])  # plans and units among them: updates wait
    assert read_alone(articles, content, good) == ([], sorted(str(p) for p in articles))
    assert counts() == before


def test_an_update_naming_a_task_of_a_plan_saved_with_it_is_left_to_the_whole_build(tmp_path, good):
    """The plan may declare the new task: the last good model cannot say; the whole build can."""
    content, update, _ = broken_site(tmp_path, "cap-nhat/2025-11-a.md", "  - ma: a-pl-2\n", "  - ma: a-pl-9\n")
    plan = content / "ke-hoach" / "a.md"
    assert read_alone([update], content, good) == (["không có nhiệm vụ mã «a-pl-9»"], [])
    assert read_alone([update, plan], content, good) == ([], [])
    assert read_alone([update, content / "don-vi" / "don-vi.yaml"], content, good) == ([], [])


def test_removed_hidden_and_outside_files_are_skipped(tmp_path, good):
    content = copy_site("basic", tmp_path)
    (content / "cap-nhat" / ".nhap.md").write_text("---\nngay: [\n---\n", encoding="utf-8")
    (tmp_path / "ngoai.md").write_text("---\nngay: [\n---\n", encoding="utf-8")
    paths = [content / "cap-nhat" / ".nhap.md", tmp_path / "ngoai.md", content / "cap-nhat" / "da-xoa.md"]
    assert read_alone(paths, content, good) == ([], [])
