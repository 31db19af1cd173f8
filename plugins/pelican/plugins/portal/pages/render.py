"""Markdown to safe HTML, with heading anchors that read well in Vietnamese.

The renderer is markdown-it-py (CommonMark, with GFM tables and strikethrough) plus the
anchors plugin of mdit-py-plugins. CommonMark reads Markdown the way the editor's guide
teaches it: a list right under a line of text («Việc cần làm ngay:» then «- …») is a list,
and a sub-list indented two spaces under «- » is nested; Python-Markdown needed a blank line
before a list and four spaces for a sub-list, and turned both into one paragraph or a flat
list (plan 3183/KH-STP, tasks 3.1, 4.1, 6.2).
"""

import re

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
import nh3
from pelican.utils import slugify

_TAGS = nh3.ALLOWED_TAGS | {"section", "figure", "figcaption", "mark", "caption", "s"}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "type"},
}


def heading_slug(value, separator="-"):
    """"I. MỤC ĐÍCH, YÊU CẦU" -> "i-muc-dich-yeu-cau"."""
    return slugify(value, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""),
                                      (r"[-\s]+", separator)])


def make_markdown():
    """A renderer for render_markdown: CommonMark, raw HTML kept for clean_html to filter,
    tables, strikethrough, an id on every heading (heading_slug, made unique per document)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.use(anchors_plugin, min_level=1, max_level=6, slug_func=heading_slug)
    encode = md.normalizeLink

    def normalize_link(url):
        """Keep Pelican's "{static}/…" and "{filename}/…" prefixes (Pelican resolves them)."""
        prefix = _PELICAN_LINK.match(url)
        return prefix.group(0) + encode(url[prefix.end():]) if prefix else encode(url)

    md.normalizeLink = normalize_link
    return md


_PELICAN_LINK = re.compile(r"^\{(?:static|filename|attach|index|tag|category|author)\}")


def clean_html(html):
    """Drop scripts, event handlers and unknown tags that raw HTML in Markdown could carry."""
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel=None)


def render_markdown(text, md=None):
    """Returns (html, sections) where sections are (level, anchor, title) of h2–h4, in order."""
    md = md or make_markdown()
    tokens = md.parse(text)
    html = clean_html(md.renderer.render(tokens, md.options, {}))
    sections = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3", "h4"):
            title = "".join(child.content for child in tokens[index + 1].children or []
                            if child.type in ("text", "code_inline"))
            sections.append((int(token.tag[1]), token.attrs.get("id", ""), title))
    return html, sections


def split_on_blocks(html, blocks):
    """Cut rendered plan HTML at each block token: [("html", text) | (layout, items), …]."""
    parts, rest = [], html
    for token, (layout, items) in blocks.items():
        marker = f"<p>{token}</p>"
        before, found, rest_after = rest.partition(marker)
        if not found:
            continue
        parts.append(("html", before))
        parts.append((layout, items))
        rest = rest_after
    parts.append(("html", rest))
    return [part for part in parts if part != ("html", "") and part != ("html", "\n")]

