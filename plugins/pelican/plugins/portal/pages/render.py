"""Markdown to safe HTML, with heading anchors that read well in Vietnamese."""

import markdown
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
    return markdown.Markdown(
        extensions=["markdown.extensions.extra", "markdown.extensions.toc", "markdown.extensions.sane_lists"],
        extension_configs={"markdown.extensions.toc": {"slugify": heading_slug, "toc_depth": "2-4"}},
        output_format="html5",
    )


def clean_html(html):
    """Drop scripts, event handlers and unknown tags that raw HTML in Markdown could carry."""
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel=None)


def render_markdown(text, md=None):
    """Returns (html, sections) where sections are (level, anchor, title) of h2–h4."""
    md = md or make_markdown()
    md.reset()
    html = clean_html(md.convert(text))
    sections = []

    def walk(tokens):
        for token in tokens:
            sections.append((token["level"], token["id"], token["name"]))
            walk(token["children"])

    walk(getattr(md, "toc_tokens", []))
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

