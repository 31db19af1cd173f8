"""Share cards: a 1200×630 PNG per plan and per target (og:image), drawn with Pillow.

The font is Open Sans from the `ttf-opensans` package (pinned in requirements.txt; it covers
Vietnamese), never fetched. A card is drawn only when what it shows changes: its inputs are
hashed, the PNG is kept in a cache folder outside the output under that hash, and an
unchanged card is only linked or copied into the output. The hash is part of the card's
URL, so a sharing site that cached the old picture sees a new URL when the card changes.
"""

import functools
import hashlib
import json
import os
import unicodedata
from dataclasses import asdict, dataclass

from ..vocabulary import STYLES, TARGET_STATES

SIZE = (1200, 630)
VERSION = "1"  # bump when the drawing changes, so every card is redrawn once
COLORS = {**STYLES, **{key: STYLES[term.style] for key, term in TARGET_STATES.items()}}
BRAND, TEXT, MUTED = "#0b4f8a", "#1b1b1b", "#4a4a4a"


@dataclass(frozen=True)
class CardSpec:
    """What a share card shows; its hash (card_key) names the cached PNG."""

    kind_label: str  # "Kế hoạch" / "Chỉ tiêu"
    title: str
    unit: str
    pills: tuple  # ((state key, text), …): the badge state(s)
    detail: str  # one line of figures
    site: str
    sample: bool = False


def _fonts():
    import ttf_opensans

    return ttf_opensans.OPENSANS_REGULAR.path, ttf_opensans.OPENSANS_BOLD.path


@functools.lru_cache(maxsize=1)
def _font_id():
    """What draws the cards (Pillow, font files): a new version of either redraws every card."""
    import PIL

    return [PIL.__version__] + [[os.path.basename(path), os.path.getsize(path)] for path in _fonts()]


def card_key(spec: CardSpec) -> str:
    """16 hex digits hashing the spec, the drawing version, Pillow's version and the fonts."""
    raw = json.dumps([VERSION, _font_id(), asdict(spec)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _wrap(draw, text, font, width, max_lines):
    words, lines, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(last + " …", font=font) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def render(spec: CardSpec):
    """The 1200×630 card as a Pillow image."""
    from PIL import Image, ImageDraw, ImageFont

    regular_path, bold_path = _fonts()

    def font(size, bold=False):
        return ImageFont.truetype(str(bold_path if bold else regular_path), size)

    def nfc(text):
        return unicodedata.normalize("NFC", text)

    image = Image.new("RGB", SIZE, "#ffffff")
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    margin = 64
    draw.rectangle([0, 0, width, 84], fill=BRAND)
    draw.text((margin, 42), nfc(spec.site), font=font(30, True), fill="#ffffff", anchor="lm")
    if spec.sample:
        label = "SỐ LIỆU MẪU"
        f = font(28, True)
        w = draw.textlength(label, font=f)
        draw.rounded_rectangle([width - margin - w - 32, 18, width - margin, 66], 10, fill="#ffbf47")
        draw.text((width - margin - w - 16, 42), label, font=f, fill=TEXT, anchor="lm")
    y = 120
    draw.text((margin, y), nfc(spec.kind_label.upper()), font=font(28, True), fill=MUTED)
    y += 50
    title_font = font(50, True)
    for line in _wrap(draw, nfc(spec.title), title_font, width - 2 * margin, 3):
        draw.text((margin, y), line, font=title_font, fill=TEXT)
        y += 64
    y += 6
    unit_font = font(30)
    for line in _wrap(draw, nfc(spec.unit), unit_font, width - 2 * margin, 1):
        draw.text((margin, y), line, font=unit_font, fill=MUTED)
    # Badge state(s) and figures along the bottom.
    pill_font = font(34, True)
    x, base = margin, height - 150
    for state, text in spec.pills:
        text = nfc(text)
        w = draw.textlength(text, font=pill_font)
        if x + w + 40 > width - margin:
            break
        draw.rounded_rectangle([x, base, x + w + 40, base + 60], 30, fill=COLORS.get(state, COLORS["neutral"]))
        draw.text((x + 20, base + 30), text, font=pill_font, fill="#ffffff", anchor="lm")
        x += w + 56
    detail_font = font(28)
    for line in _wrap(draw, nfc(spec.detail), detail_font, width - 2 * margin, 1):
        draw.text((margin, height - 58), line, font=detail_font, fill=TEXT, anchor="lm")
    draw.rectangle([0, height - 12, width, height], fill=BRAND)
    return image


def cached_card(spec: CardSpec, key: str, cache_dir: str) -> tuple:
    """(path of the card's PNG in the cache, whether it had to be drawn now)."""
    cached = os.path.join(cache_dir, f"{key}.png")
    if os.path.exists(cached):
        return cached, False
    os.makedirs(cache_dir, exist_ok=True)
    partial = f"{cached}.{os.getpid()}.tmp"
    render(spec).save(partial, "PNG", optimize=True)
    os.replace(partial, cached)
    return cached, True
