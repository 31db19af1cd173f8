"""Files kept between builds (cachefiles.py): versioned, written whole, unreadable = empty."""

import os

import pytest

from pelican.plugins.portal.cachefiles import files_digest, load_kept, save_kept, write_whole


def test_a_kept_value_comes_back_only_for_its_version(tmp_path):
    path = tmp_path / "x.pickle"
    save_kept(path, "v1", {"a": (1, "b")})
    assert load_kept(path, "v1") == {"a": (1, "b")}
    assert load_kept(path, "v2") == {}
    assert load_kept(tmp_path / "missing.pickle", "v1") == {}


def test_a_damaged_file_reads_as_empty(tmp_path):
    path = tmp_path / "x.pickle"
    path.write_bytes(b"\x80\x05garbage")
    assert load_kept(path, "v1") == {}


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "page"
    write_whole(str(path), b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_whole(str(path), b"new")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page"]


def test_a_value_that_fails_half_way_through_pickling_leaves_the_old_file(tmp_path):
    path = tmp_path / "x.pickle"
    save_kept(path, "v1", {"a": 1})
    with pytest.raises(Exception):
        save_kept(path, "v1", {"a": "x" * 100_000, "b": lambda: None})  # a function cannot be pickled
    assert load_kept(path, "v1") == {"a": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pickle"]


def test_the_digest_follows_every_file_and_its_name(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "b.txt").write_text("note\n")
    first = files_digest([tmp_path], (".py",))
    (tmp_path / "b.txt").write_text("changed\n")
    assert files_digest([tmp_path], (".py",)) == first  # not a .py file
    (tmp_path / "a.py").write_text("x = 2\n")
    second = files_digest([tmp_path], (".py",))
    assert second != first
    (tmp_path / "a.py").rename(tmp_path / "c.py")
    assert files_digest([tmp_path], (".py",)) != second
