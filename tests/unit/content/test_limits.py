"""Limits checked on raw text before a parser sees it, and the file-name rule (no build)."""

import time

import pytest

from pelican.plugins.portal.content import yamlsource
from pelican.plugins.portal.content.files import is_good_name
from pelican.plugins.portal.content.limits import MAX_BRACKETS, MAX_LINE_PREFIX, nesting_problem
from pelican.plugins.portal.problems import ProblemLog
from pelican.plugins.portal.text import field_key


def load(text):
    problems = ProblemLog()
    return yamlsource.load(text, "x.yaml", problems, field_key), problems.report()


def test_brackets_up_to_the_limit_pass_and_one_more_is_refused():
    assert nesting_problem("a: " + "[" * MAX_BRACKETS + "]" * MAX_BRACKETS) is None
    assert nesting_problem("a: 1\nb: " + "[" * (MAX_BRACKETS + 1))[0] == 1


def test_indentation_up_to_the_limit_passes():
    assert nesting_problem(" " * (MAX_LINE_PREFIX - 2) + "- x") is None
    assert nesting_problem("x\n" + "- " * (MAX_LINE_PREFIX // 2 + 1) + "x")[0] == 1


def test_markdown_paragraphs_close_their_brackets():
    text = "\n\n".join(["Xem [mục 1"] * (MAX_BRACKETS + 5))
    assert nesting_problem(text, blank_line_resets=True) is None
    assert nesting_problem(text) is not None


def test_a_megabyte_of_brackets_is_refused_in_well_under_a_second():
    started = time.perf_counter()
    found = nesting_problem("a: " + "[" * 1_000_000)
    assert found is not None and time.perf_counter() - started < 1


@pytest.mark.parametrize("text, mark", [("a: &x 1\nb: *x\n", "&x"), ("a: [1]\nb: *y\n", "*y")])
def test_yaml_anchors_and_aliases_are_refused(text, mark):
    record, report = load(text)
    assert record is None and len(report) == 1 and f"neo hoặc bí danh «{mark}»" in report[0]


def test_ampersand_and_star_in_quoted_or_plain_text_are_fine():
    record, report = load('ten: "&a" \nghi_chu: R&D * 2\n')
    assert report == [] and record["ten"] == "&a" and record["ghi_chu"] == "R&D * 2"


@pytest.mark.parametrize("name, good", [
    ("2025-11-so-tu-phap.md", True), ("anh-bia.jpg", True), ("thu-muc", True),
    ("Bao-cao.md", False), ("bao cao.md", False), ("bao_cao.md", False), ("báo-cáo.md", False),
    ("anh.JPG", False), (".an.md", False), ("a--b.md", False), ("-a.md", False),
])
def test_the_file_name_rule(name, good):
    assert is_good_name(name) is good
