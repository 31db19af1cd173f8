"""A rebuild over the previous output and cache (as `make html` twice, or the devserver) gives
the same files, byte for byte, as a clean build of the changed content."""

import shutil
from pathlib import Path

from tests.site_support import REPO, build, copy_site

CACHED = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


def tree(folder):
    """{relative path: bytes} of every file under `folder`."""
    folder = Path(folder)
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: «{old}» not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES = {
    "an update's figure": lambda c, t: replace(c / "cap-nhat" / "x-2025-10.md", "gia_tri: 30", "gia_tri: 35"),
    "an update's text": lambda c, t: replace(c / "cap-nhat" / "x-2025-10.md", "Số liệu mẫu cho kiểm thử.",
                                             "Số liệu mẫu đã sửa cho kiểm thử."),
    "a task's deadline": lambda c, t: replace(c / "ke-hoach" / "y.md", "thoi_han: quý IV/2025",
                                              "thoi_han: quý I/2026"),
    "a unit's name": lambda c, t: replace(c / "don-vi" / "don-vi.yaml", "ten: Sở Thử nghiệm X",
                                          "ten: Sở Thử nghiệm X đổi tên"),
    "a template": lambda c, t: replace(t / "templates" / "target.html", '<article class="target">',
                                       '<article class="target"><!-- sửa mẫu -->'),
    "a deleted update": lambda c, t: (c / "cap-nhat" / "x-2025-11.md").unlink(),
}


def test_rebuild_after_each_change_equals_clean_build(tmp_path):
    """One change of each kind in turn, each followed by a rebuild over the last output and
    cache, compared with a clean build (fresh output, empty cache) of the same content."""
    content = copy_site("progress", tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    out, cache = tmp_path / "out", tmp_path / "cache"
    before = tree(build(content, out, THEME=str(theme), CACHE_PATH=str(cache), **CACHED))
    for n, (kind, change) in enumerate(CHANGES.items()):
        change(content, theme)
        after = tree(build(content, out, THEME=str(theme), CACHE_PATH=str(cache), **CACHED))
        clean_out = tmp_path / f"clean-{n}"
        clean = tree(build(content, clean_out, THEME=str(theme), CACHE_PATH=str(tmp_path / f"clean-cache-{n}")))
        assert after != before, f"{kind}: the change shows nowhere"
        assert sorted(after) == sorted(clean), kind
        assert [path for path in clean if after[path] != clean[path]] == [], kind
        shutil.rmtree(clean_out)
        before = after
