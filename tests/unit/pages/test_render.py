"""Markdown to safe HTML: Vietnamese heading anchors, scripts dropped, plan bodies cut at blocks."""

from pelican.plugins.portal.pages.render import heading_slug, render_markdown, split_on_blocks


def test_heading_anchors_read_well_in_vietnamese():
    assert heading_slug("I. MỤC ĐÍCH, YÊU CẦU") == "i-muc-dich-yeu-cau"
    html, sections = render_markdown("## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\nVăn bản.")
    assert '<h2 id="i-muc-dich-yeu-cau">' in html
    assert sections == [(2, "i-muc-dich-yeu-cau", "I. MỤC ĐÍCH, YÊU CẦU"), (3, "1-muc-dich", "1. Mục đích")]


def test_scripts_and_event_handlers_are_dropped():
    html, _ = render_markdown('Chữ <script>alert(1)</script><img src="a.png" onerror="x()"> hết.')
    assert "<script" not in html and "onerror" not in html and '<img src="a.png">' in html


def test_plan_body_is_cut_at_each_block_token_in_order():
    blocks = {"PORTALBLOCK0000": ("targets", ["t1"]), "PORTALBLOCK0001": ("card", ["n1"])}
    html, _ = render_markdown("## A\n\nMở đầu.\n\nPORTALBLOCK0000\n\nGiữa.\n\nPORTALBLOCK0001\n\nCuối.")
    parts = split_on_blocks(html, blocks)
    assert [kind for kind, _ in parts] == ["html", "targets", "html", "card", "html"]
    assert "Mở đầu." in parts[0][1] and parts[1][1] == ["t1"] and "Giữa." in parts[2][1]
    assert parts[3][1] == ["n1"] and "Cuối." in parts[4][1]


def test_a_token_missing_from_the_html_is_skipped_not_misplaced():
    html, _ = render_markdown("Chỉ có chữ.")
    assert split_on_blocks(html, {"PORTALBLOCK0000": ("card", ["n1"])}) == [("html", html)]
