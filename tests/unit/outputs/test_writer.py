"""The guarded writer: one source per output path, both sources named on a clash."""

import pytest

from pelican.plugins.portal.outputs.writer import DoubleWriteError, OutputFiles


def test_second_write_to_a_path_names_both_sources(tmp_path):
    files = OutputFiles(str(tmp_path))
    files.write_text("ke-hoach/index.html", "một", "trang danh mục «plans»")
    with pytest.raises(DoubleWriteError) as error:
        files.write_text("ke-hoach/./index.html", "hai", "trang tĩnh content/trang/ke-hoach.md")
    assert str(error.value) == ("ke-hoach/./index.html: hai nguồn cùng ghi một tệp — trang danh mục «plans» "
                                "và trang tĩnh content/trang/ke-hoach.md")
    assert (tmp_path / "ke-hoach" / "index.html").read_text(encoding="utf-8") == "một"


def test_place_file_links_or_copies(tmp_path):
    original = tmp_path / "cache.png"
    original.write_bytes(b"PNG")
    placed = OutputFiles(str(tmp_path / "out")).place_file("the/a.png", str(original), "thẻ")
    assert open(placed, "rb").read() == b"PNG"


def test_a_write_over_a_placed_file_leaves_the_cached_file_alone(tmp_path):
    """A placed file may be a hard link to a cached one: writing the same path in a later
    build replaces the link, it never writes through it into the cache."""
    cached = tmp_path / "cache" / "data.csv"
    cached.parent.mkdir()
    cached.write_bytes(b"ma,ten\r\n")
    OutputFiles(str(tmp_path / "out")).place_file("du-lieu/x.csv", str(cached), "dữ liệu mở")
    written = OutputFiles(str(tmp_path / "out")).write_text("du-lieu/x.csv", "ma,ten\r\nmoi,\r\n", "dữ liệu mở")
    assert open(written, "rb").read() == b"ma,ten\r\nmoi,\r\n"
    assert cached.read_bytes() == b"ma,ten\r\n"


def test_prepare_clears_a_placed_file_before_another_writer_opens_it(tmp_path):
    """Pelican's own writer (a feed) opens the path with "w": prepare() removes the hard link
    a previous build placed there first, so the cached file is never truncated."""
    cached = tmp_path / "cache" / "feed.xml"
    cached.parent.mkdir()
    cached.write_bytes(b"<feed>cu</feed>")
    OutputFiles(str(tmp_path / "out")).place_file("don-vi/a/atom.xml", str(cached), "nguồn tin")
    path = OutputFiles(str(tmp_path / "out")).prepare("don-vi/a/atom.xml", "nguồn tin")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("<feed>moi</feed>")
    assert cached.read_bytes() == b"<feed>cu</feed>"
    assert (tmp_path / "out" / "don-vi" / "a" / "atom.xml").read_text(encoding="utf-8") == "<feed>moi</feed>"
