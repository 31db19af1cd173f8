"""A rebuild over the previous output and cache (as `make html` twice, or the devserver) gives
the same files, byte for byte, as a clean build of the changed content, and renders only the
pages whose fingerprint changed (outputs/page_cache.py)."""

import logging
import shutil

import pytest

from tests.site_support import REPO, build, copy_site, tree

CACHED = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "PORTAL_INCREMENTAL": True}
PAGE_LOG = "pelican.plugins.portal.outputs.page_cache"


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: «{old}» not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rename(path, new_name):
    path.rename(path.with_name(new_name))


# Each change: (content folder, theme folder, settings overrides) -> None.
CHANGES = {
    "an update's figure": lambda c, t, s: replace(c / "cap-nhat" / "x-2025-10.md", "gia_tri: 30", "gia_tri: 35"),
    "an update's text": lambda c, t, s: replace(c / "cap-nhat" / "x-2025-10.md", "Số liệu mẫu cho kiểm thử.",
                                                "Số liệu mẫu đã sửa cho kiểm thử."),
    "a task's deadline": lambda c, t, s: replace(c / "ke-hoach" / "y.md", "thoi_han: quý IV/2025",
                                                 "thoi_han: quý I/2026"),
    "a target's goal": lambda c, t, s: replace(c / "ke-hoach" / "x.md", "muc_tieu: trên 90%", "muc_tieu: trên 95%"),
    "a plan's title": lambda c, t, s: replace(c / "ke-hoach" / "x.md", "tieu_de: Kế hoạch thử nghiệm tiến độ",
                                              "tieu_de: Kế hoạch đã sửa tên, thử nghiệm tiến độ"),
    "a unit's name": lambda c, t, s: replace(c / "don-vi" / "don-vi.yaml", "ten: Sở Thử nghiệm X",
                                             "ten: Sở Thử nghiệm X đổi tên"),
    "a unit's short name": lambda c, t, s: replace(c / "don-vi" / "don-vi.yaml", "ten_ngan: UBND thành phố",
                                                   "ten_ngan: UBND TP Thử"),
    "a news title": lambda c, t, s: replace(c / "tin-tuc" / "x-ban-hanh.md", "tieu_de: Sở X ban hành kế hoạch",
                                            "tieu_de: Sở X công bố kế hoạch"),
    "a link to a news article": lambda c, t, s: replace(
        c / "cap-nhat" / "x-2025-10.md", "Số liệu mẫu đã sửa cho kiểm thử.",
        "Số liệu mẫu đã sửa cho kiểm thử. Xem [tin]({filename}/tin-tuc/x-ban-hanh.md)."),
    "the linked news article renamed": lambda c, t, s: rename(c / "tin-tuc" / "x-ban-hanh.md",
                                                              "x-ban-hanh-moi.md"),
    "a template": lambda c, t, s: replace(t / "templates" / "target.html", '<article class="target">',
                                          '<article class="target"><!-- sửa mẫu -->'),
    "a component template": lambda c, t, s: replace(t / "templates" / "components" / "pills.html", "</", "<!-- x --></", ),
    "a setting": lambda c, t, s: s.update(SITENAME="Cổng thử đổi tên"),
    "the judging date": lambda c, t, s: s.update(PORTAL_JUDGING_DATE="2025-12-20"),
    "a renamed update": lambda c, t, s: rename(c / "cap-nhat" / "x-2025-09.md", "x-2025-09-doi-ten.md"),
    "a deleted update": lambda c, t, s: (c / "cap-nhat" / "x-2025-11.md").unlink(),
}


def file_counts(caplog):
    """{"made": n, "reused": m}: the open-data files and feeds of the last build with the page
    cache on (outputs/page_cache.py)."""
    return [r for r in caplog.records if hasattr(r, "portal_file_stats")][-1].portal_file_stats


def page_counts(caplog):
    """{"rendered": n, "reused": m} from the page cache's log line of the last build."""
    records = [r for r in caplog.records if hasattr(r, "portal_page_stats")]
    assert records, "the page cache logged nothing"
    return records[-1].portal_page_stats


def rebuild_equals_clean(content, out, cache, settings, clean_out, kind):
    """Rebuild over `out` and `cache`, build `clean_out` from nothing (then removed), assert
    the two are the same files, byte for byte; returns the rebuild's tree()."""
    after = tree(build(content, out, CACHE_PATH=str(cache), **CACHED, **settings))
    clean = tree(build(content, clean_out, CACHE_PATH=str(clean_out.with_name(f"{clean_out.name}-cache")),
                       **settings))
    assert sorted(after) == sorted(clean), kind
    assert [path for path in clean if after[path] != clean[path]] == [], kind
    shutil.rmtree(clean_out)
    return after


