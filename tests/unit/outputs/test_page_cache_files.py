"""Files kept by the page cache (outputs/page_cache.py: file_key, stored_files, keep_files,
place_or_make, prune): what open data and feeds use to skip files whose items did not change."""

from types import SimpleNamespace

import pytest

from pelican.plugins.portal.outputs import page_cache
from pelican.plugins.portal.outputs.fingerprints import Unknown
from pelican.plugins.portal.outputs.writer import OutputFiles


def unknown(value):
    raise Unknown("function")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(page_cache, "_current", {})  # the build in progress stays untouched
    fingerprints = SimpleNamespace(site="site", value=repr, item=lambda item: f"digest of {item}")
    return page_cache.PageCache(str(tmp_path / "trang"), fingerprints)


def written(folder, name, data):
    path = folder / name
    path.write_bytes(data)
    return str(path)


def test_a_key_names_every_item_and_is_none_without_a_canonical_text(cache):
    key = cache.file_key(("open-data", "chi-tieu"), ["a", "b"])
    assert len(key) == 40
    assert cache.file_key(("open-data", "chi-tieu"), ["a", "b"]) == key
    assert cache.file_key(("open-data", "chi-tieu"), ["a", "c"]) != key
    assert cache.file_key(("open-data", "nhiem-vu"), ["a", "b"]) != key
    cache.fingerprints.item = unknown
    assert cache.file_key(("open-data", "chi-tieu"), ["a"]) is None


def test_kept_files_are_found_whole_and_counted(cache, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    key = cache.file_key(("x",), ["a"])
    assert cache.stored_files(key, ("csv", "json")) is None
    cache.keep_files(key, {"csv": written(out, "a.csv", b"ma\r\n"), "json": written(out, "a.json", b"{}")})
    stored = cache.stored_files(key, ("csv", "json"))
    assert {ext: open(path, "rb").read() for ext, path in stored.items()} == {"csv": b"ma\r\n", "json": b"{}"}
    assert (cache.files_made, cache.files_reused) == (2, 2)
    other = cache.file_key(("y",), ["a"])
    cache.keep_files(other, {"csv": written(out, "b.csv", b"ma\r\n")})
    assert cache.stored_files(other, ("csv", "json")) is None  # one of the two is missing


def test_a_leftover_temporary_file_is_replaced_not_written_through(cache, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    key = cache.file_key(("x",), ["a"])
    folder = tmp_path / "trang" / key[:2]
    folder.mkdir(parents=True)
    elsewhere = written(out, "old.csv", b"cu")
    leftover = folder / "tmp4242.csv"
    leftover.hardlink_to(elsewhere)  # a killed build's link, named as this pid's would be
    monkeypatch.setattr(page_cache.os, "getpid", lambda: 4242)
    cache.keep_files(key, {"csv": written(out, "new.csv", b"moi")})
    assert open(elsewhere, "rb").read() == b"cu"
    assert open(cache.stored_files(key, ("csv",))["csv"], "rb").read() == b"moi"


def test_prune_removes_files_no_build_used_and_leftovers(cache, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    kept, dropped = cache.file_key(("kept",), []), cache.file_key(("dropped",), [])
    cache.keep_files(dropped, {"csv": written(out, "d.csv", b"d"), "json": written(out, "d.json", b"d")})
    cache.keep_files(kept, {"csv": written(out, "k.csv", b"k")})
    (tmp_path / "trang" / kept[:2] / "tmp999.csv").write_bytes(b"half")
    cache.used = set()
    assert cache.stored_files(kept, ("csv",)) is not None  # this build uses it
    assert cache.prune() == 3
    assert sorted(p.name for p in (tmp_path / "trang").rglob("*") if p.is_file()) == [f"{kept}.csv"]


def test_place_or_make_makes_once_then_places_the_kept_files(cache, tmp_path):
    """What open data and feeds do: made and kept the first time; the next build (a fresh
    output, the same key) places the kept files and makes nothing; without a cache, made."""
    made = []

    def build(output, cache, items=("a",)):
        files = OutputFiles(str(output))

        def make():
            made.append(output)
            return {"xml": files.write_text("don-vi/a/atom.xml", "<feed/>", "nguồn tin")}

        page_cache.place_or_make(cache, files, ("feed", "don-vi/a/atom.xml"), list(items),
                                 {"xml": "don-vi/a/atom.xml"}, "nguồn tin", make)
        return (output / "don-vi" / "a" / "atom.xml").read_text(encoding="utf-8")

    assert build(tmp_path / "one", cache) == "<feed/>" and made == [tmp_path / "one"]
    assert build(tmp_path / "two", cache) == "<feed/>" and made == [tmp_path / "one"]
    assert (cache.files_made, cache.files_reused) == (1, 1)
    assert build(tmp_path / "three", None) == "<feed/>" and made == [tmp_path / "one", tmp_path / "three"]
    assert build(tmp_path / "four", cache, items=("a", "b")) == "<feed/>" and made[-1] == tmp_path / "four"
