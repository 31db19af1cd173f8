"""Issue 12: the documents' own words. Reads the content and ../shared/seeds/ (no build):
goal words verbatim in the seed, unit names found in the seed, no number the seed does not
state, and every OCR cell either close to its OCR or marked."""

import re

import pytest
import yaml

from pelican.plugins.portal import vocabulary
from pelican.plugins.portal.content.loader import load_portal
from pelican.plugins.portal.text import fold

from test_fidelity import EXPECTATIONS, OCR_ONLY, REPO, SEEDS, seed_text, squash

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")
# Unit names the seed spells differently from the registry's names (seed spelling, folded).
SEED_NAMES = yaml.safe_load((REPO / "tests" / "fidelity" / "unit-names.yml").read_text(encoding="utf-8")) or {}
# Goals of OCR plans whose words the OCR splits or joins: target id -> the OCR's spelling.
OCR_GOAL_SPELLINGS = {"dk-ct-1": "itnhat"}  # 002:238 «itnhat |» … 002:240 «30% tai liéu»
NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


@pytest.fixture(scope="module")
def portal():
    portal, problems = load_portal(REPO / "content")
    assert not problems, problems.report()
    return portal


def plans():
    for path in EXPECTATIONS:
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        seeds = [expected["seed"]] if isinstance(expected["seed"], str) else expected["seed"]
        yield expected["ma"], seeds, set(seeds) <= OCR_ONLY


def marked(text):
    return any(mark in text for mark in vocabulary.READING_MARKS)


@pytest.mark.parametrize("plan_id,seeds,ocr", list(plans()), ids=[p[0] for p in plans()])
def test_goal_words_are_the_documents(plan_id, seeds, ocr, portal):
    seed = seed_text(seeds)
    seed = fold(seed) if ocr else seed
    wrong = []
    for target in (t for t in portal.targets.values() if t.plan.id == plan_id):
        words = target.text if target.kind == vocabulary.QUALITATIVE else (target.goal_words or target.goal_text)
        words = fold(squash(words)) if ocr else squash(words)
        if ocr and target.id in OCR_GOAL_SPELLINGS:
            words = fold(OCR_GOAL_SPELLINGS[target.id])
        if words not in seed and words.rstrip(".") not in seed:
            wrong.append((target.id, words))
    assert not wrong


@pytest.mark.parametrize("plan_id,seeds,ocr", list(plans()), ids=[p[0] for p in plans()])
def test_every_task_unit_is_named_in_the_seed(plan_id, seeds, ocr, portal):
    seed = re.sub(r"[^a-z0-9 ]", " ", fold(seed_text(seeds)))
    seed = " ".join(seed.split())
    missing = []
    for task in (t for t in portal.tasks.values() if t.plan.id == plan_id):
        for unit in (*task.leads, *task.supports):
            names = [unit.name, unit.short_name, *unit.aliases, *SEED_NAMES.get(unit.id, [])]
            folded = {" ".join(re.sub(r"[^a-z0-9 ]", " ", fold(n)).split()) for n in names if n}
            if not any(name in seed for name in folded):
                missing.append((task.id, unit.id))
    assert not missing


@pytest.mark.parametrize("plan_id,seeds,ocr", list(plans()), ids=[p[0] for p in plans()])
def test_no_number_the_seed_does_not_state(plan_id, seeds, ocr, portal):
    """Numbers in the summary, goals, task numbers and deadline words all appear in the seed."""
    seed_numbers = set(NUMBER.findall(seed_text(seeds)))
    seed_numbers |= {n.lstrip("0") for n in seed_numbers}
    plan = next(p for p in portal.plans if p.id == plan_id)
    texts = [("tom_tat", plan.summary)]
    texts += [(t.id, t.goal_words or t.goal_text) for t in plan.targets]
    texts += [(t.id, t.deadline.text) for t in (*plan.targets, *plan.tasks)]
    texts += [(t.id, t.number) for t in plan.tasks if not marked(t.number)]
    unknown = []
    for where, text in texts:
        for number in NUMBER.findall(text):
            parts = re.split(r"[.,/]", number)
            if number not in seed_numbers and not all(p in seed_numbers for p in parts):
                unknown.append((where, number))
    assert not unknown


def close_enough(cell, seed_words):
    words = [w for w in re.sub(r"[^a-z0-9 ]", " ", fold(cell)).split() if len(w) > 1]
    if not words:
        return True
    found = sum(1 for w in words if w in seed_words)
    return found / len(words) >= 0.5


def test_every_ocr_cell_matches_its_ocr_or_is_marked(portal):
    """OCR plans: each task cell (text, expected result, unit cells as written) shares at least
    half its words with the folded OCR, or carries «[không đọc được]» / «[bản scan bị cắt]»."""
    far = []
    for plan_id, seeds, ocr in plans():
        if not ocr:
            continue
        seed_words = set(re.sub(r"[^a-z0-9 ]", " ", fold(seed_text(seeds))).split())
        for task in (t for t in portal.tasks.values() if t.plan.id == plan_id):
            for name, cell in (("noi_dung", task.text), ("ket_qua", task.expected_result),
                               *(("phoi_hop", c) for c in task.marked_supports)):
                if cell and not marked(cell) and not close_enough(cell, seed_words):
                    far.append((task.id, name, cell[:60]))
    assert not far


def test_marked_unit_cells_are_shown_as_written(portal):
    assert portal.tasks["dk-pl-6"].marked_supports == ["Các đơn vị thuộc [không đọc được]"]
    assert portal.tasks["dk-pl-16"].marked_supports == ["[bản scan bị cắt]"]
    assert [portal.tasks[f"dk-pl-{n}"].portal_number for n in (2, 12, 15)] == ["2", "12", "15"]
    assert portal.targets["stp-ct-7"].kind == vocabulary.QUALITATIVE
    assert [u.id for u in portal.targets["stp-ct-9"].owners] == [u.id for u in portal.tasks["stp-nv-3-2"].leads]