@pytest.fixture
def site(tmp_path):
    content = copy_site("progress", tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    return content, theme


def test_rebuild_after_each_change_equals_clean_build(site, tmp_path, caplog):
    """One change of each kind in turn, each followed by a rebuild over the last output and
    cache, compared with a clean build (fresh output, empty cache) of the same content."""
    content, theme = site
    # Two articles per list page, so that «Cập nhật» has several pages and a deleted or
    # renamed update moves articles between them.
    out, cache, settings = tmp_path / "out", tmp_path / "cache", {"THEME": str(theme), "DEFAULT_PAGINATION": 2}
    caplog.set_level(logging.INFO, logger=PAGE_LOG)
    before = tree(build(content, out, CACHE_PATH=str(cache), **CACHED, **settings))
    total = page_counts(caplog)["rendered"]
    data_files = file_counts(caplog)["made"]
    assert total > 50 and data_files > 20
    assert (out / "cap-nhat" / "trang-3" / "index.html").exists()
    build(content, out, CACHE_PATH=str(cache), **CACHED, **settings)
    assert page_counts(caplog) == {"rendered": 0, "reused": total}, "nothing changed, yet pages were rendered"
    assert file_counts(caplog) == {"made": 0, "reused": data_files}, "nothing changed, yet data sets were made"
    partial, partial_files = {}, {}
    for n, (kind, change) in enumerate(CHANGES.items()):
        change(content, theme, settings)
        after = rebuild_equals_clean(content, out, cache, settings, tmp_path / f"clean-{n}", kind)
        # the rebuild's counts: the clean build has the page cache off and logs none
        partial[kind] = page_counts(caplog)["rendered"]
        partial_files[kind] = file_counts(caplog)["made"]
        assert after != before, f"{kind}: the change shows nowhere"
        before = after
    # A change to one update or one task re-renders the pages that show it, not the site
    # (this small site has ~25 portal-wide pages; `make bench` measures the city corpus).
    for kind in ("an update's figure", "an update's text", "a task's deadline", "a news title"):
        assert 0 < partial[kind] < total * 0.6, (kind, partial[kind], total)
    # Open data likewise: a figure remakes the data sets that hold its report, not every one.
    # A news title shows in no data set; only the whole portal's unit and plan lists (CSV and
    # JSON) are remade, keyed on units and plans with the updates they name.
    assert 0 < partial_files["an update's figure"] < data_files * 0.6, (partial_files, data_files)
    assert partial_files["a news title"] <= 4, partial_files


# Changes tried on a published build: whether its feeds show them (entries, figures, titles,
# authors, an empty feed's date, links); a goal shows on pages, not in feeds.
FEED_CHANGES = {"an update's figure": True, "an update's text": True, "a target's goal": False, "a news title": True,
                "a unit's name": True, "a setting": True, "the judging date": True, "a link to a news article": True,
                "the linked news article renamed": True, "a renamed update": True, "a deleted update": True}


def test_published_rebuild_keeps_feeds_and_equals_clean_build(site, tmp_path, caplog):
    """As `make publish` again (absolute SITEURL: the Atom feeds are written): an unchanged
    feed is placed from the cache like open data, and after each change the rebuild equals a
    clean build, feeds included."""
    content, theme = site
    out, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"THEME": str(theme), "SITEURL": "https://example.gov.vn/cds", "RELATIVE_URLS": False}
    caplog.set_level(logging.INFO, logger=PAGE_LOG)
    before = tree(build(content, out, CACHE_PATH=str(cache), **CACHED, **settings))
    feeds = [path for path in before if path.endswith("atom.xml")]
    made = file_counts(caplog)["made"]
    assert len(feeds) > 5 and made > len(feeds)
    build(content, out, CACHE_PATH=str(cache), **CACHED, **settings)
    assert file_counts(caplog) == {"made": 0, "reused": made}, "nothing changed, yet files were made"
    for n, (kind, shown) in enumerate(FEED_CHANGES.items()):
        inodes = {path: (out / path).stat().st_ino for path in feeds if (out / path).exists()}
        CHANGES[kind](content, theme, settings)
        after = rebuild_equals_clean(content, out, cache, settings, tmp_path / f"clean-{n}", kind)
        changed = [path for path in feeds if path in after and after[path] != before[path]]
        assert bool(changed) == shown, (kind, changed)
        if kind == "an update's figure":  # a feed not showing that update is placed again, not remade
            placed = [path for path, inode in inodes.items() if (out / path).stat().st_ino == inode]
            assert placed and set(placed).isdisjoint(changed), (placed, changed)
        before = after


def test_page_cache_off_renders_every_page(site, tmp_path, caplog):
    content, theme = site
    caplog.set_level(logging.INFO, logger=PAGE_LOG)
    cache = str(tmp_path / "cache")
    build(content, tmp_path / "a", CACHE_PATH=cache, PORTAL_INCREMENTAL=True, THEME=str(theme))
    caplog.clear()
    build(content, tmp_path / "b", CACHE_PATH=cache, PORTAL_INCREMENTAL=False, THEME=str(theme))
    assert not [r for r in caplog.records if hasattr(r, "portal_page_stats")]
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_a_half_written_entry_is_never_used(site, tmp_path, caplog):
    """Entries are written whole then renamed: a temporary file left by a killed build is
    not a page, and the next build removes it."""
    content, theme = site
    cache = tmp_path / "cache"
    build(content, tmp_path / "a", CACHE_PATH=str(cache), PORTAL_INCREMENTAL=True, THEME=str(theme))
    shard = next((cache / "trang").iterdir())
    leftover = shard / "tmpabc.tmp"
    leftover.write_text("<html>nửa trang", encoding="utf-8")
    build(content, tmp_path / "b", CACHE_PATH=str(cache), PORTAL_INCREMENTAL=True, THEME=str(theme))
    assert not leftover.exists()
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_a_broken_file_is_reported_on_every_build(site, tmp_path, capsys):
    """With every cache on, a broken file fails every build, with the same line (nothing
    kept from a build that failed lets the next one pass)."""
    from pelican.plugins.portal.problems import ContentError

    content, theme = site
    cache = str(tmp_path / "cache")
    build(content, tmp_path / "a", CACHE_PATH=cache, THEME=str(theme), **CACHED)
    replace(content / "cap-nhat" / "x-2025-10.md", "gia_tri: 30", "gia_tri: [30")
    messages = []
    for attempt in range(2):
        with pytest.raises(ContentError):
            build(content, tmp_path / f"b{attempt}", CACHE_PATH=cache, THEME=str(theme), **CACHED)
        messages.append([line for line in capsys.readouterr().err.splitlines() if "x-2025-10.md" in line])
    assert messages[0] and messages[0] == messages[1]
