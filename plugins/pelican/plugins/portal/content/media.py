"""Bodies must not make readers' browsers fetch from other hosts: images, frames and embeds
live on the portal (content/hinh-anh/). Links to other sites stay links."""

import re

# Markdown images ![…](url) and HTML elements that load something by themselves.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*((?:https?:)?//[^)\s>]+)", re.I)
_HTML_SOURCE = re.compile(r"<(img|video|audio|source|track|input)\b[^>]*?\bsrc\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)", re.I)
_FRAME = re.compile(r"<(iframe|frame|embed|object)\b", re.I)

EXPECTED_IMAGE = ("đặt ảnh vào thư mục content/hinh-anh/ rồi chèn bằng "
                  "«![mô tả ảnh]({static}/hinh-anh/ten-anh.png)»; liên kết tới trang khác thì viết «[tên](https://…)»")


def check_media(body, first_line, path, problems):
    """One problem per line of `body` (whose first line is file line `first_line`) that
    loads an image, video or frame from another host, or embeds a frame at all."""
    for offset, line in enumerate(body.split("\n")):
        where = first_line + offset
        frame = _FRAME.search(line)
        if frame:
            problems.add(path, where, "", f"khung nhúng «<{frame.group(1).lower()}>» trong nội dung",
                         "cổng không nhúng trang khác; viết một liên kết «[tên](https://…)» tới trang đó")
            continue
        found = _MARKDOWN_IMAGE.search(line) or _HTML_SOURCE.search(line)
        if found:
            url = found.group(found.lastindex)
            problems.add(path, where, "", f"ảnh «{url}» lấy từ trang khác", EXPECTED_IMAGE)
