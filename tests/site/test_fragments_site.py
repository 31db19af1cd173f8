"""Rows rendered once and reused (pages/fragments.py) read exactly as rows rendered in place
on every page: a key that left out something a row shows would make some page differ."""

from markupsafe import Markup

from pelican.plugins.portal.pages import fragments
from tests.site_support import build, copy_site, tree


def test_reused_rows_read_as_rows_rendered_in_place(tmp_path, monkeypatch):
    content = copy_site("progress", tmp_path)
    calls, keys = [], set()
    reuse = fragments.Fragments.__call__

    def counted(self, *key, caller):
        calls.append(key)
        keys.add(key)
        return reuse(self, *key, caller=caller)

    monkeypatch.setattr(fragments.Fragments, "__call__", counted)
    # Kept across kinds of page too (the generator drops them after each kind, to spare
    # memory): a row then meets every page that shows it, at every depth.
    monkeypatch.setattr(fragments.Fragments, "clear", lambda self: None)
    reused = tree(build(content, tmp_path / "reused"))
    assert len(calls) > len(keys) > 10, "the site shows no row twice: nothing is reused"
    assert {key[0] for key in keys} == {"task-row", "target-row"}

    monkeypatch.setattr(fragments.Fragments, "__call__", lambda self, *key, caller: Markup(caller()))
    in_place = tree(build(content, tmp_path / "in-place"))
    assert sorted(reused) == sorted(in_place)
    assert [path for path in in_place if reused[path] != in_place[path]] == []
