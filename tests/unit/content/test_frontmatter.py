"""Front matter read once per build (content/frontmatter.py): Pelican's reader takes the
fields it maps from what the content stage kept, and its body, without parsing again."""

import os

import pytest

from pelican.plugins.portal.content import frontmatter, yamlsource
from pelican.plugins.portal.pages.reader import METADATA_FIELDS, PortalReader
from pelican.plugins.portal.problems import ProblemLog
from pelican.settings import DEFAULT_CONFIG

TEXT = ("\ufeff---\r\ntieu_de: Cấp chữ ký số cho cán bộ\r\nngay: 02/03/2026\r\ndon_vi: so-tu-phap\r\n"
        "tom_tat: Đã cấp 120 chứng thư số.\r\n---\r\n\r\nĐoạn đầu.\r\n\r\n- ý một\r\n- ý hai\r\n")


@pytest.fixture(autouse=True)
def nothing_kept_after():
    yield
    frontmatter.keep_headers(())


def write(tmp_path, text=TEXT):
    path = tmp_path / "2026-03-02-chu-ky-so.md"
    path.write_bytes(text.encode("utf-8"))
    return str(path)


def count_parses(monkeypatch):
    parsed = []
    load = yamlsource.load
    monkeypatch.setattr(yamlsource, "load", lambda *a, **k: parsed.append(1) or load(*a, **k))
    return parsed


def test_the_reader_takes_the_kept_fields_and_gives_what_a_fresh_parse_gives(tmp_path, monkeypatch):
    path = write(tmp_path)
    frontmatter.keep_headers(())  # nothing kept: the reader parses
    fresh = PortalReader(DEFAULT_CONFIG).read(path)
    frontmatter.keep_headers(METADATA_FIELDS)
    record, body, _ = frontmatter.read_front_matter(path, ProblemLog())
    parsed = count_parses(monkeypatch)
    assert PortalReader(DEFAULT_CONFIG).read(path) == fresh
    assert parsed == []  # not parsed a second time
    assert frontmatter.take_header(path) is None  # taken once
    assert "<li>ý hai</li>" in fresh[0] and fresh[1]["summary"] == "Đã cấp 120 chứng thư số."


def test_the_body_taken_is_the_body_the_content_stage_read(tmp_path):
    path = write(tmp_path)
    frontmatter.keep_headers(METADATA_FIELDS)
    record, body, _ = frontmatter.read_front_matter(path, ProblemLog())
    values, taken = frontmatter.take_header(path)
    assert taken == body and values == {"tieu_de": "Cấp chữ ký số cho cán bộ", "ngay": "02/03/2026",
                                         "tom_tat": "Đã cấp 120 chứng thư số."}


def test_a_file_changed_after_the_content_stage_is_parsed_again(tmp_path, monkeypatch):
    path = write(tmp_path)
    frontmatter.keep_headers(METADATA_FIELDS)
    frontmatter.read_front_matter(path, ProblemLog())
    write(tmp_path, TEXT.replace("120 chứng thư", "150 chứng thư số cho cán bộ"))
    os.utime(path, ns=(1, 1))
    assert frontmatter.take_header(path) is None
    parsed = count_parses(monkeypatch)
    assert PortalReader(DEFAULT_CONFIG).read(path)[1]["summary"] == "Đã cấp 150 chứng thư số cho cán bộ số."
    assert parsed == [1]


def test_a_new_build_forgets_what_the_last_one_kept(tmp_path):
    path = write(tmp_path)
    frontmatter.keep_headers(METADATA_FIELDS)
    frontmatter.read_front_matter(path, ProblemLog())
    frontmatter.keep_headers(METADATA_FIELDS)
    assert frontmatter.take_header(path) is None


def test_the_devserver_takes_the_body_from_memory(tmp_path, monkeypatch):
    path = write(tmp_path)
    frontmatter.keep_in_memory()
    try:
        frontmatter.keep_headers(METADATA_FIELDS)
        _, body, _ = frontmatter.read_front_matter(path, ProblemLog())
        monkeypatch.setattr(frontmatter, "read_text", lambda *a: None)  # the file is not read again
        assert frontmatter.take_header(path)[1] == body
    finally:
        frontmatter.keep_in_memory(False)
