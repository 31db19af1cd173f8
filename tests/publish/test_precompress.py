"""tools/precompress.py: a .gz beside every text file; an unchanged file reuses the previous
release's .gz, a changed one is compressed again."""

import gzip

from tools.precompress import precompress

PAGE = "<html>" + "Kế hoạch chuyển đổi số " * 200 + "</html>"


def test_unchanged_files_keep_the_previous_gzip_and_changed_ones_are_compressed(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        (folder / "a").mkdir(parents=True)
    (old / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (old / "b.html").write_text(PAGE, encoding="utf-8")
    precompress(str(old))
    marker = b"kept from the previous release"
    (old / "a" / "index.html.gz").write_bytes(gzip.compress(PAGE.encode()) + marker)  # recognisable

    (new / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (new / "b.html").write_text(PAGE.replace("số", "SỐ"), encoding="utf-8")
    stats = precompress(str(new), previous=str(old))

    assert stats.files == 2
    assert (new / "a" / "index.html.gz").read_bytes().endswith(marker)
    assert gzip.decompress((new / "b.html.gz").read_bytes()).decode() == PAGE.replace("số", "SỐ")


def test_without_a_previous_release_every_file_is_compressed(tmp_path):
    (tmp_path / "x.json").write_text('{"a": "' + "b" * 500 + '"}', encoding="utf-8")
    stats = precompress(str(tmp_path), previous=str(tmp_path / "missing"))
    assert stats.files == 1
    assert gzip.decompress((tmp_path / "x.json.gz").read_bytes()).startswith(b'{"a"')
